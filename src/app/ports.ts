/**
 * The small interfaces the use cases need from the outside world. Adapters in src/jira and
 * src/store implement them for Forge; tests and the sandbox use the same adapters against
 * local stand-ins, and in-memory twins where a test is about a rule rather than I/O.
 */
import type { Assessment, AssessmentInput } from '../domain/assessment';
import type { AuditEvent } from '../domain/audit';
import type { Proposal, ProposalStatus } from '../domain/proposal';
import type { GoalCriticalRule, ProjectSettings } from '../domain/settings';
import type { Sprint, SprintHistory, SprintIssue, SprintSnapshot } from '../domain/sprint';
import type { BypassedChange, BypassReview, SprintBaseline, SprintCapacity, SprintOutcome, SprintScope } from '../domain/sprint-record';
import type { JiraPermission } from '../domain/held-permissions';
import type { NoticeLanguage } from '../domain/notice-wording';
import type { IssueHistory } from '../domain/sprint-start-scope';

export type { GoalCriticalRule };
export type { HeldPermissions, JiraPermission } from '../domain/held-permissions';

/** What Goalkeeper needs to know about one issue, wherever it is (sprint or backlog). */
export interface IssueFacts extends SprintIssue {
  readonly projectKey: string;
  readonly projectId: string;
  /** Sprint ids the issue belongs to that are active or future (closed ones are history). */
  readonly openSprintIds: readonly number[];
  /** Those sprints themselves, where the read that found the issue gave them (else each is read by id). */
  readonly openSprints?: readonly Sprint[];
  readonly parentKey: string | null;
}

/** The active sprints a project's issues were last found in, newest first (src/jira/project-plan.ts). */
export interface ProjectPlan {
  readonly projectId: string;
  readonly sprints: readonly { readonly sprintId: number; readonly boardId: number }[];
}

export interface BoardSummary {
  readonly id: number;
  readonly name: string;
  readonly type: 'scrum' | 'kanban' | 'simple';
  readonly projectKey: string | null;
  /** The project the board belongs to, for asking whether a person may browse it; null for a board across projects. */
  readonly projectId: string | null;
}

/**
 * How a board estimates: the field holding story points (found in the site's field metadata, and
 * named so views can say which), or issue count. `fallback` says why a board is counted by issue:
 * no story-point field exists, or Jira refused or failed to give its field metadata.
 */
export type BoardEstimation = (
  { readonly kind: 'points'; readonly fieldId: string; readonly fieldName?: string } | { readonly kind: 'issue-count' }
) & {
  readonly fallback?: { readonly reason: 'not-found' | 'refused' | 'failed' };
};

/** A closed sprint as team history needs it: when it ran and when it was completed. */
export interface ClosedSprint {
  readonly id: number;
  readonly name: string;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly completeDate: string | null;
}

/** The board's newest closed sprints, and how long Jira's list of closed sprints was when read. */
export interface RecentClosedSprints {
  /** Newest first, the board's own sprints only (not ones shared onto it from another board). */
  readonly sprints: readonly ClosedSprint[];
  /** Entries in the board's closed-sprint list (shared ones included): where to start reading next time. */
  readonly listLength: number;
}

/** An issue by key, with its id where the app already read it (the bulk permission check takes ids). */
export interface IssueRef {
  readonly key: string;
  readonly id?: string;
}

/**
 * Keys among the issues a sight check asks about that are in one sprint and need only Browse: Jira
 * may be asked about them with one search as the person (`sprint = N`) when there are more issues
 * than one permission check holds (src/jira/permissions.ts).
 */
export interface SprintIssueKeys {
  readonly sprintId: number;
  readonly keys: ReadonlySet<string>;
}

/** What one person holds, as Jira answered when asked as them. */
export interface CallerGrants {
  readonly issues: ReadonlyMap<string, ReadonlySet<JiraPermission>>;
  /** Ids of the projects asked about that the person may browse. */
  readonly browsableProjectIds: ReadonlySet<string>;
}

/**
 * What an apply step writes on the entity it creates (a sub-task, a comment) as a Jira entity
 * property, with a marker made fresh when the step started and recorded in the journal: a retry
 * accepts only an entity carrying that marker as proof the step was done, never a look-alike.
 */
export interface ApplyMark {
  readonly proposalId: string;
  readonly step: string;
  readonly marker: string;
}

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
  /**
   * Per-issue permissions of the person calling, asked of Jira *as that person* (asUser): an
   * issue missing from the answer — unknown, invisible to them, or nothing held — has none.
   * Only where a user invoked the app; the apply worker has no user (see `permissionsOfApp`).
   */
  permissionsOfCaller(issueKeys: readonly string[], permissions: readonly JiraPermission[]): Promise<Map<string, Set<JiraPermission>>>;
  /**
   * What the person calling may see, in one bulk permission check asked as them (asUser): which of
   * `permissions` they hold on each issue (an issue absent had none) and which projects they may
   * browse. Issues given with their id need no lookup; keys alone are looked up as the person first
   * (one more call), which already leaves out what they cannot see. See src/app/support/visible-to-caller.ts.
   */
  sightOfCaller(
    issues: readonly IssueRef[],
    projectIds: readonly string[],
    permissions: readonly JiraPermission[],
    sprint?: SprintIssueKeys,
  ): Promise<CallerGrants>;
  /** A project-level permission of the person calling, asked as that person (e.g. ADMINISTER_PROJECTS for settings). */
  callerHasProjectPermission(projectKey: string, permission: JiraPermission): Promise<boolean>;
  /** Whether the person calling holds the global Administer Jira permission, asked as them. */
  callerAdministersJira(): Promise<boolean>;
  /** Per-issue permissions of the app's own user (asApp): what the app itself may still do in Jira. */
  permissionsOfApp(issueKeys: readonly string[], permissions: readonly JiraPermission[]): Promise<Map<string, Set<JiraPermission>>>;
  /** With a rule, `goalCritical` is evaluated (JQL included); without one it is false. */
  getIssue(issueKey: string, rule?: GoalCriticalRule): Promise<IssueFacts | null>;
  /**
   * The issue as the person calling may see it, read as them (asUser): null when it does not
   * exist or they may not browse it. One call that is both the Browse check and the read.
   */
  issueSeenByCaller(issueKey: string): Promise<IssueFacts | null>;
  /**
   * Where the project's issues were last found planned (a pointer kept by the app, never read from
   * Jira: src/jira/project-plan.ts); null when nothing is kept. A view checks it against the
   * stored snapshot before trusting it.
   */
  keptPlanOfProject(projectKey: string): Promise<ProjectPlan | null>;
  /** The site's default time zone (an IANA name), whose clock working days are counted on; UTC when Jira does not say. */
  siteTimeZone(): Promise<string>;
  /** Points the project at the active sprint one of its issues was just found in. */
  keepPlanOfProject(projectKey: string, projectId: string, sprint: { readonly sprintId: number; readonly boardId: number }): Promise<void>;
  /** Which of `issueKeys` are now in one of `sprintIds`: one key search per 100 issues (reconciliation's deferrals). */
  keysInSprints(issueKeys: readonly string[], sprintIds: readonly number[]): Promise<Set<string>>;
  /** Several issues by key in one search, points by `estimation`, goal-critical by `rule`; an issue not found is absent. */
  issuesByKeys(issueKeys: readonly string[], estimation: BoardEstimation, rule: GoalCriticalRule): Promise<Map<string, SprintIssue>>;
  boardsOfProject(projectKey: string): Promise<BoardSummary[]>;
  /** Boards of the projects the person calling may browse (asked as that person). */
  boardsVisibleToCaller(): Promise<BoardSummary[]>;
  getBoard(boardId: number): Promise<BoardSummary | null>;
  estimationOf(boardId: number): Promise<BoardEstimation>;
  activeSprint(boardId: number): Promise<Sprint | null>;
  futureSprints(boardId: number): Promise<Sprint[]>;
  getSprint(sprintId: number): Promise<Sprint | null>;
  /**
   * The board's active and future sprints for a view, kept a short while between invocations
   * (src/jira/kept-config.ts); `seen` are sprints just read from Jira (an issue's own sprint),
   * which replace or, when they contradict it, refresh what was kept. Deciding and applying use
   * `activeSprint` and `futureSprints`, read afresh.
   */
  openSprintsForView(
    boardId: number,
    seen?: readonly Sprint[],
  ): Promise<{ readonly active: Sprint | null; readonly future: readonly Sprint[] }>;
  /** Forgets the board's open sprints kept for views (a sprint event said they changed). */
  forgetOpenSprints(boardId: number): Promise<void>;
  /** The sprint's issues in rank order, with goal-critical marked per the rule. */
  sprintSnapshot(sprint: Sprint, rule: GoalCriticalRule): Promise<SprintSnapshot>;
  /**
   * One call that tells whether the sprint's issues changed since a snapshot was read: the key and
   * `updated` instant of the sprint's most recently updated issue ('empty' for an empty sprint).
   */
  sprintChangeMark(sprintId: number): Promise<string>;
  /**
   * The board's last `count` closed sprints, newest first. `listLengthHint` (the list's length
   * seen last time) lets the read start near the end of Jira's oldest-first list.
   */
  recentClosedSprints(boardId: number, count: number, listLengthHint?: number): Promise<RecentClosedSprints>;
  /**
   * The Sprint-field and estimate history of the sprint's issues and of `otherKeys` (issues known to
   * have left it), for reading the sprint back to its start (src/domain/sprint-start-scope.ts).
   */
  sprintIssueHistories(sprint: Sprint, otherKeys: readonly string[], estimation: BoardEstimation): Promise<IssueHistory[]>;
  /** Closed sprints' committed and completed points, and completed points per working day, from public endpoints; in the order given. */
  closedSprintHistories(sprints: readonly ClosedSprint[], estimation: BoardEstimation): Promise<SprintHistory[]>;
  /** Priorities the issue's edit screen allows (its edit metadata); empty when it has no priority field. */
  allowedPriorities(issueKey: string): Promise<string[]>;
  /**
   * Members of a project role, read as the app. Jira lets only project admins read role members
   * (GET /rest/api/3/project/{key}/role/{id}), so `refused` is an answer, not a failure.
   */
  projectRoleMembers(projectKey: string, roleName: string): Promise<RoleMembers>;
  projectRoleNames(projectKey: string): Promise<string[]>;
  /** Validated as the person calling (asUser), so the answer says nothing about what only the app sees. */
  validateJql(jql: string): Promise<{ valid: true } | { valid: false; errors: string[] }>;
  moveToSprint(sprintId: number, issueKeys: readonly string[]): Promise<JiraStepResult>;
  moveToBacklog(issueKeys: readonly string[]): Promise<JiraStepResult>;
  rank(issueKeys: readonly string[], position: 'before' | 'after', anchorKey: string): Promise<JiraStepResult>;
  setPriority(issueKey: string, priorityName: string): Promise<JiraStepResult>;
  setEstimate(issueKey: string, estimation: BoardEstimation, points: number): Promise<JiraStepResult>;
  /** One part of a split: a sibling of `sourceKey` (same type, same parent), with its points, moved into `sprintId`. */
  createSplitPart(
    sourceKey: string,
    part: { readonly summary: string; readonly points: number },
    estimation: BoardEstimation,
    sprintId: number,
    mark?: ApplyMark,
  ): Promise<JiraStepResult>;
  /** Posts the decision as an ADF comment that mentions the proposer, names the decider and quotes the rationale as text. */
  addDecisionComment(issueKey: string, comment: DecisionComment, mark?: ApplyMark): Promise<JiraStepResult>;
  /** Display names for UI labels; never stored (only accountIds are). */
  displayNames(accountIds: readonly string[]): Promise<Map<string, string>>;
  /**
   * People whose name matches `query`, as Jira's own user picker finds them for the person calling
   * (asUser: Jira applies their profile-visibility and Browse users rights). Apps and customers
   * are left out: neither can be a Product Owner.
   */
  searchPeople(query: string): Promise<PersonFound[]>;
  /** Which of `accountIds` are Jira user accounts (people), asked as the person calling; the rest are unknown to Jira. */
  existingPeople(accountIds: readonly string[]): Promise<Set<string>>;
  /** The key of the split part of `sourceKey` carrying `mark` (created by that very step since `since`, ISO), or null: settles an in-doubt split step. */
  markedSplitPart(sourceKey: string, mark: ApplyMark, since: string): Promise<string | null>;
  /** Whether a comment posted since `since` (ISO) carries `mark` (posted by that very step): settles an in-doubt comment step. */
  hasMarkedComment(issueKey: string, mark: ApplyMark, since: string): Promise<boolean>;
  /**
   * Jira's issue notification (an email Jira queues and delivers by each recipient's own
   * settings), sent as the person calling, to the people named who can browse the issue.
   */
  notifyAboutIssue(issueKey: string, notice: IssueNotice): Promise<JiraStepResult>;
  /** Each account's Jira profile locale (e.g. "de_DE"), where Jira tells the app; absent where it does not. */
  localesOf(accountIds: readonly string[]): Promise<Map<string, string>>;
}

/** A person the user picker found: an account id and the name Jira shows (null where their profile hides it). */
export interface PersonFound {
  readonly accountId: string;
  readonly displayName: string | null;
}

/** One notification about an issue: its words and who gets it (never the sender: Jira refuses that). */
export interface IssueNotice {
  readonly recipientAccountIds: readonly string[];
  readonly subject: string;
  /** Plain text, one paragraph each; the adapter adds the link to the issue and renders text and HTML. */
  readonly paragraphs: readonly string[];
  readonly linkLabel: string;
}

/** A role's members, or Jira's refusal to tell the app (it lacks Administer Projects there). */
export type RoleMembers =
  { readonly readable: true; readonly accountIds: readonly string[] } | { readonly readable: false; readonly roleName: string };

export interface DecisionComment {
  readonly proposalId: string;
  readonly verdict: 'approved' | 'rejected';
  /** null when the approval policy approved the change automatically. */
  readonly deciderAccountId: string | null;
  /** The decider's name as text (not a mention: the decider needs no notice); null when unknown. */
  readonly deciderName: string | null;
  /** Mentioned, so Jira tells them their proposal was decided. */
  readonly proposerAccountId: string;
  readonly rationale: string;
  /** Plain-language summary of the change in `language`, e.g. "Add ONB-31 to the active sprint". */
  readonly changeSummary: string;
  /** The decider's language: the comment's own words are written in it. */
  readonly language: NoticeLanguage;
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
  /** Creates the sprint's outcome record at close (unrecorded), or rewrites it unconditionally. */
  saveOutcome(outcome: SprintOutcome): Promise<void>;
  /** Writes a recording iff the stored outcome is still at `expectedVersion`: two POs never overwrite each other unseen. */
  recordOutcome(outcome: SprintOutcome, expectedVersion: number): Promise<WriteOutcome>;
  outcomesOfBoard(boardId: number): Promise<SprintOutcome[]>;
  /** Dedupe of delivered events (Forge may deliver twice). */
  markEventSeen(eventId: string): Promise<'first' | 'duplicate'>;
  /** Deletes everything kept about a sprint (retention); returns the records deleted. */
  forgetSprint(sprintId: number): Promise<number>;
  /** The capacity the team declared for the rest of the sprint, if any. */
  capacity(sprintId: number): Promise<SprintCapacity | undefined>;
  /** Replaces the sprint's declared capacity (the team's latest word counts). */
  saveCapacity(capacity: SprintCapacity): Promise<void>;
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

/** Hands a board's reconciliation (bypass detection) to its worker (Forge queue): a view never waits for it. */
export interface ReconcileQueue {
  enqueue(job: { boardId: number }): Promise<void>;
}

/** Everything a use case may touch, built per invocation: no module-level state across sites. */
/**
 * Team history of closed sprints, computed once from Jira and kept: a closed sprint never changes.
 * `estimationKey` names the field the points were read from and the site's time zone the days
 * were counted in (team-history.ts, historyKeyOf), so a board that changes its estimation field,
 * or a site its time zone, gets its history computed afresh.
 */
export interface StoredSprintHistory {
  readonly boardId: number;
  readonly estimationKey: string;
  readonly history: SprintHistory;
}

export interface ClosedSprintHistoryStore {
  /** The stored histories among `sprintIds`, by sprint id. */
  histories(sprintIds: readonly number[]): Promise<Map<number, StoredSprintHistory>>;
  save(entries: readonly StoredSprintHistory[]): Promise<void>;
  /** What the board's closed-sprint list said when last read, if ever. */
  closedSprintList(boardId: number): Promise<StoredClosedSprintList | undefined>;
  saveClosedSprintList(boardId: number, list: StoredClosedSprintList): Promise<void>;
}

/**
 * The board's closed-sprint list as last read: its length (where the next read starts) and, when
 * read while a sprint was active, its newest `count` sprints. A sprint closes only as the active
 * one ends, so while the same sprint is active the list's newest entries cannot have changed and
 * need not be read again (issue 12).
 */
export interface StoredClosedSprintList {
  readonly length: number;
  readonly newest?: { readonly whileActiveSprintId: number; readonly count: number; readonly sprints: readonly ClosedSprint[] };
}

/**
 * The active sprint as last read from Jira (membership in rank order, estimates, status
 * categories, goal-critical flags and what the assessment reads of each issue), kept so a view
 * need not page the sprint again (issue 12). `changeMark` is what Jira said of the sprint's
 * newest change when it was read (JiraPort.sprintChangeMark): a view reuses the snapshot only
 * while Jira still says the same. `ruleKey` names the goal-critical rule its flags were set by.
 */
export interface StoredSprintSnapshot {
  readonly snapshot: SprintSnapshot;
  readonly changeMark: string;
  readonly ruleKey: string;
  /** When it was read (ISO): events and reconciliation replace it; nothing else ages it. */
  readonly savedAt: string;
}

export interface SprintSnapshotStore {
  get(sprintId: number): Promise<StoredSprintSnapshot | undefined>;
  save(stored: StoredSprintSnapshot): Promise<void>;
  /** Drops the sprint's snapshot: the next view reads the sprint from Jira (an event said it changed). */
  forget(sprintId: number): Promise<void>;
}

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
  readonly reconcileQueue: ReconcileQueue;
  readonly issueClaims: IssueClaims;
  readonly sprintHistories: ClosedSprintHistoryStore;
  readonly sprintSnapshots: SprintSnapshotStore;
  /** The goal-risk engine, injectable so tests can pick trials/seed. */
  readonly assess: (input: AssessmentInput) => Assessment;
}
