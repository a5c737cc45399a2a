/**
 * Whether a change of this kind will wait for the Product Owner, to tell the proposer before they
 * submit. Display only: it mirrors `needsProductOwner` in src/domain/approval-policy.ts, and the
 * backend's answer (the proposal's `needsProductOwner`) is what counts.
 */
import type { ChangeKind } from '../../../../src/domain/change';
import type { ApprovalPolicy } from '../../../../src/domain/settings';

export function waitsForProductOwner(policy: ApprovalPolicy, kind: ChangeKind, subjectIsGoalCritical: boolean): boolean {
  if (kind === 'rerank' && subjectIsGoalCritical && policy.goalCriticalRerankNeedsProductOwner) return true;
  return policy.byKind[kind] === 'product-owner';
}
