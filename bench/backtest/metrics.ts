/**
 * Scores for probability forecasts of a yes/no outcome: Brier score, expected calibration error,
 * a reliability table, AUC, and a logistic fit for a baseline that only has a score.
 */

export interface Forecast {
  readonly p: number;
  readonly met: boolean;
}

export function brier(forecasts: readonly Forecast[]): number {
  return forecasts.reduce((sum, { p, met }) => sum + (p - (met ? 1 : 0)) ** 2, 0) / forecasts.length;
}

export interface ReliabilityBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  readonly meanForecast: number;
  readonly observedRate: number;
}

/** Ten equal-width bins; the last includes 1. */
export function reliability(forecasts: readonly Forecast[], bins = 10): ReliabilityBin[] {
  const sums = Array.from({ length: bins }, () => ({ count: 0, p: 0, met: 0 }));
  for (const { p, met } of forecasts) {
    const bin = sums[Math.min(bins - 1, Math.floor(p * bins))]!;
    bin.count++;
    bin.p += p;
    bin.met += met ? 1 : 0;
  }
  return sums.map((bin, index) => ({
    from: index / bins,
    to: (index + 1) / bins,
    count: bin.count,
    meanForecast: bin.count > 0 ? bin.p / bin.count : NaN,
    observedRate: bin.count > 0 ? bin.met / bin.count : NaN,
  }));
}

/** Expected calibration error: the count-weighted gap between forecast and outcome per bin. */
export function expectedCalibrationError(forecasts: readonly Forecast[]): number {
  return reliability(forecasts)
    .filter((bin) => bin.count > 0)
    .reduce((sum, bin) => sum + (bin.count / forecasts.length) * Math.abs(bin.meanForecast - bin.observedRate), 0);
}

/** Share of forecasts at exactly 0 or 1. */
export function shareAtCertainty(forecasts: readonly Forecast[]): number {
  return forecasts.filter(({ p }) => p === 0 || p === 1).length / forecasts.length;
}

/** Area under the ROC curve (ties count half): how well the scores rank met above missed. */
export function auc(scored: readonly { readonly score: number; readonly met: boolean }[]): number {
  const sorted = [...scored].sort((a, b) => a.score - b.score);
  let rankSumMet = 0;
  let met = 0;
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j < sorted.length && sorted[j]!.score === sorted[i]!.score) j++;
    const averageRank = (i + 1 + j) / 2;
    for (let k = i; k < j; k++) {
      if (sorted[k]!.met) {
        rankSumMet += averageRank;
        met++;
      }
    }
    i = j;
  }
  const missed = sorted.length - met;
  if (met === 0 || missed === 0) return NaN;
  return (rankSumMet - (met * (met + 1)) / 2) / (met * missed);
}

/** Maximum-likelihood logistic regression on one feature (Newton's method): p = σ(a + b·x). */
export function fitLogistic(samples: readonly { readonly x: number; readonly met: boolean }[]): (x: number) => number {
  let a = 0;
  let b = 0;
  for (let iteration = 0; iteration < 50; iteration++) {
    let ga = 0;
    let gb = 0;
    let haa = 0;
    let hab = 0;
    let hbb = 0;
    for (const { x, met } of samples) {
      const p = 1 / (1 + Math.exp(-(a + b * x)));
      const w = p * (1 - p) + 1e-9;
      ga += (met ? 1 : 0) - p;
      gb += ((met ? 1 : 0) - p) * x;
      haa += w;
      hab += w * x;
      hbb += w * x * x;
    }
    const det = haa * hbb - hab * hab;
    if (Math.abs(det) < 1e-12) break;
    const da = (hbb * ga - hab * gb) / det;
    const db = (haa * gb - hab * ga) / det;
    a += da;
    b += db;
    if (Math.abs(da) + Math.abs(db) < 1e-10) break;
  }
  return (x) => 1 / (1 + Math.exp(-(a + b * x)));
}
