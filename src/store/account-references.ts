/**
 * The `account` index: which records name which accountId, so the personal-data cycle
 * (src/store/personal-data-store.ts) finds every record naming a closed account without a scan.
 *
 * - Whenever a store writes a record naming an accountId, it upserts an `account-reference`
 *   (account, record kind, record key, time) in the same transaction as the record, so the two land
 *   together or not at all. References carry no condition: the record's own guard still decides
 *   every race, and a transaction that loses it writes no reference either.
 * - Forge allows 25 operations per transaction. References that do not fit are written just
 *   before it: a crash in between leaves a reference to a record that does not name the account
 *   (erasure finds nothing to replace), never a record that the index misses.
 * - One reference per record, not one summary per account: a summary would make every write
 *   naming the same person contend for one key.
 * - The fields that name people are listed once per record type (the mappers below); references
 *   and erasure both derive from them, so the two cannot drift apart.
 */
import { createHash } from 'node:crypto';
import type { Ttl } from '@forge/kvs';
import type { AuditEvent } from '../domain/audit';
import type { Proposal } from '../domain/proposal';
import type { ProjectSettings } from '../domain/settings';
import type { BypassedChange, SprintOutcome } from '../domain/sprint-record';
import { ACCOUNT_REFERENCE_ENTITY, type AccountRecordKind, type AccountReferenceRecord, type SettingsVersionRecord } from './entities';
import { FORGE_TRANSACTION_MAX_OPERATIONS } from './forge-storage-limits';
import { deleteEntity, setEntity, splitForTransactions, transact, type TransactionWrite } from './storage-calls';

/** Rebuilds a record with every accountId it holds passed through `map`. */
export type AccountMapper<T> = (value: T, map: (accountId: string) => string) => T;

const mapNullable = (accountId: string | null, map: (accountId: string) => string) => (accountId === null ? null : map(accountId));

export const proposalAccounts: AccountMapper<Proposal> = (proposal, map) => ({
  ...proposal,
  proposerAccountId: map(proposal.proposerAccountId),
  decision: proposal.decision && { ...proposal.decision, deciderAccountId: mapNullable(proposal.decision.deciderAccountId, map) },
});

export const auditEventAccounts: AccountMapper<AuditEvent> = (event, map) => ({
  ...event,
  actorAccountId: mapNullable(event.actorAccountId, map),
});

export const settingsAccounts: AccountMapper<ProjectSettings> = (settings, map) => ({
  ...settings,
  productOwners: { ...settings.productOwners, accountIds: settings.productOwners.accountIds.map((accountId) => map(accountId)) },
  updatedBy: mapNullable(settings.updatedBy, map),
});

export const settingsVersionAccounts: AccountMapper<SettingsVersionRecord> = (version, map) => ({
  ...version,
  changedBy: map(version.changedBy),
  settings: settingsAccounts(version.settings, map),
});

export const bypassedChangeAccounts: AccountMapper<BypassedChange> = (change, map) => ({
  ...change,
  actorAccountId: mapNullable(change.actorAccountId, map),
  review: change.review && { ...change.review, reviewerAccountId: map(change.review.reviewerAccountId) },
});

export const sprintOutcomeAccounts: AccountMapper<SprintOutcome> = (outcome, map) => ({
  ...outcome,
  recordedBy: mapNullable(outcome.recordedBy, map),
  ...(outcome.history
    ? { history: outcome.history.map((revision) => ({ ...revision, recordedBy: mapNullable(revision.recordedBy, map) })) }
    : {}),
});

/** Every accountId the record holds, each once. */
export function accountsNamedBy<T>(mapper: AccountMapper<T>, value: T): string[] {
  const named = new Set<string>();
  mapper(value, (accountId) => {
    named.add(accountId);
    return accountId;
  });
  return [...named];
}

export function namesAccount<T>(mapper: AccountMapper<T>, value: T, accountId: string): boolean {
  return accountsNamedBy(mapper, value).includes(accountId);
}

/** The record with `accountId` replaced by `tombstone` wherever it names a person. */
export function withAccountReplaced<T>(mapper: AccountMapper<T>, value: T, accountId: string, tombstone: string): T {
  return mapper(value, (named) => (named === accountId ? tombstone : named));
}

/** The record a reference points at. */
export interface ReferencedRecord {
  readonly recordKind: AccountRecordKind;
  readonly recordKey: string;
}

/** Upserts of the references from each account to `record`; a TTL makes them expire with a record that expires. */
export function referencesTo(accountIds: Iterable<string>, record: ReferencedRecord, updatedAt: string, ttl?: Ttl): TransactionWrite[] {
  return [...new Set(accountIds)].map((accountId) => {
    const reference: AccountReferenceRecord = { accountId, recordKind: record.recordKind, recordKey: record.recordKey, updatedAt };
    return setEntity(ACCOUNT_REFERENCE_ENTITY.name, referenceKey(reference), reference, { ttl });
  });
}

/** Hashed: any accountId and record key make a valid Forge key, and the parts cannot run into each other. */
export function referenceKey(reference: Pick<AccountReferenceRecord, 'accountId' | 'recordKind' | 'recordKey'>): string {
  return createHash('sha256')
    .update(JSON.stringify([reference.accountId, reference.recordKind, reference.recordKey]))
    .digest('hex');
}

/** Runs `writes` in one transaction with the references to the accounts they name (those that do not fit go first). */
export async function transactWithReferences(writes: readonly TransactionWrite[], references: readonly TransactionWrite[]): Promise<void> {
  const room = Math.max(0, FORGE_TRANSACTION_MAX_OPERATIONS - writes.length);
  for (const group of splitForTransactions(references.slice(room))) await transact(group);
  await transact([...writes, ...references.slice(0, room)]);
}

/** Deletes of the references a record's accounts have to it, for when the record itself is deleted. */
export function referenceDeletes(accountIds: Iterable<string>, record: ReferencedRecord): TransactionWrite[] {
  return [...new Set(accountIds)].map((accountId) => deleteEntity(ACCOUNT_REFERENCE_ENTITY.name, referenceKey({ accountId, ...record })));
}
