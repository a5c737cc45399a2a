/** The sprint's proposals, decisions and bypassed changes as a CSV file for a spreadsheet. */
import { sprintCsv } from '../domain/csv-export';
import { requireVisibleBoard } from './board-access';
import type { Caller } from './caller';
import { peopleOf } from './get-issue-panel-state';
import { visibleTo } from './list-sprint-proposals';
import type { Ports } from './ports';

export async function exportSprintCsv(ports: Ports, caller: Caller, request: { boardId: number }): Promise<{ filename: string; csv: string }> {
  await requireVisibleBoard(ports, caller, request.boardId);
  const sprint = await ports.jira.activeSprint(request.boardId);
  if (!sprint) return { filename: `goalkeeper-board-${request.boardId}.csv`, csv: sprintCsv([], [], {}) };
  const [proposals, bypassed] = await Promise.all([
    ports.proposals.listBySprint(sprint.id).then((all) => visibleTo(ports, caller, all)),
    ports.sprints.bypassedChanges(sprint.id),
  ]);
  const names = await ports.jira.displayNames([...new Set([...proposals.flatMap(peopleOf), ...bypassed.flatMap((b) => (b.actorAccountId ? [b.actorAccountId] : []))])]);
  const safeName = sprint.name.replace(/[^A-Za-z0-9._-]+/g, '-');
  return { filename: `goalkeeper-${safeName}.csv`, csv: sprintCsv(proposals, bypassed, Object.fromEntries(names)) };
}
