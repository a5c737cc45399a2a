/**
 * The Product Owner approves or rejects, with a rationale the team will see. The sprint is
 * re-assessed now, so the decision is made on the sprint as it is, not as it was when proposed.
 */
import { mayDecide } from '../domain/approval-policy';
import { GoalkeeperError, type DomainError } from '../domain/errors';
import { noticeLanguageOf, type NoticeLanguage } from '../domain/notice-wording';
import { decide, markStale, validateRationale, type Proposal } from '../domain/proposal';
import { isProductOwner } from './access';
import { enqueueApply } from './apply-queueing';
import type { Caller } from './caller';
import { decisionCommentFor } from './decision-comment';
import { assessInSituation, loadSettings } from './issue-situation';
import { notifyProposerOfDecision } from './notify-people';
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
  const language = noticeLanguageOf(caller.locale);
  if (request.verdict === 'reject') {
    const rejected = inLanguage(unwrap(decide(proposal, 'rejected', caller.accountId, rationale, now, null)), language);
    const saved = await persistTransition(ports, proposal, rejected, 'rejected', caller.accountId, rationale);
    if (settings.commentOnDecision) await commentRejection(ports, saved);
    return notifyProposerOfDecision(ports, saved);
  }
  // Approving makes the app change Jira for the PO, so the PO must hold those rights themselves;
  // what they hold is recorded, because the apply worker has no user to ask Jira about.
  const held = await requireChangePermissions(ports, proposal.issueKey, proposal.change);
  const situation = await situationOrStale(ports, proposal, caller);
  const approved = inLanguage(unwrap(decide(proposal, 'approved', caller.accountId, rationale, now, assessInSituation(ports, situation, proposal.change), held)), language);
  const saved = await persistTransition(ports, proposal, approved, 'approved', caller.accountId, rationale);
  // Before queueing: a failed notification is recorded on the proposal, which the apply then moves on.
  const notified = await notifyProposerOfDecision(ports, saved);
  await enqueueApply(ports, notified);
  return notified;
}

/** The decider's language goes with the decision: the decision comment is written in it. */
function inLanguage(decided: Proposal, language: NoticeLanguage): Proposal {
  return decided.decision ? { ...decided, decision: { ...decided.decision, language } } : decided;
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
async function commentRejection(ports: Ports, proposal: Proposal): Promise<void> {
  const result = await decisionCommentFor(ports, proposal)
    .then((comment) => ports.jira.addDecisionComment(proposal.issueKey, comment))
    .catch((error: unknown) => ({ ok: false, status: 0, message: String(error) }));
  if (!result.ok) console.warn(`Decision comment on ${proposal.issueKey} failed (${result.status}): ${result.message}`);
}
