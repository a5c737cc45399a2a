/**
 * Working days of a sprint: how many have passed and how many are left, for pace and forecast.
 *
 * A day is a calendar date in the site's time zone (time-zone.ts), UTC unless one is given.
 */
import { DEFAULT_WORKING_DAYS, type WorkingDays } from './assessment';
import { instantAt, localDayOf, UTC } from './time-zone';

/** 1970-01-01, day number 0, was a Thursday (ISO weekday 4). */
const ISO_WEEKDAY_OF_DAY_ZERO = 4;

export interface SprintWorkingDays {
  /** Working days from the sprint's start up to, not including, today. */
  readonly elapsed: number;
  /** Working days from today (today included while the sprint is open) to the sprint's end. */
  readonly left: number;
  /** Working days of the whole sprint; `elapsed + left` while the sprint is running. */
  readonly total: number;
}

const NO_DAYS: SprintWorkingDays = { elapsed: 0, left: 0, total: 0 };

function isoWeekday(dayNumber: number): number {
  return ((((dayNumber + ISO_WEEKDAY_OF_DAY_ZERO - 1) % 7) + 7) % 7) + 1;
}

/** Whether a date, as a day number (days since 1970-01-01, on any clock), falls on one of the working weekdays. */
export function isWorkingDate(dayNumber: number, workingDays: WorkingDays = DEFAULT_WORKING_DAYS): boolean {
  return workingDays.includes(isoWeekday(dayNumber));
}

/**
 * Working dates that overlap the instants [fromMs, toMs). A date counts once any part of it is
 * inside the range, so today counts as a day left however late it is: the team can still finish
 * work today, and a sprint ending at 00:00 does not gain the date it ends on.
 */
export function countWorkingDays(
  fromMs: number,
  toMs: number,
  workingDays: WorkingDays = DEFAULT_WORKING_DAYS,
  timeZone: string = UTC,
): number {
  if (!(toMs > fromMs)) return 0;
  const firstDay = localDayOf(fromMs, timeZone);
  const lastDay = localDayOf(toMs - 1, timeZone);
  let count = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    if (isWorkingDate(day, workingDays)) count++;
  }
  return count;
}

/** Elapsed, left and total working days of a sprint at `now` (ISO instants). */
export function sprintWorkingDays(
  startDate: string | null,
  endDate: string | null,
  now: string,
  workingDays: WorkingDays = DEFAULT_WORKING_DAYS,
  timeZone: string = UTC,
): SprintWorkingDays {
  if (startDate === null || endDate === null) return NO_DAYS;
  const start = Date.parse(startDate);
  const end = Date.parse(endDate);
  const nowMs = Date.parse(now);
  if ([start, end, nowMs].some(Number.isNaN)) return NO_DAYS;
  const startOfToday = instantAt(localDayOf(nowMs, timeZone), 0, timeZone);
  return {
    elapsed: countWorkingDays(start, Math.min(startOfToday, end), workingDays, timeZone),
    left: countWorkingDays(Math.max(nowMs, start), end, workingDays, timeZone),
    total: countWorkingDays(start, end, workingDays, timeZone),
  };
}

/**
 * The working hours a working date stands for. Jira has no setting for them; a common office day
 * is assumed, so that part of a day counts as part of a working day. On the zone's clock, as above.
 */
const WORKDAY_START_MS = 9 * 3_600_000;
const WORKDAY_END_MS = 17 * 3_600_000;

/**
 * Working time in [fromMs, toMs), in working days: each working date counts the share of its
 * working hours inside the range. Unlike `countWorkingDays` it never jumps: over a weekend it
 * stands still, and "today" shrinks through the day instead of counting whole until midnight.
 */
export function workingTimeBetween(
  fromMs: number,
  toMs: number,
  workingDays: WorkingDays = DEFAULT_WORKING_DAYS,
  timeZone: string = UTC,
): number {
  if (!(toMs > fromMs)) return 0;
  const firstDay = localDayOf(fromMs, timeZone);
  const lastDay = localDayOf(toMs - 1, timeZone);
  let total = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    if (!isWorkingDate(day, workingDays)) continue;
    const opens = instantAt(day, WORKDAY_START_MS, timeZone);
    const closes = instantAt(day, WORKDAY_END_MS, timeZone);
    const overlap = Math.min(closes, toMs) - Math.max(opens, fromMs);
    if (overlap > 0) total += overlap / (closes - opens);
  }
  return total;
}

/** Elapsed, left and total working time of a sprint at `now`, in (fractional) working days. */
export interface SprintWorkingTime extends SprintWorkingDays {
  /** Whether `now` is past the sprint's end date (a sprint Jira has not been told to close). */
  readonly pastEnd: boolean;
}

export function sprintWorkingTime(
  startDate: string | null,
  endDate: string | null,
  now: string,
  workingDays: WorkingDays = DEFAULT_WORKING_DAYS,
  timeZone: string = UTC,
): SprintWorkingTime {
  const none = { ...NO_DAYS, pastEnd: false };
  if (startDate === null || endDate === null) return none;
  const start = Date.parse(startDate);
  const end = Date.parse(endDate);
  const nowMs = Date.parse(now);
  if ([start, end, nowMs].some(Number.isNaN)) return none;
  const total = workingTimeBetween(start, end, workingDays, timeZone);
  const elapsed = Math.min(total, workingTimeBetween(start, Math.min(nowMs, end), workingDays, timeZone));
  return { elapsed, left: Math.max(0, total - elapsed), total, pastEnd: nowMs >= end };
}
