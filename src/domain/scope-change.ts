/**
 * A change to the active sprint's scope, whoever made it: through Goalkeeper (an applied
 * proposal) or directly in Jira (a bypassed change found by the triggers or the reconciliation).
 * Churn and the burn-up's scope line are computed from these.
 */
import type { ReasonCategory } from './change';
import { counterChangeIn, type Proposal } from './proposal';

/** 'reranked' moves no scope; it is recorded so a re-rank made around Goalkeeper is still visible. */
export type ScopeChangeKind = 'added' | 'removed' | 'deferred' | 're-estimated' | 'reranked';

export interface ScopeChange {
  readonly id: string;
  readonly sprintId: number;
  readonly issueKey: string;
  readonly kind: ScopeChangeKind;
  readonly at: string;
  /** Estimate before and after; null where the issue was not in scope or was unestimated. */
  readonly pointsBefore: number | null;
  readonly pointsAfter: number | null;
  readonly source: 'goalkeeper' | 'bypassed';
  readonly reasonCategory: ReasonCategory | null;
  readonly proposalId: string | null;
  readonly rationale: string | null;
  readonly actorAccountId: string | null;
}

/** The scope changes an applied proposal made. Re-ranks, priorities, splits and tweaks move no scope. */
export function scopeChangesOf(proposal: Proposal): ScopeChange[] {
  if (proposal.status !== 'applied') return [];
  const at = proposal.apply?.finishedAt ?? proposal.decision?.decidedAt ?? proposal.createdAt;
  const pointsOf = (key: string) => proposal.pointsAtProposal[key] ?? null;
  const change = (
    issueKey: string,
    kind: ScopeChangeKind,
    pointsBefore: number | null,
    pointsAfter: number | null,
    suffix = '',
  ): ScopeChange => ({
    id: `${proposal.id}${suffix}`,
    sprintId: proposal.sprintId,
    issueKey,
    kind,
    at,
    pointsBefore,
    pointsAfter,
    source: 'goalkeeper',
    reasonCategory: proposal.reason.category,
    proposalId: proposal.id,
    rationale: proposal.decision?.rationale ?? null,
    actorAccountId: proposal.decision?.deciderAccountId ?? proposal.proposerAccountId,
  });
  const counter = counterChangeIn(proposal);
  // Work deferred to make room left the sprint with the change: churn counts it, once per issue.
  const deferredToMakeRoom =
    counter?.kind === 'defer' ? counter.issueKeys.map((key) => change(key, 'deferred', pointsOf(key), null, `:room:${key}`)) : [];
  return [...changedBy(proposal, change, pointsOf), ...deferredToMakeRoom];
}

function changedBy(
  proposal: Proposal,
  change: (
    issueKey: string,
    kind: ScopeChangeKind,
    pointsBefore: number | null,
    pointsAfter: number | null,
    suffix?: string,
  ) => ScopeChange,
  pointsOf: (key: string) => number | null,
): ScopeChange[] {
  const key = proposal.issueKey;
  switch (proposal.change.kind) {
    case 'add':
      return [change(key, 'added', null, pointsOf(key))];
    case 'remove':
      return [change(key, 'removed', pointsOf(key), null)];
    case 'defer':
      return [change(key, 'deferred', pointsOf(key), null)];
    case 'swap':
      return [
        change(key, 'added', null, pointsOf(key), ':in'),
        change(proposal.change.outIssueKey, 'removed', pointsOf(proposal.change.outIssueKey), null, ':out'),
      ];
    case 'estimate':
      return [change(key, 're-estimated', pointsOf(key), proposal.change.points)];
    case 'rerank':
    case 'priority':
    case 'split':
    case 'tweak':
      return [];
  }
}
