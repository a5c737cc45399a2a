/**
 * The append-only audit trail: one event per step of a proposal's life. Events are never
 * rewritten; the personal-data cycle may only replace a closed account's id with a tombstone.
 */
import type { ApplyStep, ProposalStatus } from './proposal';

export type AuditAction =
  | 'proposed'
  | 'auto-approved'
  | 'approved'
  /** Approved on a condition (a counter-change) the change is applied together with. */
  | 'approved-on-condition'
  | 'rejected'
  | 'withdrawn'
  | 'apply-queued'
  | 'apply-step'
  | 'applied'
  | 'apply-failed'
  | 'retry-requested'
  | 'stale'
  /** Jira did not send a notification about the proposal; the proposal itself is unchanged. */
  | 'notify-failed'
  /** The decision comment was not posted: the person it would speak for may not comment (Add comments). */
  | 'comment-skipped';

export interface AuditEvent {
  readonly proposalId: string;
  /** Monotonic per proposal: equals the proposal version the event produced. */
  readonly sequence: number;
  readonly action: AuditAction;
  /** accountId, or null when the app acted on its own (apply worker, policy). */
  readonly actorAccountId: string | null;
  readonly at: string;
  readonly status: ProposalStatus;
  readonly detail: string;
  /** A decision the Product Owner made on their own proposal (Decision.selfDecided): the trail flags it. */
  readonly selfDecided?: true;
  /** For an 'apply-step' event: the journal's record of the step, whose facts the trail words in the reader's language. */
  readonly step?: ApplyStep;
  /** For 'applied' and 'apply-failed': which apply attempt it was. */
  readonly attempt?: number;
}
