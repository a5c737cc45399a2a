/**
 * What this viewer may do with a proposal right now, so the panel offers only actions that can
 * succeed. Display only: it mirrors src/domain/approval-policy.ts (`mayDecide`) and the state
 * machine in src/domain/proposal.ts, and the backend refuses anything else regardless.
 */
import type { IssuePanelState } from '../../../../src/app/get-issue-panel-state';
import type { Proposal } from '../../../../src/domain/proposal';

export type DecideAffordance =
  /** The viewer is a Product Owner and may decide. */
  | 'decide'
  /** The viewer is a Product Owner but proposed it, and self-approval is off. */
  | 'own-proposal'
  /** Someone else (a Product Owner) decides; the viewer sees who. */
  | 'awaiting-product-owner'
  /** Nothing to decide: already decided, withdrawn, stale, or auto-approved. */
  | 'none';

export interface ProposalAffordances {
  readonly decide: DecideAffordance;
  readonly withdraw: boolean;
  readonly retry: boolean;
}

export function affordancesFor(proposal: Proposal, state: Pick<IssuePanelState, 'viewer' | 'policy'>): ProposalAffordances {
  const { viewer, policy } = state;
  const isProposer = proposal.proposerAccountId === viewer.accountId;
  const open = proposal.status === 'proposed';
  return {
    decide: !open ? 'none' : !viewer.isProductOwner ? 'awaiting-product-owner' : isProposer && !policy.allowSelfApproval ? 'own-proposal' : 'decide',
    withdraw: open && isProposer,
    retry: proposal.status === 'apply-failed' && (isProposer || viewer.isProductOwner),
  };
}
