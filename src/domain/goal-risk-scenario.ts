/**
 * The two sides of a goal-risk comparison, before and after the change, and the situation they
 * make together: what the target is, the trials' capacities and work errors, where the capacity
 * line falls, and the probability of finishing the target in rank order.
 *
 * In a trial the target is met when the trial's capacity covers the work down to the last target
 * item: the items' expected work plus the trial's share of their estimate error. The error is one
 * standard-normal draw per trial (common to every scenario, so comparisons stay paired) times the
 * spread of that work; drawn within ±WORK_DRAW_LIMIT, which with ESTIMATE_CV keeps adding work
 * from ever helping a trial.
 */
import type { AssessmentInput, CapacityLine, ChangeEffect, ForecastFigures, RiskThresholds, WorkUnit } from './assessment';
import type { CapacityForecast, SprintProgress, ThroughputModel } from './forecast';
import { isOpen, roundWork, type Sizing, type WorkItem } from './hypothetical-sprint';
import type { SprintSnapshot } from './sprint';
import type { SprintWorkingTime } from './working-days';

/** The capacity line is drawn at the median trial; P85 is the figure a cautious team plans with. */
const MEDIAN = 0.5;
const HIGH_CONFIDENCE = 0.85;
/**
 * Work-error draws are clipped here: |z| · ESTIMATE_CV < 1 keeps every trial monotone in scope
 * and every item's work positive (so no work left is never "done" without time to do it).
 */
export const WORK_DRAW_LIMIT = 1.99;
/** Trials are scored in this many batches; the spread of the batches gives the effect's range. */
const EFFECT_BATCHES = 20;
/** A 95% interval: ± 1.96 standard errors. */
const Z_95 = 1.96;

/**
 * Probabilities are multiples of 1 / trials; this absorbs floating-point noise when comparing them
 * with thresholds.
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

/** One assessment's trials: capacity and work error, paired by trial index. */
export interface Draws {
  readonly forecast: CapacityForecast;
  readonly workErrors: Float64Array;
  readonly p50: number;
  readonly p85: number;
}

/** One side of the comparison: the work still open, in rank order, and what the trials say of it. */
export interface Scenario {
  readonly open: readonly WorkItem[];
  /** Expected work that must be done, in rank order, before the last target item is done. */
  readonly requiredWork: number;
  /** Its variance (estimate error). */
  readonly requiredVariance: number;
  /** Trials meeting the target, per batch of trials. */
  readonly metByBatch: Int32Array;
  readonly figures: ForecastFigures;
}

/** Everything the level, reasons and suggestions are drawn from. */
export interface Situation {
  readonly input: AssessmentInput;
  readonly unit: WorkUnit;
  readonly target: Target;
  readonly thresholds: RiskThresholds;
  readonly time: SprintWorkingTime;
  readonly progress: SprintProgress;
  readonly throughput: ThroughputModel;
  readonly sizing: Sizing;
  readonly draws: Draws;
  readonly before: Scenario;
  readonly after: Scenario;
  readonly effect: ChangeEffect;
  readonly removedGoalKeys: readonly string[];
  readonly arrivingKeys: readonly string[];
  /** Goal-critical items below the capacity line after the change that were not below it before. */
  readonly fallenBelowLine: readonly WorkItem[];
}

export function drawsOf(forecast: CapacityForecast, normal: () => number): Draws {
  const workErrors = new Float64Array(forecast.trials);
  for (let trial = 0; trial < workErrors.length; trial++) {
    workErrors[trial] = Math.max(-WORK_DRAW_LIMIT, Math.min(WORK_DRAW_LIMIT, normal()));
  }
  return { forecast, workErrors, p50: forecast.capacityAt(MEDIAN), p85: forecast.capacityAt(HIGH_CONFIDENCE) };
}

/** Trials (per batch) whose capacity covers `work` with spread `variance`. */
export function metByBatch(draws: Draws, work: number, variance: number): Int32Array {
  const capacities = draws.forecast.capacities;
  const errors = draws.workErrors;
  const trials = capacities.length;
  const batches = new Int32Array(Math.min(EFFECT_BATCHES, trials));
  const spread = Math.sqrt(variance);
  // Work is never negative, and no work is done in every trial, even one without capacity.
  if (work <= 0) {
    for (let trial = 0; trial < trials; trial++) batches[trial % batches.length]!++;
    return batches;
  }
  for (let trial = 0; trial < trials; trial++) {
    if (capacities[trial]! >= work + errors[trial]! * spread) batches[trial % batches.length]!++;
  }
  return batches;
}

export function probabilityOf(batches: Int32Array, trials: number): number {
  let met = 0;
  for (const count of batches) met += count;
  return met / trials;
}

/** after − before, with a 95% interval from the spread of the per-batch differences. */
export function effectOf(before: Scenario, after: Scenario, trials: number, materialDrop: number): ChangeEffect {
  const delta = after.figures.pGoal - before.figures.pGoal;
  const batches = before.metByBatch.length;
  const perBatch = Math.ceil(trials / batches);
  const deltas = Array.from(before.metByBatch, (met, index) => (after.metByBatch[index]! - met) / perBatch);
  const mean = deltas.reduce((a, b) => a + b, 0) / batches;
  const variance = batches > 1 ? deltas.reduce((sum, d) => sum + (d - mean) ** 2, 0) / (batches - 1) : 0;
  const halfWidth = (Z_95 * Math.sqrt(variance)) / Math.sqrt(batches);
  const low = Math.max(-1, delta - halfWidth);
  const high = Math.min(1, delta + halfWidth);
  // A change moves P(goal) only when the whole interval sits on one side of no change, by a hair at least.
  const direction = high < -materialDrop ? 'lowers' : low > materialDrop ? 'raises' : 'none';
  return { delta, low, high, direction };
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

/**
 * P(goal) is certain by arithmetic when nothing required is left (1), or when work is left and
 * no working time is (`noTimeLeft`: 0); otherwise it is a forecast.
 */
export function scenarioOf(items: readonly WorkItem[], draws: Draws, target: Target, noTimeLeft: boolean): Scenario {
  const open = items.filter(isOpen);
  const lastTarget = lastTargetIndex(open, target);
  let requiredWork = 0;
  let requiredVariance = 0;
  let goalCriticalWork = 0;
  let workLeft = 0;
  open.forEach((item, index) => {
    workLeft += item.work;
    if (item.goalCritical) goalCriticalWork += item.work;
    if (index <= lastTarget) {
      requiredWork += item.work;
      requiredVariance += item.variance;
    }
  });
  const batches = metByBatch(draws, requiredWork, requiredVariance);
  const pGoal = probabilityOf(batches, draws.forecast.trials);
  return {
    open,
    requiredWork,
    requiredVariance,
    metByBatch: batches,
    figures: {
      pGoal,
      p50Points: roundWork(draws.p50),
      p85Points: roundWork(draws.p85),
      goalCriticalPointsLeft: roundWork(goalCriticalWork),
      totalPointsLeft: roundWork(workLeft),
      capacityLine: capacityLineOf(open, draws.p50),
      certain: requiredWork <= 0 || noTimeLeft,
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
