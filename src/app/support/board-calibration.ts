/**
 * Goalkeeper's calibration on one board (issue 13, item 5): the P(goal) each decision showed,
 * against whether that sprint's goal was then met, as recorded by the Product Owner at close.
 */
import { calibrationOf, calibrationRecords, type Calibration } from '../../domain/calibration';
import type { SprintOutcome } from '../../domain/sprint-record';
import type { Ports } from '../ports';

/**
 * Closed sprints read, newest first: a year and more of two-week sprints is enough to judge a
 * forecast, and it bounds the storage reads a view makes (one query per sprint).
 */
export const CALIBRATION_SPRINTS_MAX = 20;

export async function calibrationOfBoard(ports: Ports, outcomes: readonly SprintOutcome[]): Promise<Calibration> {
  const recorded = outcomes.filter((outcome) => outcome.outcome !== null).slice(0, CALIBRATION_SPRINTS_MAX);
  const proposals = await Promise.all(recorded.map((outcome) => ports.proposals.listBySprint(outcome.sprintId)));
  return calibrationOf(calibrationRecords(proposals.flat(), recorded));
}
