/**
 * Proposals and their audit trail in Forge's Custom Entity Store (`@forge/kvs`).
 *
 * - Every write is a transaction: the proposal and its audit event land together or not at all.
 * - `create` is conditional on the id being unused; `update` on the stored version still being
 *   the one the caller read — so of two deciders racing, exactly one wins and the other hears
 *   'conflict'. Existence is judged by the transaction (strongly consistent), never by a query:
 *   Forge's index queries are eventually consistent and may not show a write made a moment ago.
 * - Lists come from the entity indexes (by issue, by sprint, by sprint + status), no scans.
 * - Each write also indexes the accounts the proposal and its event name, in the same transaction
 *   (src/store/account-references.ts): at most three people, so five operations of Forge's 25.
 *   An idempotency answer is indexed under its caller, and expires with it.
 */
import { createHash } from 'node:crypto';
import { kvs, Sort, WhereConditions, type Ttl } from '@forge/kvs';
import type { ProposalStore } from '../app/ports';
import type { AuditEvent } from '../domain/audit';
import { GoalkeeperError } from '../domain/errors';
import type { Proposal, ProposalStatus } from '../domain/proposal';
import {
  accountsNamedBy,
  auditEventAccounts,
  proposalAccounts,
  referenceDeletes,
  referencesTo,
  transactWithReferences,
} from './account-references';
import {
  AUDIT_EVENT_ENTITY,
  AUDIT_EVENT_INDEX,
  PROPOSAL_ENTITY,
  PROPOSAL_INDEX,
  type AuditEventRecord,
  type ProposalRecord,
} from './entities';
import { FORGE_ENTITY_QUERY_MAX_LIMIT } from './forge-storage-limits';
import {
  callStorage,
  conditionalWrite,
  DEFAULT_RETRY_POLICY,
  deleteEntity,
  hasVersion,
  isAbsent,
  readIndex,
  type RetryPolicy,
  setEntity,
  setKeyValue,
  splitForTransactions,
  transact,
  type WriteCondition,
} from './storage-calls';

/** Audit events per page: a screenful in the audit panel, and a small read. */
export const AUDIT_PAGE_SIZE = 50;

/** A client replays a submission within seconds or minutes; a day of memory is ample and keeps storage small. */
export const IDEMPOTENCY_RETENTION_HOURS = 24;
const IDEMPOTENCY_TTL: Ttl = { value: IDEMPOTENCY_RETENTION_HOURS, unit: 'HOURS' };

export interface ProposalStoreOptions {
  readonly retry?: RetryPolicy;
  readonly auditPageSize?: number;
  /** When idempotency records expire is judged against this clock; account references are stamped with it. */
  readonly now?: () => Date;
}

interface IdempotencyRecord {
  readonly answer: unknown;
  /** Exact expiry, whatever the timing of Forge's TTL clean-up. */
  readonly expiresAt: string;
}

export function createProposalStore(options: ProposalStoreOptions = {}): ProposalStore {
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const auditPageSize = options.auditPageSize ?? AUDIT_PAGE_SIZE;
  const now = options.now ?? (() => new Date());
  const proposals = kvs.entity<ProposalRecord>(PROPOSAL_ENTITY.name);
  const auditEvents = kvs.entity<AuditEventRecord>(AUDIT_EVENT_ENTITY.name);

  const readRecord = (id: string) => proposals.get(id);

  const listFrom = async (indexName: string, partition: unknown[]): Promise<Proposal[]> => {
    const records = await readIndex(retry, () =>
      proposals.query().index(indexName, { partition }).sort(Sort.ASC).limit(FORGE_ENTITY_QUERY_MAX_LIMIT),
    );
    return records.map((record) => record.proposal);
  };

  /** Writes the proposal and its event in one transaction, if `guard` holds for the stored proposal. */
  const writeWithEvent = async (proposal: Proposal, event: AuditEvent, guard: WriteCondition<ProposalRecord>) => {
    requireEventOf(proposal, event);
    const record = proposalRecord(proposal);
    const named = [...accountsNamedBy(proposalAccounts, proposal), ...accountsNamedBy(auditEventAccounts, event)];
    return conditionalWrite(retry, {
      execute: () =>
        transactWithReferences(
          [
            setEntity(PROPOSAL_ENTITY.name, proposal.id, record, { conditions: guard }),
            // The audit trail is append-only: an event is written once, never replaced.
            setEntity(AUDIT_EVENT_ENTITY.name, auditEventKey(event.proposalId, event.sequence), auditEventRecord(event), {
              conditions: isAbsent<AuditEventRecord>('sequence'),
            }),
          ],
          referencesTo(named, { recordKind: 'proposal', recordKey: proposal.id }, now().toISOString()),
        ),
      written: record,
      readBack: () => readRecord(proposal.id),
    });
  };

  return {
    async get(id) {
      return (await callStorage(retry, () => readRecord(id)))?.proposal;
    },

    async create(proposal, event) {
      return writeWithEvent(proposal, event, isAbsent<ProposalRecord>('version'));
    },

    async update(proposal, expectedVersion, event) {
      // The version is the race guard: a write that did not advance it would let a second
      // writer holding the same expectation win as well.
      if (proposal.version !== expectedVersion + 1) {
        throw new GoalkeeperError(
          'internal',
          `Proposal ${proposal.id} must advance from version ${expectedVersion} to ${expectedVersion + 1}.`,
        );
      }
      return writeWithEvent(proposal, event, hasVersion<ProposalRecord>(expectedVersion));
    },

    listByIssue(issueKey) {
      return listFrom(PROPOSAL_INDEX.byIssue, [issueKey]);
    },

    listBySprint(sprintId, status?: ProposalStatus) {
      return status === undefined
        ? listFrom(PROPOSAL_INDEX.bySprint, [sprintId])
        : listFrom(PROPOSAL_INDEX.bySprintStatus, [sprintId, status]);
    },

    /**
     * Oldest first. The cursor we hand out is the last sequence shown, not Forge's cursor:
     * Forge's cursors are not stable enough to persist or pass around, a sequence number is.
     */
    async audit(proposalId, cursor) {
      const after = cursor === undefined ? 0 : parseAuditCursor(cursor);
      const wanted = auditPageSize + 1;
      const records = await readIndex(
        retry,
        () =>
          auditEvents
            .query()
            .index(AUDIT_EVENT_INDEX.byProposal, { partition: [proposalId] })
            .where(WhereConditions.greaterThan(after))
            .sort(Sort.ASC)
            .limit(Math.min(wanted, FORGE_ENTITY_QUERY_MAX_LIMIT)),
        wanted,
      );
      const events = records.slice(0, auditPageSize).map((record) => record.event);
      const last = events.at(-1);
      return records.length > auditPageSize && last ? { events, nextCursor: String(last.sequence) } : { events };
    },

    async purge(proposalId) {
      const events = await readIndex(retry, () =>
        auditEvents
          .query()
          .index(AUDIT_EVENT_INDEX.byProposal, { partition: [proposalId] })
          .sort(Sort.ASC)
          .limit(FORGE_ENTITY_QUERY_MAX_LIMIT),
      );
      // The trail first, the proposal last: an interrupted purge leaves a proposal to purge again, never orphaned events.
      const stored = await callStorage(retry, () => readRecord(proposalId));
      const named = [
        ...(stored ? accountsNamedBy(proposalAccounts, stored.proposal) : []),
        ...events.flatMap((record) => accountsNamedBy(auditEventAccounts, record.event)),
      ];
      const deletes = [
        ...events.map((record) => deleteEntity(AUDIT_EVENT_ENTITY.name, auditEventKey(proposalId, record.event.sequence))),
        ...referenceDeletes(named, { recordKind: 'proposal', recordKey: proposalId }),
        deleteEntity(PROPOSAL_ENTITY.name, proposalId),
      ];
      for (const group of splitForTransactions(deletes)) await callStorage(retry, () => transact(group));
      return deletes.length;
    },

    async recall(idempotencyKey) {
      const record = await callStorage(retry, () => kvs.get<IdempotencyRecord>(idempotencyStorageKey(idempotencyKey)));
      return record && Date.parse(record.expiresAt) > now().getTime() ? record.answer : undefined;
    },

    async remember(idempotencyKey, answer) {
      const expiresAt = new Date(now().getTime() + IDEMPOTENCY_RETENTION_HOURS * 3_600_000).toISOString();
      const record: IdempotencyRecord = { answer, expiresAt };
      const key = idempotencyStorageKey(idempotencyKey);
      const caller = callerOf(idempotencyKey);
      const references =
        caller === undefined
          ? []
          : referencesTo([caller], { recordKind: 'idempotency', recordKey: key }, now().toISOString(), IDEMPOTENCY_TTL);
      await callStorage(retry, () => transactWithReferences([setKeyValue(key, record, IDEMPOTENCY_TTL)], references));
    },
  };
}

export function proposalRecord(proposal: Proposal): ProposalRecord {
  return {
    issueKey: proposal.issueKey,
    projectKey: proposal.projectKey,
    sprintId: proposal.sprintId,
    status: proposal.status,
    createdAt: proposal.createdAt,
    version: proposal.version,
    proposal,
  };
}

export function auditEventRecord(event: AuditEvent): AuditEventRecord {
  return { proposalId: event.proposalId, sequence: event.sequence, event };
}

export function auditEventKey(proposalId: string, sequence: number): string {
  return `${proposalId}:${sequence}`;
}

/** An event records the step that produced this very version of this proposal (src/app/support/audit-log.ts). */
function requireEventOf(proposal: Proposal, event: AuditEvent): void {
  if (event.proposalId !== proposal.id || event.sequence !== proposal.version) {
    throw new GoalkeeperError(
      'internal',
      `Audit event ${event.proposalId}#${event.sequence} does not belong to proposal ${proposal.id} v${proposal.version}.`,
    );
  }
}

function parseAuditCursor(cursor: string): number {
  const sequence = /^[1-9]\d{0,9}$/.test(cursor) ? Number(cursor) : Number.NaN;
  if (!Number.isSafeInteger(sequence)) {
    throw new GoalkeeperError('invalid-input', 'This audit trail page link is not valid. Reload the audit trail.', { cursor: 'invalid' });
  }
  return sequence;
}

/**
 * Clients choose idempotency keys; hashing them keeps any key within Forge's key length and
 * character rules, and keeps the caller's text out of storage keys.
 */
function idempotencyStorageKey(idempotencyKey: string): string {
  return `idempotency:${createHash('sha256').update(idempotencyKey).digest('hex')}`;
}

/**
 * The use cases namespace idempotency keys by caller as `<action>:<accountId>:<client key>`
 * (src/app/use-cases/create-proposal.ts). Neither the action nor the client key (src/contract/payload-schemas.ts:
 * letters, digits and dashes) holds a colon, so the accountId — which may (`557058:…`) — is all
 * between the first colon and the last. A key of another shape names nobody we can tell.
 */
const CALLER_NAMESPACED_KEY = /^[^:]+:(.+):[^:]+$/;

function callerOf(idempotencyKey: string): string | undefined {
  return CALLER_NAMESPACED_KEY.exec(idempotencyKey)?.[1];
}
