/**
 * The mid-sprint changes a team can propose. One discriminated union, so every consumer
 * (assessment, policy, apply, UI) handles each kind exhaustively.
 */
export const CHANGE_KINDS = ['add', 'remove', 'defer', 'rerank', 'priority', 'estimate', 'split', 'swap', 'tweak'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** Where a re-ranked issue should land, relative to the active sprint's rank order. */
export type RankTarget =
  | { readonly position: 'before'; readonly issueKey: string }
  | { readonly position: 'after'; readonly issueKey: string }
  | { readonly position: 'top' }
  | { readonly position: 'bottom' };

export interface SplitPart {
  readonly summary: string;
  readonly points: number;
}

/** The change a proposal asks for; the subject is always the proposal's own issue. */
export type Change =
  /** Bring the issue (from the backlog or a future sprint) into the active sprint. */
  | { readonly kind: 'add' }
  /** Take the issue out of the active sprint, back to the backlog. */
  | { readonly kind: 'remove' }
  /** Move the issue to the next future sprint of the board. */
  | { readonly kind: 'defer' }
  | { readonly kind: 'rerank'; readonly target: RankTarget }
  | { readonly kind: 'priority'; readonly priorityName: string }
  | { readonly kind: 'estimate'; readonly points: number }
  /** Create sub-issues for the parts; the parent keeps whatever is not split off. */
  | { readonly kind: 'split'; readonly parts: readonly SplitPart[] }
  /** Bring the proposal's issue in and take `outIssueKey` out, as one decision. */
  | { readonly kind: 'swap'; readonly outIssueKey: string }
  /** A small clarification (e.g. acceptance criteria): logged, no Jira change. */
  | { readonly kind: 'tweak'; readonly note: string };

/**
 * Work made room for a threatening change, picked from the assessment's suggestions: the pair is
 * assessed as one, and a Product Owner may approve the change on this condition.
 */
export interface CounterChange {
  /** 'defer': out to the next sprint; 'rank-below-goal': stays, ranked after the last goal-critical item. */
  readonly kind: 'defer' | 'rank-below-goal';
  readonly issueKeys: readonly string[];
}

export const REASON_CATEGORIES = ['stakeholder-request', 'defect', 'dependency', 'estimate-learned', 'compliance', 'other'] as const;
export type ReasonCategory = (typeof REASON_CATEGORIES)[number];

export interface Reason {
  readonly category: ReasonCategory;
  readonly text: string;
}

/** Keys of the other issues a change names, for permission checks and staleness. */
export function issuesNamedBy(change: Change): string[] {
  switch (change.kind) {
    case 'rerank':
      return change.target.position === 'before' || change.target.position === 'after' ? [change.target.issueKey] : [];
    case 'swap':
      return [change.outIssueKey];
    case 'add':
    case 'remove':
    case 'defer':
    case 'priority':
    case 'estimate':
    case 'split':
    case 'tweak':
      return [];
  }
}
