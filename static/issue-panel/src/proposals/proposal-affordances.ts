/**
 * What this viewer may do with a proposal right now, so the panel offers only actions that can
 * succeed. Display only: it mirrors src/domain/approval-policy.ts (`mayDecide`, read from the
 * panel state's `viewer.ownProposals`) and the state machine in src/domain/proposal.ts, and the
 * backend refuses anything else regardless.
 */
import type { IssuePanelState, Proposal } from '@goalkeeper/contract';
import { ownProposalDecision } from '../../../shared/own-proposal';

export type DecideAffordance =
  /** The viewer is a Product Owner and may decide. */
  | 'decide'
  /** The viewer is the only Product Owner and proposed it: they decide it with a note, flagged as self-approved. */
  | 'decide-own-with-note'
  /** The viewer is a Product Owner but proposed it, and another Product Owner decides it. */
  | 'own-proposal'
  /** The viewer proposed it, is the only Product Owner, and the policy wants another one: name one in the settings. */
  | 'own-proposal-no-other'
  /** Someone else (a Product Owner) decides; the viewer sees who. */
  | 'awaiting-product-owner'
  /** The project names no Product Owner, so nobody can decide it until one is set up. */
  | 'no-product-owner'
  /** Goalkeeper's licence on this site is inactive: proposals are shown, not decided. */
  | 'read-only'
  /** Nothing to decide: already decided, withdrawn, stale, or auto-approved. */
  | 'none';

export interface ProposalAffordances {
  readonly decide: DecideAffordance;
  readonly withdraw: boolean;
  readonly retry: boolean;
}

export function affordancesFor(
  proposal: Proposal,
  state: Pick<IssuePanelState, 'viewer' | 'productOwnerSetup' | 'licenseActive'>,
): ProposalAffordances {
  const { viewer, licenseActive } = state;
  const isProposer = proposal.proposerAccountId === viewer.accountId;
  const open = proposal.status === 'proposed';
  return {
    decide: !open ? 'none' : !licenseActive ? 'read-only' : decideAffordance(proposal, state),
    withdraw: licenseActive && open && isProposer,
    retry: licenseActive && proposal.status === 'apply-failed' && (isProposer || viewer.isProductOwner),
  };
}

function decideAffordance(
  proposal: Proposal,
  { viewer, productOwnerSetup }: Pick<IssuePanelState, 'viewer' | 'productOwnerSetup'>,
): DecideAffordance {
  if (productOwnerSetup) return 'no-product-owner';
  if (!viewer.isProductOwner) return 'awaiting-product-owner';
  if (proposal.proposerAccountId !== viewer.accountId) return 'decide';
  return ownProposalDecision(viewer.ownProposals);
}
