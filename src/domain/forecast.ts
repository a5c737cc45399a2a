/**
 * Monte Carlo forecast of the work a team can still finish in a sprint.
 *
 * Model. Jira's history gives completed work per closed sprint, not per day, so the finest
 * throughput signal is each sprint's average per working day. A trial draws, for every working
 * day left, one of those daily rates at random (a bootstrap) and adds them up: the trial's
 * capacity. Mixing good and bad sprints day by day narrows the spread as more days remain, as
 * real sprints do. With no usable history the only signal is a single mean rate (this sprint's
 * pace, or failing that its commitment), and each day is drawn uniformly from [0, 2 × mean]:
 * the same mean with a deliberately wide spread, so thin data shows as low confidence rather than
 * as a false certainty.
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

/** How one working day's throughput is drawn, and from what evidence. */
export type ThroughputModel =
  | { readonly basis: 'history'; readonly dailyRates: readonly number[] }
  | { readonly basis: 'sprint-pace' | 'none'; readonly meanDailyRate: number };

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
    return { basis: 'sprint-pace', meanDailyRate: progress.doneWork / progress.elapsedDays };
  }
  const meanDailyRate = progress.totalDays > 0 ? progress.committedWork / progress.totalDays : 0;
  return { basis: 'none', meanDailyRate };
}

/** The trial capacities of one forecast, and the questions the assessment asks of them. */
export class CapacityForecast {
  /** Reordered in place by `capacityAt`; the set of values, all that matters, never changes. */
  private readonly capacities: Float64Array;

  constructor(capacities: Float64Array) {
    if (capacities.length === 0) throw new RangeError('A forecast needs at least one trial');
    this.capacities = capacities;
  }

  get trials(): number {
    return this.capacities.length;
  }

  /** Fraction of trials in which at least `work` gets done. */
  probabilityOfCompleting(work: number): number {
    let covered = 0;
    for (const capacity of this.capacities) {
      if (capacity >= work) covered++;
    }
    return covered / this.capacities.length;
  }

  /**
   * The most work finished in at least `confidence` of trials: `probabilityOfCompleting(w) ≥
   * confidence` exactly when `w ≤ capacityAt(confidence)`. P50 is `capacityAt(0.5)`.
   */
  capacityAt(confidence: number): number {
    const trials = this.capacities.length;
    // The epsilon keeps 0.85 × 10,000 from rounding up to 8,501 trials.
    const needed = Math.min(trials, Math.max(1, Math.ceil(confidence * trials - 1e-9)));
    return selectInPlace(this.capacities, trials - needed);
  }
}

/** Simulates `trials` sprint endings: each trial sums one drawn throughput per working day left. */
export function simulateCapacity(model: ThroughputModel, daysLeft: number, trials: number, random: Random): CapacityForecast {
  const capacities = new Float64Array(trials);
  const drawDay = dailyThroughputDraw(model, random);
  for (let trial = 0; trial < trials; trial++) {
    let capacity = 0;
    for (let day = 0; day < daysLeft; day++) capacity += drawDay();
    capacities[trial] = capacity;
  }
  return new CapacityForecast(capacities);
}

function dailyThroughputDraw(model: ThroughputModel, random: Random): () => number {
  switch (model.basis) {
    case 'history': {
      const rates = model.dailyRates;
      // random() < 1, so the index is always in range.
      return () => rates[Math.floor(random() * rates.length)]!;
    }
    case 'sprint-pace':
    case 'none': {
      const widest = 2 * model.meanDailyRate;
      return () => random() * widest;
    }
  }
}

/**
 * Hoare quickselect: the value that would sit at `rank` (0-based, ascending) if sorted. Every
 * index it reads stays within [low, high], hence the non-null assertions.
 */
function selectInPlace(values: Float64Array, rank: number): number {
  let low = 0;
  let high = values.length - 1;
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
