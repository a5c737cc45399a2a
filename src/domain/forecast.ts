/**
 * Monte Carlo forecast of the work a team can still finish in a sprint.
 *
 * Model (issue 13). A trial is one way the rest of the sprint could go:
 * - Throughput comes from the team's real days. A trial picks one usable closed sprint; when its
 *   per-day completions are known, it takes a contiguous block of that sprint's days as long as
 *   the working time left (wrapping round), so good and bad days of one sprint move together as
 *   they do in reality. Points are credited on the day an item is done, not on the days it was
 *   worked on, so a block also carries the lumps of when items happened to finish; the block is
 *   weighed against its sprint's even pace over the same time (BLOCK_WEIGHT). A sprint known only
 *   by its total gives its pace × the days left, with the extra day-to-day spread a part of a
 *   sprint has over a whole one.
 * - Few sprints say little about the next one: every trial's pace is also scaled by a
 *   sprint-level factor whose spread shrinks with the number of sprints (1/√n), so thin history
 *   widens the spread and never yields certainty. Without usable history the pace is this
 *   sprint's own so far (or its commitment) with a deliberately wide spread.
 * - This sprint's own progress moves the forecast: the drawn pace is shrunk towards the pace
 *   observed so far, with a weight that grows with the working time elapsed.
 * - Declared absences (days off, availability) scale the working time left.
 *
 * Questions are answered from one set of draws per assessment (common random numbers): "before",
 * "after" and every suggestion see the same trials, in the same order, so their differences are
 * the change's effect and not sampling noise.
 */
import type { Assessment, RestOfSprintCapacity } from './assessment';
import type { Random } from './random';
import type { SprintHistory } from './sprint';

export const DEFAULT_TRIALS = 10_000;

export type ForecastBasis = Assessment['basis'];

/** A closed sprint the forecast does not learn from, and why (shown to the team by name). */
export interface SetAsideSprint {
  readonly name: string;
  /** 'no-points': nothing completed (often a board whose Done column is not mapped); 'too-short': closed within 2 working days. */
  readonly why: 'no-points' | 'too-short';
}

/** The fewest working days a closed sprint needs to say anything about a team's pace. */
export const MIN_SPRINT_WORKING_DAYS = 2;

/** What the trials draw throughput from. */
export interface ThroughputModel {
  readonly basis: ForecastBasis;
  /** One entry per usable closed sprint: its completed work per working day, in order, or its average only. */
  readonly sprints: readonly UsableSprint[];
  /** Mean completed work per working day over the usable sprints, or the fallback pace. */
  readonly meanDailyRate: number;
  /** Log-scale spread of the sprint-level factor each trial's pace is scaled by. */
  readonly levelSpread: number;
  readonly setAside: readonly SetAsideSprint[];
}

export type UsableSprint =
  | { readonly kind: 'days'; readonly days: readonly number[] }
  | { readonly kind: 'total'; readonly dailyRate: number; readonly workingDays: number };

/** What the running sprint itself says about pace, in the board's unit (points or issues). */
export interface SprintProgress {
  /** Work done so far: done items, plus the done share of in-progress items. */
  readonly doneWork: number;
  /** Working time elapsed, in (fractional) working days. */
  readonly elapsedDays: number;
  /** All work in the sprint, done or not, and the sprint's working days: the commitment. */
  readonly committedWork: number;
  readonly totalDays: number;
}

/**
 * Spread of one sprint's pace around a team's usual pace (log scale) when the sample cannot say:
 * typical sprint-to-sprint variation of Scrum teams' velocity is 20–35%.
 */
const PRIOR_LEVEL_SPREAD = 0.3;
/** Without any closed sprint, the pace is a guess from this sprint alone: wider still. */
const FALLBACK_LEVEL_SPREAD = 0.5;
/** Day-to-day variation of completed work (coefficient of variation): work completes in lumps. */
const DAY_CV = 1;
/**
 * Weight of a block of a closed sprint's days against that sprint's even pace over the same time.
 * Completed points arrive in lumps (a 5-point item lands on one day), which a short block would
 * otherwise read as the team's pace swinging. Measured flat from 0 to 0.75 on all three backtest
 * worlds, and worse at 1 (the block alone): the middle of the flat range (`npm run backtest`).
 */
const BLOCK_WEIGHT = 0.5;
/** Working days of evidence the history is worth against this sprint's own pace. */
const PACE_PRIOR_DAYS = 6;
/** This sprint's observed pace moves the forecast at most this far (×/÷) from the history. */
const PACE_RATIO_LIMIT = 3;

/** The closed sprints the forecast learns from, those it sets aside (and why), and their pace. */
export interface UsableHistory {
  readonly sprints: readonly UsableSprint[];
  readonly setAside: readonly SetAsideSprint[];
  /**
   * Mean completed work per working day over the usable sprints, or null without any: also what
   * the sprint's in-progress items are measured against before this sprint's own progress is
   * known (hypothetical-sprint.ts, InProgressPace).
   */
  readonly meanDailyRate: number | null;
}

/** Sets aside closed sprints that cannot describe the team, stating why, and keeps the rest. */
export function usableHistoryOf(history: readonly SprintHistory[]): UsableHistory {
  const setAside: SetAsideSprint[] = [];
  const sprints: UsableSprint[] = [];
  // Sorted so that the same history in any order yields the same draws.
  const ordered = [...history].sort((a, b) => a.sprintId - b.sprintId || a.name.localeCompare(b.name));
  for (const sprint of ordered) {
    if (!(sprint.workingDays >= MIN_SPRINT_WORKING_DAYS)) {
      setAside.push({ name: sprint.name, why: 'too-short' });
      continue;
    }
    if (!(Number.isFinite(sprint.completedPoints) && sprint.completedPoints > 0)) {
      setAside.push({ name: sprint.name, why: 'no-points' });
      continue;
    }
    const days = sprint.dailyCompletedPoints;
    const readable =
      days !== undefined &&
      days.length >= MIN_SPRINT_WORKING_DAYS &&
      days.every((d) => Number.isFinite(d) && d >= 0) &&
      days.some((d) => d > 0);
    sprints.push(
      readable
        ? { kind: 'days', days: [...days] }
        : { kind: 'total', dailyRate: sprint.completedPoints / sprint.workingDays, workingDays: sprint.workingDays },
    );
  }
  return { sprints, setAside, meanDailyRate: sprints.length > 0 ? meanDailyRateOf(sprints) : null };
}

/**
 * Learns from the usable closed sprints; without any, falls back to this sprint's pace, else to
 * its commitment.
 */
export function chooseThroughput(usable: UsableHistory, progress: SprintProgress): ThroughputModel {
  const { sprints, setAside, meanDailyRate } = usable;
  if (meanDailyRate !== null) {
    return { basis: 'history', sprints, meanDailyRate, levelSpread: PRIOR_LEVEL_SPREAD / Math.sqrt(sprints.length), setAside };
  }
  const paced = progress.elapsedDays >= 1 && progress.doneWork > 0;
  const rate = paced ? progress.doneWork / progress.elapsedDays : progress.totalDays > 0 ? progress.committedWork / progress.totalDays : 0;
  const workingDays = Math.max(MIN_SPRINT_WORKING_DAYS, Math.round(progress.totalDays));
  return {
    basis: paced ? 'sprint-pace' : 'none',
    sprints: [{ kind: 'total', dailyRate: rate, workingDays }],
    meanDailyRate: rate,
    levelSpread: FALLBACK_LEVEL_SPREAD,
    setAside,
  };
}

function meanDailyRateOf(sprints: readonly UsableSprint[]): number {
  return sprints.reduce((sum, s) => sum + dailyRateOf(s), 0) / sprints.length;
}

function dailyRateOf(sprint: UsableSprint): number {
  return sprint.kind === 'total' ? sprint.dailyRate : sprint.days.reduce((a, b) => a + b, 0) / sprint.days.length;
}

/** Working time left for work: the board's days left, less declared days off, times availability. */
export function effectiveDaysLeft(daysLeft: number, capacity: RestOfSprintCapacity | undefined): number {
  if (!capacity) return daysLeft;
  const availability = Number.isFinite(capacity.availability) ? Math.min(1, Math.max(0, capacity.availability)) : 1;
  const daysOff = Number.isFinite(capacity.daysOff) ? Math.max(0, capacity.daysOff) : 0;
  return Math.max(0, daysLeft - daysOff) * availability;
}

/**
 * How far this sprint's pace so far moves the drawn pace: a factor (observed ÷ usual pace) and a
 * weight growing with the time elapsed. History only: a fallback pace already is this sprint's.
 */
export function paceUpdate(model: ThroughputModel, progress: SprintProgress): { readonly ratio: number; readonly weight: number } {
  if (model.basis !== 'history' || progress.elapsedDays < 0.5 || model.meanDailyRate <= 0) return { ratio: 1, weight: 0 };
  const observed = progress.doneWork / progress.elapsedDays;
  const ratio = Math.min(PACE_RATIO_LIMIT, Math.max(1 / PACE_RATIO_LIMIT, observed / model.meanDailyRate));
  return { ratio, weight: progress.elapsedDays / (progress.elapsedDays + PACE_PRIOR_DAYS) };
}

/** Standard normal by Box–Muller; both values are used, so one pair of uniforms gives two draws. */
export function normalSource(random: Random): () => number {
  let spare: number | null = null;
  return () => {
    if (spare !== null) {
      const value = spare;
      spare = null;
      return value;
    }
    const radius = Math.sqrt(-2 * Math.log(1 - random()));
    const angle = 2 * Math.PI * random();
    spare = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  };
}

/** Simulates `trials` sprint endings: the work each trial's team completes in the time left. */
export function simulateCapacity(
  model: ThroughputModel,
  daysLeft: number,
  progress: SprintProgress,
  trials: number,
  random: Random,
): CapacityForecast {
  const { sprints, levelSpread } = model;
  if (sprints.length === 0) throw new RangeError('A throughput model needs at least one sprint to draw from');
  const capacities = new Float64Array(trials);
  if (!(daysLeft > 0)) return new CapacityForecast(capacities);
  const normal = normalSource(random);
  const { ratio, weight } = paceUpdate(model, progress);
  const paceFactor = Math.pow(ratio, weight);
  const wholeDays = Math.floor(daysLeft);
  const partDay = daysLeft - wholeDays;
  // Mean-one lognormal factors: E[exp(σz − σ²/2)] = 1, so spreads widen without shifting the mean.
  const levelShift = (levelSpread * levelSpread) / 2;
  const evenRates = sprints.map(dailyRateOf);
  for (let trial = 0; trial < trials; trial++) {
    const picked = Math.floor(random() * sprints.length);
    const sprint = sprints[picked]!;
    let work: number;
    if (sprint.kind === 'days') {
      const days = sprint.days;
      const length = days.length;
      let at = Math.floor(random() * length);
      let block = 0;
      for (let day = 0; day < wholeDays; day++) {
        block += days[at]!;
        at = at + 1 === length ? 0 : at + 1;
      }
      block += partDay * days[at]!;
      work = BLOCK_WEIGHT * block + (1 - BLOCK_WEIGHT) * evenRates[picked]! * daysLeft;
    } else {
      // Part of a sprint varies more than a whole one: the whole's spread already holds 1/L of it.
      const daySpread = Math.sqrt(Math.log(1 + DAY_CV * DAY_CV * Math.max(0, 1 / daysLeft - 1 / sprint.workingDays)));
      work = sprint.dailyRate * daysLeft * Math.exp(daySpread * normal() - (daySpread * daySpread) / 2);
    }
    capacities[trial] = work * paceFactor * Math.exp(levelSpread * normal() - levelShift);
  }
  return new CapacityForecast(capacities);
}

/** The trial capacities of one forecast, in trial order, and the questions the assessment asks of them. */
export class CapacityForecast {
  /** In trial order: trial i here meets trial i of every other draw of the assessment. */
  readonly capacities: Float64Array;
  /** A copy reordered in place by `capacityAt`, made on the first quantile question. */
  private selectable: Float64Array | null = null;
  /**
   * Ranks already in their sorted place in `selectable`, everything below them no larger and
   * above no smaller: each bounds where a later selection has to look.
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
    const values = (this.selectable ??= Float64Array.from(this.capacities));
    const trials = values.length;
    // The epsilon keeps 0.85 × 10,000 from rounding up to 8,501 trials.
    const needed = Math.min(trials, Math.max(1, Math.ceil(confidence * trials - 1e-9)));
    const rank = trials - needed;
    let low = 0;
    let high = trials - 1;
    for (const settled of this.settledRanks) {
      if (settled < rank) low = Math.max(low, settled + 1);
      else if (settled > rank) high = Math.min(high, settled - 1);
      else return values[rank]!;
    }
    this.settledRanks.push(rank);
    return selectInPlace(values, rank, low, high);
  }
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
