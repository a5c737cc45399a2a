/**
 * Retention: where a project's settings say so, the records of a sprint that closed more than
 * `retentionDays` ago — its proposals with their audit trails, its baseline, bypassed changes and
 * outcome — are deleted. Projects that keep the default (null) keep everything while installed.
 */
import { settingsForBoard } from '../../domain/settings';
import { loadSettings } from '../support/issue-situation';
import type { Ports } from '../ports';

const DAY_MS = 86_400_000;

export interface PurgeOutcome {
  readonly sprints: number;
  readonly proposals: number;
  readonly records: number;
}

export async function purgeExpiredRecords(ports: Ports): Promise<PurgeOutcome> {
  let sprints = 0;
  let proposals = 0;
  let records = 0;
  for (const boardId of await ports.sprints.watchedBoards()) {
    const board = await ports.jira.getBoard(boardId);
    if (!board?.projectKey) continue;
    const retentionDays = settingsForBoard(await loadSettings(ports, board.projectKey), boardId).retentionDays ?? null;
    if (retentionDays === null) continue;
    const cutoff = ports.clock.now().getTime() - retentionDays * DAY_MS;
    for (const outcome of await ports.sprints.outcomesOfBoard(boardId)) {
      if (Date.parse(outcome.closedAt) >= cutoff) continue;
      for (const proposal of await ports.proposals.listBySprint(outcome.sprintId)) {
        records += await ports.proposals.purge(proposal.id);
        proposals++;
      }
      records += await ports.sprints.forgetSprint(outcome.sprintId);
      sprints++;
    }
  }
  return { sprints, proposals, records };
}
