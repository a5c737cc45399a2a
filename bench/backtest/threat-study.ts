/**
 * The threat study (issue 13; `npm run backtest -- --threat-study`): which rule should call a
 * change a "threat"? A few principled families of rules are put to the same assessed sprints,
 * on both worlds, and scored against the truth:
 *
 * - (a) the drop in P(goal) is at least D points;
 * - (b) the drop is at least D points with ~85% confidence (common random numbers make the effect
 *   a paired estimate; its range is the Monte Carlo noise of that estimate);
 * - (c) the change loses at least a share r of the sprint's margin above the PO's threshold;
 * - (d) only the threshold: the change leaves P(goal) below it (or pushes it across it);
 * - (a)+ the engine's family: a drop of at least D, or P(goal) left below the threshold.
 *
 * The last column is the principle goal-risk.ts (judgeLevel) chooses the default by: a threat on a
 * sprint whose own chance is still at or above T should be followed by a miss at least as often as
 * T says a warning is due (1 − T); no rule with such threats manages that on either world.
 *
 * Every rule keeps what issue 13 fixes: a change that does not lower P(goal) noticeably is never a
 * threat, taking goal-critical work out always is one (it changes the goal), and past the end date
 * there is nothing to forecast. (a)–(c) also call a change that pushes P(goal) across the PO's
 * threshold a threat (issue 13, item 2: "or pushes it below the PO's threshold").
 *
 * Besides "threat" alone, each rule is scored as "the PO is warned": the change is a threat, or
 * the sprint's own chance after it is below the threshold, which the product shows as its own
 * figure beside the change's effect (issue 13, item 2: "two separate things on screen").
 */
import { DEFAULT_THRESHOLDS } from '../../src/domain/assessment';
import { isBelow, reaches } from '../../src/domain/goal-risk-scenario';
import type { AssessedCase } from './backtest';

/** What a level rule may look at: the assessment's figures, nothing of the truth. */
export interface ChangeFacts {
  readonly before: number;
  readonly after: number;
  /** before − after. */
  readonly drop: number;
  /** The drop's 95% range (Monte Carlo noise), as the assessment reports it. */
  readonly dropLow: number;
  readonly dropHigh: number;
  /** The change lowers P(goal) noticeably (its whole 95% range is a drop). */
  readonly lowers: boolean;
  readonly goalChanged: boolean;
  readonly pastEnd: boolean;
  /** The engine's own level. */
  readonly engineThreat: boolean;
}

export interface ThreatRule {
  readonly family: string;
  readonly name: string;
  readonly isThreat: (facts: ChangeFacts, threshold: number) => boolean;
}

/** One-sided 85% (z = 1.036) against the two-sided 95% half-width (z = 1.96) the range is drawn at. */
const Z_85_OVER_Z_95 = 1.036 / 1.96;

/** Whatever its family, a rule only judges changes that lower P(goal) noticeably (issue 13, item 2). */
function effectBased(core: (facts: ChangeFacts, threshold: number) => boolean): ThreatRule['isThreat'] {
  return (facts, threshold) => facts.goalChanged || (!facts.pastEnd && facts.lowers && core(facts, threshold));
}

const pushedBelow = (facts: ChangeFacts, threshold: number): boolean =>
  isBelow(facts.after, threshold) && !isBelow(facts.before, threshold);
/** The drop's lower bound at ~85% one-sided confidence. */
const surelyDropped = (facts: ChangeFacts): number => facts.drop - (facts.drop - facts.dropLow) * Z_85_OVER_Z_95;

const DROPS = [0.1, 0.15, 0.2, 0.25, 0.3];
const MARGIN_SHARES = [0.25, 0.5, 0.75];
const points = (value: number): string => `${Math.round(value * 100)}`;

export const THREAT_RULES: readonly ThreatRule[] = [
  { family: 'ref', name: "engine's level (default thresholds)", isThreat: (facts) => facts.engineThreat },
  { family: 'ref', name: 'any noticeable drop (ceiling)', isThreat: effectBased(() => true) },
  ...DROPS.map((drop) => ({
    family: '(a)',
    name: `drop ≥ ${points(drop)} or pushed below T`,
    isThreat: effectBased((facts, threshold) => reaches(facts.drop, drop) || pushedBelow(facts, threshold)),
  })),
  ...DROPS.map((drop) => ({
    family: '(b)',
    name: `drop ≥ ${points(drop)} at 85% or pushed below T`,
    isThreat: effectBased((facts, threshold) => reaches(surelyDropped(facts), drop) || pushedBelow(facts, threshold)),
  })),
  ...MARGIN_SHARES.map((share) => ({
    family: '(c)',
    name: `loses ≥ ${points(share)}% of the margin above T`,
    isThreat: effectBased(
      (facts, threshold) =>
        facts.before > threshold && (reaches(facts.drop / (facts.before - threshold), share) || pushedBelow(facts, threshold)),
    ),
  })),
  { family: '(d)', name: 'pushed below T', isThreat: effectBased(pushedBelow) },
  { family: '(d)', name: 'below T after it', isThreat: effectBased((facts, threshold) => isBelow(facts.after, threshold)) },
  ...[0.2, 0.25, 0.3, 0.35, 0.4, 0.5].map((drop) => ({
    family: '(a)+',
    name: `drop ≥ ${points(drop)}, or below T after it`,
    isThreat: effectBased((facts, threshold) => reaches(facts.drop, drop) || isBelow(facts.after, threshold)),
  })),
];

export interface RuleScore {
  readonly rule: ThreatRule;
  readonly threatOnMet: number;
  readonly missesCaught: number;
  /** Share of the misses the change caused (met without it, on the same days) called a threat. */
  readonly causedMissesCaught: number;
  readonly warnedOnMet: number;
  readonly warnedMisses: number;
  /**
   * Threats on sprints whose own chance after the change is still at or above T, so the sprint's
   * figure does not flag them: how many, and the share of them followed by a miss.
   */
  readonly aboveThreshold: { readonly threats: number; readonly missed: number };
}

export interface ThreatStudy {
  readonly world: string;
  readonly threshold: number;
  readonly met: number;
  readonly missed: number;
  readonly causedMisses: number;
  readonly scores: readonly RuleScore[];
}

export function factsOf({ assessment }: AssessedCase): ChangeFacts {
  const before = assessment.before.pGoal;
  const after = assessment.after.pGoal;
  const effect = assessment.effect ?? { delta: after - before, low: after - before, high: after - before, direction: 'none' };
  return {
    before,
    after,
    drop: before - after,
    dropLow: -effect.high,
    dropHigh: -effect.low,
    lowers: effect.direction === 'lowers',
    goalChanged: assessment.goalChanged === true,
    pastEnd: assessment.pastEnd === true,
    engineThreat: assessment.level === 'threat',
  };
}

export function studyThreatRules(
  world: string,
  cases: readonly AssessedCase[],
  rules: readonly ThreatRule[] = THREAT_RULES,
  threshold = DEFAULT_THRESHOLDS.threatBelow,
): ThreatStudy {
  const judged = cases.map((assessed) => ({
    facts: factsOf(assessed),
    met: assessed.testCase.met,
    caused: !assessed.testCase.met && assessed.testCase.metWithoutChange,
  }));
  const met = judged.filter((c) => c.met);
  const missed = judged.filter((c) => !c.met);
  const caused = judged.filter((c) => c.caused);
  const share = (of: typeof judged, warns: (facts: ChangeFacts) => boolean) =>
    of.length > 0 ? of.filter((c) => warns(c.facts)).length / of.length : NaN;
  const scores = rules.map((rule) => {
    const threat = (facts: ChangeFacts) => rule.isThreat(facts, threshold);
    const warned = (facts: ChangeFacts) => threat(facts) || isBelow(facts.after, threshold);
    const aboveThreshold = judged.filter((c) => threat(c.facts) && !isBelow(c.facts.after, threshold));
    return {
      rule,
      threatOnMet: share(met, threat),
      missesCaught: share(missed, threat),
      causedMissesCaught: share(caused, threat),
      warnedOnMet: share(met, warned),
      warnedMisses: share(missed, warned),
      aboveThreshold: {
        threats: aboveThreshold.length,
        missed: aboveThreshold.length > 0 ? aboveThreshold.filter((c) => !c.met).length / aboveThreshold.length : NaN,
      },
    };
  });
  return { world, threshold, met: met.length, missed: missed.length, causedMisses: caused.length, scores };
}

const pct = (value: number): string => (Number.isNaN(value) ? '–' : `${(value * 100).toFixed(1)}%`).padStart(6);

export function formatThreatStudy(study: ThreatStudy): string {
  const width = Math.max(...study.scores.map((score) => score.rule.name.length));
  return [
    `threat study, ${study.world} world: ${study.met} sprints met their goal, ${study.missed} missed it, ${study.causedMisses} of them because of the change (met without it on the same days); T = ${points(study.threshold)}%`,
    `       ${'rule'.padEnd(width)}   ─── "threat" ───────────────   ─ PO warned: threat or P after < T ─   threats with P after ≥ T`,
    `       ${''.padEnd(width)}   on met  misses  caused misses   on met  misses                         count  missed`,
    ...study.scores.map(
      (score) =>
        `  ${score.rule.family.padEnd(4)} ${score.rule.name.padEnd(width)}   ${pct(score.threatOnMet)}  ${pct(score.missesCaught)}         ${pct(score.causedMissesCaught)}   ${pct(score.warnedOnMet)}  ${pct(score.warnedMisses)}                         ${String(score.aboveThreshold.threats).padStart(5)}  ${pct(score.aboveThreshold.missed)}`,
    ),
  ].join('\n');
}
