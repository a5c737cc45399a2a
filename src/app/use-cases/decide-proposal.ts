/**
 * The Product Owner approves or rejects, with a rationale the team will see. The sprint is
 * re-assessed now, so the decision is made on the sprint as it is, not as it was when proposed.
 */
import { mayDecide } from '../../domain/approval-policy';
import type { CounterChange } from '../../domain/change';
import { checkCounterChangeFits } from '../../domain/change-fit';
import { GoalkeeperError } from '../../domain/errors';
import { noticeLanguageOf, type NoticeLanguage } from '../../domain/notice-wording';
import { COMMENT_PERMISSIONS } from '../../domain/change-permissions';
import { missingPermissions, recordHeld } from '../../domain/held-permissions';
import {
  counterChangeIn,
  decide,
  noteOnly,
  validateRationale,
  validateSelfDecisionNote,
  type Proposal,
  type SelfDecided,
} from '../../domain/proposal';
import type { ProjectSettings } from '../../domain/settings';
import { describeAll, productOwnerAccountIds } from '../support/access';
import { enqueueApply } from '../support/apply-queueing';
import type { Caller } from '../support/caller';
import { decisionCommentFor } from '../support/decision-comment';
import { pointsOfInvolvedIssues } from '../support/involved-points';
import { recordStale } from '../support/stale-proposal';
import { assessInSituation, loadSettings, type IssueSituation } from '../support/issue-situation';
import { notifyProposerOfDecision } from '../support/notify-people';
import { persistTransition } from '../support/persist';
import type { Ports } from '../ports';
import { requireChangePermissions, situationSeenByCaller } from '../support/change-situation';
import { loadVisibleProposal } from '../support/proposal-access';
import { unwrap } from '../support/unwrap';
import { proposalShownTo } from '../support/visible-to-caller';

export interface DecideRequest {
  readonly proposalId: string;
  readonly verdict: 'approve' | 'reject';
  readonly rationale: string;
  /** The version the decider looked at: a decision on an outdated view is refused. */
  readonly expectedVersion: number;
  /**
   * "Yes, if ONB-55 is deferred": approve on this condition. The change and the condition are then
   * one agreement between the Product Owner (who trades the goal's scope) and the team (who
   * proposed it, and whose Sprint Backlog it is), and are applied together at once.
   */
  readonly condition?: CounterChange;
  /** Required when the only Product Owner decides their own proposal ('self-with-note' rule): why they decide it themselves. */
  readonly selfDecisionNote?: string;
}

export async function decideProposal(ports: Ports, caller: Caller, request: DecideRequest): Promise<Proposal> {
  const proposal = await loadVisibleProposal(ports, caller, request.proposalId);
  const settings = await loadSettings(ports, proposal.projectKey);
  const selfDecided = await selfDecisionOf(ports, settings, proposal, caller, request.selfDecisionNote);
  const rationale = unwrap(validateRationale(request.rationale, settings.policy.minRationaleChars));
  if (proposal.version !== request.expectedVersion) {
    throw new GoalkeeperError('conflict', 'This proposal changed since you opened it. Reload to see its current state before deciding.');
  }
  const now = ports.clock.now().toISOString();
  const language = noticeLanguageOf(caller.locale);
  if (request.verdict === 'reject') {
    const rejected = inLanguage(
      unwrap(decide(proposal, 'rejected', caller.accountId, rationale, now, null, undefined, request.condition)),
      language,
      selfDecided,
    );
    const saved = await persistTransition(ports, proposal, rejected, 'rejected', caller.accountId, rationale);
    const commented = settings.commentOnDecision ? await commentRejection(ports, saved, caller) : saved;
    return proposalShownTo(ports, await notifyProposerOfDecision(ports, commented));
  }
  // Approving makes the app change Jira for the PO, so the PO must hold those rights themselves;
  // what they hold is recorded, because the apply worker has no user to ask Jira about.
  const condition = request.condition;
  const counterChange = condition ?? counterChangeIn(proposal);
  const held = await requireChangePermissions(ports, proposal.issueKey, proposal.change, counterChange);
  const { situation, sight } = await situationOrStale(ports, proposal, caller);
  if (condition) requireConditionFits(situation, proposal, condition);
  // Recorded as the decider saw it: without the issues they may not browse (visible-to-caller.ts).
  const assessed = assessInSituation(ports, situation, proposal.change, counterChange);
  const decided = unwrap(
    decide(proposal, 'approved', caller.accountId, rationale, now, assessed ? sight.assessment(assessed) : null, held, condition),
  );
  // The condition's issues join the churn baseline: what they were estimated at when deferred.
  const approved = inLanguage(
    condition
      ? { ...decided, pointsAtProposal: { ...pointsOfInvolvedIssues(situation, proposal.change, condition), ...proposal.pointsAtProposal } }
      : decided,
    language,
    selfDecided,
  );
  const saved = await persistTransition(
    ports,
    proposal,
    approved,
    condition ? 'approved-on-condition' : 'approved',
    caller.accountId,
    rationale,
  );
  // Before queueing: a failed notification is recorded on the proposal, which the apply then moves on.
  const notified = await notifyProposerOfDecision(ports, saved);
  await enqueueApply(ports, notified);
  return proposalShownTo(ports, notified, [situation.issue, ...(situation.snapshot?.issues ?? [])]);
}

/**
 * The condition must make sense in the sprint as it is now. An issue named in it that has left the
 * sprint is the decider's choice to revisit, not a reason to mark the proposal stale.
 */
function requireConditionFits(situation: IssueSituation, proposal: Proposal, condition: CounterChange): void {
  const fit = checkCounterChangeFits(condition, proposal.issueKey, proposal.change, {
    snapshot: situation.snapshot!,
    nextSprintId: situation.nextSprint?.id ?? null,
    priorityNames: [],
  });
  if (!fit.ok)
    throw new GoalkeeperError('invalid-input', fit.error.message, { condition: fit.error.fields?.counterChange ?? 'not-in-sprint' });
}

/**
 * The decider's language goes with the decision (the decision comment is written in it), and so
 * does the flag of a Product Owner deciding their own proposal.
 */
function inLanguage(decided: Proposal, language: NoticeLanguage, selfDecided: SelfDecided | null): Proposal {
  return decided.decision ? { ...decided, decision: { ...decided.decision, language, ...(selfDecided ? { selfDecided } : {}) } } : decided;
}

/**
 * Whether the caller may decide (src/domain/approval-policy.ts) and, on their own proposal, how:
 * the only Product Owner under the 'self-with-note' rule must say why they decide it themselves.
 */
async function selfDecisionOf(
  ports: Ports,
  settings: ProjectSettings,
  proposal: Proposal,
  caller: Caller,
  note: string | undefined,
): Promise<SelfDecided | null> {
  const productOwners = await productOwnerAccountIds(ports.jira, settings, proposal.projectKey);
  const standing = unwrap(mayDecide(settings.policy, proposal, caller.accountId, productOwners));
  switch (standing) {
    case 'decider':
      return null;
    case 'self-approval':
      return { rule: standing, note: null };
    case 'sole-product-owner':
      return { rule: standing, note: unwrap(validateSelfDecisionNote(note ?? '', settings.policy.minRationaleChars)) };
  }
}

/** Reads the sprint now; a proposal the sprint has moved past is marked stale and the PO told why. */
async function situationOrStale(ports: Ports, proposal: Proposal, caller: Caller) {
  try {
    // The sprint's snapshot, as the change mark vouches for it (issue-situation.ts, SprintRead): the
    // apply worker judges the sprint afresh before it changes anything.
    return await situationSeenByCaller(ports, proposal.issueKey, proposal.change, proposal.sprintId, proposal.counterChange, 'snapshot');
  } catch (error) {
    if (error instanceof GoalkeeperError && error.code === 'stale') {
      await recordStale(ports, proposal, error.toDomainError(), caller.accountId);
    }
    throw error;
  }
}

/**
 * A rejection changes nothing in Jira; the comment only tells the team why. The app posts it on
 * the decider's behalf, so only if they may comment on the issue themselves (Add comments, asked
 * of Jira as them; src/domain/change-permissions.ts); otherwise the skip is written to the audit
 * trail. The decision is already recorded, so a failed comment is logged, not a failed decision.
 */
async function commentRejection(ports: Ports, proposal: Proposal, caller: Caller): Promise<Proposal> {
  const held = recordHeld(await ports.jira.permissionsOfCaller([proposal.issueKey], COMMENT_PERMISSIONS));
  const gap = missingPermissions(held, [proposal.issueKey], COMMENT_PERMISSIONS)[0];
  if (gap) {
    const detail = `Decision comment not posted: the person who decided does not hold ${describeAll(gap.missing)} on ${proposal.issueKey} in Jira.`;
    return persistTransition(ports, proposal, noteOnly(proposal), 'comment-skipped', caller.accountId, detail);
  }
  const result = await decisionCommentFor(ports, proposal)
    .then((comment) => ports.jira.addDecisionComment(proposal.issueKey, comment))
    .catch((error: unknown) => ({ ok: false, status: 0, message: String(error) }));
  if (!result.ok) console.warn(`Decision comment on ${proposal.issueKey} failed (${result.status}): ${result.message}`);
  return proposal;
}
