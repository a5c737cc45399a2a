/**
 * Sprint-goal threat assessment: what a proposed change does to the chance of meeting the goal.
 *
 * The change is applied to the sprint hypothetically, then the sprint before and after is put
 * to the same Monte Carlo trials (forecast.ts). Work is taken in rank order, so the goal is met
 * in a trial when the trial's capacity covers every not-done item down to the lowest-ranked
 * goal-critical one. In-progress items count in full: Jira does not say how far along they are,
 * and counting them whole keeps the answer monotone in rank and scope.
 *
 * Units. A board that estimates in story points is measured in points; an unestimated item on
 * such a board counts 0 (and a reason says how many there are) rather than a guessed size. A
 * board without estimates, or whose issues carry none, is measured in issues, 1 each.
 */
import {
  DEFAULT_THRESHOLDS,
  DEFAULT_WORKING_DAYS,
  type Assessment,
  type AssessmentInput,
  type AssessmentReason,
  type CapacityLine,
  type ForecastFigures,
  type RiskLevel,
  type RiskThresholds,
  type Suggestion,
} from './assessment';
import type { ChangeKind, RankTarget } from './change';
import {
  chooseThroughput,
  DEFAULT_TRIALS,
  simulateCapacity,
  type CapacityForecast,
  type SprintProgress,
  type ThroughputModel,
} from './forecast';
import { seededRandom } from './random';
import type { SprintIssue, SprintSnapshot, StatusCategory } from './sprint';
import { sprintWorkingDays, type SprintWorkingDays } from './working-days';

export const DEFAULT_SEED = 0x5eed;

/** The capacity line is drawn at the median trial; P85 is the figure a cautious team plans with. */
const MEDIAN = 0.5;
const HIGH_CONFIDENCE = 0.85;
/**
 * Probabilities are multiples of 1 / trials; this absorbs floating-point noise when comparing them
 * with thresholds. Work is compared with capacity exactly, as `CapacityForecast` does, so that the
 * capacity line, P(goal) and the suggestions never disagree at the boundary.
 */
const EPSILON = 1e-9;

type WorkUnit = 'points' | 'issues';

/**
 * What the goal is taken to be: the goal-critical items, or, with no goal text or no goal-critical
 * items, simply all the work in the sprint (the assessment then judges capacity only).
 */
type Target = 'goal' | 'all-work';

/** One ranked sprint issue as the forecast sees it. */
interface WorkItem {
  readonly issue: SprintIssue;
  readonly key: string;
  readonly work: number;
  readonly goalCritical: boolean;
  readonly status: StatusCategory;
  readonly unestimated: boolean;
}

/** The sprint as it would be after the change. */
interface HypotheticalSprint {
  readonly items: readonly WorkItem[];
  /** Goal-critical issues the change takes out of the sprint. */
  readonly removedGoalKeys: readonly string[];
  /** Issues the change brings in (the incoming issue, split parts): not the team's to defer. */
  readonly arrivingKeys: readonly string[];
}

/** One side of the comparison: the work still open, in rank order, and what the trials say of it. */
interface Scenario {
  readonly open: readonly WorkItem[];
  /** Work that must be done, in rank order, before the last target item is done. */
  readonly requiredWork: number;
  readonly figures: ForecastFigures;
}

interface Capacity {
  readonly forecast: CapacityForecast;
  readonly p50: number;
  readonly p85: number;
}

/** Everything the reasons and suggestions are drawn from. */
interface Situation {
  readonly input: AssessmentInput;
  readonly unit: WorkUnit;
  readonly target: Target;
  readonly thresholds: RiskThresholds;
  readonly days: SprintWorkingDays;
  readonly progress: SprintProgress;
  readonly throughput: ThroughputModel;
  readonly capacity: Capacity;
  readonly before: Scenario;
  readonly after: Scenario;
  readonly removedGoalKeys: readonly string[];
  readonly arrivingKeys: readonly string[];
  /** Goal-critical items below the capacity line after the change that were not below it before. */
  readonly fallenBelowLine: readonly WorkItem[];
}

export function assessChange(input: AssessmentInput): Assessment {
  const { snapshot } = input;
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  const trials = Math.max(1, Math.floor(input.trials ?? DEFAULT_TRIALS));
  const seed = input.seed ?? DEFAULT_SEED;
  const days = sprintWorkingDays(snapshot.sprint.startDate, snapshot.sprint.endDate, input.now, input.workingDays ?? DEFAULT_WORKING_DAYS);

  const unit = workUnitOf(snapshot);
  const measureIssue = (issue: SprintIssue): WorkItem => measure(issue, unit);
  const beforeItems = snapshot.issues.map(measureIssue);
  const hypothetical = applyChange(beforeItems, input, measureIssue);
  const afterItems = hypothetical.items;
  const target = targetOf(snapshot, beforeItems, afterItems);

  const progress = progressOf(beforeItems, days);
  const throughput = chooseThroughput(historyMatchesUnit(snapshot, unit) ? input.history : [], progress);
  const forecast = simulateCapacity(throughput, days.left, trials, seededRandom(seed));
  const capacity = { forecast, p50: forecast.capacityAt(MEDIAN), p85: forecast.capacityAt(HIGH_CONFIDENCE) };

  const removedGoalKeys = target === 'goal' ? hypothetical.removedGoalKeys : [];
  const before = scenarioOf(beforeItems, capacity, target, false);
  const after = scenarioOf(afterItems, capacity, target, removedGoalKeys.length > 0);
  const situation: Situation = {
    input,
    unit,
    target,
    thresholds,
    days,
    progress,
    throughput,
    capacity,
    before,
    after,
    removedGoalKeys,
    arrivingKeys: hypothetical.arrivingKeys,
    fallenBelowLine: target === 'goal' ? goalItemsFallenBelowLine(before, after) : [],
  };
  const level = judgeLevel(situation);
  return {
    level,
    reasons: [...changeReasons(situation), ...dataReasons(situation)],
    before: before.figures,
    after: after.figures,
    suggestions: level === 'safe' ? [] : suggest(situation),
    workingDaysLeft: days.left,
    trials,
    seed,
    basis: throughput.basis,
    assessedAt: input.now,
  };
}

// ——— The sprint after the change ———

function applyChange(items: readonly WorkItem[], input: AssessmentInput, measureIssue: (issue: SprintIssue) => WorkItem): HypotheticalSprint {
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

// ——— Measuring work ———

function workUnitOf(snapshot: SprintSnapshot): WorkUnit {
  if (snapshot.estimation === 'issue-count') return 'issues';
  const noneEstimated = snapshot.issues.length > 0 && snapshot.issues.every((issue) => issue.points === null);
  return noneEstimated ? 'issues' : 'points';
}

function measure(issue: SprintIssue, unit: WorkUnit): WorkItem {
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
function historyMatchesUnit(snapshot: SprintSnapshot, unit: WorkUnit): boolean {
  return unit === (snapshot.estimation === 'issue-count' ? 'issues' : 'points');
}

function targetOf(snapshot: SprintSnapshot, beforeItems: readonly WorkItem[], afterItems: readonly WorkItem[]): Target {
  const isGoalCritical = (item: WorkItem): boolean => item.goalCritical;
  return hasGoalText(snapshot) && (beforeItems.some(isGoalCritical) || afterItems.some(isGoalCritical)) ? 'goal' : 'all-work';
}

function hasGoalText(snapshot: SprintSnapshot): boolean {
  return snapshot.sprint.goal.trim().length > 0;
}

function isTargetItem(item: WorkItem, target: Target): boolean {
  return target === 'all-work' || item.goalCritical;
}

const isOpen = (item: WorkItem): boolean => item.status !== 'done';

function sumWork(items: readonly WorkItem[]): number {
  return items.reduce((sum, item) => sum + item.work, 0);
}

function progressOf(items: readonly WorkItem[], days: SprintWorkingDays): SprintProgress {
  let doneWork = 0;
  let committedWork = 0;
  for (const item of items) {
    committedWork += item.work;
    if (!isOpen(item)) doneWork += item.work;
  }
  return { doneWork, elapsedDays: days.elapsed, committedWork, totalDays: days.total };
}

// ——— Forecast figures ———

/** Index of the lowest-ranked target item among open items, or -1 when none is open. */
function lastTargetIndex(open: readonly WorkItem[], target: Target): number {
  return open.findLastIndex((item) => isTargetItem(item, target));
}

function capacityLineOf(open: readonly WorkItem[], capacityP50: number): CapacityLine {
  const aboveKeys: string[] = [];
  const belowKeys: string[] = [];
  let used = 0;
  for (const item of open) {
    // Once one item does not fit, nothing ranked below it is done before it.
    if (belowKeys.length === 0 && used + item.work <= capacityP50) {
      used += item.work;
      aboveKeys.push(item.key);
    } else {
      belowKeys.push(item.key);
    }
  }
  return { index: aboveKeys.length, aboveKeys, belowKeys };
}

function scenarioOf(items: readonly WorkItem[], capacity: Capacity, target: Target, goalBroken: boolean): Scenario {
  const open = items.filter(isOpen);
  const lastTarget = lastTargetIndex(open, target);
  let requiredWork = 0;
  let goalCriticalWork = 0;
  let workLeft = 0;
  open.forEach((item, index) => {
    workLeft += item.work;
    if (item.goalCritical) goalCriticalWork += item.work;
    if (index <= lastTarget) requiredWork += item.work;
  });
  return {
    open,
    requiredWork,
    figures: {
      // A goal-critical item leaving the sprint cannot be done in it: the goal as written fails.
      pGoal: goalBroken ? 0 : capacity.forecast.probabilityOfCompleting(requiredWork),
      p50Points: roundWork(capacity.p50),
      p85Points: roundWork(capacity.p85),
      goalCriticalPointsLeft: roundWork(goalCriticalWork),
      totalPointsLeft: roundWork(workLeft),
      capacityLine: capacityLineOf(open, capacity.p50),
    },
  };
}

function goalItemsFallenBelowLine(before: Scenario, after: Scenario): WorkItem[] {
  const belowBefore = new Set(goalItemsBelowLine(before).map((item) => item.key));
  return goalItemsBelowLine(after).filter((item) => !belowBefore.has(item.key));
}

function goalItemsBelowLine(scenario: Scenario): WorkItem[] {
  return scenario.open.slice(scenario.figures.capacityLine.index).filter((item) => item.goalCritical);
}

// ——— Level ———

function pGoalDrop(situation: Situation): number {
  return situation.before.figures.pGoal - situation.after.figures.pGoal;
}

function judgeLevel(situation: Situation): RiskLevel {
  const { thresholds } = situation;
  const pGoal = situation.after.figures.pGoal;
  const drop = pGoalDrop(situation);
  const threatened =
    pGoal < thresholds.threatBelow - EPSILON ||
    drop >= thresholds.threatDrop - EPSILON ||
    situation.removedGoalKeys.length > 0 ||
    situation.fallenBelowLine.length > 0;
  if (threatened) return 'threat';
  if (pGoal < thresholds.cautionBelow - EPSILON || drop >= thresholds.cautionDrop - EPSILON) return 'caution';
  return 'safe';
}

// ——— Reasons ———

const CHANGE_NAMES: Readonly<Record<ChangeKind, string>> = {
  add: 'This addition',
  remove: 'This removal',
  defer: 'This deferral',
  rerank: 'This re-rank',
  priority: 'This priority change',
  estimate: 'This re-estimate',
  split: 'This split',
  swap: 'This swap',
  tweak: 'This tweak',
};

function changeReasons(situation: Situation): AssessmentReason[] {
  const { before, after, thresholds, unit, capacity } = situation;
  const label = probabilityLabel(situation.target);
  const reasons: AssessmentReason[] = [];
  for (const issueKey of situation.removedGoalKeys) {
    reasons.push({
      code: 'goal-item-removed',
      message: `Removes a goal-critical item (${issueKey}): the goal cannot be met as written`,
      figures: { issueKey },
    });
  }
  for (const item of situation.fallenBelowLine) {
    reasons.push({
      code: 'goal-item-below-line',
      message: `${CHANGE_NAMES[situation.input.change.kind]} moves ${item.key} (goal-critical, ${formatWork(item.work, unit)}) below the capacity line`,
      figures: { issueKey: item.key, work: roundWork(item.work), capacityP50: after.figures.p50Points },
    });
  }
  if (after.figures.pGoal < thresholds.cautionBelow - EPSILON) {
    const [threshold, kind] =
      after.figures.pGoal < thresholds.threatBelow - EPSILON ? [thresholds.threatBelow, 'threat'] : [thresholds.cautionBelow, 'caution'];
    reasons.push({
      code: 'p-goal-low',
      message: `${label} after this change is ${formatPercent(after.figures.pGoal)}, below the ${formatPercent(threshold)} ${kind} threshold`,
      figures: { pGoal: after.figures.pGoal, threshold },
    });
  }
  const drop = pGoalDrop(situation);
  if (drop >= thresholds.cautionDrop - EPSILON) {
    const points = percentOf(before.figures.pGoal) - percentOf(after.figures.pGoal);
    reasons.push({
      code: 'p-goal-drop',
      message: `${label} drops from ${formatPercent(before.figures.pGoal)} to ${formatPercent(after.figures.pGoal)} (−${points} points)`,
      figures: { pGoalBefore: before.figures.pGoal, pGoalAfter: after.figures.pGoal, drop },
    });
  }
  if (situation.target === 'goal' && after.requiredWork > capacity.p50) {
    reasons.push(goalWorkExceedsCapacity(after, unit));
  }
  const { totalPointsLeft: leftBefore } = before.figures;
  const { totalPointsLeft: leftAfter } = after.figures;
  const added = leftAfter - leftBefore;
  if (added > 0) {
    reasons.push({
      code: 'scope-added',
      message: `Adds ${formatWork(added, unit)} of work (${formatNumber(leftBefore)} → ${formatWork(leftAfter, unit)} left)`,
      figures: { added: roundWork(added), workLeftBefore: leftBefore, workLeftAfter: leftAfter },
    });
  }
  return reasons;
}

function goalWorkExceedsCapacity(after: Scenario, unit: WorkUnit): AssessmentReason {
  const { goalCriticalPointsLeft, p50Points } = after.figures;
  const requiredWork = roundWork(after.requiredWork);
  const ranked = requiredWork > goalCriticalPointsLeft ? `, done only after ${formatWork(requiredWork, unit)} of work in rank order` : '';
  return {
    code: 'goal-work-exceeds-capacity',
    message: `Goal-critical work left: ${formatWork(goalCriticalPointsLeft, unit)}${ranked}; expected capacity left: ${formatWork(p50Points, unit)} (P50)`,
    figures: { goalCriticalWorkLeft: goalCriticalPointsLeft, requiredWork, capacityP50: p50Points },
  };
}

/** Caveats about the data the assessment stands on; they hold whatever the level. */
function dataReasons(situation: Situation): AssessmentReason[] {
  const { snapshot } = situation.input;
  const { unit, after, days, throughput } = situation;
  const reasons: AssessmentReason[] = [];
  if (snapshot.sprint.state !== 'active' || snapshot.sprint.startDate === null || snapshot.sprint.endDate === null) {
    reasons.push({
      code: 'no-active-sprint',
      message: `Sprint "${snapshot.sprint.name}" is not active or has no dates: ${days.left} working days to forecast`,
      figures: { sprintId: snapshot.sprint.id, workingDaysLeft: days.left },
    });
  }
  if (situation.target === 'all-work') {
    reasons.push(
      hasGoalText(snapshot)
        ? { code: 'no-goal-critical-items', message: 'No issue in the sprint is marked goal-critical: judging capacity only', figures: {} }
        : { code: 'no-goal', message: 'The sprint has no goal text: judging capacity only', figures: {} },
      {
        code: 'capacity-only',
        message: `Work left: ${formatWork(after.figures.totalPointsLeft, unit)}; expected capacity left: ${formatWork(after.figures.p50Points, unit)} (P50)`,
        figures: { workLeft: after.figures.totalPointsLeft, capacityP50: after.figures.p50Points },
      },
    );
  }
  const unestimated = after.open.filter((item) => item.unestimated).length;
  if (unit === 'issues') {
    reasons.push({ code: 'no-estimates', message: 'No story points on these issues: counting each issue as 1', figures: {} });
  } else if (unestimated > 0) {
    reasons.push({
      code: 'no-estimates',
      message: `${unestimated} unestimated ${unestimated === 1 ? 'item counts' : 'items count'} as 0 pts: work left may be understated`,
      figures: { unestimated },
    });
  }
  if (throughput.basis !== 'history') reasons.push(lowConfidence(throughput.basis, situation.progress, unit));
  return reasons;
}

function lowConfidence(basis: 'sprint-pace' | 'none', progress: SprintProgress, unit: WorkUnit): AssessmentReason {
  const { doneWork, elapsedDays, committedWork, totalDays } = progress;
  const message =
    basis === 'sprint-pace'
      ? `No closed sprints to learn from: forecast from this sprint's pace so far (${formatWork(doneWork, unit)} in ${elapsedDays} working days)`
      : `No closed sprints and no pace yet: forecast assumes the sprint's commitment (${formatWork(committedWork, unit)} over ${totalDays} working days)`;
  return { code: 'low-confidence-forecast', message: `${message}, low confidence`, figures: { doneWork, elapsedDays, committedWork, totalDays } };
}

// ——— Suggestions ———

function suggest(situation: Situation): Suggestion[] {
  const deferral = suggestDeferrals(situation);
  return [...(deferral ? [deferral] : []), ...suggestSplits(situation)];
}

/**
 * The least P(goal) at which the level would be safe again: at least `cautionBelow`, and within
 * `cautionDrop` of where it was before the change.
 */
function safePGoal(situation: Situation): number {
  const { thresholds, before, capacity } = situation;
  const trials = capacity.forecast.trials;
  const withinDrop = (Math.floor((before.figures.pGoal - thresholds.cautionDrop + EPSILON) * trials) + 1) / trials;
  return Math.min(1, Math.max(thresholds.cautionBelow, withinDrop));
}

/**
 * Defer non-goal to-do items, lowest ranked first, until P(goal) is safe. Only items ranked above
 * the last target item make room: work below it is done after the goal anyway. The proposal's
 * own issue and not-yet-created split parts are never offered.
 */
function suggestDeferrals(situation: Situation): Suggestion | null {
  const { after, target, unit, capacity, input, arrivingKeys } = situation;
  if (situation.removedGoalKeys.length > 0) return null;
  const safeProbability = safePGoal(situation);
  const affordable = capacity.forecast.capacityAt(safeProbability);
  const deferrable = (item: WorkItem): boolean =>
    item.status === 'todo' && !item.goalCritical && item.work > 0 && item.key !== input.issueKey && !arrivingKeys.includes(item.key);
  const lastTarget = lastTargetIndex(after.open, target);
  const deferred: WorkItem[] = [];
  let required = after.requiredWork;
  for (let index = lastTarget; index >= 0 && required > affordable; index--) {
    const item = after.open[index]!;
    if (!deferrable(item)) continue;
    deferred.push(item);
    required -= item.work;
  }
  // Summed afresh in rank order, as the sprint without them would be, so fractional points
  // cannot make the promise differ from the sprint it describes.
  const deferredSet = new Set(deferred);
  required = sumWork(after.open.slice(0, lastTarget + 1).filter((item) => !deferredSet.has(item)));
  if (deferred.length === 0 || required > affordable) return null;
  // Found lowest rank first; listed in rank order, as the team reads its board.
  deferred.reverse();
  const listed = joinAsEnglish(deferred.map((item) => `${item.key} (${formatWork(item.work, unit)})`));
  return {
    kind: 'defer-to-make-room',
    issueKeys: deferred.map((item) => item.key),
    points: roundWork(sumWork(deferred)),
    pGoalAfter: capacity.forecast.probabilityOfCompleting(required),
    message: `Defer ${listed} to keep ${probabilityLabel(target)} ≥ ${formatPercent(safeProbability)}`,
  };
}

/** An open target item bigger than the whole expected capacity cannot fit by re-ranking or deferring. */
function suggestSplits(situation: Situation): Suggestion[] {
  const { after, target, unit, capacity } = situation;
  if (unit === 'issues') return [];
  return after.open
    .filter((item) => isTargetItem(item, target) && item.work > capacity.p50)
    .map((item): Suggestion => ({
      kind: 'split',
      issueKey: item.key,
      points: roundWork(item.work),
      message: `Split ${item.key} (${formatWork(item.work, unit)}): alone it is more than the expected capacity left (${formatWork(capacity.p50, unit)}, P50)`,
    }));
}

// ——— Wording ———

function probabilityLabel(target: Target): string {
  return target === 'goal' ? 'P(goal)' : 'P(all work done)';
}

function roundWork(work: number): number {
  return Math.round(work * 10) / 10;
}

function formatNumber(work: number): string {
  return String(roundWork(work));
}

function formatWork(work: number, unit: WorkUnit): string {
  const rounded = roundWork(work);
  if (unit === 'issues') return `${rounded} ${rounded === 1 ? 'issue' : 'issues'}`;
  return `${rounded} ${rounded === 1 ? 'pt' : 'pts'}`;
}

/** Whole percent, rounded down, so a probability just under a threshold never reads as meeting it. */
function percentOf(probability: number): number {
  return Math.floor(probability * 100 + EPSILON);
}

function formatPercent(probability: number): string {
  return `${percentOf(probability)}%`;
}

function joinAsEnglish(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
