/**
 * Team history of closed sprints, kept in Forge's key-value store. A closed sprint never changes,
 * so its figures are computed from Jira once and read from here afterwards; the board's
 * closed-sprint list length is kept too, so the next read of Jira's oldest-first list starts
 * near its end, with the newest closed sprints seen while the board's current sprint is active. Nothing here names a person: sprint ids, names and points only.
 */
import { kvs } from '@forge/kvs';
import type { ClosedSprintHistoryStore, StoredClosedSprintList, StoredSprintHistory } from '../app/ports';
import { callStorage, DEFAULT_RETRY_POLICY, type RetryPolicy } from './storage-calls';

const historyKey = (sprintId: number): string => `closed-sprint-history:${sprintId}`;
const listLengthKey = (boardId: number): string => `closed-sprint-list-length:${boardId}`;

function isStoredHistory(value: unknown, sprintId: number): value is StoredSprintHistory {
  const record = value as Partial<StoredSprintHistory> | undefined;
  return typeof record?.estimationKey === 'string' && typeof record.boardId === 'number' && record.history?.sprintId === sprintId;
}

export function createClosedSprintHistoryStore(options: { readonly retry?: RetryPolicy } = {}): ClosedSprintHistoryStore {
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  return {
    async histories(sprintIds) {
      const found = await Promise.all(
        sprintIds.map(
          async (sprintId) => [sprintId, await callStorage(retry, () => kvs.get<StoredSprintHistory>(historyKey(sprintId)))] as const,
        ),
      );
      return new Map(found.flatMap(([sprintId, stored]) => (isStoredHistory(stored, sprintId) ? [[sprintId, stored] as const] : [])));
    },
    async save(entries) {
      await Promise.all(entries.map((entry) => callStorage(retry, () => kvs.set(historyKey(entry.history.sprintId), entry))));
    },
    async closedSprintList(boardId) {
      const record = await callStorage(retry, () => kvs.get<StoredClosedSprintList>(listLengthKey(boardId)));
      if (typeof record?.length !== 'number') return undefined;
      const newest = record.newest;
      const usable = typeof newest?.whileActiveSprintId === 'number' && typeof newest.count === 'number' && Array.isArray(newest.sprints);
      return usable ? { length: record.length, newest } : { length: record.length };
    },
    async saveClosedSprintList(boardId, list) {
      await callStorage(retry, () => kvs.set(listLengthKey(boardId), list));
    },
  };
}
