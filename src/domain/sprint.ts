/**
 * What the domain knows of a sprint: Jira-neutral facts the assessment, policy and churn use.
 * The Jira adapter maps Jira's JSON onto these; nothing here knows a REST shape.
 */
export type StatusCategory = 'todo' | 'in-progress' | 'done';

export interface SprintIssue {
  readonly key: string;
  readonly id: string;
  readonly summary: string;
  /** Story points, or null when unestimated. Boards without estimation count 1 per issue. */
  readonly points: number | null;
  readonly statusCategory: StatusCategory;
  readonly goalCritical: boolean;
  readonly labels: readonly string[];
  readonly epicKey: string | null;
  readonly priorityName: string | null;
  readonly issueType: string;
  /**
   * Sub-tasks done and in all, when the issue has any: how far along an in-progress item is.
   * Absent when unknown; the forecast then assumes a stated default share done.
   */
  readonly subtaskProgress?: { readonly done: number; readonly total: number };
  /**
   * For an issue done now: when it last reached the Done category (ISO), for the burn-up's daily
   * done line. Absent when not done, or where Jira did not say.
   */
  readonly doneAt?: string;
  /**
   * For an issue in progress now: when it last entered the In Progress category (ISO), Jira's
   * statuscategorychangedate. Absent when not in progress, or where Jira did not say.
   */
  readonly inProgressSince?: string;
}

export interface Sprint {
  readonly id: number;
  readonly boardId: number;
  readonly name: string;
  readonly state: 'active' | 'future' | 'closed';
  readonly goal: string;
  /** ISO instants; null for a future sprint without dates. */
  readonly startDate: string | null;
  readonly endDate: string | null;
}

/** The active sprint with its issues in rank order (index 0 = top rank). */
export interface SprintSnapshot {
  readonly sprint: Sprint;
  readonly issues: readonly SprintIssue[];
  /** How the board estimates: story points, or issue count when it does not estimate. */
  readonly estimation: 'points' | 'issue-count';
  /** Items of a sprint too big to read whole (src/jira/sprints.ts SPRINT_ITEMS_CAP), below the ones read: the assessment covers the top items by rank only. */
  readonly itemsBeyondCap?: number;
}

/** One closed sprint of team history, for velocity and daily throughput samples. */
export interface SprintHistory {
  readonly sprintId: number;
  readonly name: string;
  readonly committedPoints: number;
  readonly completedPoints: number;
  readonly workingDays: number;
  /**
   * Points completed on each working day of the sprint, in order (length = workingDays), from the
   * public-API history of the sprint's issues; absent when Jira's history could not be read.
   */
  readonly dailyCompletedPoints?: readonly number[];
}
