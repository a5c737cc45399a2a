/**
 * What Goalkeeper remembers about a sprint beyond its proposals: the committed scope at start
 * (the churn baseline), the last scope it saw (for reconciliation), changes made around it
 * directly in Jira, and the goal's outcome at close.
 */
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
  /** 'sprint-start' from the sprint-started event; 'first-seen' when Goalkeeper met the sprint later. */
  readonly source: 'sprint-start' | 'first-seen';
}

export interface BypassReview {
  readonly reviewerAccountId: string;
  readonly verdict: 'accepted' | 'noted';
  readonly note: string;
  readonly at: string;
}

/** A scope change made directly in Jira that no Goalkeeper proposal explains. */
export interface BypassedChange extends ScopeChange {
  readonly source: 'bypassed';
  readonly detectedBy: 'event' | 'reconciliation';
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
}

export function scopePoints(scope: { issues: readonly ScopeItem[] }): { points: number; count: number } {
  return { points: scope.issues.reduce((sum, item) => sum + (item.points ?? 0), 0), count: scope.issues.length };
}
