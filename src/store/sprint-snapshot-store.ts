/**
 * The active sprint's snapshot (src/app/ports.ts StoredSprintSnapshot) in Forge's key-value
 * store. A sprint of thousands of items is larger than one value may be, so its issues are kept
 * in chunks under Forge's value limit, written under a fresh generation before the head that
 * names them: a reader never sees a head whose chunks are half written, and the previous
 * generation's chunks are deleted once the new head is in place. What is kept is what the
 * assessment reads of each issue (no person: assignees are not read at all).
 */
import { kvs } from '@forge/kvs';
import { randomUUID } from 'node:crypto';
import type { SprintSnapshotStore, StoredSprintSnapshot } from '../app/ports';
import type { SprintIssue } from '../domain/sprint';
import { FORGE_VALUE_MAX_BYTES } from './forge-storage-limits';
import { callStorage, DEFAULT_RETRY_POLICY, type RetryPolicy } from './storage-calls';

/** A chunk's issues stay this far below Forge's 240 KiB value limit, leaving room for the record around them. */
export const SNAPSHOT_CHUNK_MAX_BYTES = FORGE_VALUE_MAX_BYTES - 16 * 1024;

const headKey = (sprintId: number): string => `sprint-snapshot:${sprintId}`;
const chunkKey = (sprintId: number, generation: string, index: number): string => `sprint-snapshot:${sprintId}:${generation}:${index}`;

interface SnapshotHead extends Omit<StoredSprintSnapshot, 'snapshot'> {
  readonly snapshot: Omit<StoredSprintSnapshot['snapshot'], 'issues'>;
  readonly generation: string;
  readonly chunks: number;
  readonly issueCount: number;
}

interface SnapshotChunk {
  readonly issues: readonly SprintIssue[];
}

/** Issues in rank order, cut where the next one would take a chunk past `maxBytes` (UTF-8 bytes of the JSON). */
export function chunkIssues(issues: readonly SprintIssue[], maxBytes: number = SNAPSHOT_CHUNK_MAX_BYTES): SprintIssue[][] {
  const chunks: SprintIssue[][] = [];
  let current: SprintIssue[] = [];
  let bytes = 0;
  for (const issue of issues) {
    const size = Buffer.byteLength(JSON.stringify(issue), 'utf8') + 1;
    if (size > maxBytes) throw new Error(`Issue ${issue.key} alone is larger than a snapshot chunk (${size} bytes).`);
    if (current.length > 0 && bytes + size > maxBytes) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(issue);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function isHead(value: unknown, sprintId: number): value is SnapshotHead {
  const head = value as Partial<SnapshotHead> | undefined;
  return (
    typeof head?.generation === 'string' &&
    typeof head.chunks === 'number' &&
    typeof head.issueCount === 'number' &&
    typeof head.changeMark === 'string' &&
    typeof head.ruleKey === 'string' &&
    head.snapshot?.sprint?.id === sprintId
  );
}

export function createSprintSnapshotStore(options: { readonly retry?: RetryPolicy } = {}): SprintSnapshotStore {
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const deleteChunks = (sprintId: number, head: SnapshotHead) =>
    Promise.all(
      Array.from({ length: head.chunks }, (_, index) => callStorage(retry, () => kvs.delete(chunkKey(sprintId, head.generation, index)))),
    );
  return {
    async get(sprintId) {
      const head = await callStorage(retry, () => kvs.get<SnapshotHead>(headKey(sprintId)));
      if (!isHead(head, sprintId)) return undefined;
      const chunks = await Promise.all(
        Array.from({ length: head.chunks }, (_, index) =>
          callStorage(retry, () => kvs.get<SnapshotChunk>(chunkKey(sprintId, head.generation, index))),
        ),
      );
      const issues = chunks.flatMap((chunk) => chunk?.issues ?? []);
      // A chunk lost (deleted by a newer write between our two reads) makes the snapshot unusable, not short.
      if (issues.length !== head.issueCount) return undefined;
      const { generation: _generation, chunks: _chunks, issueCount: _count, ...stored } = head;
      return { ...stored, snapshot: { ...head.snapshot, issues } };
    },
    async save(stored) {
      const sprintId = stored.snapshot.sprint.id;
      const previous = await callStorage(retry, () => kvs.get<SnapshotHead>(headKey(sprintId)));
      const generation = randomUUID();
      const chunks = chunkIssues(stored.snapshot.issues);
      await Promise.all(
        chunks.map((issues, index) =>
          callStorage(retry, () => kvs.set(chunkKey(sprintId, generation, index), { issues } satisfies SnapshotChunk)),
        ),
      );
      const { issues: _issues, ...sprintPart } = stored.snapshot;
      const head: SnapshotHead = {
        ...stored,
        snapshot: sprintPart,
        generation,
        chunks: chunks.length,
        issueCount: stored.snapshot.issues.length,
      };
      await callStorage(retry, () => kvs.set(headKey(sprintId), head));
      if (isHead(previous, sprintId)) await deleteChunks(sprintId, previous);
    },
    async forget(sprintId) {
      const head = await callStorage(retry, () => kvs.get<SnapshotHead>(headKey(sprintId)));
      if (!isHead(head, sprintId)) return;
      await callStorage(retry, () => kvs.delete(headKey(sprintId)));
      await deleteChunks(sprintId, head);
    },
  };
}
