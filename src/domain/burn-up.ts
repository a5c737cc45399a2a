/**
 * The burn-up's done line: points done by the end of each working day of the sprint so far, from
 * when each issue now done reached the Done category (Jira's `statuscategorychangedate`, kept in
 * the sprint's snapshot), so the line costs no Jira call of its own. The days are placed as team
 * history places closed sprints' completions (src/jira/history.ts): work done before the start
 * counts on the first working day, work done on a day off on the working day before it.
 * Like the scope line, it counts issues in the sprint now: work done and then taken out is not
 * the sprint's any more. A day is a calendar date in the site's time zone, as in working-days.ts.
 */
import { DEFAULT_WORKING_DAYS, type WorkingDays } from './assessment';
import type { SprintIssue } from './sprint';
import { localDayOf, UTC } from './time-zone';
import { isWorkingDate } from './working-days';

const MS_PER_DAY = 86_400_000;

/** One working day of the sprint and the points done by its end (cumulative). */
export interface DoneByDay {
  /** The date, YYYY-MM-DD, on the site's clock. */
  readonly date: string;
  readonly donePoints: number;
}

/**
 * Points done by the end of each working day from the sprint's start to today (today included, as
 * the day's work so far). Empty when the sprint has no start or has not started yet. A done issue
 * whose date is unknown (a snapshot kept before the date was read) counts today: the last figure
 * always equals the points done now.
 */
export function doneByDay(
  issues: readonly Pick<SprintIssue, 'points' | 'statusCategory' | 'doneAt'>[],
  startDate: string | null,
  endDate: string | null,
  now: string,
  workingDays: WorkingDays = DEFAULT_WORKING_DAYS,
  timeZone: string = UTC,
): DoneByDay[] {
  const start = Date.parse(startDate ?? '');
  const nowMs = Date.parse(now);
  if (!Number.isFinite(start) || !Number.isFinite(nowMs) || nowMs < start) return [];
  const end = Date.parse(endDate ?? '');
  const lastMs = Number.isFinite(end) ? Math.min(nowMs, end - 1) : nowMs;
  const firstDay = localDayOf(start, timeZone);
  const lastDay = localDayOf(Math.max(start, lastMs), timeZone);
  const days: number[] = [];
  for (let day = firstDay; day <= lastDay; day++) if (isWorkingDate(day, workingDays)) days.push(day);
  if (days.length === 0) return [];
  const perDay = days.map(() => 0);
  for (const issue of issues) {
    if (issue.statusCategory !== 'done') continue;
    const doneMs = Date.parse(issue.doneAt ?? '');
    const doneDay = Number.isFinite(doneMs) ? localDayOf(doneMs, timeZone) : lastDay;
    // The last working day on or before the day it was done; the first day for work done earlier.
    const index = Math.max(
      0,
      days.findLastIndex((day) => day <= doneDay),
    );
    perDay[index] = (perDay[index] ?? 0) + (issue.points ?? 0);
  }
  let total = 0;
  return days.map((day, index) => {
    total += perDay[index] ?? 0;
    return { date: new Date(day * MS_PER_DAY).toISOString().slice(0, 10), donePoints: total };
  });
}
