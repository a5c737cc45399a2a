/**
 * A proposal and its state machine. Every transition is a pure function returning either the
 * next proposal (version + 1) or a typed error; illegal transitions cannot happen silently.
 *
 *   proposed ──approve──▶ approved ──┬─▶ applied
 *      │  └─auto-approve▶ auto-approved ─┤
 *      ├─reject──▶ rejected              └─▶ apply-failed ──retry──▶ applied | apply-failed
 *      ├─withdraw▶ withdrawn (proposer only)
 *      └─(any open state)─▶ stale (the sprint moved on: issue left, sprint closed, target moved)
 */
import type { ProductOwnerReason } from './approval-policy';
import type { ApplyStepFacts } from './apply-step-facts';
import type { Assessment } from './assessment';
import { issuesNamedBy, type Change, type CounterChange, type Reason } from './change';
import { fail, ok, type Result } from './errors';
import type { HeldPermissions } from './held-permissions';
import { meaningfulText, rationaleRule } from './meaningful-text';
import type { NoticeLanguage } from './notice-wording';
import { RATIONALE_MAX_CHARS } from './text-limits';

export const PROPOSAL_STATUSES = [
  'proposed',
  'approved',
  'auto-approved',
  'rejected',
  'withdrawn',
  'applied',
  'apply-failed',
  'stale',
] as const;
export type ProposalStatus = (typeof PROPOSAL_STATUSES)[number];

/** Statuses from which the proposal can still change Jira. */
export const OPEN_STATUSES: readonly ProposalStatus[] = ['proposed', 'approved', 'auto-approved', 'apply-failed'];

export interface Decision {
  readonly verdict: 'approved' | 'rejected';
  /** The Product Owner's accountId, or null when policy auto-approved the change. */
  readonly deciderAccountId: string | null;
  readonly rationale: string;
  readonly decidedAt: string;
  /** The sprint as the decider saw it (re-assessed at decision time). */
  readonly assessment: Assessment | null;
  /**
   * The Jira permissions the decider (auto-approved: the proposer) held on the issues the change
   * touches, asked of Jira as that person when deciding. The apply worker runs without a user and
   * acts only within these. Absent on decisions recorded before Goalkeeper kept them.
   */
  readonly heldPermissions?: HeldPermissions;
  /**
   * The language the decider used Goalkeeper in (their Forge context's locale): the decision
   * comment is written in it. Absent on decisions recorded before, and on automatic ones (English).
   */
  readonly language?: NoticeLanguage;
  /**
   * "Yes, if ONB-55 is deferred" (issue 13): the Product Owner approved on this condition, and
   * the change and the counter-change are applied together as one. Only on approvals of proposals
   * that did not already make room themselves.
   */
  readonly condition?: CounterChange;
  /**
   * The Product Owner decided their own proposal: allowed by the policy ('self-approval'), or as
   * the project's only Product Owner ('sole-product-owner', issue 15) with the note that rule
   * asks for. Flagged as self-approved in the audit trail and the decision log.
   */
  readonly selfDecided?: SelfDecided;
}

export interface SelfDecided {
  readonly rule: 'self-approval' | 'sole-product-owner';
  /** Why the only Product Owner decided it themselves; null where the policy allows self-approval. */
  readonly note: string | null;
}

/** One step of applying a change to Jira, as recorded in the apply journal. */
export interface ApplyStep {
  readonly name: string;
  /** 'started' is written *before* the Jira call: a crash leaves the step in doubt, never unknown. */
  readonly status: 'started' | 'done' | 'failed';
  readonly at: string;
  readonly detail: string;
  readonly createdKeys?: readonly string[];
  /** What the step does, for wording it in the reader's language; absent on steps recorded before Goalkeeper kept it. */
  readonly facts?: ApplyStepFacts;
  /**
   * For a step that creates something in Jira (a sub-task, a comment): the fresh marker written on
   * it as an entity property when the step started. Only an entity carrying it proves the step done.
   */
  readonly marker?: string;
}

export interface ApplyJournal {
  readonly attempts: number;
  readonly steps: readonly ApplyStep[];
  readonly lastError: string | null;
  readonly finishedAt: string | null;
}

export interface Proposal {
  readonly id: string;
  readonly issueKey: string;
  readonly issueId: string;
  readonly projectKey: string;
  readonly boardId: number;
  /** The active sprint the proposal is about. */
  readonly sprintId: number;
  readonly proposerAccountId: string;
  readonly change: Change;
  readonly reason: Reason;
  readonly createdAt: string;
  /**
   * Estimates, when proposed, of every issue the change moves (the subject, and a swap's outgoing
   * issue): the baseline for churn (re-estimate up/down, points moved) and the fixed starting
   * point of a split, so a retried split never reduces the parent twice.
   */
  readonly pointsAtProposal: Readonly<Record<string, number | null>>;
  readonly status: ProposalStatus;
  /** Whether this change type needs the PO under the policy in force when it was proposed. */
  readonly needsProductOwner: boolean;
  /** Assessment snapshot at proposal time. */
  readonly assessment: Assessment | null;
  /** Whether the proposer explicitly acknowledged a `threat` assessment. */
  readonly threatAcknowledged: boolean;
  readonly decision: Decision | null;
  readonly apply: ApplyJournal | null;
  readonly staleReason: string | null;
  readonly version: number;
  /**
   * Work the proposer makes room with, picked from the assessment's suggestions: proposed,
   * assessed, decided and applied together with `change` as one. Absent when none was picked.
   */
  readonly counterChange?: CounterChange;
  /**
   * Why the change waits for the Product Owner (approvalRoute's `because`), so the proposer can be
   * told; null when the Developers may make it. Absent on proposals stored before issue 13.
   */
  readonly approvalReason?: ProductOwnerReason | null;
}

export type NewProposal = Omit<Proposal, 'status' | 'decision' | 'apply' | 'staleReason' | 'version'>;

/** The counter-change that goes with the change: the proposer's own pick, or the Product Owner's condition. */
export function counterChangeIn(proposal: Pick<Proposal, 'counterChange' | 'decision'>): CounterChange | null {
  return proposal.decision?.condition ?? proposal.counterChange ?? null;
}

/** Every issue the proposal changes in Jira or names: its own, the change's others, the counter-change's. */
export function issuesTouchedBy(proposal: Pick<Proposal, 'issueKey' | 'change' | 'counterChange' | 'decision'>): string[] {
  return [...new Set([proposal.issueKey, ...issuesNamedBy(proposal.change), ...(counterChangeIn(proposal)?.issueKeys ?? [])])];
}

export function openProposal(fields: NewProposal): Proposal {
  return { ...fields, status: 'proposed', decision: null, apply: null, staleReason: null, version: 1 };
}

function illegal(proposal: Proposal, action: string): Result<Proposal> {
  return fail('illegal-transition', `Cannot ${action} a proposal that is ${proposal.status}.`);
}

function next(proposal: Proposal, changes: Partial<Proposal>): Result<Proposal> {
  return ok({ ...proposal, ...changes, version: proposal.version + 1 });
}

/**
 * Cleans and checks a rationale as meaningful text (src/domain/meaningful-text.ts): at least
 * `minChars` visible characters (the approval policy's minimum), letters or digits, no filler.
 */
export function validateRationale(raw: string, minChars: number): Result<string> {
  return meaningfulText(raw, rationaleRule(minChars, RATIONALE_MAX_CHARS), 'rationale', 'The rationale');
}

/** The note the only Product Owner gives when deciding their own proposal: meaningful text, as long as a rationale must be. */
export function validateSelfDecisionNote(raw: string, minChars: number): Result<string> {
  return meaningfulText(raw, rationaleRule(minChars, RATIONALE_MAX_CHARS), 'selfDecisionNote', 'The note on deciding your own proposal');
}

export function decide(
  proposal: Proposal,
  verdict: 'approved' | 'rejected',
  deciderAccountId: string,
  rationale: string,
  decidedAt: string,
  assessment: Assessment | null,
  heldPermissions?: HeldPermissions,
  condition?: CounterChange,
): Result<Proposal> {
  if (proposal.status !== 'proposed') return illegal(proposal, verdict === 'approved' ? 'approve' : 'reject');
  if (condition && verdict !== 'approved')
    return fail('invalid-input', 'Only an approval can carry a condition.', { condition: 'not-an-approval' });
  if (condition && proposal.counterChange) {
    return fail(
      'invalid-input',
      'This proposal already makes room for itself: approve it as proposed, or reject it with what you would accept instead.',
      { condition: 'already-countered' },
    );
  }
  return next(proposal, {
    status: verdict,
    decision: {
      verdict,
      deciderAccountId,
      rationale,
      decidedAt,
      assessment,
      ...(heldPermissions ? { heldPermissions } : {}),
      ...(condition ? { condition } : {}),
    },
  });
}

/**
 * The next version with nothing changed: for an audit event that records something beside the
 * proposal's state (a notification Jira did not send), so the trail stays one event per version.
 */
export function noteOnly(proposal: Proposal): Proposal {
  return { ...proposal, version: proposal.version + 1 };
}

/** Policy says this change type needs no PO: approved on creation, logged like any decision; the proposer's rights stand in for a decider's. */
export function autoApprove(proposal: Proposal, decidedAt: string, heldPermissions?: HeldPermissions): Result<Proposal> {
  if (proposal.status !== 'proposed') return illegal(proposal, 'auto-approve');
  return next(proposal, {
    status: 'auto-approved',
    decision: {
      verdict: 'approved',
      deciderAccountId: null,
      rationale: 'Auto-approved: the approval policy lets the Developers make this change without the Product Owner.',
      decidedAt,
      assessment: proposal.assessment,
      ...(heldPermissions ? { heldPermissions } : {}),
    },
  });
}

export function withdraw(proposal: Proposal, callerAccountId: string): Result<Proposal> {
  if (proposal.proposerAccountId !== callerAccountId) {
    return fail('forbidden', 'Only the person who proposed the change can withdraw it.');
  }
  if (proposal.status !== 'proposed') return illegal(proposal, 'withdraw');
  return next(proposal, { status: 'withdrawn' });
}

export function isApplicable(proposal: Proposal): boolean {
  return proposal.status === 'approved' || proposal.status === 'auto-approved' || proposal.status === 'apply-failed';
}

/**
 * The apply attempt a queue job must carry to act: the unfinished attempt an interrupted job
 * resumes, or else the next one (1 for a fresh approval). A job of an earlier attempt — Forge
 * redelivering it, or anyone replaying it — is stale and must change nothing (issue 14).
 */
export function currentApplyAttempt(proposal: Proposal): number {
  const journal = proposal.apply;
  if (!journal) return 1;
  return journal.finishedAt === null ? journal.attempts : journal.attempts + 1;
}

/** Records progress of an apply attempt without changing the status (a step started or done). */
export function recordApplyProgress(proposal: Proposal, journal: ApplyJournal): Result<Proposal> {
  if (!isApplicable(proposal)) return illegal(proposal, 'apply');
  return next(proposal, { apply: journal });
}

/** Ends an apply attempt: `succeeded` decides applied vs apply-failed (retryable). */
export function finishApplyAttempt(proposal: Proposal, journal: ApplyJournal, succeeded: boolean): Result<Proposal> {
  if (!isApplicable(proposal)) return illegal(proposal, 'apply');
  return next(proposal, { status: succeeded ? 'applied' : 'apply-failed', apply: journal });
}

/** A Product Owner or the proposer asks for another apply attempt after a failure. */
export function requestRetry(proposal: Proposal): Result<Proposal> {
  if (proposal.status !== 'apply-failed') return illegal(proposal, 'retry');
  return next(proposal, {});
}

export function markStale(proposal: Proposal, reason: string): Result<Proposal> {
  if (!OPEN_STATUSES.includes(proposal.status)) return illegal(proposal, 'mark stale');
  return next(proposal, { status: 'stale', staleReason: reason });
}
