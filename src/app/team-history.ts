/**
 * The team's history of closed sprints for the forecast: what is stored is read from storage,
 * and only the sprints not stored yet (or stored for another estimation field) are computed from
 * Jira, once — a closed sprint never changes.
 */
import type { SprintHistory } from '../domain/sprint';
import type { BoardEstimation, Ports } from './ports';

/** What a history's points were read from: the estimation field, or issue count. */
export function estimationKeyOf(estimation: BoardEstimation): string {
  return estimation.kind === 'points' ? estimation.fieldId : 'issue-count';
}

/** The board's last `count` closed sprints, newest first. */
export async function loadTeamHistory(ports: Ports, boardId: number, count: number, estimation: BoardEstimation): Promise<SprintHistory[]> {
  if (count <= 0) return [];
  const listLengthHint = await ports.sprintHistories.closedSprintListLength(boardId);
  const { sprints, listLength } = await ports.jira.recentClosedSprints(boardId, count, listLengthHint);
  const estimationKey = estimationKeyOf(estimation);
  const stored = await ports.sprintHistories.histories(sprints.map((sprint) => sprint.id));
  const known = new Map([...stored].filter(([, entry]) => entry.estimationKey === estimationKey).map(([sprintId, entry]) => [sprintId, entry.history]));
  const computed = await ports.jira.closedSprintHistories(
    sprints.filter((sprint) => !known.has(sprint.id)),
    estimation,
  );
  await Promise.all([
    computed.length > 0 ? ports.sprintHistories.save(computed.map((history) => ({ boardId, estimationKey, history }))) : Promise.resolve(),
    listLength !== listLengthHint ? ports.sprintHistories.saveClosedSprintListLength(boardId, listLength) : Promise.resolve(),
  ]);
  for (const history of computed) known.set(history.sprintId, history);
  return sprints.flatMap((sprint) => {
    const history = known.get(sprint.id);
    return history ? [history] : [];
  });
}
