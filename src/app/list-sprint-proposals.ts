/** The proposals of a board's active sprint that the caller may see, oldest first. */
import { GoalkeeperError } from '../domain/errors';
import type { Proposal, ProposalStatus } from '../domain/proposal';
import type { Caller } from './caller';
import type { Ports } from './ports';

export async function listSprintProposals(ports: Ports, caller: Caller, request: { boardId: number; status?: ProposalStatus }): Promise<Proposal[]> {
  const sprint = await activeSprintVisibleTo(ports, caller, request.boardId);
  if (!sprint) return [];
  return visibleTo(ports, caller, await ports.proposals.listBySprint(sprint.id, request.status));
}

/** The board must be one the caller can see in Jira; otherwise it does not exist for them. */
export async function activeSprintVisibleTo(ports: Ports, caller: Caller, boardId: number) {
  const boards = await ports.jira.boardsVisibleTo(caller.accountId);
  if (!boards.some((board) => board.id === boardId)) {
    throw new GoalkeeperError('not-found', 'This board does not exist or you do not have permission to see it.');
  }
  return ports.jira.activeSprint(boardId);
}

/** Drops proposals on issues the caller cannot browse (issue-level security can hide some). */
export async function visibleTo(ports: Ports, caller: Caller, proposals: readonly Proposal[]): Promise<Proposal[]> {
  if (proposals.length === 0) return [];
  const granted = await ports.jira.permissionsOf(caller.accountId, [...new Set(proposals.map((p) => p.issueKey))], ['BROWSE_PROJECTS']);
  return proposals.filter((p) => granted.get(p.issueKey)?.has('BROWSE_PROJECTS')).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
