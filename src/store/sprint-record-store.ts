/**
 * What Goalkeeper remembers about sprints in Forge's Custom Entity Store: baselines, the scope
 * last seen, bypassed changes, goal outcomes and the boards it watches; seen events in the
 * key-value store.
 *
 * Forge may deliver a trigger twice, late or out of order, so every "only once" here is a
 * conditional write judged by the transaction (strongly consistent), never by a query (eventually
 * consistent, and blind to a write made a moment ago):
 * - a baseline is created once: the first writer wins, later ones hear 'conflict';
 * - a bypassed change is created once per change id, and reviewed once;
 * - an event id is marked seen once, and remembered for SEEN_EVENT_RETENTION_DAYS;
 * - a goal outcome is recorded only over the version the Product Owner looked at.
 * Records that name people index them in the same transaction (src/store/account-references.ts).
 */
import { createHash } from 'node:crypto';
import { kvs, Sort, type Ttl } from '@forge/kvs';
import type { SprintRecordStore } from '../app/ports';
import { GoalkeeperError } from '../domain/errors';
import { outcomeVersionOf, type BypassedChange, type SprintCapacity, type SprintOutcome } from '../domain/sprint-record';
import {
  accountsNamedBy,
  bypassedChangeAccounts,
  referenceDeletes,
  referencesTo,
  sprintOutcomeAccounts,
  transactWithReferences,
} from './account-references';
import {
  BYPASSED_CHANGE_ENTITY,
  BYPASSED_CHANGE_INDEX,
  SPRINT_BASELINE_ENTITY,
  SPRINT_LAST_SEEN_ENTITY,
  SPRINT_OUTCOME_ENTITY,
  SPRINT_OUTCOME_INDEX,
  WATCHED_BOARD_ENTITY,
  WATCHED_BOARD_INDEX,
  type BypassedChangeRecord,
  type SprintBaselineRecord,
  type SprintLastSeenRecord,
  type SprintOutcomeRecord,
  type WatchedBoardRecord,
} from './entities';
import { FORGE_ENTITY_QUERY_MAX_LIMIT, isForgeKey } from './forge-storage-limits';
import {
  callStorage,
  conditionalWrite,
  DEFAULT_RETRY_POLICY,
  deleteEntity,
  isAbsent,
  readIndex,
  type RetryPolicy,
  setEntity,
  splitForTransactions,
  stillEquals,
  transact,
  type WriteCondition,
} from './storage-calls';

/**
 * Jira delivers an event up to minutes late and Forge retries a failed delivery for far less than
 * a week; a week of memory outlasts any redelivery and keeps the markers few.
 */
export const SEEN_EVENT_RETENTION_DAYS = 7;
const SEEN_EVENT_TTL: Ttl = { value: SEEN_EVENT_RETENTION_DAYS, unit: 'DAYS' };

export interface SprintRecordStoreOptions {
  readonly retry?: RetryPolicy;
  /** Seen events and account references are stamped with this clock. */
  readonly now?: () => Date;
}

interface SeenEventRecord {
  readonly seenAt: string;
}

export function createSprintRecordStore(options: SprintRecordStoreOptions = {}): SprintRecordStore {
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const now = options.now ?? (() => new Date());
  const baselines = kvs.entity<SprintBaselineRecord>(SPRINT_BASELINE_ENTITY.name);
  const lastSeenScopes = kvs.entity<SprintLastSeenRecord>(SPRINT_LAST_SEEN_ENTITY.name);
  const bypassedChanges = kvs.entity<BypassedChangeRecord>(BYPASSED_CHANGE_ENTITY.name);
  const outcomes = kvs.entity<SprintOutcomeRecord>(SPRINT_OUTCOME_ENTITY.name);
  const watchedBoards = kvs.entity<WatchedBoardRecord>(WATCHED_BOARD_ENTITY.name);

  // Ids reach getBypassed and reviewBypassed from the UI: one Forge would refuse as a key names no record.
  const readBypassed = async (id: string) => (isForgeKey(id) ? callStorage(retry, () => bypassedChanges.get(id)) : undefined);

  /** Writes a bypassed change, if `guard` holds for the stored one, with the references to the people it names. */
  const writeBypassed = (change: BypassedChange, guard: WriteCondition<BypassedChangeRecord>) => {
    const record = bypassedChangeRecord(change);
    return conditionalWrite(retry, {
      execute: () =>
        transactWithReferences(
          [setEntity(BYPASSED_CHANGE_ENTITY.name, change.id, record, { conditions: guard })],
          referencesTo(
            accountsNamedBy(bypassedChangeAccounts, change),
            { recordKind: 'bypassed-change', recordKey: change.id },
            now().toISOString(),
          ),
        ),
      written: record,
      readBack: () => bypassedChanges.get(change.id),
    });
  };

  return {
    async baseline(sprintId) {
      return (await callStorage(retry, () => baselines.get(sprintKey(sprintId))))?.baseline;
    },

    async saveBaseline(baseline) {
      const record: SprintBaselineRecord = { sprintId: baseline.sprintId, boardId: baseline.boardId, baseline };
      return conditionalWrite(retry, {
        execute: () =>
          transact([
            setEntity(SPRINT_BASELINE_ENTITY.name, sprintKey(baseline.sprintId), record, {
              conditions: isAbsent<SprintBaselineRecord>('sprintId'),
            }),
          ]),
        written: record,
        readBack: () => baselines.get(sprintKey(baseline.sprintId)),
      });
    },

    async lastSeen(sprintId) {
      return (await callStorage(retry, () => lastSeenScopes.get(sprintKey(sprintId))))?.scope;
    },

    async saveLastSeen(scope) {
      const record: SprintLastSeenRecord = { sprintId: scope.sprintId, boardId: scope.boardId, scope };
      await callStorage(retry, () => lastSeenScopes.set(sprintKey(scope.sprintId), record));
    },

    /** Oldest first. */
    async bypassedChanges(sprintId) {
      const records = await readIndex(retry, () =>
        bypassedChanges
          .query()
          .index(BYPASSED_CHANGE_INDEX.bySprint, { partition: [sprintId] })
          .sort(Sort.ASC)
          .limit(FORGE_ENTITY_QUERY_MAX_LIMIT),
      );
      return records.map((record) => record.change);
    },

    recordBypassed(change) {
      return writeBypassed(change, isAbsent<BypassedChangeRecord>('sprintId'));
    },

    async getBypassed(id) {
      return (await readBypassed(id))?.change;
    },

    async reviewBypassed(id, review) {
      const stored = await readBypassed(id);
      if (!stored) throw new GoalkeeperError('not-found', 'This change does not exist or you do not have permission to see it.');
      if (stored.reviewed) return 'conflict';
      return writeBypassed({ ...stored.change, review }, stillEquals<BypassedChangeRecord>('reviewed', false));
    },

    async forgetSprint(sprintId) {
      const key = sprintKey(sprintId);
      const changes = await readIndex(retry, () =>
        bypassedChanges
          .query()
          .index(BYPASSED_CHANGE_INDEX.bySprint, { partition: [sprintId] })
          .sort(Sort.ASC)
          .limit(FORGE_ENTITY_QUERY_MAX_LIMIT),
      );
      const outcome = await callStorage(retry, () => outcomes.get(key));
      const deletes = [
        ...changes.flatMap((record) => [
          deleteEntity(BYPASSED_CHANGE_ENTITY.name, record.change.id),
          ...referenceDeletes(accountsNamedBy(bypassedChangeAccounts, record.change), {
            recordKind: 'bypassed-change',
            recordKey: record.change.id,
          }),
        ]),
        ...(outcome
          ? referenceDeletes(accountsNamedBy(sprintOutcomeAccounts, outcome.outcome), { recordKind: 'sprint-outcome', recordKey: key })
          : []),
        deleteEntity(SPRINT_BASELINE_ENTITY.name, key),
        deleteEntity(SPRINT_LAST_SEEN_ENTITY.name, key),
        // The outcome goes last: it is what the retention job finds a closed sprint by.
        deleteEntity(SPRINT_OUTCOME_ENTITY.name, key),
      ];
      // Before the outcome goes: a retention run cut short finds the sprint again and finishes.
      const capacity = await callStorage(retry, () => kvs.get<SprintCapacity>(capacityKey(sprintId)));
      if (capacity) await callStorage(retry, () => kvs.delete(capacityKey(sprintId)));
      for (const group of splitForTransactions(deletes)) await callStorage(retry, () => transact(group));
      return deletes.length + (capacity ? 1 : 0);
    },

    async outcome(sprintId) {
      return (await callStorage(retry, () => outcomes.get(sprintKey(sprintId))))?.outcome;
    },

    async saveOutcome(outcome) {
      await callStorage(retry, () =>
        transactWithReferences(
          [setEntity(SPRINT_OUTCOME_ENTITY.name, sprintKey(outcome.sprintId), sprintOutcomeRecord(outcome))],
          referencesTo(
            accountsNamedBy(sprintOutcomeAccounts, outcome),
            { recordKind: 'sprint-outcome', recordKey: sprintKey(outcome.sprintId) },
            now().toISOString(),
          ),
        ),
      );
    },

    async recordOutcome(outcome, expectedVersion) {
      const key = sprintKey(outcome.sprintId);
      const record = sprintOutcomeRecord(outcome);
      // Records from before versions existed carry no version attribute and read as version 1; the
      // condition still holds them to what was read (transaction conditions take no "or").
      const stored = await callStorage(retry, () => outcomes.get(key));
      if (!stored || (stored.version ?? 1) !== expectedVersion) return 'conflict';
      const guard =
        stored.version === undefined
          ? isAbsent<SprintOutcomeRecord>('version')
          : stillEquals<SprintOutcomeRecord>('version', expectedVersion);
      return conditionalWrite(retry, {
        execute: () =>
          transactWithReferences(
            [setEntity(SPRINT_OUTCOME_ENTITY.name, key, record, { conditions: guard })],
            referencesTo(
              accountsNamedBy(sprintOutcomeAccounts, outcome),
              { recordKind: 'sprint-outcome', recordKey: key },
              now().toISOString(),
            ),
          ),
        written: record,
        readBack: () => outcomes.get(key),
      });
    },

    /** Newest first: the goal-success trend reads back from the last closed sprint. */
    async outcomesOfBoard(boardId) {
      const records = await readIndex(retry, () =>
        outcomes
          .query()
          .index(SPRINT_OUTCOME_INDEX.byBoard, { partition: [boardId] })
          .sort(Sort.DESC)
          .limit(FORGE_ENTITY_QUERY_MAX_LIMIT),
      );
      return records.map((record) => record.outcome);
    },

    async capacity(sprintId) {
      return callStorage(retry, () => kvs.get<SprintCapacity>(capacityKey(sprintId)));
    },

    async saveCapacity(capacity) {
      await callStorage(retry, () => kvs.set(capacityKey(capacity.sprintId), capacity));
    },

    async markEventSeen(eventId) {
      const key = seenEventKey(eventId);
      const record: SeenEventRecord = { seenAt: now().toISOString() };
      const outcome = await conditionalWrite(retry, {
        execute: () => kvs.set(key, record, { ttl: SEEN_EVENT_TTL, keyPolicy: 'FAIL_IF_EXISTS' }),
        written: record,
        readBack: () => kvs.get(key),
      });
      return outcome === 'written' ? 'first' : 'duplicate';
    },

    async watchBoard(boardId) {
      // Keyed by board: watching a board again rewrites the same record.
      await callStorage(retry, () => watchedBoards.set(String(boardId), { boardId }));
    },

    async watchedBoards() {
      const records = await readIndex(retry, () =>
        watchedBoards.query().index(WATCHED_BOARD_INDEX.byBoard).sort(Sort.ASC).limit(FORGE_ENTITY_QUERY_MAX_LIMIT),
      );
      return records.map((record) => record.boardId);
    },
  };
}

export function sprintKey(sprintId: number): string {
  return String(sprintId);
}

export function bypassedChangeRecord(change: BypassedChange): BypassedChangeRecord {
  return { sprintId: change.sprintId, at: change.at, reviewed: change.review !== null, change };
}

export function sprintOutcomeRecord(outcome: SprintOutcome): SprintOutcomeRecord {
  const record = {
    sprintId: outcome.sprintId,
    boardId: outcome.boardId,
    closedAt: outcome.closedAt,
    version: outcomeVersionOf(outcome),
    outcome,
  };
  return outcome.recordedBy === null ? record : { ...record, recordedBy: outcome.recordedBy };
}

function capacityKey(sprintId: number): string {
  return `sprint-capacity:${sprintId}`;
}

/** Hashed: Jira's event ids stay out of storage keys, and any id makes a valid one. */
function seenEventKey(eventId: string): string {
  return `seen-event:${createHash('sha256').update(eventId).digest('hex')}`;
}
