/**
 * The team's history of closed sprints for the forecast: what is stored is read from storage,
 * and only the sprints not stored yet (or stored for another estimation field) are computed from
 * Jira, once — a closed sprint never changes.
 */
import type { SprintHistory } from '../../domain/sprint';
import { UTC } from '../../domain/time-zone';
import type { BoardEstimation, Ports } from '../ports';

/**
 * What a history was computed with: the estimation field (or issue count) its points were read
 * from, and the site's time zone its days were counted in, named when it is not UTC (so a history
 * kept before the zone was read still serves a UTC site).
 */
export function historyKeyOf(estimation: BoardEstimation, timeZone: string): string {
  const field = estimation.kind === 'points' ? estimation.fieldId : 'issue-count';
  return timeZone === UTC ? field : `${field} in ${timeZone}`;
}

/**
 * The board's last `count` closed sprints, newest first. With the board's active sprint given, the
 * closed-sprint list is not read again while that sprint is the one it was last read under.
 */
export async function loadTeamHistory(
  ports: Ports,
  boardId: number,
  count: number,
  estimation: BoardEstimation,
  activeSprintId?: number | null,
): Promise<SprintHistory[]> {
  if (count <= 0) return [];
  const storedList = await ports.sprintHistories.closedSprintList(boardId);
  const newest = storedList?.newest;
  const fresh = activeSprintId != null && newest?.whileActiveSprintId === activeSprintId && newest.count === count;
  const { sprints, listLength } = fresh
    ? { sprints: newest.sprints, listLength: storedList!.length }
    : await ports.jira.recentClosedSprints(boardId, count, storedList?.length);
  const estimationKey = historyKeyOf(estimation, await ports.jira.siteTimeZone());
  const stored = await ports.sprintHistories.histories(sprints.map((sprint) => sprint.id));
  const known = new Map(
    [...stored].filter(([, entry]) => entry.estimationKey === estimationKey).map(([sprintId, entry]) => [sprintId, entry.history]),
  );
  const computed = await ports.jira.closedSprintHistories(
    sprints.filter((sprint) => !known.has(sprint.id)),
    estimation,
  );
  // Read afresh: kept when its length moved, or to be reused while this sprint stays active.
  const listChanged = !fresh && (listLength !== storedList?.length || activeSprintId != null);
  await Promise.all([
    computed.length > 0 ? ports.sprintHistories.save(computed.map((history) => ({ boardId, estimationKey, history }))) : Promise.resolve(),
    listChanged
      ? ports.sprintHistories.saveClosedSprintList(boardId, {
          length: listLength,
          ...(activeSprintId != null ? { newest: { whileActiveSprintId: activeSprintId, count, sprints } } : {}),
        })
      : Promise.resolve(),
  ]);
  for (const history of computed) known.set(history.sprintId, history);
  return sprints.flatMap((sprint) => {
    const history = known.get(sprint.id);
    return history ? [history] : [];
  });
}
