/**
 * Propose a mid-sprint change. The assessment is taken now and stored with the proposal; a
 * change the policy lets the Developers make alone is auto-approved and queued for apply at once.
 */
import { approvalRoute } from '../../domain/approval-policy';
import type { Change, CounterChange, Reason } from '../../domain/change';
import { GoalkeeperError } from '../../domain/errors';
import { autoApprove, openProposal, type Proposal } from '../../domain/proposal';
import { openDuplicateOf, waitingProposalsOf } from '../../domain/proposal-limits';
import { openProposalLimitOf } from '../../domain/settings';
import { enqueueApply } from '../support/apply-queueing';
import { auditEventFor } from '../support/audit-log';
import type { Caller } from '../support/caller';
import { assessInSituation, subjectIsGoalCritical, type IssueSituation } from '../support/issue-situation';
import { notifyProductOwners } from '../support/notify-people';
import { pointsOfInvolvedIssues } from '../support/involved-points';
import { persistTransition } from '../support/persist';
import type { Ports } from '../ports';
import { requireChangePermissions, situationSeenByCaller } from '../support/change-situation';
import { unwrap } from '../support/unwrap';

export interface CreateProposalRequest {
  readonly issueKey: string;
  readonly change: Change;
  readonly reason: Reason;
  readonly acknowledgeThreat: boolean;
  /** Work picked from a suggestion to make room: proposed, decided and applied with the change as one. */
  readonly counterChange?: CounterChange;
  /** Client-chosen key: a replay of the same submission returns the first answer. */
  readonly idempotencyKey?: string;
}

export async function createProposal(ports: Ports, caller: Caller, request: CreateProposalRequest): Promise<Proposal> {
  // The idempotency key is namespaced by caller so one user can never replay another's answer.
  const replayKey = request.idempotencyKey ? `create:${caller.accountId}:${request.idempotencyKey}` : null;
  const held = await requireChangePermissions(ports, request.issueKey, request.change, request.counterChange);
  if (replayKey) {
    const earlier = (await ports.proposals.recall(replayKey)) as { proposalId: string } | undefined;
    const earlierProposal = earlier ? await ports.proposals.get(earlier.proposalId) : undefined;
    if (earlierProposal) return earlierProposal;
  }
  // The sprint as stored while Jira's change mark says it is current: the decision and the apply judge it afresh.
  const { situation, sight } = await situationSeenByCaller(
    ports,
    request.issueKey,
    request.change,
    undefined,
    request.counterChange,
    'snapshot',
  );
  const sprint = situation.activeSprint!;
  await requireWithinLimits(ports, caller, situation, request.change);
  const assessed = assessInSituation(ports, situation, request.change, request.counterChange);
  // Stored as the proposer saw it: without the issues they may not browse (visible-to-caller.ts).
  const assessment = assessed ? sight.assessment(assessed) : null;
  if (assessment?.level === 'threat' && !request.acknowledgeThreat) {
    throw new GoalkeeperError('invalid-input', 'This change threatens the sprint goal. Confirm that you understand before proposing it.', {
      acknowledgeThreat: 'required',
    });
  }
  const now = ports.clock.now().toISOString();
  const route = approvalRoute(situation.settings.policy, request.change, subjectIsGoalCritical(situation), assessment);
  const proposal = openProposal({
    id: ports.ids.next(),
    issueKey: situation.issue.key,
    issueId: situation.issue.id,
    projectKey: situation.issue.projectKey,
    boardId: sprint.boardId,
    sprintId: sprint.id,
    proposerAccountId: caller.accountId,
    change: request.change,
    reason: request.reason,
    createdAt: now,
    pointsAtProposal: pointsOfInvolvedIssues(situation, request.change, request.counterChange),
    needsProductOwner: route.needsProductOwner,
    approvalReason: route.because,
    assessment,
    threatAcknowledged: assessment?.level === 'threat' && request.acknowledgeThreat,
    ...(request.counterChange ? { counterChange: request.counterChange } : {}),
  });
  const outcome = await ports.proposals.create(proposal, auditEventFor(proposal, 'proposed', caller.accountId, now, request.reason.text));
  if (outcome === 'conflict') throw new GoalkeeperError('conflict', 'A proposal with this id already exists. Please submit again.');
  if (replayKey) await ports.proposals.remember(replayKey, { proposalId: proposal.id });
  if (proposal.needsProductOwner) return notifyProductOwners(ports, proposal, situation.settings);

  const approved = await persistTransition(
    ports,
    proposal,
    unwrap(autoApprove(proposal, now, held)),
    'auto-approved',
    null,
    'The approval policy lets the Developers make this change; logged and applied.',
  );
  await enqueueApply(ports, approved);
  return approved;
}

/**
 * Refuses a change that is already open (by anyone) and a proposal past the person's limit of
 * proposals waiting in this sprint. Two submissions at the very same moment could both pass
 * (the count is a query, not a transaction): the limit bounds flooding, it is not a ledger.
 */
async function requireWithinLimits(ports: Ports, caller: Caller, situation: IssueSituation, change: Change): Promise<void> {
  const inSprint = await ports.proposals.listBySprint(situation.activeSprint!.id);
  const duplicate = openDuplicateOf(inSprint, situation.issue.key, change);
  if (duplicate) {
    throw new GoalkeeperError(
      'conflict',
      `This change to ${situation.issue.key} is already proposed and still open (${duplicate.status}). Reload to see it; a second copy would only split the decision.`,
      {
        change: 'duplicate',
      },
    );
  }
  const limit = openProposalLimitOf(situation.settings);
  if (waitingProposalsOf(inSprint, caller.accountId) >= limit) {
    throw new GoalkeeperError(
      'forbidden',
      `You already have ${limit} proposals waiting for a decision in this sprint, the most this project allows. Withdraw one or wait for decisions before proposing more.`,
      {
        proposal: 'limit-reached',
      },
    );
  }
}
