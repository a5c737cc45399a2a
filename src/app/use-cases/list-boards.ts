/** The Scrum boards the caller can see, for the gadget's board picker. */
import type { Caller } from '../support/caller';
import type { BoardSummary, Ports } from '../ports';

export async function listBoards(ports: Ports, caller: Caller, request: { query?: string }): Promise<BoardSummary[]> {
  const query = request.query?.trim().toLowerCase() ?? '';
  const boards = await ports.jira.boardsVisibleToCaller();
  return boards
    .filter(
      (b) =>
        b.type === 'scrum' && (query === '' || b.name.toLowerCase().includes(query) || (b.projectKey ?? '').toLowerCase().includes(query)),
    )
    .sort((a, b) => a.name.localeCompare(b.name));
}
