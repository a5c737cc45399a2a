/**
 * The small interfaces the use cases need from the outside world. Adapters in src/jira and
 * src/store implement them for Forge; tests and the sandbox use the same adapters against
 * local stand-ins, and in-memory twins where a test is about a rule rather than I/O.
 */
import type { Assessment } from '../domain/assessment';
import type { AuditEvent } from '../domain/audit';
import type { Proposal, ProposalStatus } from '../domain/proposal';
import type { GoalCriticalRule, ProjectSettings } from '../domain/settings';
import type { Sprint, SprintHistory, SprintIssue, SprintSnapshot } from '../domain/sprint';
import type { BypassedChange, BypassReview, SprintBaseline, SprintOutcome, SprintScope } from '../domain/sprint-record';

export type { GoalCriticalRule };

/** Jira project permissions Goalkeeper relies on (Jira's own permission keys). */
export type JiraPermission = 'BROWSE_PROJECTS' | 'EDIT_ISSUES' | 'SCHEDULE_ISSUES' | 'ADMINISTER_PROJECTS';

/** What Goalkeeper needs to know about one issue, wherever it is (sprint or backlog). */
export interface IssueFacts extends SprintIssue {
  readonly projectKey: string;
  readonly projectId: string;
  /** Sprint ids the issue belongs to that are active or future (closed ones are history). */
  readonly openSprintIds: readonly number[];
  readonly parentKey: string | null;
}

export interface BoardSummary {
  readonly id: number;
  readonly name: string;
  readonly type: 'scrum' | 'kanban' | 'simple';
  readonly projectKey: string | null;
}

/** How a board estimates: the field holding story points, or issue count. */
export type BoardEstimation = { readonly kind: 'points'; readonly fieldId: string } | { readonly kind: 'issue-count' };


/** One Jira call's outcome in an apply journal. */
export interface JiraStepResult {
  readonly ok: boolean;
  /** HTTP status or 0 when the network failed. */
  readonly status: number;
  readonly message: string;
  /** Keys of issues Jira created (split). */
  readonly createdKeys?: readonly string[];
}

export interface JiraPort {
  /** Per-issue permissions of `accountId`; an issue missing from the answer has none. */
  permissionsOf(accountId: string, issueKeys: readonly string[], permissions: readonly JiraPermission[]): Promise<Map<string, Set<JiraPermission>>>;
  /** Project-level permission (e.g. ADMINISTER_PROJECTS for settings). */
  hasProjectPermission(accountId: string, projectKey: string, permission: JiraPermission): Promise<boolean>;
  /** With a rule, `goalCritical` is evaluated (JQL included); without one it is false. */
  getIssue(issueKey: string, rule?: GoalCriticalRule): Promise<IssueFacts | null>;
  boardsOfProject(projectKey: string): Promise<BoardSummary[]>;
  boardsVisibleTo(accountId: string): Promise<BoardSummary[]>;
  getBoard(boardId: number): Promise<BoardSummary | null>;
  estimationOf(boardId: number): Promise<BoardEstimation>;
  activeSprint(boardId: number): Promise<Sprint | null>;
  futureSprints(boardId: number): Promise<Sprint[]>;
  getSprint(sprintId: number): Promise<Sprint | null>;
  /** The sprint's issues in rank order, with goal-critical marked per the rule. */
  sprintSnapshot(sprint: Sprint, rule: GoalCriticalRule): Promise<SprintSnapshot>;
  /** The last `count` closed sprints, newest first. */
  history(boardId: number, count: number): Promise<SprintHistory[]>;
  priorityNames(): Promise<string[]>;
  projectRoleMembers(projectKey: string, roleName: string): Promise<string[]>;
  projectRoleNames(projectKey: string): Promise<string[]>;
  validateJql(jql: string): Promise<{ valid: true } | { valid: false; errors: string[] }>;
  moveToSprint(sprintId: number, issueKeys: readonly string[]): Promise<JiraStepResult>;
  moveToBacklog(issueKeys: readonly string[]): Promise<JiraStepResult>;
  rank(issueKeys: readonly string[], position: 'before' | 'after', anchorKey: string): Promise<JiraStepResult>;
  setPriority(issueKey: string, priorityName: string): Promise<JiraStepResult>;
  setEstimate(issueKey: string, estimation: BoardEstimation, points: number): Promise<JiraStepResult>;
  createSubIssue(parentKey: string, summary: string, points: number, estimation: BoardEstimation): Promise<JiraStepResult>;
  /** Posts the decision as an ADF comment that mentions the decider and quotes the rationale as text. */
  addDecisionComment(issueKey: string, comment: DecisionComment): Promise<JiraStepResult>;
  /** Display names for UI labels; never stored (only accountIds are). */
  displayNames(accountIds: readonly string[]): Promise<Map<string, string>>;
  /** Sub-issues of a parent (key + summary), to settle an in-doubt split step without creating twice. */
  subIssues(parentKey: string): Promise<{ key: string; summary: string }[]>;
  /** Whether the decision comment of `proposalId` is on the issue, to settle an in-doubt comment step without posting twice. */
  hasDecisionComment(issueKey: string, proposalId: string): Promise<boolean>;
}

export interface DecisionComment {
  readonly proposalId: string;
  readonly verdict: 'approved' | 'rejected';
  /** null when the approval policy approved the change automatically. */
  readonly deciderAccountId: string | null;
  readonly rationale: string;
  /** Plain-language summary of the change, e.g. "Add ONB-31 to the active sprint". */
  readonly changeSummary: string;
}

/** Optimistic-concurrency outcome of a conditional write. */
export type WriteOutcome = 'written' | 'conflict';

export interface ProposalStore {
  get(id: string): Promise<Proposal | undefined>;
  /** Writes a new proposal with its first audit event; 'conflict' if the id exists. */
  create(proposal: Proposal, event: AuditEvent): Promise<WriteOutcome>;
  /**
   * Replaces the proposal iff the stored version is `expectedVersion`, in one transaction with
   * the audit event, so two deciders can never both win.
   */
  update(proposal: Proposal, expectedVersion: number, event: AuditEvent): Promise<WriteOutcome>;
  listByIssue(issueKey: string): Promise<Proposal[]>;
  listBySprint(sprintId: number, status?: ProposalStatus): Promise<Proposal[]>;
  audit(proposalId: string, cursor?: string): Promise<{ events: AuditEvent[]; nextCursor?: string }>;
  /** Stored answer of an earlier call with this idempotency key, if any. */
  /** Deletes the proposal and its whole audit trail (retention); returns the records deleted. */
  purge(proposalId: string): Promise<number>;
  recall(idempotencyKey: string): Promise<unknown | undefined>;
  remember(idempotencyKey: string, answer: unknown): Promise<void>;
}

/** Sprint-level records: baseline, last seen scope, bypassed changes, goal outcomes. */
export interface SprintRecordStore {
  baseline(sprintId: number): Promise<SprintBaseline | undefined>;
  /** First writer wins: a baseline is never overwritten. */
  saveBaseline(baseline: SprintBaseline): Promise<WriteOutcome>;
  lastSeen(sprintId: number): Promise<SprintScope | undefined>;
  saveLastSeen(scope: SprintScope): Promise<void>;
  bypassedChanges(sprintId: number): Promise<BypassedChange[]>;
  /** Idempotent by change id: a duplicate event records nothing new. */
  recordBypassed(change: BypassedChange): Promise<WriteOutcome>;
  getBypassed(id: string): Promise<BypassedChange | undefined>;
  /** Conditional on the change having no review yet. */
  reviewBypassed(id: string, review: BypassReview): Promise<WriteOutcome>;
  outcome(sprintId: number): Promise<SprintOutcome | undefined>;
  saveOutcome(outcome: SprintOutcome): Promise<void>;
  outcomesOfBoard(boardId: number): Promise<SprintOutcome[]>;
  /** Dedupe of delivered events (Forge may deliver twice). */
  markEventSeen(eventId: string): Promise<'first' | 'duplicate'>;
  /** Deletes everything kept about a sprint (retention); returns the records deleted. */
  forgetSprint(sprintId: number): Promise<number>;
  /** Boards the scheduled reconciliation visits (those Goalkeeper has met). */
  watchBoard(boardId: number): Promise<void>;
  watchedBoards(): Promise<number[]>;
}

export interface SettingsStore {
  get(projectKey: string): Promise<ProjectSettings | undefined>;
}

/** One saved version of a project's settings: who changed what, when. */
export interface SettingsVersion {
  readonly version: number;
  readonly settings: ProjectSettings;
  readonly changedBy: string;
  readonly changedAt: string;
  /** Setting paths this version changed (e.g. 'policy.byKind.estimate'), when the store knows them. */
  readonly changedFields?: readonly string[];
}

export interface SettingsRepository extends SettingsStore {
  /** Saves as version `expectedVersion + 1`; 'conflict' if someone saved in between. */
  save(projectKey: string, settings: ProjectSettings, expectedVersion: number, byAccountId: string, at: string): Promise<WriteOutcome>;
  /** Newest first. */
  history(projectKey: string): Promise<SettingsVersion[]>;
}

/** Forge's personal data reporting: which of the accounts we hold were closed or changed. */
export interface PersonalDataReporting {
  report(accounts: readonly KnownAccount[]): Promise<{ accountId: string; status: 'updated' | 'closed' }[]>;
}

export interface KnownAccount {
  readonly accountId: string;
  /** When Goalkeeper last stored something about this account (ISO). */
  readonly updatedAt: string;
}

/** The store's side of the personal data duty: list the accountIds held; erase a closed one. */
export interface PersonalDataStore {
  knownAccounts(): Promise<KnownAccount[]>;
  /** Replaces the accountId with `tombstone` in every record, which survives; returns records touched. */
  eraseAccount(accountId: string, tombstone: string): Promise<number>;
}

export interface Clock {
  now(): Date;
}

export interface IdGenerator {
  next(): string;
}

/**
 * Forge may deliver two apply jobs at once: an apply claims the issues it changes before it checks
 * the sprint, so two approved proposals moving the same issue never both act on what only one saw.
 */
export interface IssueClaims {
  /** 'taken' when another proposal's apply holds one of the issues; a claim lapses on its own after a while. */
  claim(issueKeys: readonly string[], proposalId: string): Promise<'claimed' | 'taken'>;
  release(issueKeys: readonly string[], proposalId: string): Promise<void>;
}

/** Hands an approved proposal to the apply worker (Forge queue), off the request path. */
export interface ApplyQueue {
  enqueue(job: { proposalId: string; attempt: number }): Promise<void>;
}

/** Everything a use case may touch, built per invocation: no module-level state across sites. */
export interface Ports {
  readonly jira: JiraPort;
  readonly proposals: ProposalStore;
  readonly settings: SettingsRepository;
  readonly sprints: SprintRecordStore;
  readonly personalData: PersonalDataStore;
  readonly privacy: PersonalDataReporting;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly applyQueue: ApplyQueue;
  readonly issueClaims: IssueClaims;
  /** The goal-risk engine, injectable so tests can pick trials/seed. */
  readonly assess: (input: import('../domain/assessment').AssessmentInput) => Assessment;
}
