/**
 * Who must decide what. Scrum gives the Sprint Backlog to the Developers, so only the change
 * types the team configured as needing the Product Owner wait for one; the rest are logged and
 * auto-approved.
 */
import type { Change } from './change';
import { fail, ok, type Result } from './errors';
import type { Proposal } from './proposal';
import type { ApprovalPolicy } from './settings';

export function needsProductOwner(policy: ApprovalPolicy, change: Change, subjectIsGoalCritical: boolean): boolean {
  if (change.kind === 'rerank' && subjectIsGoalCritical && policy.goalCriticalRerankNeedsProductOwner) return true;
  return policy.byKind[change.kind] === 'product-owner';
}

/** May this person decide this proposal? Jira permissions are checked separately, by the use case. */
export function mayDecide(policy: ApprovalPolicy, proposal: Proposal, deciderAccountId: string, deciderIsProductOwner: boolean): Result<true> {
  if (!deciderIsProductOwner) {
    return fail('forbidden', 'Only the Product Owner can approve or reject proposals.');
  }
  if (proposal.proposerAccountId === deciderAccountId && !policy.allowSelfApproval) {
    return fail('forbidden', 'You proposed this change; another Product Owner must decide it (self-approval is turned off).');
  }
  return ok(true);
}
