/**
 * The team declares what it can do for the rest of the sprint (issue 13): the share of its usual
 * capacity available (someone is ill, half the team is at a conference) and whole working days
 * off (a public holiday). Every assessment of that sprint — panel, preview, proposal, decision,
 * sprint view — then forecasts with it. Only for the board's active sprint, and only for someone
 * who may plan it in Jira (Schedule issues in its project): the Developers own the Sprint Backlog.
 */
import { GoalkeeperError } from '../../domain/errors';
import type { SprintCapacity } from '../../domain/sprint-record';
import { requireVisibleBoard } from '../support/board-access';
import type { Caller } from '../support/caller';
import type { Ports } from '../ports';

export interface SprintCapacityRequest {
  readonly boardId: number;
  /** The sprint the person looked at: a gadget left open past the sprint's end must not set the next one's. */
  readonly sprintId: number;
  /** Share of the usual capacity available, 0..1. */
  readonly availability: number;
  /** Whole working days off before the sprint ends. */
  readonly daysOff: number;
}

export async function setSprintCapacity(ports: Ports, caller: Caller, request: SprintCapacityRequest): Promise<SprintCapacity> {
  const board = await requireVisibleBoard(ports, caller, request.boardId);
  if (board.type !== 'scrum' || !board.projectKey)
    throw new GoalkeeperError('invalid-input', 'Capacity is declared for a Scrum board’s active sprint.');
  if (!(await ports.jira.callerHasProjectPermission(board.projectKey, 'SCHEDULE_ISSUES'))) {
    throw new GoalkeeperError(
      'forbidden',
      'Declaring the team’s capacity needs the Jira permission Schedule issues in this project: it is the team’s plan.',
    );
  }
  const active = await ports.jira.activeSprint(board.id);
  if (!active || active.id !== request.sprintId)
    throw new GoalkeeperError('stale', 'This sprint is no longer the board’s active sprint. Reload to see the current one.');
  const capacity: SprintCapacity = {
    sprintId: active.id,
    boardId: board.id,
    availability: request.availability,
    daysOff: request.daysOff,
    updatedAt: ports.clock.now().toISOString(),
  };
  await ports.sprints.saveCapacity(capacity);
  return capacity;
}
