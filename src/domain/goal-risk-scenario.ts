/**
 * The two sides of a goal-risk comparison, before and after the change, and the situation they
 * make together: what the target is, the trials' capacities and work errors, where the capacity
 * line falls, and the probability of finishing the target.
 *
 * In a trial the target is met when the trial's capacity covers the effort the team spends until
 * its last target item is done (effortUntilTarget: the team works on its WIP at once, not one
 * item at a time) plus the trial's share of that effort's estimate error. The error is one
 * standard-normal draw per trial (common to every scenario, so comparisons stay paired) times a
 * spread that grows with the effort but never faster than ESTIMATE_CV per unit of it; drawn within
 * ±WORK_DRAW_LIMIT, which keeps more effort from ever helping a trial.
 */
import type { AssessmentInput, CapacityLine, ChangeEffect, ForecastFigures, RiskThresholds, WorkUnit } from './assessment';
import type { CapacityForecast, SprintProgress, ThroughputModel } from './forecast';
import { ESTIMATE_CV, isOpen, roundWork, type Sizing, type WorkItem } from './hypothetical-sprint';
import type { SprintIssue, SprintSnapshot } from './sprint';
import type { SprintWorkingTime } from './working-days';

/** The capacity line is drawn at the median trial; P85 is the figure a cautious team plans with. */
const MEDIAN = 0.5;
const HIGH_CONFIDENCE = 0.85;
/**
 * Work-error draws are clipped here: |z| · ESTIMATE_CV < 1 keeps every trial monotone in the
 * effort (effortSpread grows at most ESTIMATE_CV per unit of effort) and the effort positive (so
 * work left is never "done" without time to do it).
 */
export const WORK_DRAW_LIMIT = 1.99;
/**
 * A forecast that is not certain by arithmetic reads at least this and at most 1 − this: the
 * trials play out the model (the team's history, its estimates, its WIP), and a real sprint can
 * fail or succeed in ways the model does not hold — a key person leaves, an item turns out to be
 * done already. P = MODEL_FLOOR + (1 − 2·MODEL_FLOOR) · (share of trials that meet the goal).
 * It kept the backtests' Brier scores or lowered them by 0.001, and took every answer at exactly
 * 0% or 100% that arithmetic does not make certain out of the three worlds (`npm run backtest`).
 */
export const MODEL_FLOOR = 0.02;
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
  /** Expected effort the team spends before the last target item is done (effortUntilTarget). */
  readonly effort: number;
  /** Trials meeting the target, per batch of trials. */
  readonly metByBatch: Int32Array;
  readonly figures: ForecastFigures;
}

/** What every scenario of one assessment shares, so that each side and each way out is scored alike. */
export interface ScenarioBasis {
  readonly draws: Draws;
  readonly target: Target;
  /** No working time left: P(goal) is then certain by arithmetic. */
  readonly noTimeLeft: boolean;
  /** Items the team works on at once: its in-progress issues before the change, at least 1 (teamWipOf). */
  readonly wip: number;
  /** Work-weighted mean size of an open item before the change: the grain of the estimate error (workGrainOf). */
  readonly workGrain: number;
}

/** Everything the level, reasons and suggestions are drawn from. */
export interface Situation extends ScenarioBasis {
  readonly input: AssessmentInput;
  readonly unit: WorkUnit;
  readonly thresholds: RiskThresholds;
  readonly time: SprintWorkingTime;
  readonly progress: SprintProgress;
  readonly throughput: ThroughputModel;
  readonly sizing: Sizing;
  /** The sprint after the change, done items included: counter-changes (ways out) apply to it. */
  readonly afterItems: readonly WorkItem[];
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

/** Trials (per batch) whose capacity covers `work` with estimate error of standard deviation `spread`. */
function metByBatch(draws: Draws, work: number, spread: number): Int32Array {
  const capacities = draws.forecast.capacities;
  const errors = draws.workErrors;
  const trials = capacities.length;
  const batches = new Int32Array(Math.min(EFFECT_BATCHES, trials));
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

function shareOfTrials(batches: Int32Array, trials: number): number {
  let met = 0;
  for (const count of batches) met += count;
  return met / trials;
}

/** A share of trials as a forecast, within the model floor (MODEL_FLOOR). */
function forecastOf(shareOfTrials: number): number {
  return MODEL_FLOOR + (1 - 2 * MODEL_FLOOR) * shareOfTrials;
}

/** after − before, with a 95% interval from the spread of the per-batch differences. */
export function effectOf(before: Scenario, after: Scenario, trials: number, materialDrop: number): ChangeEffect {
  const delta = after.figures.pGoal - before.figures.pGoal;
  const batches = before.metByBatch.length;
  const perBatch = Math.ceil(trials / batches);
  // Batches of trials where neither side is certain; each side's floor rescales shares alike.
  const scale = before.figures.certain || after.figures.certain ? 1 : 1 - 2 * MODEL_FLOOR;
  const deltas = Array.from(before.metByBatch, (met, index) => (scale * (after.metByBatch[index]! - met)) / perBatch);
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
 * Of the effort the other WIP slots give while the target's largest item is still open, the share
 * taken by work ranked below the target: on average an item is half done when the next one joins
 * the slots beside it, so the work below shares in its second half (measured flat between 0.3 and
 * 0.7 on all three backtest worlds, `npm run backtest`).
 */
const BELOW_TARGET_SHARE = 0.5;

/** The team's WIP: what its board shows in progress before the change, and at least one item. */
export function teamWipOf(issuesBefore: readonly SprintIssue[]): number {
  return Math.max(1, issuesBefore.filter((issue) => issue.statusCategory === 'in-progress').length);
}

/**
 * The grain of estimate error: the work-weighted mean size of the open items before the change
 * (Σw² / Σw), so effortSpread gives the sprint's own open work exactly its items' combined
 * spread, ESTIMATE_CV · √Σw². Without open work, the size an unestimated item is given.
 */
export function workGrainOf(beforeItems: readonly WorkItem[], fallback: number): number {
  let work = 0;
  let squares = 0;
  for (const item of beforeItems) {
    if (!isOpen(item)) continue;
    work += item.work;
    squares += item.work * item.work;
  }
  return work > 0 ? squares / work : fallback;
}

/**
 * Expected effort the team spends until its last target item is done, when it works on `wip`
 * items at once in rank order (issue 13: a team's WIP, as in the backtest's truth). Items do not
 * wait for every item ranked above them; while the target is open, other items take part of the
 * effort. With T the largest target item's work and s = wip − 1 the other slots:
 * - every target item counts in full;
 * - a non-target item ranked above the last target item counts min(w, T + B/s), B the non-target
 *   work ranked between it and the last target item: it shares the slots with the target work, so
 *   it gets as much as the target's largest item, plus its head start, its share of the work that
 *   passes through the other slots before the target's last item joins it. With s = 0 it counts w:
 *   one item at a time is plain rank order;
 * - work ranked below the target takes part of the effort while the target is open: each item
 *   min(w, T), all of them at most BELOW_TARGET_SHARE · s · T.
 *
 * Why a Product Owner can rely on it (issue 13; property tests in test/domain/goal-risk.test.ts):
 * sharing that depends on which item finishes first (equal sharing played out) is not monotone —
 * removing a small item can let a big one into the WIP and delay the goal. Here every term is
 * monotone by construction: T is a maximum over the target items, B a sum of non-target work, and
 * neither falls when work is added, nor rises when non-target work is removed, nor when a target
 * item moves up. Each item's count is monotone in them, the below-target sum and its cap too. An
 * item that passes from above the last target item to below it (a target item moves up past it,
 * or it is ranked below the goal) counts at most min(w, T) below, never more than the min(w, T +
 * B/s) it counted above. Hence adding work never lowers the effort; removing or deferring
 * non-target work, moving a target item up or ranking work below the goal never raises it. The
 * WIP and the error grain are taken from the sprint before the change, the same for every side
 * and every way out, and P(goal) falls as the effort rises in every trial (effortSpread).
 */
export function effortUntilTarget(open: readonly WorkItem[], target: Target, wip: number): number {
  const lastTarget = lastTargetIndex(open, target);
  if (lastTarget < 0) return 0;
  let largestTarget = 0;
  for (const item of open) if (isTargetItem(item, target)) largestTarget = Math.max(largestTarget, item.work);
  const otherSlots = Math.max(0, wip - 1);
  let effort = 0;
  let between = 0;
  for (let index = lastTarget; index >= 0; index--) {
    const item = open[index]!;
    if (isTargetItem(item, target)) {
      effort += item.work;
      continue;
    }
    effort += otherSlots > 0 ? Math.min(item.work, largestTarget + between / otherSlots) : item.work;
    between += item.work;
  }
  let below = 0;
  for (let index = lastTarget + 1; index < open.length; index++) below += Math.min(open[index]!.work, largestTarget);
  return effort + Math.min(below, BELOW_TARGET_SHARE * otherSlots * largestTarget);
}

/**
 * Standard deviation of the effort's estimate error: ESTIMATE_CV of it while it is one item's
 * worth, then as for effort/grain items of the grain's size, ESTIMATE_CV · √(effort · grain).
 * It never grows faster than ESTIMATE_CV per unit of effort, so with |z| ≤ WORK_DRAW_LIMIT a
 * trial's work, effort + z · spread, rises with the effort: more effort never helps a trial.
 */
export function effortSpread(effort: number, grain: number): number {
  return ESTIMATE_CV * Math.min(effort, Math.sqrt(effort * grain));
}

/**
 * P(goal) is certain by arithmetic when no effort is required (1), or when it is and no working
 * time is left (0); otherwise it is a forecast. The way out of a threat is scored by this same
 * function on the sprint with the counter-change, so its promise is what the pair is assessed at.
 */
export function scenarioOf(items: readonly WorkItem[], basis: ScenarioBasis): Scenario {
  const { draws, target } = basis;
  const open = items.filter(isOpen);
  let goalCriticalWork = 0;
  let workLeft = 0;
  for (const item of open) {
    workLeft += item.work;
    if (item.goalCritical) goalCriticalWork += item.work;
  }
  const effort = effortUntilTarget(open, target, basis.wip);
  const batches = metByBatch(draws, effort, effortSpread(effort, basis.workGrain));
  const certain = effort <= 0 || basis.noTimeLeft;
  const share = shareOfTrials(batches, draws.forecast.trials);
  const pGoal = certain ? share : forecastOf(share);
  return {
    open,
    effort,
    metByBatch: batches,
    figures: {
      pGoal,
      p50Points: roundWork(draws.p50),
      p85Points: roundWork(draws.p85),
      goalCriticalPointsLeft: roundWork(goalCriticalWork),
      totalPointsLeft: roundWork(workLeft),
      capacityLine: capacityLineOf(open, draws.p50),
      certain,
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
