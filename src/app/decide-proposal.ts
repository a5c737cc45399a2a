/**
 * The Product Owner approves or rejects, with a rationale the team will see. The sprint is
 * re-assessed now, so the decision is made on the sprint as it is, not as it was when proposed.
 */
import { mayDecide } from '../domain/approval-policy';
import { summarizeChange } from '../domain/change-summary';
import { GoalkeeperError, type DomainError } from '../domain/errors';
import { decide, markStale, validateRationale, type Proposal } from '../domain/proposal';
import { isProductOwner } from './access';
import { enqueueApply } from './apply-queueing';
import type { Caller } from './caller';
import { assessInSituation, loadSettings } from './issue-situation';
import { persistTransition } from './persist';
import type { Ports } from './ports';
import { requireChangePermissions, situationFor } from './preview-proposal';
import { loadVisibleProposal } from './proposal-access';
import { unwrap } from './unwrap';

export interface DecideRequest {
  readonly proposalId: string;
  readonly verdict: 'approve' | 'reject';
  readonly rationale: string;
  /** The version the decider looked at: a decision on an outdated view is refused. */
  readonly expectedVersion: number;
}

export async function decideProposal(ports: Ports, caller: Caller, request: DecideRequest): Promise<Proposal> {
  const proposal = await loadVisibleProposal(ports, caller, request.proposalId);
  const settings = await loadSettings(ports, proposal.projectKey);
  unwrap(mayDecide(settings.policy, proposal, caller.accountId, await isProductOwner(ports.jira, settings, proposal.projectKey, caller.accountId)));
  const rationale = unwrap(validateRationale(request.rationale, settings.policy.minRationaleChars));
  if (proposal.version !== request.expectedVersion) {
    throw new GoalkeeperError('conflict', 'This proposal changed since you opened it. Reload to see its current state before deciding.');
  }
  const now = ports.clock.now().toISOString();
  if (request.verdict === 'reject') {
    const rejected = unwrap(decide(proposal, 'rejected', caller.accountId, rationale, now, null));
    const saved = await persistTransition(ports, proposal, rejected, 'rejected', caller.accountId, rationale);
    if (settings.commentOnDecision) await commentRejection(ports, saved, rationale, caller.accountId);
    return saved;
  }
  // Approving makes the app change Jira for the PO, so the PO must hold those rights themselves;
  // what they hold is recorded, because the apply worker has no user to ask Jira about.
  const held = await requireChangePermissions(ports, proposal.issueKey, proposal.change);
  const situation = await situationOrStale(ports, proposal, caller);
  const approved = unwrap(decide(proposal, 'approved', caller.accountId, rationale, now, assessInSituation(ports, situation, proposal.change), held));
  const saved = await persistTransition(ports, proposal, approved, 'approved', caller.accountId, rationale);
  await enqueueApply(ports, saved);
  return saved;
}

/** Re-reads the sprint; a proposal the sprint has moved past is marked stale and the PO told why. */
async function situationOrStale(ports: Ports, proposal: Proposal, caller: Caller) {
  try {
    return await situationFor(ports, proposal.issueKey, proposal.change, proposal.sprintId);
  } catch (error) {
    if (error instanceof GoalkeeperError && error.code === 'stale') {
      await recordStale(ports, proposal, error.toDomainError(), caller.accountId);
    }
    throw error;
  }
}

export async function recordStale(ports: Ports, proposal: Proposal, error: DomainError, actorAccountId: string | null): Promise<void> {
  const stale = markStale(proposal, error.message);
  if (stale.ok) await persistTransition(ports, proposal, stale.value, 'stale', actorAccountId, error.message);
}

/**
 * A rejection changes nothing in Jira; the comment only tells the team why. The decision is
 * already recorded, so a failed comment is logged rather than reported as a failed decision.
 */
async function commentRejection(ports: Ports, proposal: Proposal, rationale: string, deciderAccountId: string): Promise<void> {
  const result = await ports.jira
    .addDecisionComment(proposal.issueKey, {
      proposalId: proposal.id,
      verdict: 'rejected',
      deciderAccountId,
      rationale,
      changeSummary: summarizeChange(proposal.issueKey, proposal.change),
    })
    .catch((error: unknown) => ({ ok: false, status: 0, message: String(error) }));
  if (!result.ok) console.warn(`Decision comment on ${proposal.issueKey} failed (${result.status}): ${result.message}`);
}
