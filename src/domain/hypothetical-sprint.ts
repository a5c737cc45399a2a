/**
 * The sprint as the goal-risk forecast sees it: ranked work items measured in one unit, and the
 * same sprint with a proposed change applied hypothetically.
 *
 * Units. A board that estimates in story points is measured in points; an unestimated item on
 * such a board counts 0 (and a reason says how many there are) rather than a guessed size. A
 * board without estimates, or whose issues carry none, is measured in issues, 1 each.
 */
import type { AssessmentInput, WorkUnit } from './assessment';
import type { RankTarget } from './change';
import type { SprintProgress } from './forecast';
import type { SprintIssue, SprintSnapshot, StatusCategory } from './sprint';
import type { SprintWorkingDays } from './working-days';

/** One ranked sprint issue as the forecast sees it. */
export interface WorkItem {
  readonly issue: SprintIssue;
  readonly key: string;
  readonly work: number;
  readonly goalCritical: boolean;
  readonly status: StatusCategory;
  readonly unestimated: boolean;
}

/** The sprint as it would be after the change. */
export interface HypotheticalSprint {
  readonly items: readonly WorkItem[];
  /** Goal-critical issues the change takes out of the sprint. */
  readonly removedGoalKeys: readonly string[];
  /** Issues the change brings in (the incoming issue, split parts): not the team's to defer. */
  readonly arrivingKeys: readonly string[];
}

// ——— Measuring work ———

export function workUnitOf(snapshot: SprintSnapshot): WorkUnit {
  if (snapshot.estimation === 'issue-count') return 'issues';
  const noneEstimated = snapshot.issues.length > 0 && snapshot.issues.every((issue) => issue.points === null);
  return noneEstimated ? 'issues' : 'points';
}

export function measure(issue: SprintIssue, unit: WorkUnit): WorkItem {
  return {
    issue,
    key: issue.key,
    work: unit === 'issues' ? 1 : Math.max(0, issue.points ?? 0),
    goalCritical: issue.goalCritical,
    status: issue.statusCategory,
    unestimated: unit === 'points' && issue.points === null,
  };
}

/**
 * Closed sprints are measured in the board's unit: a points board whose issues carry no points is
 * counted in issues here, and its history's points would be the wrong unit.
 */
export function historyMatchesUnit(snapshot: SprintSnapshot, unit: WorkUnit): boolean {
  return unit === (snapshot.estimation === 'issue-count' ? 'issues' : 'points');
}

/** Work is reported to one decimal: fractional estimates exist, finer precision is noise. */
export function roundWork(work: number): number {
  return Math.round(work * 10) / 10;
}

export const isOpen = (item: WorkItem): boolean => item.status !== 'done';

export function sumWork(items: readonly WorkItem[]): number {
  return items.reduce((sum, item) => sum + item.work, 0);
}

export function progressOf(items: readonly WorkItem[], days: SprintWorkingDays): SprintProgress {
  let doneWork = 0;
  let committedWork = 0;
  for (const item of items) {
    committedWork += item.work;
    if (!isOpen(item)) doneWork += item.work;
  }
  return { doneWork, elapsedDays: days.elapsed, committedWork, totalDays: days.total };
}

// ——— The sprint after the change ———

export function applyChange(items: readonly WorkItem[], input: AssessmentInput, measureIssue: (issue: SprintIssue) => WorkItem): HypotheticalSprint {
  const { change, incoming } = input;
  const at = items.findIndex((item) => item.key === input.issueKey);
  const subject = items[at];
  const arrivals = (): WorkItem[] => (incoming && !items.some((item) => item.key === incoming.key) ? [measureIssue(incoming)] : []);
  // An issue that has left the sprint since the proposal was made changes nothing here; the
  // use case decides whether the proposal is stale.
  switch (change.kind) {
    case 'add': {
      const arriving = arrivals();
      // Moved into a sprint, an issue joins at the bottom of its rank order.
      return hypothetical([...items, ...arriving], { arriving });
    }
    case 'remove':
    case 'defer':
      return subject ? hypothetical(replaceAt(items, at, []), { removed: subject }) : hypothetical(items);
    case 'swap': {
      const arriving = arrivals();
      const outAt = items.findIndex((item) => item.key === change.outIssueKey);
      const out = items[outAt];
      // The incoming issue takes the rank of the one it replaces.
      return out ? hypothetical(replaceAt(items, outAt, arriving), { removed: out, arriving }) : hypothetical([...items, ...arriving], { arriving });
    }
    case 'rerank':
      return hypothetical(subject ? rerank(items, subject, at, change.target) : items);
    case 'estimate':
      return hypothetical(subject ? replaceAt(items, at, [measureIssue({ ...subject.issue, points: change.points })]) : items);
    case 'split': {
      if (!subject) return hypothetical(items);
      const { issue } = subject;
      const splitOff = change.parts.reduce((sum, part) => sum + part.points, 0);
      const parent = measureIssue({ ...issue, points: issue.points === null ? null : Math.max(0, issue.points - splitOff) });
      const parts = change.parts.map((part, index) =>
        measureIssue({ ...issue, key: splitPartKey(issue.key, index), id: '', summary: part.summary, points: part.points, statusCategory: 'todo' }),
      );
      return hypothetical(replaceAt(items, at, [parent, ...parts]), { arriving: parts });
    }
    case 'priority':
    case 'tweak':
      return hypothetical(items);
  }
}

function hypothetical(
  items: readonly WorkItem[],
  { removed, arriving = [] }: { removed?: WorkItem; arriving?: readonly WorkItem[] } = {},
): HypotheticalSprint {
  return {
    items,
    removedGoalKeys: removed?.goalCritical ? [removed.key] : [],
    arrivingKeys: arriving.map((item) => item.key),
  };
}

/** Split parts have no Jira key until they are created; they appear in capacity lines as these. */
function splitPartKey(parentKey: string, index: number): string {
  return `${parentKey}/${index + 1}`;
}

function replaceAt<T>(list: readonly T[], index: number, replacement: readonly T[]): T[] {
  return [...list.slice(0, index), ...replacement, ...list.slice(index + 1)];
}

function rerank(items: readonly WorkItem[], moving: WorkItem, at: number, target: RankTarget): readonly WorkItem[] {
  const others = replaceAt(items, at, []);
  const landing = landingIndex(others, target);
  return landing === null ? items : [...others.slice(0, landing), moving, ...others.slice(landing)];
}

function landingIndex(others: readonly WorkItem[], target: RankTarget): number | null {
  switch (target.position) {
    case 'top':
      return 0;
    case 'bottom':
      return others.length;
    case 'before':
    case 'after': {
      const anchor = others.findIndex((item) => item.key === target.issueKey);
      if (anchor < 0) return null;
      return target.position === 'before' ? anchor : anchor + 1;
    }
  }
}
