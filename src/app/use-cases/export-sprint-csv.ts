/** The sprint's proposals, decisions and bypassed changes as a CSV file for a spreadsheet. */
import { sprintCsv } from '../../domain/csv-export';
import { requireVisibleBoard } from '../support/board-access';
import type { Caller } from '../support/caller';
import { peopleOf } from '../support/view-parts';
import type { Ports } from '../ports';
import { askSight, issueRefsOf } from '../support/visible-to-caller';

export async function exportSprintCsv(
  ports: Ports,
  caller: Caller,
  request: { boardId: number },
): Promise<{ filename: string; csv: string }> {
  const board = await requireVisibleBoard(ports, caller, request.boardId);
  const sprint = await ports.jira.activeSprint(board.id);
  if (!sprint) return { filename: `goalkeeper-board-${request.boardId}.csv`, csv: sprintCsv([], [], {}) };
  const [allProposals, allBypassed] = await Promise.all([
    ports.proposals.listBySprint(sprint.id),
    ports.sprints.bypassedChanges(sprint.id),
  ]);
  // The file leaves the caller's hands: only rows about issues they may browse (one check as them).
  const sight = await askSight(ports, {
    issues: [...allProposals.flatMap(issueRefsOf), ...allBypassed.map((change) => ({ key: change.issueKey }))],
    seenBoardIds: [board.id],
  });
  const proposals = sight.proposals(allProposals).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const bypassed = sight.scopeChanges(allBypassed);
  const names = await ports.jira.displayNames([
    ...new Set([
      ...proposals.flatMap(peopleOf),
      ...bypassed.flatMap((b) => [...(b.actorAccountId ? [b.actorAccountId] : []), ...(b.review ? [b.review.reviewerAccountId] : [])]),
    ]),
  ]);
  const safeName = sprint.name.replace(/[^A-Za-z0-9._-]+/g, '-');
  return { filename: `goalkeeper-${safeName}.csv`, csv: sprintCsv(proposals, bypassed, Object.fromEntries(names)) };
}
