/**
 * How the adapters talk to Forge storage: bounded retries of throttling and server errors,
 * conditional writes that tell a lost race from a lost answer, transactions assembled from writes
 * kept as values (so a store can add the account references its records need, within Forge's
 * operation limit), and index reads that follow cursors to the end. Every failure leaves here as
 * a typed GoalkeeperError.
 */
import { isDeepStrictEqual } from 'node:util';
import { Filter, FilterConditions, ForgeKvsAPIError, kvs, type ListResult, type Ttl } from '@forge/kvs';
import type { WriteOutcome } from '../app/ports';
import { GoalkeeperError } from '../domain/errors';
import { FORGE_CONFLICT_STATUS, FORGE_TRANSACTION_MAX_OPERATIONS, FORGE_VALUE_MAX_BYTES } from './forge-storage-limits';

export interface RetryPolicy {
  /** Calls in all, the first one included. */
  readonly maxAttempts: number;
  readonly baseDelayMs: number;
  readonly maxDelayMs: number;
  readonly sleep: (ms: number) => Promise<void>;
  /** Uniform in [0, 1): spreads retries ("full jitter") so throttled invocations do not retry in step. */
  readonly random: () => number;
}

/**
 * Four calls with waits of at most 0.2 s, 0.4 s and 0.8 s: under 1.5 s of back-off in the worst
 * case, which leaves a resolver most of Forge's 25 s invocation limit for its Jira calls.
 */
export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  maxAttempts: 4,
  baseDelayMs: 200,
  maxDelayMs: 800,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  random: Math.random,
};

/** One storage call, retried while Forge throttles (429) or fails (5xx); anything else fails at once. */
export async function callStorage<T>(policy: RetryPolicy, call: () => Promise<T>): Promise<T> {
  try {
    return await withRetry(policy, call);
  } catch (error) {
    throw storageFailure(error);
  }
}

async function withRetry<T>(policy: RetryPolicy, call: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      if (!isTransient(error) || attempt >= policy.maxAttempts) throw error;
      const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (attempt - 1));
      await policy.sleep(Math.round(policy.random() * ceiling));
    }
  }
}

export interface ConditionalWrite {
  /** Runs the transaction whose conditions guard the write. */
  readonly execute: () => Promise<void>;
  /** The main record as it was meant to be stored, and how to read it back. */
  readonly written: unknown;
  readonly readBack: () => Promise<unknown>;
}

/**
 * A write guarded by transaction conditions: a lost condition (409) is a 'conflict'. A 5xx can
 * hide a commit — the store wrote, then the answer was lost — and the retry then loses against
 * our own write; only in that case do we read back, and a record exactly as we wrote it means
 * 'written'. (Reading back after every conflict would let identical concurrent writes all "win".)
 */
export async function conditionalWrite(policy: RetryPolicy, write: ConditionalWrite): Promise<WriteOutcome> {
  requireStorableSize(write.written);
  let answerLost = false;
  try {
    await withRetry(policy, async () => {
      try {
        await write.execute();
      } catch (error) {
        if (status(error) >= 500) answerLost = true;
        throw error;
      }
    });
    return 'written';
  } catch (error) {
    if (status(error) !== FORGE_CONFLICT_STATUS) throw storageFailure(error);
    if (!answerLost) return 'conflict';
    const stored = await callStorage(policy, write.readBack);
    return isDeepStrictEqual(stored, asStored(write.written)) ? 'written' : 'conflict';
  }
}

/**
 * A transaction whose conditions guard every write, for callers that re-read and start again
 * after any conflict (the personal-data erasure): 409 is a 'conflict', even when an earlier
 * attempt's answer was lost — the caller's re-read then finds its own commit and has nothing left to do.
 */
export async function guardedTransaction(policy: RetryPolicy, writes: readonly TransactionWrite[]): Promise<WriteOutcome> {
  try {
    await withRetry(policy, () => transact(writes));
    return 'written';
  } catch (error) {
    if (status(error) === FORGE_CONFLICT_STATUS) return 'conflict';
    throw storageFailure(error);
  }
}

type TransactionBuilder = ReturnType<typeof kvs.transact>;

/** One operation of a transaction, kept as a value so that stores can count and combine them before building it. */
export interface TransactionWrite {
  readonly addTo: (transaction: TransactionBuilder) => void;
}

/** Sets a custom entity record, if `conditions` hold for the stored one; a TTL makes the record expire. */
export function setEntity<R>(
  entityName: string,
  key: string,
  value: R,
  options: { readonly conditions?: WriteCondition<R>; readonly ttl?: Ttl } = {},
): TransactionWrite {
  return {
    addTo: (transaction) =>
      void transaction.set<R>(key, value, { entityName, conditions: options.conditions }, options.ttl && { ttl: options.ttl }),
  };
}

export function deleteEntity<R>(entityName: string, key: string, conditions?: WriteCondition<R>): TransactionWrite {
  return { addTo: (transaction) => void transaction.delete<R>(key, { entityName, conditions }) };
}

/** Key-value writes take no conditions: Forge judges transaction conditions on custom entities only. */
export function setKeyValue(key: string, value: unknown, ttl?: Ttl): TransactionWrite {
  return { addTo: (transaction) => void transaction.set(key, value, undefined, ttl && { ttl }) };
}

export function deleteKeyValue(key: string): TransactionWrite {
  return { addTo: (transaction) => void transaction.delete(key) };
}

/** Runs the writes as one all-or-nothing transaction. */
export async function transact(writes: readonly TransactionWrite[]): Promise<void> {
  if (writes.length > FORGE_TRANSACTION_MAX_OPERATIONS) {
    throw new GoalkeeperError(
      'internal',
      `A transaction of ${writes.length} operations exceeds Forge's limit of ${FORGE_TRANSACTION_MAX_OPERATIONS}.`,
    );
  }
  const transaction = kvs.transact();
  for (const write of writes) write.addTo(transaction);
  await transaction.execute();
}

/** Groups writes into transactions Forge accepts, in order. */
export function splitForTransactions<W>(writes: readonly W[]): W[][] {
  const groups: W[][] = [];
  for (let start = 0; start < writes.length; start += FORGE_TRANSACTION_MAX_OPERATIONS)
    groups.push(writes.slice(start, start + FORGE_TRANSACTION_MAX_OPERATIONS));
  return groups;
}

/** What readIndex needs of an @forge/kvs entity query. */
export interface IndexQuery<T> {
  cursor(cursor: string): IndexQuery<T>;
  getMany(): Promise<ListResult<T>>;
}

/**
 * Reads an index to its end, or until `enough` values: a page may be short while more remain
 * (filters apply after the page limit), so only a missing cursor means the end. `query` builds a
 * fresh query per page because @forge/kvs query builders change in place.
 */
export async function readIndex<T>(policy: RetryPolicy, query: () => IndexQuery<T>, enough = Number.POSITIVE_INFINITY): Promise<T[]> {
  const values: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await callStorage(policy, () => (cursor === undefined ? query() : query().cursor(cursor)).getMany());
    values.push(...page.results.map((result) => result.value));
    cursor = page.nextCursor;
  } while (cursor !== undefined && values.length < enough);
  return values;
}

/** A transaction condition on a record of type R. */
export type WriteCondition<R> = ReturnType<typeof isAbsent<R>>;

/** Condition: the record does not exist yet (a missing record has no attributes at all). */
export function isAbsent<R>(attribute: keyof R & string) {
  return new Filter<R>().and(attribute, FilterConditions.notExists());
}

/** Condition: the record exists (so a rewrite never brings back a record deleted meanwhile). */
export function isPresent<R>(attribute: keyof R & string) {
  return new Filter<R>().and(attribute, FilterConditions.exists());
}

/** Condition: an attribute of the stored record still has the value the caller read. */
export function stillEquals<R>(attribute: keyof R & string, value: string | number | boolean) {
  return new Filter<R>().and(attribute, FilterConditions.equalTo(value));
}

/** Condition: the stored record is still at the version the caller read. */
export function hasVersion<R extends { readonly version: number }>(version: number) {
  return stillEquals<R>('version', version);
}

/**
 * Forge refuses values over 240 KiB with a bare 400; refusing first names the cause. Text limits
 * (src/domain/text-limits.ts) keep real proposals far below this.
 */
function requireStorableSize(value: unknown): void {
  if (Buffer.byteLength(JSON.stringify(value)) > FORGE_VALUE_MAX_BYTES) {
    throw new GoalkeeperError('invalid-input', 'This record is too large for Forge storage. Shorten its text and try again.');
  }
}

/** A value as the store gives it back: JSON, so `undefined` properties are gone. */
function asStored(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

function status(error: unknown): number {
  return error instanceof ForgeKvsAPIError ? error.responseDetails.status : 0;
}

function isTransient(error: unknown): boolean {
  const code = status(error);
  return code === 429 || code >= 500;
}

function storageFailure(error: unknown): GoalkeeperError {
  if (error instanceof GoalkeeperError) return error;
  const failure = new GoalkeeperError('internal', 'Goalkeeper could not reach its storage just now. Please try again in a moment.');
  failure.cause = error;
  return failure;
}
