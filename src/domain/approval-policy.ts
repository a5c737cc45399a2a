/**
 * Who must decide what. Scrum gives the Sprint Backlog to the Developers, so only the change
 * types the team configured as needing the Product Owner wait for one; the rest are logged and
 * auto-approved — unless the assessment calls the change a threat to the Sprint Goal, which is
 * the Product Owner's to trade off (issue 13: a re-rank the tool rates 83% → 2% must not slip
 * through as "the Developers' call").
 */
import type { Assessment } from './assessment';
import type { Change } from './change';
import { fail, ok, type Result } from './errors';
import type { Proposal } from './proposal';
import { soleProductOwnerRuleOf, type ApprovalPolicy } from './settings';

/** Why a change waits for the Product Owner, so the team member can be told. */
export type ProductOwnerReason = 'change-kind' | 'goal-critical-rerank' | 'threatens-goal';

export interface ApprovalRoute {
  readonly needsProductOwner: boolean;
  /** null when the Developers may make the change themselves. */
  readonly because: ProductOwnerReason | null;
  /** The reason in plain English (the UI phrases it from `because`). */
  readonly message: string;
}

const ROUTE_MESSAGES: Readonly<Record<ProductOwnerReason | 'developers', string>> = {
  'change-kind': 'The approval policy gives this kind of change to the Product Owner.',
  'goal-critical-rerank': 'Re-ranking a goal-critical item waits for the Product Owner.',
  'threatens-goal':
    'Goalkeeper rates this change a threat to the Sprint Goal, so the Product Owner decides it, whatever the policy for its kind.',
  developers: 'The approval policy lets the Developers make this change; it is logged.',
};

export function approvalRoute(
  policy: ApprovalPolicy,
  change: Change,
  subjectIsGoalCritical: boolean,
  assessment: Assessment | null = null,
): ApprovalRoute {
  const because = productOwnerReason(policy, change, subjectIsGoalCritical, assessment);
  return { needsProductOwner: because !== null, because, message: ROUTE_MESSAGES[because ?? 'developers'] };
}

function productOwnerReason(
  policy: ApprovalPolicy,
  change: Change,
  subjectIsGoalCritical: boolean,
  assessment: Assessment | null,
): ProductOwnerReason | null {
  if (policy.byKind[change.kind] === 'product-owner') return 'change-kind';
  if (change.kind === 'rerank' && subjectIsGoalCritical && policy.goalCriticalRerankNeedsProductOwner) return 'goal-critical-rerank';
  if (assessment?.level === 'threat' && policy.threatNeedsProductOwner !== false) return 'threatens-goal';
  return null;
}

export function needsProductOwner(
  policy: ApprovalPolicy,
  change: Change,
  subjectIsGoalCritical: boolean,
  assessment: Assessment | null = null,
): boolean {
  return approvalRoute(policy, change, subjectIsGoalCritical, assessment).needsProductOwner;
}

/**
 * How a Product Owner stands to a proposal they may decide: an ordinary decision, or their own
 * proposal decided by themselves — allowed by the policy ('self-approval'), or as the project's
 * only Product Owner under the 'self-with-note' rule, which needs a note and is flagged as
 * self-approved in the audit trail and the decision log.
 */
export type DeciderStanding = 'decider' | 'self-approval' | 'sole-product-owner';

/**
 * What a Product Owner may do with their own open proposal: decide it freely, decide it with a
 * note (the only Product Owner, rule 'self-with-note'), or wait for another Product Owner —
 * 'another-po' when one is named, 'no-other-po' when none is (the panel says where to name one).
 */
export type OwnProposalRule = 'self-approval' | 'sole-product-owner' | 'another-po' | 'no-other-po';

export function ownProposalRule(
  policy: ApprovalPolicy,
  proposerAccountId: string,
  productOwnerAccountIds: readonly string[],
): OwnProposalRule {
  if (policy.allowSelfApproval) return 'self-approval';
  if (productOwnerAccountIds.some((id) => id !== proposerAccountId)) return 'another-po';
  return soleProductOwnerRuleOf(policy) === 'self-with-note' ? 'sole-product-owner' : 'no-other-po';
}

/** May this person decide this proposal? Jira permissions are checked separately, by the use case. */
export function mayDecide(
  policy: ApprovalPolicy,
  proposal: Proposal,
  deciderAccountId: string,
  productOwnerAccountIds: readonly string[],
): Result<DeciderStanding> {
  if (!productOwnerAccountIds.includes(deciderAccountId)) {
    return fail('forbidden', 'Only the Product Owner can approve or reject proposals.');
  }
  if (proposal.proposerAccountId !== deciderAccountId) return ok('decider');
  const rule = ownProposalRule(policy, deciderAccountId, productOwnerAccountIds);
  switch (rule) {
    case 'self-approval':
    case 'sole-product-owner':
      return ok(rule);
    case 'another-po':
      return fail('forbidden', 'You proposed this change; another Product Owner must decide it (self-approval is turned off).');
    case 'no-other-po':
      return fail(
        'forbidden',
        'You proposed this change and are the only Product Owner; the policy wants another Product Owner to decide it. Name a second Product Owner in the project settings.',
      );
  }
}
