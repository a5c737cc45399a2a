/**
 * The Product Owner undoes a change made directly in Jira with one action (issue 15). It becomes
 * a proposal of the opposite change, proposed by the Product Owner with their note as the reason,
 * assessed and applied like any other; where the Product Owner may decide it (src/domain/
 * approval-policy.ts: self-approval on, or the only Product Owner, whose note then serves as the
 * self-approval note too) it is approved at once, otherwise it waits for another Product Owner.
 * The bypassed change is marked reverted with the proposal it became, so both trails tell it.
 */
import { mayDecide } from '../../domain/approval-policy';
import { revertOf } from '../../domain/bypass-revert';
import { GoalkeeperError } from '../../domain/errors';
import { validateRationale, type Proposal } from '../../domain/proposal';
import type { BypassedChange } from '../../domain/sprint-record';
import { productOwnerAccountIds } from '../support/access';
import type { Caller } from '../support/caller';
// A revert is a proposal and, where the Product Owner may, its decision: the one use case composed of
// others (.dependency-cruiser.cjs names it), so a revert passes every check a proposal and a decision do.
import { createProposal } from './create-proposal';
import { decideProposal } from './decide-proposal';
import type { Ports } from '../ports';
import { loadForProductOwner, recordReview } from '../support/bypass-review';
import { unwrap } from '../support/unwrap';

export interface RevertRequest {
  readonly changeId: string;
  /** Why it is undone: the proposal's reason and, where the Product Owner decides it, the rationale. */
  readonly note: string;
}

export interface RevertOutcome {
  readonly change: BypassedChange;
  readonly proposal: Proposal;
}

export async function revertBypassedChange(ports: Ports, caller: Caller, request: RevertRequest): Promise<RevertOutcome> {
  const { change, settings } = await loadForProductOwner(ports, caller, request.changeId);
  if (change.review) throw new GoalkeeperError('conflict', 'Someone already reviewed this change. Reload to see their review.');
  const undo = revertOf(change);
  if (!undo) {
    throw new GoalkeeperError(
      'invalid-input',
      'Goalkeeper cannot tell what this change replaced, so it cannot undo it. Propose the change you want from the issue instead.',
      { changeId: 'not-revertible' },
    );
  }
  const note = unwrap(validateRationale(request.note, settings.policy.minRationaleChars));
  // The Product Owner asks for the revert knowing what it costs the goal; the assessment is kept with it all the same.
  const proposed = await createProposal(ports, caller, {
    issueKey: change.issueKey,
    change: undo,
    reason: { category: 'other', text: note },
    acknowledgeThreat: true,
  });
  const mayDecideIt =
    proposed.status === 'proposed' &&
    mayDecide(settings.policy, proposed, caller.accountId, await productOwnerAccountIds(ports.jira, settings, proposed.projectKey)).ok;
  const proposal = mayDecideIt
    ? await decideProposal(ports, caller, {
        proposalId: proposed.id,
        verdict: 'approve',
        rationale: note,
        expectedVersion: proposed.version,
        selfDecisionNote: note,
      })
    : proposed;
  const reviewed = await recordReview(ports, change, {
    reviewerAccountId: caller.accountId,
    verdict: 'reverted',
    note,
    at: ports.clock.now().toISOString(),
    proposalId: proposal.id,
  });
  return { change: reviewed, proposal };
}
