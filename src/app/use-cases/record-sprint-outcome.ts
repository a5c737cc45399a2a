/**
 * After a sprint closes, the Product Owner records whether its goal was met. The recording is
 * conditional on the version the Product Owner looked at (the gadget sends it): a second PO who
 * recorded meanwhile is never overwritten unseen, and every earlier recording stays in the history.
 */
import { GoalkeeperError } from '../../domain/errors';
import { cleanText } from '../../domain/meaningful-text';
import { outcomeVersionOf, reviseOutcome, type GoalOutcome, type SprintOutcome } from '../../domain/sprint-record';
import { isProductOwner } from '../support/access';
import { requireVisibleBoard } from '../support/board-access';
import type { Caller } from '../support/caller';
import { loadSettings } from '../support/issue-situation';
import type { Ports } from '../ports';

export interface OutcomeRequest {
  readonly boardId: number;
  readonly sprintId: number;
  readonly outcome: GoalOutcome;
  readonly note: string;
  /** The outcome's version the Product Owner saw in the gadget. */
  readonly expectedVersion: number;
}

const CHANGED_MEANWHILE =
  'Someone recorded this sprint’s outcome after you opened it. Reload to see their answer, then record yours if it still differs.';

export async function recordSprintOutcome(ports: Ports, caller: Caller, request: OutcomeRequest): Promise<SprintOutcome> {
  const board = await requireVisibleBoard(ports, caller, request.boardId);
  const existing = await ports.sprints.outcome(request.sprintId);
  if (!existing || existing.boardId !== board.id)
    throw new GoalkeeperError('not-found', 'Goalkeeper has no closed sprint with this id on this board.');
  const settings = await loadSettings(ports, board.projectKey ?? '');
  if (!(await isProductOwner(ports.jira, settings, board.projectKey ?? '', caller.accountId))) {
    throw new GoalkeeperError('forbidden', 'Only the Product Owner records whether the sprint goal was met.');
  }
  if (outcomeVersionOf(existing) !== request.expectedVersion) throw new GoalkeeperError('conflict', CHANGED_MEANWHILE);
  const recorded = reviseOutcome(existing, request.outcome, cleanText(request.note), caller.accountId, ports.clock.now().toISOString());
  if ((await ports.sprints.recordOutcome(recorded, request.expectedVersion)) === 'conflict')
    throw new GoalkeeperError('conflict', CHANGED_MEANWHILE);
  return recorded;
}
