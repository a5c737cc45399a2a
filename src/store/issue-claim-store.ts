/**
 * Claims on the issues an apply is changing, in Forge's key-value store: one key per issue,
 * written only if absent (FAIL_IF_EXISTS, judged by the store, never by a read first) and
 * expiring on its own, so an apply that crashed cannot hold an issue for long. A claim names a
 * proposal, never a person.
 */
import { kvs, type Ttl } from '@forge/kvs';
import type { IssueClaims } from '../app/ports';
import { callStorage, conditionalWrite, DEFAULT_RETRY_POLICY, type RetryPolicy } from './storage-calls';

/** Longer than any apply can run: the apply worker declares 420 s (src/events/function-timeouts.ts) and Forge stops any function after 900 s (https://developer.atlassian.com/platform/forge/platform-quotas-and-limits/). */
export const ISSUE_CLAIM_MINUTES = 15;
const ISSUE_CLAIM_TTL: Ttl = { value: ISSUE_CLAIM_MINUTES, unit: 'MINUTES' };

interface IssueClaimRecord {
  readonly proposalId: string;
  /** Exact expiry, whatever the timing of Forge's TTL clean-up. */
  readonly expiresAt: string;
}

export interface IssueClaimStoreOptions {
  readonly retry?: RetryPolicy;
  readonly now?: () => Date;
}

export function createIssueClaimStore(options: IssueClaimStoreOptions = {}): IssueClaims {
  const retry = options.retry ?? DEFAULT_RETRY_POLICY;
  const now = options.now ?? (() => new Date());

  const claimOne = async (issueKey: string, proposalId: string): Promise<boolean> => {
    const key = claimKey(issueKey);
    const record: IssueClaimRecord = { proposalId, expiresAt: new Date(now().getTime() + ISSUE_CLAIM_MINUTES * 60_000).toISOString() };
    const write = () =>
      conditionalWrite(retry, {
        execute: () => kvs.set(key, record, { ttl: ISSUE_CLAIM_TTL, keyPolicy: 'FAIL_IF_EXISTS' }),
        written: record,
        readBack: () => kvs.get(key),
      });
    if ((await write()) === 'written') return true;
    const held = await callStorage(retry, () => kvs.get<IssueClaimRecord>(key));
    if (held?.proposalId === proposalId) return true;
    if (held && Date.parse(held.expiresAt) > now().getTime()) return false;
    // Released meanwhile, or lapsed and not yet cleaned up: take it, if nobody else does first.
    if (held) await callStorage(retry, () => kvs.delete(key));
    return (await write()) === 'written';
  };

  const releaseOne = async (issueKey: string, proposalId: string): Promise<void> => {
    const key = claimKey(issueKey);
    const held = await callStorage(retry, () => kvs.get<IssueClaimRecord>(key));
    if (held?.proposalId === proposalId) await callStorage(retry, () => kvs.delete(key));
  };

  const release: IssueClaims['release'] = async (issueKeys, proposalId) => {
    for (const issueKey of new Set(issueKeys)) await releaseOne(issueKey, proposalId);
  };

  return {
    async claim(issueKeys, proposalId) {
      const claimed: string[] = [];
      // In one order for everyone, so two applies never each hold half of what the other needs.
      for (const issueKey of [...new Set(issueKeys)].sort()) {
        if (!(await claimOne(issueKey, proposalId))) {
          await release(claimed, proposalId);
          return 'taken';
        }
        claimed.push(issueKey);
      }
      return 'claimed';
    },
    release,
  };
}

function claimKey(issueKey: string): string {
  return `issue-claim:${issueKey}`;
}
