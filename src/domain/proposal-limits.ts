/**
 * Limits against flooding (issue 14): one insider must not be able to bury the Product Owner's
 * queue or grow the sprint view past what Forge can return. A person may have at most
 * `openProposalsPerPerson` proposals waiting for a decision in one sprint, and the same change
 * (same kind, same issues, same parameters) can be open only once, whoever proposed it.
 */
import type { Change } from './change';
import { OPEN_STATUSES, type Proposal } from './proposal';

/** A canonical form of a change: object keys sorted, so two equal changes always compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([key, inner]) => `${JSON.stringify(key)}:${canonical(inner)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Whether two proposals ask for the very same change to the very same issue. */
export function isSameChange(proposal: Pick<Proposal, 'issueKey' | 'change'>, issueKey: string, change: Change): boolean {
  return proposal.issueKey === issueKey && canonical(proposal.change) === canonical(change);
}

/** An open proposal (not yet applied, rejected, withdrawn or stale) for the same change, if any. */
export function openDuplicateOf(proposals: readonly Proposal[], issueKey: string, change: Change): Proposal | undefined {
  return proposals.find((p) => OPEN_STATUSES.includes(p.status) && isSameChange(p, issueKey, change));
}

/** How many of a person's proposals wait for a decision: what could flood the queue. */
export function waitingProposalsOf(proposals: readonly Proposal[], accountId: string): number {
  return proposals.filter((p) => p.status === 'proposed' && p.proposerAccountId === accountId).length;
}
