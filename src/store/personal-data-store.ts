/**
 * The store's side of Atlassian's personal data duty (src/app/use-cases/report-personal-data.ts): list every
 * accountId Goalkeeper holds, and replace a closed one with a tombstone in every record naming it.
 * The records survive: a decision record must outlive its decider's account.
 *
 * Records are found through the `account` index (src/store/account-references.ts), never by a
 * scan: a proposal's reference leads to the proposal and its audit trail, a settings reference to
 * the project's settings and their history, and so on.
 * - Each rewrite is conditional on the record still being as read, so erasure never undoes a
 *   write made meanwhile; after a lost race it reads again and rewrites what still names the account.
 * - The reference is deleted in the transaction of the last rewrite, conditional on nobody having
 *   renewed it meanwhile. So a reference disappears only once its records are clean, and whatever
 *   a race or a crash leaves behind keeps its reference and is erased on the next cycle.
 */
import { kvs, Sort, WhereConditions } from '@forge/kvs';
import type { PersonalDataStore } from '../app/ports';
import { GoalkeeperError } from '../domain/errors';
import {
  auditEventAccounts,
  bypassedChangeAccounts,
  namesAccount,
  proposalAccounts,
  referenceKey,
  settingsAccounts,
  settingsVersionAccounts,
  sprintOutcomeAccounts,
  withAccountReplaced,
  type AccountMapper,
} from './account-references';
import {
  ACCOUNT_REFERENCE_ENTITY,
  ACCOUNT_REFERENCE_INDEX,
  AUDIT_EVENT_ENTITY,
  AUDIT_EVENT_INDEX,
  BYPASSED_CHANGE_ENTITY,
  PROPOSAL_ENTITY,
  SETTINGS_ENTITY,
  SETTINGS_VERSION_ENTITY,
  SETTINGS_VERSION_INDEX,
  SPRINT_OUTCOME_ENTITY,
  type AccountReferenceRecord,
  type AuditEventRecord,
  type BypassedChangeRecord,
  type ProposalRecord,
  type SettingsRecord,
  type SettingsVersionRecord,
  type SprintOutcomeRecord,
} from './entities';
import { FORGE_ENTITY_QUERY_MAX_LIMIT } from './forge-storage-limits';
import { auditEventKey, auditEventRecord, proposalRecord } from './proposal-store';
import { settingsVersionKey } from './settings-repository';
import {
  callStorage,
  DEFAULT_RETRY_POLICY,
  deleteEntity,
  deleteKeyValue,
  guardedTransaction,
  hasVersion,
  isPresent,
  readIndex,
  setEntity,
  splitForTransactions,
  stillEquals,
  type RetryPolicy,
  type TransactionWrite,
} from './storage-calls';
import { bypassedChangeRecord, sprintOutcomeRecord } from './sprint-record-store';

/** Rounds of re-reading one reference's records while writes keep racing the erasure; what is left waits for the next cycle. */
export const ERASE_ATTEMPTS = 3;

export interface PersonalDataStoreOptions {
  readonly retry?: RetryPolicy;
}

/** An accountId to replace, and what replaces it. */
interface Erasure {
  readonly accountId: string;
  readonly tombstone: string;
}

export function createPersonalDataStore(options: PersonalDataStoreOptions = {}): PersonalDataStore {
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const references = kvs.entity<AccountReferenceRecord>(ACCOUNT_REFERENCE_ENTITY.name);
  const proposals = kvs.entity<ProposalRecord>(PROPOSAL_ENTITY.name);
  const auditEvents = kvs.entity<AuditEventRecord>(AUDIT_EVENT_ENTITY.name);
  const settings = kvs.entity<SettingsRecord>(SETTINGS_ENTITY.name);
  const settingsVersions = kvs.entity<SettingsVersionRecord>(SETTINGS_VERSION_ENTITY.name);
  const bypassedChanges = kvs.entity<BypassedChangeRecord>(BYPASSED_CHANGE_ENTITY.name);
  const outcomes = kvs.entity<SprintOutcomeRecord>(SPRINT_OUTCOME_ENTITY.name);

  /** One account's references, or everyone's: the index is ranged by accountId, so either way they come grouped. */
  const referencesFrom = (accountId?: string) =>
    readIndex(retry, () => {
      const index = references.query().index(ACCOUNT_REFERENCE_INDEX.byAccount);
      return (accountId === undefined ? index : index.where(WhereConditions.equalTo(accountId)))
        .sort(Sort.ASC)
        .limit(FORGE_ENTITY_QUERY_MAX_LIMIT);
    });

  const auditTrail = async (proposalId: string, length: number) => {
    const listed = await readIndex(retry, () =>
      auditEvents
        .query()
        .index(AUDIT_EVENT_INDEX.byProposal, { partition: [proposalId] })
        .sort(Sort.ASC)
        .limit(FORGE_ENTITY_QUERY_MAX_LIMIT),
    );
    return completeSeries(
      listed,
      (record) => record.sequence,
      length,
      (sequence) => callStorage(retry, () => auditEvents.get(auditEventKey(proposalId, sequence))),
    );
  };

  const settingsHistory = async (projectKey: string, length: number) => {
    const listed = await readIndex(retry, () =>
      settingsVersions
        .query()
        .index(SETTINGS_VERSION_INDEX.byProject, { partition: [projectKey] })
        .sort(Sort.ASC)
        .limit(FORGE_ENTITY_QUERY_MAX_LIMIT),
    );
    return completeSeries(
      listed,
      (record) => record.version,
      length,
      (version) => callStorage(retry, () => settingsVersions.get(settingsVersionKey(projectKey, version))),
    );
  };

  /** The records a reference leads to that still name the account, rewritten with the tombstone, each guarded. */
  const rewritesFor = async (
    { recordKind, recordKey }: AccountReferenceRecord,
    { accountId, tombstone }: Erasure,
  ): Promise<TransactionWrite[]> => {
    const names = <T>(mapper: AccountMapper<T>, value: T) => namesAccount(mapper, value, accountId);
    const erased = <T>(mapper: AccountMapper<T>, value: T) => withAccountReplaced(mapper, value, accountId, tombstone);
    switch (recordKind) {
      case 'proposal': {
        const stored = await callStorage(retry, () => proposals.get(recordKey));
        const trail = await auditTrail(recordKey, stored?.version ?? 0);
        return [
          ...trail
            .filter((record) => names(auditEventAccounts, record.event))
            .map((record) => {
              const event = erased(auditEventAccounts, record.event);
              return setEntity(AUDIT_EVENT_ENTITY.name, auditEventKey(event.proposalId, event.sequence), auditEventRecord(event), {
                conditions: isPresent<AuditEventRecord>('sequence'),
              });
            }),
          ...(stored && names(proposalAccounts, stored.proposal)
            ? [
                setEntity(PROPOSAL_ENTITY.name, recordKey, proposalRecord(erased(proposalAccounts, stored.proposal)), {
                  conditions: hasVersion<ProposalRecord>(stored.version),
                }),
              ]
            : []),
        ];
      }
      case 'settings': {
        const stored = await callStorage(retry, () => settings.get(recordKey));
        const history = await settingsHistory(recordKey, stored?.version ?? 0);
        return [
          ...history
            .filter((version) => names(settingsVersionAccounts, version))
            .map((version) =>
              setEntity(
                SETTINGS_VERSION_ENTITY.name,
                settingsVersionKey(version.projectKey, version.version),
                erased(settingsVersionAccounts, version),
                {
                  conditions: isPresent<SettingsVersionRecord>('version'),
                },
              ),
            ),
          ...(stored && names(settingsAccounts, stored.settings)
            ? [
                setEntity(
                  SETTINGS_ENTITY.name,
                  recordKey,
                  { ...stored, settings: erased(settingsAccounts, stored.settings) },
                  { conditions: hasVersion<SettingsRecord>(stored.version) },
                ),
              ]
            : []),
        ];
      }
      case 'bypassed-change': {
        const stored = await callStorage(retry, () => bypassedChanges.get(recordKey));
        if (!stored || !names(bypassedChangeAccounts, stored.change)) return [];
        // A change is reviewed once: unreviewed as read, or reviewed, it is unchanged.
        const guard = stillEquals<BypassedChangeRecord>('reviewed', stored.reviewed);
        return [
          setEntity(BYPASSED_CHANGE_ENTITY.name, recordKey, bypassedChangeRecord(erased(bypassedChangeAccounts, stored.change)), {
            conditions: guard,
          }),
        ];
      }
      case 'sprint-outcome': {
        const stored = await callStorage(retry, () => outcomes.get(recordKey));
        if (!stored || !names(sprintOutcomeAccounts, stored.outcome)) return [];
        // A versioned outcome is rewritten only over the version read (the account may be named only in
        // its history); an older one only the account itself recorded, and a closed account records nothing.
        const guard =
          stored.version !== undefined
            ? stillEquals<SprintOutcomeRecord>('version', stored.version)
            : stillEquals<SprintOutcomeRecord>('recordedBy', accountId);
        return [
          setEntity(SPRINT_OUTCOME_ENTITY.name, recordKey, sprintOutcomeRecord(erased(sprintOutcomeAccounts, stored.outcome)), {
            conditions: guard,
          }),
        ];
      }
      case 'idempotency': {
        // A replayed answer is worth nothing once its caller is gone: drop it.
        const stored = await callStorage(retry, () => kvs.get(recordKey));
        return stored === undefined ? [] : [deleteKeyValue(recordKey)];
      }
    }
  };

  /** Erases the account from the records one reference leads to; returns the records rewritten. */
  const eraseThrough = async (found: AccountReferenceRecord, erasure: Erasure): Promise<number> => {
    let reference: AccountReferenceRecord | undefined = found;
    let touched = 0;
    for (let attempt = 1; reference && attempt <= ERASE_ATTEMPTS; attempt += 1) {
      const key = referenceKey(reference);
      const release = deleteEntity(
        ACCOUNT_REFERENCE_ENTITY.name,
        key,
        stillEquals<AccountReferenceRecord>('updatedAt', reference.updatedAt),
      );
      const rewrites = await rewritesFor(reference, erasure);
      const committed = await commitInOrder([...rewrites, release]);
      touched += committed.filter((write) => write !== release).length;
      if (committed.includes(release)) return touched;
      reference = await callStorage(retry, () => references.get(key));
    }
    return touched;
  };

  /** Commits the writes in transactions Forge accepts, in order, until one loses its conditions; returns those committed. */
  const commitInOrder = async (writes: readonly TransactionWrite[]): Promise<TransactionWrite[]> => {
    const committed: TransactionWrite[] = [];
    for (const group of splitForTransactions(writes)) {
      if ((await guardedTransaction(retry, group)) === 'conflict') break;
      committed.push(...group);
    }
    return committed;
  };

  return {
    async knownAccounts() {
      const latest = new Map<string, string>();
      for (const { accountId, updatedAt } of await referencesFrom()) {
        const known = latest.get(accountId);
        // ISO 8601 times in UTC order as text.
        if (known === undefined || updatedAt > known) latest.set(accountId, updatedAt);
      }
      return [...latest].map(([accountId, updatedAt]) => ({ accountId, updatedAt }));
    },

    async eraseAccount(accountId, tombstone) {
      if (accountId === tombstone) throw new GoalkeeperError('internal', 'A tombstone must differ from the accountId it replaces.');
      let touched = 0;
      for (const reference of await referencesFrom(accountId)) touched += await eraseThrough(reference, { accountId, tombstone });
      return touched;
    },
  };
}

/**
 * Every record of a numbered series (a proposal's audit events, a project's settings versions):
 * those the index lists, and by key those it does not list yet. Index queries are eventually
 * consistent; a record written a moment ago must not escape erasure.
 */
async function completeSeries<R>(
  listed: readonly R[],
  numberOf: (record: R) => number,
  length: number,
  readOne: (number: number) => Promise<R | undefined>,
): Promise<R[]> {
  const listedNumbers = new Set(listed.map(numberOf));
  const missing = Array.from({ length }, (_, index) => index + 1).filter((number) => !listedNumbers.has(number));
  const found: (R | undefined)[] = await Promise.all(missing.map(readOne));
  return [...listed, ...found.filter((record): record is R => record !== undefined)];
}
