/**
 * Finds what changed in a sprint between two looks at it, and which of those changes no
 * Goalkeeper proposal explains. Jira does not document whether re-ranking fires an issue event,
 * so this diff (membership, estimates and rank order) backs up the event triggers.
 */
import { counterChangeIn, type Proposal } from './proposal';
import type { BypassedChange, ScopeItem, SprintScope } from './sprint-record';
import type { ScopeChangeKind } from './scope-change';

export interface ObservedChange {
  readonly issueKey: string;
  readonly kind: ScopeChangeKind;
  readonly pointsBefore: number | null;
  readonly pointsAfter: number | null;
}

/** Membership, estimate and rank differences between two scopes of the same sprint. */
export function diffScopes(before: SprintScope, after: SprintScope, deferredKeys: ReadonlySet<string> = new Set()): ObservedChange[] {
  const was = new Map(before.issues.map((item) => [item.key, item]));
  const is = new Map(after.issues.map((item) => [item.key, item]));
  const changes: ObservedChange[] = [];
  for (const item of after.issues) {
    const old = was.get(item.key);
    if (!old) changes.push({ issueKey: item.key, kind: 'added', pointsBefore: null, pointsAfter: item.points });
    else if (old.points !== item.points)
      changes.push({ issueKey: item.key, kind: 're-estimated', pointsBefore: old.points, pointsAfter: item.points });
  }
  for (const item of before.issues) {
    if (!is.has(item.key))
      changes.push({
        issueKey: item.key,
        kind: deferredKeys.has(item.key) ? 'deferred' : 'removed',
        pointsBefore: item.points,
        pointsAfter: null,
      });
  }
  for (const key of movedInRank(before.issues, after.issues))
    changes.push({ issueKey: key, kind: 'reranked', pointsBefore: null, pointsAfter: null });
  return changes;
}

/**
 * The fewest issues whose moves explain the new order: everything outside a longest increasing
 * subsequence of old positions. Dragging one card reports that card, not all it passed.
 */
export function movedInRank(before: readonly ScopeItem[], after: readonly ScopeItem[]): string[] {
  const oldIndex = new Map(before.map((item, index) => [item.key, index]));
  const kept = after.filter((item) => oldIndex.has(item.key));
  const positions = kept.map((item) => oldIndex.get(item.key)!);
  const inSequence = longestIncreasingSubsequence(positions);
  return kept.filter((_, index) => !inSequence.has(index)).map((item) => item.key);
}

/** Indexes (into `values`) of one longest strictly increasing subsequence, O(n log n). */
function longestIncreasingSubsequence(values: readonly number[]): Set<number> {
  const tails: number[] = [];
  const previous: number[] = new Array(values.length).fill(-1);
  values.forEach((value, index) => {
    let low = 0;
    let high = tails.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (values[tails[mid]!]! < value) low = mid + 1;
      else high = mid;
    }
    if (low > 0) previous[index] = tails[low - 1]!;
    tails[low] = index;
  });
  const members = new Set<number>();
  for (let index = tails[tails.length - 1] ?? -1; index !== -1; index = previous[index]!) members.add(index);
  return members;
}

/** Does a proposal that reached Jira account for this observed change? */
export function explains(proposal: Proposal, change: ObservedChange): boolean {
  if (!['applied', 'approved', 'auto-approved', 'apply-failed'].includes(proposal.status)) return false;
  const subject = proposal.issueKey === change.issueKey;
  const counter = counterChangeIn(proposal);
  if (counter?.issueKeys.includes(change.issueKey)) {
    if (counter.kind === 'defer' && (change.kind === 'deferred' || change.kind === 'removed')) return true;
    if (counter.kind === 'rank-below-goal' && change.kind === 'reranked') return true;
  }
  switch (proposal.change.kind) {
    case 'add':
      return subject && change.kind === 'added';
    case 'remove':
      return subject && change.kind === 'removed';
    case 'defer':
      return subject && (change.kind === 'deferred' || change.kind === 'removed');
    case 'swap':
      return (subject && change.kind === 'added') || (proposal.change.outIssueKey === change.issueKey && change.kind === 'removed');
    case 'estimate':
      return subject && change.kind === 're-estimated' && change.pointsAfter === proposal.change.points;
    case 'split':
      return subject && change.kind === 're-estimated';
    case 'rerank':
      return (
        change.kind === 'reranked' &&
        (subject || ('issueKey' in proposal.change.target && proposal.change.target.issueKey === change.issueKey))
      );
    case 'priority':
    case 'tweak':
      return false;
  }
}

export interface BypassContext {
  readonly sprintId: number;
  readonly at: string;
  readonly actorAccountId: string | null;
  readonly detectedBy: BypassedChange['detectedBy'];
  /** Stable prefix so a repeated delivery or reconciliation produces the same ids. */
  readonly idPrefix: string;
}

/** The observed changes no proposal explains, as bypassed-change records. */
export function unexplainedChanges(
  observed: readonly ObservedChange[],
  proposals: readonly Proposal[],
  context: BypassContext,
): BypassedChange[] {
  return observed
    .filter((change) => !proposals.some((proposal) => explains(proposal, change)))
    .map((change) => ({
      id: `${context.idPrefix}:${change.issueKey}:${change.kind}`,
      sprintId: context.sprintId,
      issueKey: change.issueKey,
      kind: change.kind,
      at: context.at,
      pointsBefore: change.pointsBefore,
      pointsAfter: change.pointsAfter,
      source: 'bypassed' as const,
      reasonCategory: null,
      proposalId: null,
      rationale: null,
      actorAccountId: context.actorAccountId,
      detectedBy: context.detectedBy,
      review: null,
    }));
}
