/**
 * The backtest (issue 13): the engine's P(goal) on a synthetic world whose truth is known,
 * scored against two baselines — the base rate, and the plain capacity line taken in rank order
 * (mean historical points per day × days left against the work down to the last goal item,
 * turned into a probability by a logistic fit on the very same world, which flatters it).
 */
import type { Assessment, AssessmentInput } from '../../src/domain/assessment';
import { auc, brier, expectedCalibrationError, fitLogistic, reliability, shareAtCertainty, type Forecast, type ReliabilityBin } from './metrics';
import { generateWorld } from './world';

export type Assess = (input: AssessmentInput) => Assessment;

export interface BacktestReport {
  readonly cases: number;
  readonly baseRate: number;
  readonly engine: {
    readonly brier: number;
    readonly ece: number;
    readonly auc: number;
    /** Share of answers at exactly 0% or 100%. */
    readonly atCertainty: number;
    /** The same among answers not certain by arithmetic (goal work left, and time to do it). */
    readonly atCertaintyForecast: number;
    readonly reliability: readonly ReliabilityBin[];
  };
  readonly capacityLine: { readonly brier: number; readonly auc: number };
  readonly baseRateBrier: number;
  /** Share of sprints whose goal was met where the change was called a threat. */
  readonly threatOnMet: number;
  /** Share of missed sprints where the change was called a threat. */
  readonly missesCaughtByThreat: number;
  /** Share of missed sprints where the change was a threat or the sprint's own chance after it was below the threat threshold. */
  readonly missesFlagged: number;
  /** Share of met sprints flagged the same way. */
  readonly flaggedOnMet: number;
  readonly byTeam: Readonly<Record<string, { readonly cases: number; readonly brier: number }>>;
}

const THREAT_BELOW = 0.5;

export function runBacktest(assess: Assess, seed: number, teams: number, trials?: number): BacktestReport {
  const world = generateWorld(seed, teams);
  const results = world.map((testCase) => {
    const assessment = assess(trials === undefined ? testCase.input : { ...testCase.input, trials });
    return { testCase, assessment, p: assessment.after.pGoal, met: testCase.met };
  });
  const forecasts: Forecast[] = results.map(({ p, met }) => ({ p, met }));
  const baseRate = forecasts.filter((f) => f.met).length / forecasts.length;

  const margins = results.map(({ testCase, met }) => {
    const { capacity, requiredWork } = testCase.capacityLine;
    return { x: (capacity - requiredWork) / Math.max(1, requiredWork), met };
  });
  const logistic = fitLogistic(margins);
  const lineForecasts = margins.map(({ x, met }) => ({ p: logistic(x), met }));

  const met = results.filter((r) => r.met);
  const missed = results.filter((r) => !r.met);
  const isThreat = (r: (typeof results)[number]) => r.assessment.level === 'threat';
  const isFlagged = (r: (typeof results)[number]) => isThreat(r) || r.assessment.after.pGoal < THREAT_BELOW;
  const share = (of: readonly unknown[], count: number) => (of.length > 0 ? count / of.length : NaN);

  const byTeam: Record<string, { cases: number; brier: number }> = {};
  for (const name of new Set(world.map((c) => c.team))) {
    const mine = results.filter((r) => r.testCase.team === name);
    byTeam[name] = { cases: mine.length, brier: brier(mine.map(({ p, met: m }) => ({ p, met: m }))) };
  }

  return {
    cases: results.length,
    baseRate,
    engine: {
      brier: brier(forecasts),
      ece: expectedCalibrationError(forecasts),
      auc: auc(forecasts.map(({ p, met: m }) => ({ score: p, met: m }))),
      atCertainty: shareAtCertainty(forecasts),
      atCertaintyForecast: shareAtCertainty(results.filter((r) => r.assessment.after.certain !== true).map(({ p, met: m }) => ({ p, met: m }))),
      reliability: reliability(forecasts),
    },
    capacityLine: { brier: brier(lineForecasts), auc: auc(margins.map(({ x, met: m }) => ({ score: x, met: m }))) },
    baseRateBrier: brier(forecasts.map(({ met: m }) => ({ p: baseRate, met: m }))),
    threatOnMet: share(met, met.filter(isThreat).length),
    missesCaughtByThreat: share(missed, missed.filter(isThreat).length),
    missesFlagged: share(missed, missed.filter(isFlagged).length),
    flaggedOnMet: share(met, met.filter(isFlagged).length),
    byTeam,
  };
}

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

export function formatReport(report: BacktestReport): string {
  const lines = [
    `backtest: ${report.cases} synthetic sprints, goal met in ${pct(report.baseRate)}`,
    `                      Brier     AUC`,
    `  engine             ${report.engine.brier.toFixed(3)}   ${report.engine.auc.toFixed(3)}   ECE ${report.engine.ece.toFixed(3)}, answers at exactly 0%/100%: ${pct(report.engine.atCertainty)} (${pct(report.engine.atCertaintyForecast)} of those not certain by arithmetic)`,
    `  capacity line      ${report.capacityLine.brier.toFixed(3)}   ${report.capacityLine.auc.toFixed(3)}   (logistic fit on this world)`,
    `  base rate          ${report.baseRateBrier.toFixed(3)}       –`,
    `  "threat" on met-goal sprints: ${pct(report.threatOnMet)}; misses caught by "threat": ${pct(report.missesCaughtByThreat)}`,
    `  threat or P(goal) after < 50%: on met ${pct(report.flaggedOnMet)}, on misses ${pct(report.missesFlagged)}`,
    '  reliability   forecasts   mean P   met',
    ...report.engine.reliability.map(
      (bin) =>
        `    ${(bin.from * 100).toFixed(0).padStart(3)}–${(bin.to * 100).toFixed(0).padEnd(3)}%   ${String(bin.count).padStart(6)}    ${bin.count > 0 ? pct(bin.meanForecast).padStart(6) : '     –'}   ${bin.count > 0 ? pct(bin.observedRate).padStart(6) : '     –'}`,
    ),
    `  by team kind: ${Object.entries(report.byTeam).map(([name, { cases, brier: b }]) => `${name} ${b.toFixed(3)} (${cases})`).join(', ')}`,
  ];
  return lines.join('\n');
}
