/**
 * The two sides of a goal-risk comparison, before and after the change, and the situation they
 * make together: what the target is, how much capacity the trials expect, where the capacity line
 * falls, and the probability of finishing the target in rank order.
 */
import type { AssessmentInput, CapacityLine, ForecastFigures, RiskThresholds, WorkUnit } from './assessment';
import type { CapacityForecast, SprintProgress, ThroughputModel } from './forecast';
import { isOpen, roundWork, type WorkItem } from './hypothetical-sprint';
import type { SprintSnapshot } from './sprint';
import type { SprintWorkingDays } from './working-days';

/** The capacity line is drawn at the median trial; P85 is the figure a cautious team plans with. */
const MEDIAN = 0.5;
const HIGH_CONFIDENCE = 0.85;

/**
 * Probabilities are multiples of 1 / trials; this absorbs floating-point noise when comparing them
 * with thresholds. Work is compared with capacity exactly, as `CapacityForecast` does, so that the
 * capacity line, P(goal) and the suggestions never disagree at the boundary.
 */
export const EPSILON = 1e-9;

/** Whether a probability, or a drop in one, is short of a threshold. */
export function isBelow(probability: number, threshold: number): boolean {
  return probability < threshold - EPSILON;
}

/** Whether a probability, or a drop in one, meets a threshold. */
export function reaches(probability: number, threshold: number): boolean {
  return probability >= threshold - EPSILON;
}

/**
 * What the goal is taken to be: the goal-critical items, or, with no goal text or no goal-critical
 * items, simply all the work in the sprint (the assessment then judges capacity only).
 */
export type Target = 'goal' | 'all-work';

export interface Capacity {
  readonly forecast: CapacityForecast;
  readonly p50: number;
  readonly p85: number;
}

/** One side of the comparison: the work still open, in rank order, and what the trials say of it. */
export interface Scenario {
  readonly open: readonly WorkItem[];
  /** Work that must be done, in rank order, before the last target item is done. */
  readonly requiredWork: number;
  readonly figures: ForecastFigures;
}

/** Everything the level, reasons and suggestions are drawn from. */
export interface Situation {
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

export function capacityOf(forecast: CapacityForecast): Capacity {
  return { forecast, p50: forecast.capacityAt(MEDIAN), p85: forecast.capacityAt(HIGH_CONFIDENCE) };
}

// ——— The target ———

export function targetOf(snapshot: SprintSnapshot, beforeItems: readonly WorkItem[], afterItems: readonly WorkItem[]): Target {
  const isGoalCritical = (item: WorkItem): boolean => item.goalCritical;
  return hasGoalText(snapshot) && (beforeItems.some(isGoalCritical) || afterItems.some(isGoalCritical)) ? 'goal' : 'all-work';
}

export function hasGoalText(snapshot: SprintSnapshot): boolean {
  return snapshot.sprint.goal.trim().length > 0;
}

export function isTargetItem(item: WorkItem, target: Target): boolean {
  return target === 'all-work' || item.goalCritical;
}

/** Index of the lowest-ranked target item among open items, or -1 when none is open. */
export function lastTargetIndex(open: readonly WorkItem[], target: Target): number {
  return open.findLastIndex((item) => isTargetItem(item, target));
}

// ——— One side of the comparison ———

export function scenarioOf(items: readonly WorkItem[], capacity: Capacity, target: Target, goalBroken: boolean): Scenario {
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

// ——— Comparing the two sides ———

export function goalItemsFallenBelowLine(before: Scenario, after: Scenario): WorkItem[] {
  const belowBefore = new Set(goalItemsBelowLine(before).map((item) => item.key));
  return goalItemsBelowLine(after).filter((item) => !belowBefore.has(item.key));
}

function goalItemsBelowLine(scenario: Scenario): WorkItem[] {
  return scenario.open.slice(scenario.figures.capacityLine.index).filter((item) => item.goalCritical);
}

export function pGoalDrop(situation: Situation): number {
  return situation.before.figures.pGoal - situation.after.figures.pGoal;
}
