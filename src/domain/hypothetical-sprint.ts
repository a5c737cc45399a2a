/**
 * The sprint as the goal-risk forecast sees it: ranked work items measured in one unit, and the
 * same sprint with a proposed change applied hypothetically.
 *
 * Units. A board that estimates in story points is measured in points; a board without
 * estimates, or whose issues carry none, is measured in issues, 1 each.
 *
 * Work left is uncertain (issue 13): an estimate is a guess, with a coefficient of variation of
 * ESTIMATE_CV (spread over the effort the goal needs: goal-risk-scenario.ts, effortSpread); an
 * in-progress item counts only its share not yet done (from its sub-tasks, the one under way half
 * done; else from its time in progress at the team's pace, in-progress-work.ts; else a stated
 * default); an unestimated item on a points board counts the sprint's median estimate, and an
 * estimate Jira should never hold (negative, absurd) is ignored the same way, each with a reason.
 */
import type { AssessmentInput, WorkUnit } from './assessment';
import type { CounterChange, RankTarget } from './change';
import type { SprintProgress } from './forecast';
import { goalInsertionIndex, lastOpenGoalIndex } from './goal-placement';
import { shareLeftByAge, type InProgressPace } from './in-progress-work';
import type { SprintIssue, SprintSnapshot, StatusCategory } from './sprint';
import { MAX_POINTS } from './text-limits';

/**
 * Spread of an item's true work around its estimate (coefficient of variation). Kept at or below
 * 1 / WORK_DRAW_LIMIT so that adding work can never make the goal more likely in any trial.
 */
export const ESTIMATE_CV = 0.5;
/** An in-progress item without sub-tasks to tell is taken as this far along. */
export const ASSUMED_DONE_SHARE = 0.4;
/** Of the sub-task under way in an in-progress item, the share taken as done: half, on average. */
const UNDER_WAY_SUBTASK_SHARE = 0.5;
/** However many sub-tasks are done, an in-progress item keeps this share of its work left. */
const MIN_SHARE_LEFT = 0.1;

/** One ranked sprint issue as the forecast sees it. */
export interface WorkItem {
  readonly issue: SprintIssue;
  readonly key: string;
  /** The item's whole size in the unit. */
  readonly size: number;
  /** Expected work left (0 when done). */
  readonly work: number;
  readonly goalCritical: boolean;
  readonly status: StatusCategory;
  /** Counted at the sprint's median size: no estimate, or one that was ignored. */
  readonly unestimated: boolean;
  /** The estimate was negative or absurd and is ignored. */
  readonly estimateIgnored: boolean;
  /** How an in-progress item's done share was judged: its sub-tasks, its age, or the stated default. */
  readonly progressFrom: ProgressSource | null;
}

export type ProgressSource = 'subtasks' | 'age' | 'assumed';

/** How big the sprint's estimated items are: the size given to unestimated ones, and its range. */
export interface Sizing {
  readonly median: number;
  readonly low: number;
  readonly high: number;
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

function validEstimate(points: number | null): points is number {
  return points !== null && Number.isFinite(points) && points >= 0 && points <= MAX_POINTS;
}

export function workUnitOf(snapshot: SprintSnapshot): WorkUnit {
  if (snapshot.estimation === 'issue-count') return 'issues';
  const noneEstimated = snapshot.issues.length > 0 && snapshot.issues.every((issue) => !validEstimate(issue.points));
  return noneEstimated ? 'issues' : 'points';
}

/** The median and quartiles of the sprint's valid estimates (1 when there are none). */
export function sizingOf(issues: readonly SprintIssue[]): Sizing {
  const sizes = issues
    .map((issue) => issue.points)
    .filter(validEstimate)
    .sort((a, b) => a - b);
  if (sizes.length === 0) return { median: 1, low: 1, high: 1 };
  const at = (share: number) => sizes[Math.min(sizes.length - 1, Math.floor(share * sizes.length))]!;
  const middle = sizes.length / 2;
  const median = sizes.length % 2 === 1 ? sizes[Math.floor(middle)]! : (sizes[middle - 1]! + sizes[middle]!) / 2;
  return { median, low: at(0.25), high: at(0.75) };
}

function shareLeft(issue: SprintIssue, size: number, pace: InProgressPace | undefined): { share: number; from: ProgressSource | null } {
  if (issue.statusCategory === 'done') return { share: 0, from: null };
  if (issue.statusCategory === 'todo') return { share: 1, from: null };
  const subtasks = issue.subtaskProgress;
  if (subtasks && subtasks.total > 0 && subtasks.done >= 0) {
    // An item in progress with d of n sub-tasks done has the next one under way: its done share
    // lies between d/n and (d+1)/n, so the midpoint. Counting d/n alone overstated the work left
    // of every such item (measured in the backtest: forecasts too low in both worlds).
    const done = Math.min(subtasks.done + UNDER_WAY_SUBTASK_SHARE, subtasks.total);
    return { share: Math.max(MIN_SHARE_LEFT, 1 - done / subtasks.total), from: 'subtasks' };
  }
  const byAge = pace && issue.inProgressSince ? shareLeftByAge(issue.inProgressSince, size, ESTIMATE_CV, pace) : null;
  if (byAge !== null) return { share: byAge, from: 'age' };
  return { share: 1 - ASSUMED_DONE_SHARE, from: 'assumed' };
}

/**
 * One issue as work: its size in the unit and the work left. An in-progress item's age is read
 * against the team's pace when `pace` is given (the team has usable closed sprints).
 */
export function measure(issue: SprintIssue, unit: WorkUnit, sizing: Sizing, pace?: InProgressPace): WorkItem {
  const estimated = validEstimate(issue.points);
  const size = unit === 'issues' ? 1 : estimated ? issue.points! : sizing.median;
  const { share, from } = shareLeft(issue, size, pace);
  const work = size * share;
  return {
    issue,
    key: issue.key,
    size,
    work,
    goalCritical: issue.goalCritical,
    status: issue.statusCategory,
    unestimated: unit === 'points' && !estimated,
    estimateIgnored: unit === 'points' && issue.points !== null && !estimated,
    progressFrom: from,
  };
}

/**
 * The item re-estimated. The new estimate is the whole item's size, and the work already done on
 * it stays done: a 5-point item 40% done that turns out to be 10 points has 8 left, not 6 (taking
 * the done share of the new size read every re-estimate of work under way as partly done
 * already; measured in the backtest, goal forecasts after such re-estimates were too high on all
 * three worlds). An item read by its age is measured afresh: its age is the work done, whatever
 * the size (in-progress-work.ts).
 */
function reestimated(subject: WorkItem, points: number, measureIssue: (issue: SprintIssue) => WorkItem): WorkItem {
  const resized = measureIssue({ ...subject.issue, points });
  if (resized.status !== 'in-progress' || resized.progressFrom === 'age') return resized;
  const doneWork = subject.size - subject.work;
  const work = Math.max(MIN_SHARE_LEFT * resized.size, resized.size - doneWork);
  return { ...resized, work };
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

/** Done work counts whole; an in-progress item its done share. */
export function progressOf(items: readonly WorkItem[], elapsedDays: number, totalDays: number): SprintProgress {
  let doneWork = 0;
  let committedWork = 0;
  for (const item of items) {
    committedWork += item.size;
    doneWork += item.size - item.work;
  }
  return { doneWork, elapsedDays, committedWork, totalDays };
}

// ——— The sprint after the change ———

/** The change, then the counter-change picked with it (if any), as one hypothetical sprint. */
export function applyChangeAndCounter(
  items: readonly WorkItem[],
  input: AssessmentInput,
  measureIssue: (issue: SprintIssue) => WorkItem,
): HypotheticalSprint {
  const changed = applyChange(items, input, measureIssue);
  if (!input.counterChange) return changed;
  const countered = applyCounterChange(changed.items, input.counterChange);
  return { ...countered, removedGoalKeys: [...changed.removedGoalKeys, ...countered.removedGoalKeys], arrivingKeys: changed.arrivingKeys };
}

/** Deferred items leave the sprint; items ranked below the goal move right after its last open item. */
export function applyCounterChange(items: readonly WorkItem[], counter: CounterChange): HypotheticalSprint {
  const named = new Set(counter.issueKeys);
  const moving = items.filter((item) => named.has(item.key));
  const staying = items.filter((item) => !named.has(item.key));
  if (counter.kind === 'defer')
    return { items: staying, removedGoalKeys: moving.filter((item) => item.goalCritical).map((item) => item.key), arrivingKeys: [] };
  return { items: replaceAt(staying, lastOpenGoalIndex(staying, isOpen) + 1, moving, 0), removedGoalKeys: [], arrivingKeys: [] };
}

export function applyChange(
  items: readonly WorkItem[],
  input: AssessmentInput,
  measureIssue: (issue: SprintIssue) => WorkItem,
): HypotheticalSprint {
  const { change, incoming } = input;
  const at = items.findIndex((item) => item.key === input.issueKey);
  const subject = items[at];
  const arrivals = (): WorkItem[] => (incoming && !items.some((item) => item.key === incoming.key) ? [measureIssue(incoming)] : []);
  // An issue that has left the sprint since the proposal was made changes nothing here; the
  // use case decides whether the proposal is stale.
  switch (change.kind) {
    case 'add': {
      const arriving = arrivals();
      if (!arriving.some((item) => item.goalCritical)) return hypothetical([...items, ...arriving], { arriving });
      // Not at the bottom, where Jira puts it, behind the stretch work: with the goal (goal-placement.ts).
      return hypothetical(replaceAt(items, goalInsertionIndex(items, isOpen), arriving, 0), { arriving });
    }
    case 'remove':
    case 'defer':
      return subject ? hypothetical(replaceAt(items, at, []), { removed: subject }) : hypothetical(items);
    case 'swap': {
      const arriving = arrivals();
      const outAt = items.findIndex((item) => item.key === change.outIssueKey);
      const out = items[outAt];
      // The incoming issue takes the rank of the one it replaces.
      return out
        ? hypothetical(replaceAt(items, outAt, arriving), { removed: out, arriving })
        : hypothetical([...items, ...arriving], { arriving });
    }
    case 'rerank':
      return hypothetical(subject ? rerank(items, subject, at, change.target) : items);
    case 'estimate':
      return hypothetical(subject ? replaceAt(items, at, [reestimated(subject, change.points, measureIssue)]) : items);
    case 'split': {
      if (!subject) return hypothetical(items);
      const { issue } = subject;
      const splitOff = change.parts.reduce((sum, part) => sum + part.points, 0);
      const parent = measureIssue({ ...issue, points: issue.points === null ? null : Math.max(0, issue.points - splitOff) });
      const parts = change.parts.map((part, index) =>
        measureIssue({
          ...issue,
          key: splitPartKey(issue.key, index),
          id: '',
          summary: part.summary,
          points: part.points,
          statusCategory: 'todo',
        }),
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
export function splitPartKey(parentKey: string, index: number): string {
  return `${parentKey}/${index + 1}`;
}

/** Replaces `removing` elements at `index` (one by default) with `replacement`. */
function replaceAt<T>(list: readonly T[], index: number, replacement: readonly T[], removing = 1): T[] {
  return [...list.slice(0, index), ...replacement, ...list.slice(index + removing)];
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
