/**
 * The backtest (issue 13): the engine's P(goal) on a synthetic world whose truth is known,
 * scored against two baselines — the base rate, and the plain capacity line taken in rank order
 * (mean historical points per day × days left against the work down to the last goal item,
 * turned into a probability by a logistic fit on the very same world, which flatters it).
 */
import { DEFAULT_THRESHOLDS, type Assessment, type AssessmentInput } from '../../src/domain/assessment';
import { isBelow } from '../../src/domain/goal-risk-scenario';
import {
  auc,
  brier,
  expectedCalibrationError,
  fitLogistic,
  reliability,
  shareAtCertainty,
  type Forecast,
  type ReliabilityBin,
} from './metrics';
import { generateWorld, ORACLE_REPLAYS, PRIMARY_WORLD, type BacktestCase, type WorldMix } from './world';

export type Assess = (input: AssessmentInput) => Assessment;

/** One synthetic sprint and what the engine said of its change. */
export interface AssessedCase {
  readonly testCase: BacktestCase;
  readonly assessment: Assessment;
}

/** Generates a world and assesses every sprint's change (with `trials`, when given). */
export function assessWorld(assess: Assess, seed: number, teams: number, trials?: number, mix: WorldMix = PRIMARY_WORLD): AssessedCase[] {
  return generateWorld(seed, teams, mix).map((testCase) => ({
    testCase,
    assessment: assess(trials === undefined ? testCase.input : { ...testCase.input, trials }),
  }));
}

/** How often a warning fires on sprints whose goal was met, and on those whose goal was missed. */
export interface WarningRates {
  readonly onMet: number;
  readonly onMisses: number;
}

export interface BacktestReport {
  readonly world: string;
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
  /** The oracle's Brier (world.ts: knows this sprint's true pace and efforts): the floor this world allows. */
  readonly oracleBrier: number;
  /** Share of sprints whose goal was met where the change was called a threat. */
  readonly threatOnMet: number;
  /** Share of missed sprints where the change was called a threat. */
  readonly missesCaughtByThreat: number;
  /** The same among the misses the change caused (met without it on the same days): the misses a change's threat exists to catch. */
  readonly causedMissesCaughtByThreat: number;
  /** Share of missed sprints where the change was a threat or the sprint's own chance after it was below the threat threshold. */
  readonly missesFlagged: number;
  /** Share of met sprints flagged the same way. */
  readonly flaggedOnMet: number;
  /**
   * The ceiling of any effect-based threat: sprints whose change lowers P(goal) noticeably or
   * changes the goal. A change without effect is never a threat (issue 13), so no rule catches more.
   */
  readonly changeLowersP: WarningRates;
  /** The most an effect-based threat could catch with the oracle's knowledge (oracleThreatOf). */
  readonly oracleThreat: OracleThreat;
  readonly byChange: Readonly<Record<string, { readonly cases: number; readonly brier: number }>>;
  readonly byTeam: Readonly<Record<string, { readonly cases: number; readonly brier: number }>>;
}

/** Issue 13's budget: "threat" on at most this share of the sprints whose goal was met. */
export const THREAT_BUDGET_ON_MET = 0.1;

/** What an effect-based threat catches when it knows what the oracle knows. */
export interface OracleThreat {
  /** Within THREAT_BUDGET_ON_MET on met goals: the share of the misses the change caused, and of all misses. */
  readonly causedMisses: number;
  readonly misses: number;
  /** A threat on every change that can truly cause a miss: the most any effect-based threat catches. */
  readonly everyHarmfulChange: WarningRates;
}

/**
 * The bound on any effect-based threat (issue 13, item 2: a change that does not lower P(goal) is
 * never a threat), measured with the oracle's knowledge (world.ts: this sprint's true pace and
 * efforts, and each change's true chance of causing a miss on paired replays). Within the budget
 * on met goals it warns first where a miss caused per met goal put at risk is likeliest (the
 * Neyman–Pearson order), so no effect-based rule catches more of the caused misses in
 * expectation; warning on every change that can cause a miss bounds the share of all misses.
 */
export function oracleThreatOf(cases: readonly BacktestCase[]): OracleThreat {
  const met = cases.filter((c) => c.met);
  const missed = cases.filter((c) => !c.met);
  const caused = missed.filter((c) => c.metWithoutChange);
  const isHarmful = (c: BacktestCase) => c.oracleCausedMiss > 0;
  const harmful = cases.filter(isHarmful);
  // A change after which the oracle never meets the goal risks no met goal: it comes first.
  const causedPerMetRisked = (c: BacktestCase) => c.oracleCausedMiss / Math.max(c.oracle, 1 / ORACLE_REPLAYS);
  const likeliestFirst = [...harmful].sort((a, b) => causedPerMetRisked(b) - causedPerMetRisked(a));
  const warned = new Set<BacktestCase>();
  let metWarned = 0;
  for (const c of likeliestFirst) {
    if (c.met && (metWarned + 1) / met.length > THREAT_BUDGET_ON_MET) break;
    if (c.met) metWarned++;
    warned.add(c);
  }
  const shareWarned = (of: readonly BacktestCase[], by: (c: BacktestCase) => boolean) =>
    of.length > 0 ? of.filter(by).length / of.length : NaN;
  return {
    causedMisses: shareWarned(caused, (c) => warned.has(c)),
    misses: shareWarned(missed, (c) => warned.has(c)),
    everyHarmfulChange: { onMet: shareWarned(met, isHarmful), onMisses: shareWarned(missed, isHarmful) },
  };
}

/**
 * Brier score of the engine told this sprint's true pace (world.ts, sprintPointsPerDay), which no
 * Jira field gives: as a long, even history at that pace. What is left between it and the oracle
 * is what else the oracle knows: the items' true efforts and progress, and holidays nobody declared.
 */
export function paceKnownBrier(assess: Assess, cases: readonly AssessedCase[]): number {
  const knownPaceHistory = (pointsPerDay: number) =>
    Array.from({ length: KNOWN_PACE_SPRINTS }, (_, index) => ({
      sprintId: index + 1,
      name: `Sprint at the true pace ${index + 1}`,
      committedPoints: pointsPerDay * KNOWN_PACE_SPRINT_DAYS,
      completedPoints: pointsPerDay * KNOWN_PACE_SPRINT_DAYS,
      workingDays: KNOWN_PACE_SPRINT_DAYS,
    }));
  return brier(
    cases.map(({ testCase, assessment }) => ({
      p: assess({ ...testCase.input, history: knownPaceHistory(testCase.sprintPointsPerDay), trials: assessment.trials }).after.pGoal,
      met: testCase.met,
    })),
  );
}

/** Sprints (of 10 working days) in the history that tells the engine the true pace: enough that its sample spread is small. */
const KNOWN_PACE_SPRINTS = 40;
const KNOWN_PACE_SPRINT_DAYS = 10;

/** The figures of one world's assessed sprints. */
export function backtestReport(world: string, cases: readonly AssessedCase[]): BacktestReport {
  const results = cases.map(({ testCase, assessment }) => ({ testCase, assessment, p: assessment.after.pGoal, met: testCase.met }));
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
  const causedMisses = missed.filter((r) => r.testCase.metWithoutChange);
  const isThreat = (r: (typeof results)[number]) => r.assessment.level === 'threat';
  const isFlagged = (r: (typeof results)[number]) => isThreat(r) || isBelow(r.assessment.after.pGoal, DEFAULT_THRESHOLDS.threatBelow);
  const share = (of: readonly unknown[], count: number) => (of.length > 0 ? count / of.length : NaN);

  const rates = (warns: (r: (typeof results)[number]) => boolean): WarningRates => ({
    onMet: share(met, met.filter(warns).length),
    onMisses: share(missed, missed.filter(warns).length),
  });
  const lowersP = (r: (typeof results)[number]) => r.assessment.goalChanged === true || r.assessment.effect?.direction === 'lowers';
  const brierBy = (groupOf: (r: (typeof results)[number]) => string) => {
    const groups: Record<string, { cases: number; brier: number }> = {};
    for (const name of new Set(results.map(groupOf))) {
      const mine = results.filter((r) => groupOf(r) === name);
      groups[name] = { cases: mine.length, brier: brier(mine.map(({ p, met: m }) => ({ p, met: m }))) };
    }
    return groups;
  };

  return {
    world,
    cases: results.length,
    baseRate,
    engine: {
      brier: brier(forecasts),
      ece: expectedCalibrationError(forecasts),
      auc: auc(forecasts.map(({ p, met: m }) => ({ score: p, met: m }))),
      atCertainty: shareAtCertainty(forecasts),
      atCertaintyForecast: shareAtCertainty(
        results.filter((r) => r.assessment.after.certain !== true).map(({ p, met: m }) => ({ p, met: m })),
      ),
      reliability: reliability(forecasts),
    },
    capacityLine: { brier: brier(lineForecasts), auc: auc(margins.map(({ x, met: m }) => ({ score: x, met: m }))) },
    baseRateBrier: brier(forecasts.map(({ met: m }) => ({ p: baseRate, met: m }))),
    oracleBrier: brier(results.map(({ testCase, met: m }) => ({ p: testCase.oracle, met: m }))),
    threatOnMet: share(met, met.filter(isThreat).length),
    missesCaughtByThreat: share(missed, missed.filter(isThreat).length),
    causedMissesCaughtByThreat: share(causedMisses, causedMisses.filter(isThreat).length),
    missesFlagged: share(missed, missed.filter(isFlagged).length),
    flaggedOnMet: share(met, met.filter(isFlagged).length),
    changeLowersP: rates(lowersP),
    oracleThreat: oracleThreatOf(cases.map(({ testCase }) => testCase)),
    byChange: brierBy((r) => r.testCase.input.change.kind),
    byTeam: brierBy((r) => r.testCase.team),
  };
}

const pct = (value: number): string => `${(value * 100).toFixed(1)}%`;

const groupLine = (groups: BacktestReport['byTeam']): string =>
  Object.entries(groups)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([name, { cases, brier: b }]) => `${name} ${b.toFixed(3)} (${cases})`)
    .join(', ');

/** The figures of one world; with `paceKnown`, the Brier of the engine told the true pace (paceKnownBrier). */
export function formatReport(report: BacktestReport, paceKnown?: number): string {
  const { oracleThreat } = report;
  const lines = [
    `backtest, ${report.world} world: ${report.cases} synthetic sprints, goal met in ${pct(report.baseRate)}`,
    `                      Brier     AUC`,
    `  engine             ${report.engine.brier.toFixed(3)}   ${report.engine.auc.toFixed(3)}   ECE ${report.engine.ece.toFixed(3)}, answers at exactly 0%/100%: ${pct(report.engine.atCertainty)} (${pct(report.engine.atCertaintyForecast)} of those not certain by arithmetic)`,
    `  capacity line      ${report.capacityLine.brier.toFixed(3)}   ${report.capacityLine.auc.toFixed(3)}   (logistic fit on this world)`,
    `  base rate          ${report.baseRateBrier.toFixed(3)}       –     engine's Brier skill over it: ${(1 - report.engine.brier / report.baseRateBrier).toFixed(3)}`,
    `  oracle             ${report.oracleBrier.toFixed(3)}       –     (knows the sprint's true pace and efforts: the floor, not a target)`,
    ...(paceKnown === undefined
      ? []
      : [`  engine, told pace  ${paceKnown.toFixed(3)}       –     (this sprint's true pace as its history: no Jira field gives it)`]),
    `  "threat" on met-goal sprints: ${pct(report.threatOnMet)}; misses caught by "threat": ${pct(report.missesCaughtByThreat)} (of those the change caused: ${pct(report.causedMissesCaughtByThreat)})`,
    `    ceiling of any effect-based threat (the change lowers P or changes the goal): on met ${pct(report.changeLowersP.onMet)}, misses ${pct(report.changeLowersP.onMisses)}`,
    `    the oracle's threat (true pace and efforts), within ${pct(THREAT_BUDGET_ON_MET)} on met: caused misses ${pct(oracleThreat.causedMisses)}, all misses ${pct(oracleThreat.misses)}; on every change that can cause a miss: on met ${pct(oracleThreat.everyHarmfulChange.onMet)}, all misses ${pct(oracleThreat.everyHarmfulChange.onMisses)}`,
    `  threat or P(goal) after < ${(DEFAULT_THRESHOLDS.threatBelow * 100).toFixed(0)}%: on met ${pct(report.flaggedOnMet)}, on misses ${pct(report.missesFlagged)}   (other threat rules: --threat-study)`,
    '  reliability   forecasts   mean P   met',
    ...report.engine.reliability.map(
      (bin) =>
        `    ${(bin.from * 100).toFixed(0).padStart(3)}–${(bin.to * 100).toFixed(0).padEnd(3)}%   ${String(bin.count).padStart(6)}    ${bin.count > 0 ? pct(bin.meanForecast).padStart(6) : '     –'}   ${bin.count > 0 ? pct(bin.observedRate).padStart(6) : '     –'}`,
    ),
    `  Brier by team kind: ${groupLine(report.byTeam)}`,
    `  Brier by change: ${groupLine(report.byChange)}`,
  ];
  return lines.join('\n');
}
