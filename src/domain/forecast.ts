/**
 * Monte Carlo forecast of the work a team can still finish in a sprint.
 *
 * Model. Jira's history gives completed work per closed sprint, not per day, so the finest
 * throughput signal is each sprint's average per working day. A trial draws, for every working
 * day left, one of those daily rates at random (a bootstrap) and adds them up: the trial's
 * capacity. Mixing good and bad sprints day by day narrows the spread as more days remain, as
 * real sprints do. With no usable history the only signal is a single mean rate (this sprint's
 * pace, or failing that its commitment), and each day is drawn from rates spread evenly over
 * [0, 2 × mean]: the same mean with a deliberately wide spread, so thin data shows as low
 * confidence rather than as a false certainty. Either way a day is one draw from a list of rates.
 *
 * Questions are answered from one set of draws per assessment (common random numbers): "before"
 * and "after" see the same trials, so comparing them is monotone and free of sampling noise.
 * The trial capacities are never sorted: a linear count answers a probability and a selection
 * answers a quantile, far cheaper than sorting 10,000 numbers for the handful of questions asked.
 */
import type { Assessment } from './assessment';
import type { Random } from './random';
import type { SprintHistory } from './sprint';

export const DEFAULT_TRIALS = 10_000;

export type ForecastBasis = Assessment['basis'];

/** One working day's throughput is one of `dailyRates` (never empty), each equally likely. */
export interface ThroughputModel {
  readonly basis: ForecastBasis;
  readonly dailyRates: readonly number[];
}

/** Enough evenly spaced rates that the spread reads as continuous at whole-percent precision. */
const SPREAD_STEPS = 100;

/** What the running sprint itself says about pace, in the board's unit (points or issues). */
export interface SprintProgress {
  readonly doneWork: number;
  readonly elapsedDays: number;
  /** All work in the sprint, done or not, and the sprint's working days: the commitment. */
  readonly committedWork: number;
  readonly totalDays: number;
}

/**
 * Prefer history; else this sprint's pace so far; else its commitment spread evenly. A pace of
 * zero (nothing done yet) is not evidence of zero capacity: items finish late in a sprint.
 */
export function chooseThroughput(history: readonly SprintHistory[], progress: SprintProgress): ThroughputModel {
  const dailyRates = history
    .filter((sprint) => sprint.workingDays > 0 && Number.isFinite(sprint.completedPoints) && sprint.completedPoints >= 0)
    .map((sprint) => sprint.completedPoints / sprint.workingDays)
    // Sorted so that the same history in any order yields the same draws.
    .sort((a, b) => a - b);
  if (dailyRates.length > 0) return { basis: 'history', dailyRates };
  if (progress.elapsedDays > 0 && progress.doneWork > 0) {
    return { basis: 'sprint-pace', dailyRates: spreadAround(progress.doneWork / progress.elapsedDays) };
  }
  const commitmentRate = progress.totalDays > 0 ? progress.committedWork / progress.totalDays : 0;
  return { basis: 'none', dailyRates: spreadAround(commitmentRate) };
}

/** Rates from 0 to 2 × mean in even steps: symmetric about the mean, so it is kept exactly. */
function spreadAround(mean: number): number[] {
  return Array.from({ length: SPREAD_STEPS + 1 }, (_, step) => (2 * mean * step) / SPREAD_STEPS);
}

/** The trial capacities of one forecast, and the questions the assessment asks of them. */
export class CapacityForecast {
  /** Reordered in place by `capacityAt`; the set of values, all that matters, never changes. */
  private readonly capacities: Float64Array;
  /**
   * Ranks already in their sorted place, everything below them no larger and above no smaller:
   * each bounds where a later selection has to look.
   */
  private readonly settledRanks: number[] = [];

  constructor(capacities: Float64Array) {
    if (capacities.length === 0) throw new RangeError('A forecast needs at least one trial');
    this.capacities = capacities;
  }

  get trials(): number {
    return this.capacities.length;
  }

  /** Fraction of trials in which at least `work` gets done. */
  probabilityOfCompleting(work: number): number {
    const capacities = this.capacities;
    let covered = 0;
    // An indexed loop: for…of over a typed array runs several times slower here.
    for (let trial = 0; trial < capacities.length; trial++) {
      if (capacities[trial]! >= work) covered++;
    }
    return covered / capacities.length;
  }

  /**
   * The most work finished in at least `confidence` of trials: `probabilityOfCompleting(w) ≥
   * confidence` exactly when `w ≤ capacityAt(confidence)`. P50 is `capacityAt(0.5)`.
   */
  capacityAt(confidence: number): number {
    const trials = this.capacities.length;
    // The epsilon keeps 0.85 × 10,000 from rounding up to 8,501 trials.
    const needed = Math.min(trials, Math.max(1, Math.ceil(confidence * trials - 1e-9)));
    const rank = trials - needed;
    let low = 0;
    let high = trials - 1;
    for (const settled of this.settledRanks) {
      if (settled < rank) low = Math.max(low, settled + 1);
      else if (settled > rank) high = Math.min(high, settled - 1);
      else return this.capacities[rank]!;
    }
    this.settledRanks.push(rank);
    return selectInPlace(this.capacities, rank, low, high);
  }
}

/** Simulates `trials` sprint endings: each trial sums one drawn throughput per working day left. */
export function simulateCapacity(model: ThroughputModel, daysLeft: number, trials: number, random: Random): CapacityForecast {
  const rates = model.dailyRates;
  if (rates.length === 0) throw new RangeError('A throughput model needs at least one daily rate');
  const capacities = new Float64Array(trials);
  for (let trial = 0; trial < trials; trial++) {
    let capacity = 0;
    // random() < 1, so the index is always in range.
    for (let day = 0; day < daysLeft; day++) capacity += rates[Math.floor(random() * rates.length)]!;
    capacities[trial] = capacity;
  }
  return new CapacityForecast(capacities);
}

/**
 * Hoare quickselect within [low, high]: the value that would sit at `rank` (0-based, ascending)
 * if sorted. Every index it reads stays within [low, high], hence the non-null assertions.
 */
function selectInPlace(values: Float64Array, rank: number, low: number, high: number): number {
  while (low < high) {
    const pivot = values[(low + high) >>> 1]!;
    let i = low;
    let j = high;
    while (i <= j) {
      while (values[i]! < pivot) i++;
      while (values[j]! > pivot) j--;
      if (i <= j) {
        const swapped = values[i]!;
        values[i] = values[j]!;
        values[j] = swapped;
        i++;
        j--;
      }
    }
    if (rank <= j) high = j;
    else if (rank >= i) low = i;
    else break;
  }
  return values[rank]!;
}
