/**
 * What a Product Owner may do with their own open proposal, wherever it is shown (issue panel,
 * gadget queue). Display only: it reads the rule the backend sends (`viewer.ownProposals`, from
 * src/domain/approval-policy.ts `ownProposalRule`), and the backend refuses anything else.
 */
import type { IssuePanelState } from '@goalkeeper/contract';

export type OwnProposalRule = NonNullable<IssuePanelState['viewer']['ownProposals']>;

export type OwnProposalDecision =
  /** The policy allows self-approval: an ordinary decision. */
  | 'decide'
  /** The only Product Owner: decides with a note, flagged as self-approved. */
  | 'decide-own-with-note'
  /** Another Product Owner decides it. */
  | 'own-proposal'
  /** The policy wants another Product Owner and none is named: name one in the settings. */
  | 'own-proposal-no-other';

export function ownProposalDecision(rule: OwnProposalRule | null): OwnProposalDecision {
  switch (rule) {
    case 'self-approval':
      return 'decide';
    case 'sole-product-owner':
      return 'decide-own-with-note';
    case 'no-other-po':
      return 'own-proposal-no-other';
    case 'another-po':
    case null:
      return 'own-proposal';
  }
}
