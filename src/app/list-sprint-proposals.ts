/** The proposals of a board's active sprint that the caller may see, oldest first. */
import type { Proposal, ProposalStatus } from '../domain/proposal';
import { requireVisibleBoard } from './board-access';
import type { Caller } from './caller';
import type { Ports } from './ports';

export async function listSprintProposals(ports: Ports, caller: Caller, request: { boardId: number; status?: ProposalStatus }): Promise<Proposal[]> {
  const sprint = await activeSprintVisibleTo(ports, caller, request.boardId);
  if (!sprint) return [];
  return visibleTo(ports, caller, await ports.proposals.listBySprint(sprint.id, request.status));
}

async function activeSprintVisibleTo(ports: Ports, caller: Caller, boardId: number) {
  await requireVisibleBoard(ports, caller, boardId);
  return ports.jira.activeSprint(boardId);
}

/** Drops proposals on issues the caller cannot browse (issue-level security can hide some). */
export async function visibleTo(ports: Ports, caller: Caller, proposals: readonly Proposal[]): Promise<Proposal[]> {
  if (proposals.length === 0) return [];
  const granted = await ports.jira.permissionsOfCaller([...new Set(proposals.map((p) => p.issueKey))], ['BROWSE_PROJECTS']);
  return proposals.filter((p) => granted.get(p.issueKey)?.has('BROWSE_PROJECTS')).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}
