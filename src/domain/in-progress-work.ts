/**
 * How much of an in-progress item is left when its sub-tasks cannot tell: its age against the
 * team's cycle time (issue 13, item 1).
 *
 * By Little's law a team working on `wip` items at once gives each about its pace ÷ wip per
 * working day, which is what sets its cycle times: an item of size s takes about s · wip ÷ pace
 * working days. So an item in progress for a working days has had about d = a · pace ÷ wip of
 * work. Its true size is uncertain (ESTIMATE_CV around the estimate), and it is still open: what
 * is left is the mean residual of that spread given the item is larger than d — nearly s − d
 * while d is small, and still some work once d passes the estimate (an item running late is
 * likely bigger than estimated), never nothing.
 */
import type { WorkingDays } from './assessment';
import { workingTimeBetween } from './working-days';

const DAY_MS = 86_400_000;
/** Calendar days of an item's time in progress that count: a year and a bit. */
const AGE_LIMIT_DAYS = 400;

/** What an in-progress item's age is measured with: the team's usual pace per item in progress. */
export interface InProgressPace {
  /** The team's usual completed work per working day (its closed sprints), divided by its WIP. */
  readonly workPerItemDay: number;
  readonly nowMs: number;
  readonly workingDays: WorkingDays;
  /** The site's time zone, whose clock working hours are counted on. */
  readonly timeZone: string;
}

/**
 * Share of its size an item in progress since `since` has left, its true size spread around the
 * estimate with coefficient of variation `sizeCv`; null when the age cannot be read (no pace, a
 * date Jira should not give, or one after now).
 */
export function shareLeftByAge(since: string, size: number, sizeCv: number, pace: InProgressPace): number | null {
  const sinceMs = Date.parse(since);
  if (Number.isNaN(sinceMs) || sinceMs > pace.nowMs || !(pace.workPerItemDay > 0) || !(size > 0)) return null;
  // Counted over at most AGE_LIMIT_DAYS: older items are as good as stale, and the count stays cheap.
  const countedFrom = Math.max(sinceMs, pace.nowMs - AGE_LIMIT_DAYS * DAY_MS);
  const done = workingTimeBetween(countedFrom, pace.nowMs, pace.workingDays, pace.timeZone) * pace.workPerItemDay;
  // Far past its estimate, the spread's tail would count an item stale in In Progress for months as
  // several times its size; it counts at most its whole estimate, as if not started.
  return Math.min(1, residualShare(done / size, sizeCv));
}

/**
 * E[X − f | X > f] for X lognormal with mean 1 and coefficient of variation `sizeCv`: the
 * expected share of its estimate an item has left after `doneShare` of it was done, given it is
 * not done. With σ² = ln(1 + cv²), μ = −σ²/2 and z = (μ − ln f) ÷ σ: E[X | X > f] = Φ(z + σ) ÷ Φ(z).
 */
export function residualShare(doneShare: number, sizeCv: number): number {
  if (!(doneShare > 0)) return 1;
  const sigma = Math.sqrt(Math.log(1 + sizeCv * sizeCv));
  const z = (-(sigma * sigma) / 2 - Math.log(doneShare)) / sigma;
  const stillOpen = normalCdf(z);
  // Far in the tail (f beyond e^(7σ) times the estimate) Φ(z) underflows: Mills' ratio gives f · σ² ÷ (ln f − σ²/2).
  if (stillOpen < 1e-12) return (doneShare * sigma * sigma) / (Math.log(doneShare) - (sigma * sigma) / 2);
  return Math.max(0, normalCdf(z + sigma) / stillOpen - doneShare);
}

/** Standard normal cumulative distribution, Φ(x) = (1 + erf(x / √2)) ÷ 2. */
export function normalCdf(x: number): number {
  const e = erf(Math.abs(x) / Math.SQRT2);
  return x >= 0 ? (1 + e) / 2 : (1 - e) / 2;
}

/** erf(x) for x ≥ 0, Abramowitz & Stegun 7.1.26 (absolute error below 1.5 · 10⁻⁷). */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * x);
  const poly = ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t;
  return 1 - poly * Math.exp(-x * x);
}
