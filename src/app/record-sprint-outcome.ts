/** After a sprint closes, the Product Owner records whether its goal was met. */
import { GoalkeeperError } from '../domain/errors';
import type { GoalOutcome, SprintOutcome } from '../domain/sprint-record';
import { isProductOwner } from './access';
import { requireVisibleBoard } from './board-access';
import type { Caller } from './caller';
import { loadSettings } from './issue-situation';
import type { Ports } from './ports';

export interface OutcomeRequest {
  readonly boardId: number;
  readonly sprintId: number;
  readonly outcome: GoalOutcome;
  readonly note: string;
}

export async function recordSprintOutcome(ports: Ports, caller: Caller, request: OutcomeRequest): Promise<SprintOutcome> {
  const board = await requireVisibleBoard(ports, caller, request.boardId);
  const existing = await ports.sprints.outcome(request.sprintId);
  if (!existing || existing.boardId !== board.id) throw new GoalkeeperError('not-found', 'Goalkeeper has no closed sprint with this id on this board.');
  const settings = await loadSettings(ports, board.projectKey ?? '');
  if (!(await isProductOwner(ports.jira, settings, board.projectKey ?? '', caller.accountId))) {
    throw new GoalkeeperError('forbidden', 'Only the Product Owner records whether the sprint goal was met.');
  }
  const recorded: SprintOutcome = { ...existing, outcome: request.outcome, note: request.note.trim(), recordedBy: caller.accountId };
  await ports.sprints.saveOutcome(recorded);
  return recorded;
}
