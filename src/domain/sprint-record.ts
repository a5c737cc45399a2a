/**
 * What Goalkeeper remembers about a sprint beyond its proposals: the committed scope at start
 * (the churn baseline), the last scope it saw (for reconciliation), changes made around it
 * directly in Jira, and the goal's outcome at close.
 */
import type { RestOfSprintCapacity } from './assessment';
import type { ScopeChange } from './scope-change';

export interface ScopeItem {
  readonly key: string;
  readonly points: number | null;
}

export interface SprintScope {
  readonly sprintId: number;
  readonly boardId: number;
  readonly goal: string;
  /** In rank order. */
  readonly issues: readonly ScopeItem[];
  readonly takenAt: string;
}

export interface SprintBaseline extends SprintScope {
  /**
   * 'sprint-start' from the sprint-started event; 'changelog' read back from the issues' history when
   * Goalkeeper met the sprint later (`takenAt` is then the sprint's start); 'first-seen' what Goalkeeper
   * saw when it met the sprint, where the history could not be read: changes before `takenAt` are not counted.
   */
  readonly source: 'sprint-start' | 'changelog' | 'first-seen';
}

export interface BypassReview {
  readonly reviewerAccountId: string;
  /** 'reverted': the Product Owner undid it through a Goalkeeper proposal (`proposalId`). */
  readonly verdict: 'accepted' | 'noted' | 'reverted';
  readonly note: string;
  readonly at: string;
  /** The proposal that undoes the change, for a 'reverted' review. */
  readonly proposalId?: string;
}

/** A scope change made directly in Jira that no Goalkeeper proposal explains. */
export interface BypassedChange extends ScopeChange {
  readonly source: 'bypassed';
  /** 'changelog': found in Jira's history of the issues when Goalkeeper read the sprint back to its start. */
  readonly detectedBy: 'event' | 'reconciliation' | 'changelog';
  readonly review: BypassReview | null;
}

export type GoalOutcome = 'met' | 'partly' | 'not-met';

export interface SprintOutcome {
  readonly sprintId: number;
  readonly boardId: number;
  readonly sprintName: string;
  readonly goal: string;
  readonly outcome: GoalOutcome | null;
  readonly note: string;
  readonly recordedBy: string | null;
  readonly closedAt: string;
  readonly committedPoints: number | null;
  readonly grossChurn: number | null;
  /**
   * Optimistic-concurrency version: a recording is written only if the record is still at the
   * version the Product Owner looked at. Records from before versions existed read as 1.
   */
  readonly version?: number;
  /** When the current outcome was recorded. */
  readonly recordedAt?: string | null;
  /** Earlier recordings, oldest first: a second Product Owner's change never erases the first one's. */
  readonly history?: readonly OutcomeRevision[];
}

/** One earlier recording of a sprint's goal outcome. */
export interface OutcomeRevision {
  readonly outcome: GoalOutcome;
  readonly note: string;
  readonly recordedBy: string | null;
  readonly recordedAt: string | null;
}

/** Kept revisions per sprint: bounds the record far below Forge's 240 KiB value limit (notes are ≤ 2,000 characters). */
export const OUTCOME_HISTORY_MAX = 20;

export function outcomeVersionOf(outcome: Pick<SprintOutcome, 'version'>): number {
  return outcome.version ?? 1;
}

/** The next version of an outcome: the recording replaces the current one, which joins the history. */
export function reviseOutcome(
  existing: SprintOutcome,
  outcome: GoalOutcome,
  note: string,
  recordedBy: string,
  recordedAt: string,
): SprintOutcome {
  const previous: OutcomeRevision[] =
    existing.outcome === null
      ? []
      : [{ outcome: existing.outcome, note: existing.note, recordedBy: existing.recordedBy, recordedAt: existing.recordedAt ?? null }];
  return {
    ...existing,
    outcome,
    note,
    recordedBy,
    recordedAt,
    version: outcomeVersionOf(existing) + 1,
    history: [...(existing.history ?? []), ...previous].slice(-OUTCOME_HISTORY_MAX),
  };
}

export function scopePoints(scope: { issues: readonly ScopeItem[] }): { points: number; count: number } {
  return { points: scope.issues.reduce((sum, item) => sum + (item.points ?? 0), 0), count: scope.issues.length };
}

/**
 * The capacity the team declared for the rest of a sprint (issue 13): fed into every assessment of
 * that sprint. Who set it is not kept: it is the team's figure, and a name would be personal data.
 */
export interface SprintCapacity extends RestOfSprintCapacity {
  readonly sprintId: number;
  readonly boardId: number;
  readonly updatedAt: string;
}

/** Days off are whole working days before the sprint ends; more than a long sprint holds is a typo. */
export const MAX_DAYS_OFF = 30;
