/**
 * Goalkeeper's own calibration, per board (issue 13, item 5): every decision keeps the
 * assessment the decider saw, so the P(goal) shown then; every closed sprint keeps whether its
 * goal was met. Put together they say how often goals were met when Goalkeeper said 30%, 50%,
 * 80% — a reliability table — and a Brier score (0 is perfect; always saying 50% scores 0.25).
 */
import type { Decision, Proposal } from './proposal';
import type { SprintOutcome } from './sprint-record';

/** One P(goal) shown at a decision, and whether that sprint's goal was then met. */
export interface CalibrationRecord {
  readonly sprintId: number;
  readonly pGoal: number;
  readonly met: boolean;
}

export interface CalibrationBin {
  readonly from: number;
  readonly to: number;
  readonly count: number;
  /** Mean P(goal) shown in the bin, and the share of those sprints whose goal was met (null when empty). */
  readonly meanForecast: number | null;
  readonly observedRate: number | null;
}

export interface Calibration {
  readonly records: number;
  readonly sprints: number;
  /** Null until there is at least one record. */
  readonly brier: number | null;
  readonly bins: readonly CalibrationBin[];
  /** Whether enough sprints closed for the table to mean something (MIN_SPRINTS_FOR_CALIBRATION). */
  readonly enough: boolean;
}

/** Fewer closed sprints than this say more about luck than about the forecast. */
export const MIN_SPRINTS_FOR_CALIBRATION = 5;
/** Five bins of 20 points: with a team's handful of sprints a year, finer bins would stay empty. */
const BIN_WIDTH = 0.2;

/**
 * The P(goal) the decider was shown: the sprint after the change for an approval, the sprint as
 * it stayed for a rejection. Null when the decision kept no assessment (no active sprint then).
 */
export function pGoalShownAt(decision: Decision): number | null {
  const assessment = decision.assessment;
  if (!assessment) return null;
  return decision.verdict === 'approved' ? assessment.after.pGoal : assessment.before.pGoal;
}

/**
 * Records from decided proposals and recorded outcomes. A goal counts as met only when the
 * outcome says 'met' ('partly' is not the goal); sprints without a recorded outcome are left out.
 */
export function calibrationRecords(proposals: readonly Proposal[], outcomes: readonly SprintOutcome[]): CalibrationRecord[] {
  const outcomeOf = new Map(outcomes.filter((o) => o.outcome !== null).map((o) => [o.sprintId, o.outcome === 'met']));
  return proposals.flatMap((proposal): CalibrationRecord[] => {
    const met = outcomeOf.get(proposal.sprintId);
    const pGoal = proposal.decision ? pGoalShownAt(proposal.decision) : null;
    return met === undefined || pGoal === null || !Number.isFinite(pGoal) ? [] : [{ sprintId: proposal.sprintId, pGoal, met }];
  });
}

export function calibrationOf(records: readonly CalibrationRecord[]): Calibration {
  const binCount = Math.round(1 / BIN_WIDTH);
  const sums = Array.from({ length: binCount }, () => ({ count: 0, forecast: 0, met: 0 }));
  let squaredError = 0;
  for (const { pGoal, met } of records) {
    const bin = sums[Math.min(binCount - 1, Math.max(0, Math.floor(pGoal / BIN_WIDTH + 1e-9)))]!;
    bin.count++;
    bin.forecast += pGoal;
    bin.met += met ? 1 : 0;
    squaredError += (pGoal - (met ? 1 : 0)) ** 2;
  }
  const sprints = new Set(records.map((record) => record.sprintId)).size;
  return {
    records: records.length,
    sprints,
    brier: records.length > 0 ? squaredError / records.length : null,
    bins: sums.map((bin, index) => ({
      from: index * BIN_WIDTH,
      to: (index + 1) * BIN_WIDTH,
      count: bin.count,
      meanForecast: bin.count > 0 ? bin.forecast / bin.count : null,
      observedRate: bin.count > 0 ? bin.met / bin.count : null,
    })),
    enough: sprints >= MIN_SPRINTS_FOR_CALIBRATION,
  };
}
