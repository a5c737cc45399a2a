/**
 * The sandbox's Jira site: the "Onboarding" team (ONB) half-way through ONB Sprint 7, with six
 * closed sprints of history, a future sprint and a backlog; and a "Billing" project (BIL) that
 * only Ada and Fin can see, to prove cross-project denial. Dates are relative to `now`, so the
 * active sprint is always half-way through whenever the sandbox starts.
 */
import {
  PROJECT_PERMISSIONS,
  STATUSES,
  type IssueStatus,
  type IssueType,
  type JiraIssue,
  type JiraSite,
  type NewIssue,
  type ProjectRole,
  type SprintReportLine,
} from './jira-model';

export const SEED_ACCOUNTS = {
  productOwner: '557058:po-priya',
  devDana: '557058:dev-dana',
  devKofi: '557058:dev-kofi',
  devMei: '557058:dev-mei',
  stakeholder: '557058:stakeholder-sam',
  siteAdmin: '557058:admin-ada',
  billingDeveloper: '557058:billing-fin',
} as const;

/** Ids and keys the tests and sandbox pages refer to; a test checks them against the seed. */
export const SEED_FACTS = {
  onb: { projectId: '10000', projectKey: 'ONB', boardId: 1, kanbanBoardId: 3 },
  bil: { projectId: '10001', projectKey: 'BIL', boardId: 2, activeSprintId: 10, closedSprintId: 9 },
  closedSprintIds: [1, 2, 3, 4, 5, 6],
  activeSprintId: 7,
  futureSprintId: 8,
  activeSprintGoal: 'New users can sign up with SSO and finish onboarding in under 2 minutes',
  goalLabel: 'sprint-goal',
  epics: { sso: 'ONB-1', wizard: 'ONB-2', emailVerification: 'ONB-3', analytics: 'ONB-4' },
  /** Labelled `sprint-goal` in the active sprint. */
  goalCriticalKeys: ['ONB-39', 'ONB-42', 'ONB-44', 'ONB-37', 'ONB-45', 'ONB-46', 'ONB-48', 'ONB-50'],
  activeSprintKeys: {
    googleSso: 'ONB-39',
    entraSso: 'ONB-42',
    samlClockSkew: 'ONB-37',
    adminRequireSso: 'ONB-55',
    passkeySpike: 'ONB-62',
    googleClaimsSubtask: 'ONB-40',
  },
  futureSprintKeys: ['ONB-63', 'ONB-64', 'ONB-65', 'ONB-66', 'ONB-67'],
  backlogKeys: ['ONB-16', 'ONB-68', 'ONB-69', 'ONB-70', 'ONB-71', 'ONB-72', 'ONB-73', 'ONB-74', 'ONB-75', 'ONB-76'],
  /** What Jira's velocity chart shows for the closed sprints, oldest first. */
  velocity: [
    { sprintId: 1, committed: 21, completed: 18 },
    { sprintId: 2, committed: 24, completed: 21 },
    { sprintId: 3, committed: 26, completed: 13 },
    { sprintId: 4, committed: 20, completed: 23 },
    { sprintId: 5, committed: 23, completed: 21 },
    { sprintId: 6, committed: 21, completed: 21 },
  ],
  bilKeys: { epic: 'BIL-1', vatBreakdown: 'BIL-2' },
} as const;

export const DAY_MS = 24 * 60 * 60 * 1000;
const SPRINT_DAYS = 14;

export interface RoleMembers {
  readonly administrators: string[];
  readonly productOwners: string[];
  readonly developers: string[];
  readonly viewers: string[];
}

/** The permission scheme both projects share, expressed as what each role is granted. */
function rolesOf(members: RoleMembers): ProjectRole[] {
  return [
    {
      id: 10002,
      name: 'Administrators',
      description: 'Project administrators',
      grants: PROJECT_PERMISSIONS,
      memberAccountIds: members.administrators,
    },
    {
      id: 10100,
      name: 'Product Owner',
      description: 'Owns the product backlog and decides on sprint scope changes',
      grants: ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'SCHEDULE_ISSUES', 'ADD_COMMENTS', 'CREATE_ISSUES', 'MANAGE_SPRINTS_PERMISSION'],
      memberAccountIds: members.productOwners,
    },
    {
      id: 10001,
      name: 'Developers',
      description: 'The development team',
      grants: ['BROWSE_PROJECTS', 'EDIT_ISSUES', 'SCHEDULE_ISSUES', 'ADD_COMMENTS', 'CREATE_ISSUES'],
      memberAccountIds: members.developers,
    },
    {
      id: 10003,
      name: 'Viewers',
      description: 'Can browse the project, nothing more',
      grants: ['BROWSE_PROJECTS'],
      memberAccountIds: members.viewers,
    },
    // Jira adds this role for installed apps; no person is in it.
    {
      id: 10004,
      name: 'atlassian-addons-project-access',
      description: 'A project role that represents Connect and Forge apps',
      grants: PROJECT_PERMISSIONS,
      memberAccountIds: [],
    },
  ];
}

/**
 * The Onboarding team in a project's roles: Ada administers, Priya owns the product, Dana, Kofi and
 * Mei develop, Sam watches. Fresh lists on every call, as tests change one project's roles alone.
 */
export function onboardingTeamRoles(): ProjectRole[] {
  return rolesOf({
    administrators: [SEED_ACCOUNTS.siteAdmin],
    productOwners: [SEED_ACCOUNTS.productOwner],
    developers: [SEED_ACCOUNTS.devDana, SEED_ACCOUNTS.devKofi, SEED_ACCOUNTS.devMei],
    viewers: [SEED_ACCOUNTS.stakeholder],
  });
}

export function issueTypes(firstId: number, subtaskName: string): IssueType[] {
  return [
    { id: String(firstId), name: 'Epic', subtask: false, hierarchyLevel: 1 },
    { id: String(firstId + 1), name: 'Story', subtask: false, hierarchyLevel: 0 },
    { id: String(firstId + 2), name: 'Task', subtask: false, hierarchyLevel: 0 },
    { id: String(firstId + 3), name: 'Bug', subtask: false, hierarchyLevel: 0 },
    { id: String(firstId + 4), name: subtaskName, subtask: true, hierarchyLevel: -1 },
  ];
}

function seedPeopleAndProjects(site: JiraSite): void {
  const people: [string, string, string][] = [
    [SEED_ACCOUNTS.productOwner, 'Priya Raman', 'Europe/London'],
    [SEED_ACCOUNTS.devDana, 'Dana Kowalski', 'Europe/Warsaw'],
    [SEED_ACCOUNTS.devKofi, 'Kofi Mensah', 'Africa/Accra'],
    [SEED_ACCOUNTS.devMei, 'Mei Tanaka', 'Asia/Tokyo'],
    [SEED_ACCOUNTS.stakeholder, 'Sam Okafor', 'America/New_York'],
    [SEED_ACCOUNTS.siteAdmin, 'Ada Lindqvist', 'Europe/Stockholm'],
    [SEED_ACCOUNTS.billingDeveloper, 'Fin Gallagher', 'Europe/Dublin'],
  ];
  for (const [accountId, displayName, timeZone] of people) {
    site.addUser({ accountId, displayName, timeZone, emailAddress: `${displayName.split(' ')[0]?.toLowerCase()}@example.com` });
  }
  site.addProject({
    id: SEED_FACTS.onb.projectId,
    key: 'ONB',
    name: 'Onboarding',
    style: 'team-managed',
    leadAccountId: SEED_ACCOUNTS.productOwner,
    issueTypes: issueTypes(10001, 'Subtask'),
    roles: onboardingTeamRoles(),
  });
  site.addProject({
    id: SEED_FACTS.bil.projectId,
    key: 'BIL',
    name: 'Billing',
    style: 'company-managed',
    leadAccountId: SEED_ACCOUNTS.billingDeveloper,
    issueTypes: issueTypes(10101, 'Sub-task'),
    roles: rolesOf({
      administrators: [SEED_ACCOUNTS.siteAdmin],
      productOwners: [],
      developers: [SEED_ACCOUNTS.billingDeveloper],
      viewers: [],
    }),
  });
  site.priorities.push(
    { id: '1', name: 'Highest', description: 'This problem will block progress.', statusColor: '#d04437' },
    { id: '2', name: 'High', description: 'Serious problem that could block progress.', statusColor: '#f15c75' },
    { id: '3', name: 'Medium', description: 'Has the potential to affect progress.', statusColor: '#f79232' },
    { id: '4', name: 'Low', description: 'Minor problem or easily worked around.', statusColor: '#707070' },
    { id: '5', name: 'Lowest', description: 'Trivial problem with little or no impact on progress.', statusColor: '#999999' },
  );
}

interface SprintDates {
  readonly start: Date;
  readonly end: Date;
}

/**
 * Working time the active sprint has run at `now`, whatever the hour or weekday: 5⅜ working days,
 * as on the tests' pinned clock (Wednesday noon, the sprint started a week before at 09:00). A
 * sprint anchored on the calendar instead read from 31% to 63% over one week's hours, so a browser
 * test's verdict depended on when it ran.
 */
const ACTIVE_SPRINT_ELAPSED_DAYS = 5.375;

/**
 * Two-week sprints back to back (any two calendar weeks hold exactly ten working days); the active
 * one started ACTIVE_SPRINT_ELAPSED_DAYS of working time before `now`.
 */
export function sprintDates(now: Date, offsetFromActive: number): SprintDates {
  const activeStart = shiftWorkingTime(now, -ACTIVE_SPRINT_ELAPSED_DAYS);
  const start = new Date(activeStart.getTime() + offsetFromActive * SPRINT_DAYS * DAY_MS);
  return { start, end: new Date(start.getTime() + SPRINT_DAYS * DAY_MS) };
}

/** The working hours of a working date (UTC), as the forecast counts working time. */
const OPENS_MS = 9 * 60 * 60 * 1000;
const CLOSES_MS = 17 * 60 * 60 * 1000;
const WORKING_DAY_MS = CLOSES_MS - OPENS_MS;

/**
 * The instant `workingDays` of working time (Mon–Fri, 09:00–17:00 UTC) after `from`, or before it
 * when negative. Landing on a closing time forwards, it moves on to the next opening, so that a
 * whole number of days after a start lands on the next working date.
 */
export function shiftWorkingTime(from: Date, workingDays: number): Date {
  const forward = workingDays >= 0;
  let left = Math.abs(workingDays) * WORKING_DAY_MS;
  let cursor = from.getTime();
  for (;;) {
    const date = Math.floor((forward ? cursor : cursor - 1) / DAY_MS) * DAY_MS;
    if (!WEEKEND.has(new Date(date).getUTCDay())) {
      const opens = date + OPENS_MS;
      const closes = date + CLOSES_MS;
      const available = forward ? closes - Math.max(cursor, opens) : Math.min(cursor, closes) - opens;
      if (available > left || (!forward && available >= left))
        return new Date(forward ? Math.max(cursor, opens) + left : Math.min(cursor, closes) - left);
      if (available > 0) left -= available;
    }
    cursor = forward ? date + DAY_MS : date;
  }
}

type Outcome = SprintReportLine['outcome'];

/** One issue's part in a closed sprint: its outcome and, on working days of the sprint (0 = the first), when things happened. */
interface HistoryLine {
  readonly issue: JiraIssue;
  readonly outcome: Outcome;
  /** Working day its status became Done (completed issues). */
  readonly doneOnDay?: number;
  /** Working day it joined the sprint, for an issue added after the start. */
  readonly addedOnDay?: number;
  /** Working day it left the sprint (punted). */
  readonly removedOnDay?: number;
  /** The estimate at the start, when it was re-estimated on `reestimatedOnDay`. */
  readonly estimateAtStart?: number;
  readonly reestimatedOnDay?: number;
}

const WEEKEND = new Set([0, 6]);

/** A minute of working time: events fall just inside their working day, never on a boundary. */
const JUST_AFTER = 1 / (8 * 60);

/**
 * The instant of a sprint's `day`-th working day (0 = the first): `day` working days of working
 * time after the start, and a minute, so every event falls inside the sprint, on the working date
 * the day counts, and as many working days before `now` whatever the hour (sprintDates).
 */
export function onWorkingDay(start: Date, day: number): string {
  return shiftWorkingTime(start, day + JUST_AFTER).toISOString();
}

/** What the history of a sprint's issues looks like in Jira's changelog: planned in, added, removed, re-estimated, done. */
class OnboardingHistory {
  constructor(
    private readonly site: JiraSite,
    private readonly now: Date,
  ) {}

  issue(fields: Omit<NewIssue, 'projectKey'> & { readonly sprintOffset: number }): JiraIssue {
    const { sprintOffset, ...rest } = fields;
    const created = new Date(sprintDates(this.now, sprintOffset).start.getTime() - 2 * DAY_MS).toISOString();
    return this.site.createIssue({ projectKey: 'ONB', created, ...rest });
  }

  closedSprint(id: number, name: string, goal: string, lines: readonly HistoryLine[]): void {
    const { start, end } = sprintDates(this.now, id - SEED_FACTS.activeSprintId);
    this.site.addSprint({
      id,
      boardId: SEED_FACTS.onb.boardId,
      name,
      state: 'closed',
      goal,
      startDate: start.toISOString(),
      endDate: end.toISOString(),
      completeDate: end.toISOString(),
      createdDate: new Date(start.getTime() - 3 * DAY_MS).toISOString(),
    });
    const team = { kind: 'user', accountId: SEED_ACCOUNTS.devDana } as const;
    const planning = new Date(start.getTime() - DAY_MS).toISOString();
    for (const line of lines) {
      const { issue } = line;
      // Carried over from an earlier sprint: Jira moves it when that sprint completes (back to back: at this one's start).
      const carried = issue.sprintIds.length > 0;
      const joinedAt = line.addedOnDay !== undefined ? onWorkingDay(start, line.addedOnDay) : carried ? start.toISOString() : planning;
      this.site.setSprints(issue, [...issue.sprintIds, id], team, joinedAt);
      if (line.estimateAtStart !== undefined && line.reestimatedOnDay !== undefined) {
        const final = issue.points;
        issue.points = line.estimateAtStart;
        this.site.setPoints(issue, final, team, onWorkingDay(start, line.reestimatedOnDay));
      }
      if (line.removedOnDay !== undefined)
        this.site.setSprints(
          issue,
          issue.sprintIds.filter((sprintId) => sprintId !== id),
          team,
          onWorkingDay(start, line.removedOnDay),
        );
      if (line.doneOnDay !== undefined) this.site.transition(issue, STATUSES.done, team, onWorkingDay(start, line.doneOnDay));
    }
    // What Jira's own sprint report froze when the sprint closed, for comparison in tests.
    this.site.recordSprintReport(
      id,
      lines.map((line) => ({
        issueId: line.issue.id,
        estimateAtStart: line.estimateAtStart ?? line.issue.points,
        estimateAtEnd: line.issue.points,
        outcome: line.outcome,
        addedDuringSprint: line.addedOnDay !== undefined,
      })),
    );
  }
}

function seedOnboardingHistory(site: JiraSite, now: Date, epics: Record<'sso' | 'wizard' | 'email' | 'analytics', string>): JiraIssue {
  const history = new OnboardingHistory(site, now);
  // Lumpy days, as teams finish work: several items some days, none on others.
  const done = (line: JiraIssue, doneOnDay: number): HistoryLine => ({ issue: line, outcome: 'completed', doneOnDay });

  const signUpForm = history.issue({
    sprintOffset: -6,
    typeName: 'Story',
    summary: 'Sign-up form with email, password and inline validation',
    points: 5,
    parentKey: epics.wizard,
  });
  const argon = history.issue({ sprintOffset: -6, typeName: 'Task', summary: 'Store password hashes with Argon2id', points: 3 });
  const flag = history.issue({
    sprintOffset: -6,
    typeName: 'Task',
    summary: 'Feature-flag service integration for the sign-up flow',
    points: 5,
  });
  const terms = history.issue({ sprintOffset: -6, typeName: 'Story', summary: 'Terms of service acceptance with versioning', points: 3 });
  const disabledButton = history.issue({
    sprintOffset: -6,
    typeName: 'Bug',
    summary: 'Sign-up button stays disabled after correcting an invalid email',
    points: 2,
    priorityName: 'High',
  });
  const rateLimit = history.issue({ sprintOffset: -6, typeName: 'Task', summary: 'Rate-limit the sign-up API per IP address', points: 3 });
  history.closedSprint(1, 'ONB Sprint 1', 'Ship the new sign-up form behind a feature flag', [
    done(signUpForm, 6),
    done(argon, 2),
    done(flag, 9),
    { issue: terms, outcome: 'not-completed' },
    done(disabledButton, 3),
    done(rateLimit, 6),
  ]);

  const sendVerification = history.issue({
    sprintOffset: -5,
    typeName: 'Story',
    summary: 'Send a verification email on sign-up',
    points: 5,
    parentKey: epics.email,
  });
  const linkSignsIn = history.issue({
    sprintOffset: -5,
    typeName: 'Story',
    summary: 'The verification link signs the user in',
    points: 5,
    parentKey: epics.email,
  });
  const templates = history.issue({
    sprintOffset: -5,
    typeName: 'Task',
    summary: 'Email templates in the design system',
    points: 3,
    parentKey: epics.email,
  });
  const expiry = history.issue({
    sprintOffset: -5,
    typeName: 'Bug',
    summary: 'Verification link expires after 10 minutes instead of 24 hours',
    points: 3,
    priorityName: 'High',
    parentKey: epics.email,
  });
  const bounces = history.issue({
    sprintOffset: -5,
    typeName: 'Task',
    summary: 'Bounce-handling webhook from the email provider',
    points: 2,
    parentKey: epics.email,
  });
  const localisedEmails = history.issue({
    sprintOffset: -5,
    typeName: 'Story',
    summary: 'Localised verification emails (German, French, Japanese)',
    points: 3,
    parentKey: epics.email,
    status: STATUSES.todo,
  });
  history.closedSprint(2, 'ONB Sprint 2', 'Every new account verifies its email address', [
    done(terms, 1),
    done(sendVerification, 4),
    done(linkSignsIn, 8),
    done(templates, 3),
    done(expiry, 4),
    done(bounces, 9),
    // Taken out on day 5 to make room: Jira's Sprint field forgets it, so `sprint = 2` no longer finds it.
    { issue: localisedEmails, outcome: 'punted', removedOnDay: 5 },
  ]);

  const stepFramework = history.issue({
    sprintOffset: -4,
    typeName: 'Story',
    summary: 'Wizard step framework with back and next',
    points: 8,
    parentKey: epics.wizard,
  });
  const profileStep = history.issue({
    sprintOffset: -4,
    typeName: 'Story',
    summary: 'Wizard step 1: your name and role',
    points: 5,
    parentKey: epics.wizard,
  });
  const workspaceStep = history.issue({
    sprintOffset: -4,
    typeName: 'Story',
    summary: 'Wizard step 2: create or join a workspace',
    points: 3,
    parentKey: epics.wizard,
  });
  const calendarStep = history.issue({
    sprintOffset: -4,
    typeName: 'Story',
    summary: 'Wizard step 3: connect your calendar (optional)',
    points: 5,
    parentKey: epics.wizard,
  });
  const emojiCrash = history.issue({
    sprintOffset: -4,
    typeName: 'Bug',
    summary: 'Wizard crashes when the workspace name contains an emoji',
    points: 2,
    priorityName: 'High',
    parentKey: epics.wizard,
  });
  const wizardEvents = history.issue({
    sprintOffset: -4,
    typeName: 'Task',
    summary: 'Wizard analytics events: start, step, finish',
    points: 3,
    parentKey: epics.analytics,
  });
  history.closedSprint(3, 'ONB Sprint 3', 'Onboarding wizard skeleton: three steps, no dead ends', [
    { issue: stepFramework, outcome: 'not-completed' },
    done(profileStep, 5),
    done(workspaceStep, 7),
    { issue: calendarStep, outcome: 'not-completed' },
    done(emojiCrash, 2),
    done(wizardEvents, 9),
  ]);

  const skipForNow = history.issue({
    sprintOffset: -3,
    typeName: 'Story',
    summary: 'Skip-for-now on the optional wizard steps',
    points: 3,
    parentKey: epics.wizard,
  });
  const medianDashboard = history.issue({
    sprintOffset: -3,
    typeName: 'Task',
    summary: 'Dashboard: median time to finish onboarding',
    points: 2,
    parentKey: epics.analytics,
  });
  const safariHang = history.issue({
    sprintOffset: -3,
    typeName: 'Bug',
    summary: 'Calendar step hangs in Safari private windows',
    points: 3,
    priorityName: 'Highest',
    parentKey: epics.wizard,
  });
  const oldTour = history.issue({ sprintOffset: -3, typeName: 'Task', summary: 'Remove the old product-tour modal', points: 2 });
  history.closedSprint(4, 'ONB Sprint 4', 'Finish the wizard and measure how long onboarding takes', [
    done(stepFramework, 3),
    done(calendarStep, 6),
    done(skipForNow, 9),
    done(medianDashboard, 9),
    { issue: safariHang, outcome: 'completed', addedOnDay: 2, doneOnDay: 4 },
    done(oldTour, 0),
  ]);

  const samlSpike = history.issue({
    sprintOffset: -2,
    typeName: 'Task',
    summary: 'Spike: choose a SAML library',
    points: 5,
    parentKey: epics.sso,
  });
  const oidcGoogle = history.issue({
    sprintOffset: -2,
    typeName: 'Story',
    summary: 'OIDC sign-in with Google for existing accounts',
    points: 8,
    parentKey: epics.sso,
  });
  const ssoModel = history.issue({
    sprintOffset: -2,
    typeName: 'Task',
    summary: 'Tenant SSO configuration data model',
    points: 3,
    parentKey: epics.sso,
  });
  const samlLogin = history.issue({
    sprintOffset: -2,
    typeName: 'Story',
    summary: 'SAML sign-in for existing accounts',
    points: 5,
    parentKey: epics.sso,
  });
  const sameSite = history.issue({
    sprintOffset: -2,
    typeName: 'Bug',
    summary: 'Session cookie is missing the SameSite attribute',
    points: 3,
    priorityName: 'High',
  });
  const threatModel = history.issue({
    sprintOffset: -2,
    typeName: 'Task',
    summary: 'Security review of the SSO threat model',
    points: 2,
    parentKey: epics.sso,
  });
  history.closedSprint(5, 'ONB Sprint 5', 'SSO groundwork: SAML and OIDC libraries in place', [
    done(samlSpike, 1),
    // Re-estimated from 5 to 8 mid-sprint: the report keeps 5 as committed, 8 as completed.
    { issue: oidcGoogle, outcome: 'completed', estimateAtStart: 5, reestimatedOnDay: 5, doneOnDay: 8 },
    done(ssoModel, 3),
    { issue: samlLogin, outcome: 'not-completed' },
    done(sameSite, 3),
    done(threatModel, 9),
  ]);

  const metadataUpload = history.issue({
    sprintOffset: -1,
    typeName: 'Story',
    summary: 'Upload SAML metadata in admin settings',
    points: 5,
    parentKey: epics.sso,
  });
  const idpInitiated = history.issue({
    sprintOffset: -1,
    typeName: 'Story',
    summary: 'IdP-initiated SAML sign-in',
    points: 3,
    parentKey: epics.sso,
  });
  const samlLogout = history.issue({
    sprintOffset: -1,
    typeName: 'Bug',
    summary: 'SAML logout does not end the IdP session',
    points: 3,
    parentKey: epics.sso,
  });
  const certRunbook = history.issue({
    sprintOffset: -1,
    typeName: 'Task',
    summary: 'Runbook: rotating SAML signing certificates',
    points: 3,
  });
  const clockSkew = history.issue({
    sprintOffset: -1,
    typeName: 'Bug',
    summary: 'SAML assertion rejected when clock skew exceeds 30 seconds',
    points: 2,
    priorityName: 'Highest',
    parentKey: epics.sso,
    labels: ['sprint-goal', 'sso'],
    status: STATUSES.inProgress,
    flagged: true,
    assigneeAccountId: SEED_ACCOUNTS.devMei,
  });
  const idpName = history.issue({
    sprintOffset: -1,
    typeName: 'Story',
    summary: 'Show the identity provider name on the sign-in button',
    points: 2,
    parentKey: epics.sso,
  });
  history.closedSprint(6, 'ONB Sprint 6', 'Enterprise customers can sign in with SAML', [
    done(samlLogin, 2),
    done(metadataUpload, 5),
    done(idpInitiated, 4),
    done(samlLogout, 5),
    done(certRunbook, 9),
    { issue: clockSkew, outcome: 'not-completed' },
    { issue: idpName, outcome: 'completed', addedOnDay: 6, doneOnDay: 7 },
  ]);
  return clockSkew;
}

interface PlannedIssue {
  readonly type: 'Story' | 'Task' | 'Bug' | 'Subtask';
  readonly summary: string;
  readonly points?: number | null;
  readonly status?: IssueStatus;
  readonly epic?: string;
  readonly labels?: readonly string[];
  readonly priority?: string;
  readonly assignee?: string;
  readonly subtasks?: readonly { readonly summary: string; readonly status?: IssueStatus }[];
  /** For a done issue: the sprint's working day (0 = the first) it was done on, so the burn-up's daily done line has a shape. */
  readonly doneOnDay?: number;
  /** For an issue in progress: the sprint's working day it moved to In Progress on (its age, which the forecast reads). */
  readonly startedOnDay?: number;
}

/** The working day a planned issue's status category last changed: done on, else started on. */
function statusDayOf(plan: PlannedIssue): number | undefined {
  return plan.doneOnDay ?? plan.startedOnDay;
}

function createPlanned(
  site: JiraSite,
  planned: readonly PlannedIssue[],
  sprintIds: readonly number[],
  created: string,
  sprintStart?: Date,
): JiraIssue[] {
  return planned.map((plan) => {
    const statusDay = statusDayOf(plan);
    const issue = site.createIssue({
      projectKey: 'ONB',
      summary: plan.summary,
      typeName: plan.type,
      points: plan.points ?? null,
      status: plan.status ?? STATUSES.todo,
      parentKey: plan.epic ?? null,
      labels: plan.labels ?? [],
      priorityName: plan.priority ?? 'Medium',
      assigneeAccountId: plan.assignee ?? null,
      sprintIds,
      created,
      ...(statusDay !== undefined && sprintStart ? { statusSince: onWorkingDay(sprintStart, statusDay) } : {}),
    });
    for (const subtask of plan.subtasks ?? []) {
      site.createIssue({
        projectKey: 'ONB',
        summary: subtask.summary,
        typeName: 'Subtask',
        parentKey: issue.key,
        status: subtask.status ?? STATUSES.todo,
        assigneeAccountId: plan.assignee ?? null,
        created,
      });
    }
    return issue;
  });
}

const GOAL = ['sprint-goal'];

function seedOnboarding(site: JiraSite, now: Date): void {
  site.addBoard({
    id: SEED_FACTS.onb.boardId,
    name: 'ONB board',
    type: 'scrum',
    projectId: SEED_FACTS.onb.projectId,
    estimation: { fieldId: 'customfield_10016', displayName: 'Story point estimate' },
  });
  site.addBoard({
    id: SEED_FACTS.onb.kanbanBoardId,
    name: 'ONB support',
    type: 'kanban',
    projectId: SEED_FACTS.onb.projectId,
    estimation: null,
  });
  const epic = (summary: string): string =>
    site.createIssue({
      projectKey: 'ONB',
      summary,
      typeName: 'Epic',
      status: STATUSES.inProgress,
      created: sprintDates(now, -7).start.toISOString(),
    }).key;
  const epics = {
    sso: epic('SSO sign-up'),
    wizard: epic('Onboarding wizard v2'),
    email: epic('Email verification'),
    analytics: epic('Activation analytics'),
  };
  const clockSkew = seedOnboardingHistory(site, now, epics);

  const active = sprintDates(now, 0);
  site.addSprint({
    id: SEED_FACTS.activeSprintId,
    boardId: SEED_FACTS.onb.boardId,
    name: 'ONB Sprint 7',
    state: 'active',
    goal: SEED_FACTS.activeSprintGoal,
    startDate: active.start.toISOString(),
    endDate: active.end.toISOString(),
    completeDate: null,
    createdDate: new Date(active.start.getTime() - 3 * DAY_MS).toISOString(),
  });
  // Carried over: Jira moved it into Sprint 7 when Sprint 6 completed.
  site.setSprints(
    clockSkew,
    [...clockSkew.sprintIds, SEED_FACTS.activeSprintId],
    { kind: 'user', accountId: SEED_ACCOUNTS.devMei },
    active.start.toISOString(),
  );
  const plannedAt = new Date(active.start.getTime() - 2 * DAY_MS).toISOString();
  const activeIssues = createPlanned(
    site,
    [
      {
        type: 'Story',
        summary: 'Sign up with Google Workspace SSO',
        points: 3,
        status: STATUSES.inProgress,
        startedOnDay: 0,
        epic: epics.sso,
        labels: GOAL,
        priority: 'High',
        assignee: SEED_ACCOUNTS.devDana,
        subtasks: [
          { summary: 'Map Google profile claims to the user record', status: STATUSES.done },
          { summary: 'Retry screen for failed SSO callbacks', status: STATUSES.inProgress },
        ],
      },
      {
        type: 'Story',
        summary: 'Sign up with Microsoft Entra ID SSO',
        points: 3,
        epic: epics.sso,
        labels: GOAL,
        priority: 'High',
        assignee: SEED_ACCOUNTS.devKofi,
        subtasks: [{ summary: 'Register the staging app in our Entra ID tenant' }],
      },
      {
        type: 'Story',
        summary: 'Create the account just in time on first SSO sign-in',
        points: 2,
        status: STATUSES.done,
        doneOnDay: 1,
        epic: epics.sso,
        labels: GOAL,
        priority: 'High',
        assignee: SEED_ACCOUNTS.devDana,
      },
      {
        type: 'Story',
        summary: 'Wizard: name your workspace in one step',
        points: 2,
        status: STATUSES.done,
        doneOnDay: 0,
        epic: epics.wizard,
        labels: GOAL,
        assignee: SEED_ACCOUNTS.devMei,
      },
      {
        type: 'Story',
        summary: 'Wizard: inviting teammates can be skipped',
        points: 1,
        status: STATUSES.done,
        doneOnDay: 2,
        epic: epics.wizard,
        labels: GOAL,
        assignee: SEED_ACCOUNTS.devMei,
      },
      {
        type: 'Story',
        summary: 'Show how many onboarding steps are left',
        points: 1,
        status: STATUSES.done,
        doneOnDay: 2,
        epic: epics.wizard,
        assignee: SEED_ACCOUNTS.devMei,
      },
      {
        type: 'Task',
        summary: 'Measure time from sign-up to finished onboarding',
        points: 2,
        status: STATUSES.inProgress,
        startedOnDay: 2,
        epic: epics.analytics,
        labels: GOAL,
        priority: 'High',
        assignee: SEED_ACCOUNTS.devKofi,
        subtasks: [{ summary: 'Add the onboarding_completed event to the analytics schema', status: STATUSES.done }],
      },
      {
        type: 'Story',
        summary: 'Skip email verification for SSO-verified domains',
        points: 2,
        status: STATUSES.done,
        doneOnDay: 3,
        epic: epics.email,
        labels: GOAL,
        priority: 'High',
        assignee: SEED_ACCOUNTS.devDana,
        subtasks: [{ summary: 'Verified-domain allowlist in admin settings', status: STATUSES.done }],
      },
      {
        type: 'Bug',
        summary: 'Verification email lands in spam for Outlook.com addresses',
        points: 2,
        status: STATUSES.inProgress,
        startedOnDay: 3,
        epic: epics.email,
        priority: 'High',
        assignee: SEED_ACCOUNTS.devKofi,
      },
      {
        type: 'Story',
        summary: 'Resend the verification email with a 60-second cooldown',
        points: 1,
        status: STATUSES.done,
        doneOnDay: 1,
        epic: epics.email,
      },
      {
        type: 'Bug',
        summary: 'Wizard loses entered data on the browser back button',
        points: 1,
        status: STATUSES.done,
        doneOnDay: 3,
        epic: epics.wizard,
      },
      { type: 'Story', summary: 'Admins can require SSO for all new members', points: 2, epic: epics.sso },
      { type: 'Task', summary: 'Load-test the sign-up endpoint at 50 requests per second', points: 1 },
      { type: 'Task', summary: 'Update the privacy notice for the SSO data we store', points: 1, priority: 'Low' },
      { type: 'Bug', summary: 'Sign-up form accepts emails with trailing spaces', points: 1, status: STATUSES.done, doneOnDay: 0 },
      {
        type: 'Story',
        summary: 'Copy review: welcome screen and empty states',
        points: 1,
        status: STATUSES.inProgress,
        startedOnDay: 4,
        priority: 'Low',
      },
      { type: 'Task', summary: 'Remove the legacy /signup/v1 route', points: 1, status: STATUSES.done, doneOnDay: 3, priority: 'Low' },
      { type: 'Bug', summary: 'Avatar upload fails for HEIC photos from iPhones', points: 1, priority: 'Low' },
      { type: 'Task', summary: 'Spike: passkeys as a sign-in option', points: null, priority: 'Lowest' },
    ],
    [SEED_FACTS.activeSprintId],
    plannedAt,
    active.start,
  );
  // The carried-over bug was created a sprint ago; the team ranked it right under the JIT story.
  const justInTime = activeIssues[2];
  if (!justInTime) throw new Error('The seed lost its just-in-time story');
  site.rank([clockSkew], 'after', justInTime, { kind: 'app' });

  const future = sprintDates(now, 1);
  site.addSprint({
    id: SEED_FACTS.futureSprintId,
    boardId: SEED_FACTS.onb.boardId,
    name: 'ONB Sprint 8',
    state: 'future',
    goal: 'Okta SSO and an onboarding checklist on the home page',
    startDate: future.start.toISOString(),
    endDate: future.end.toISOString(),
    completeDate: null,
    createdDate: plannedAt,
  });
  createPlanned(
    site,
    [
      { type: 'Story', summary: 'Sign up with Okta SSO', points: 5, epic: epics.sso, priority: 'High' },
      { type: 'Story', summary: 'Onboarding checklist on the home page', points: 3, epic: epics.wizard },
      { type: 'Task', summary: 'Funnel dashboard: sign-up to activation', points: 3, epic: epics.analytics },
      { type: 'Bug', summary: 'Timezone detection is wrong for UTC+5:30 users', points: 2 },
      { type: 'Story', summary: 'Magic-link sign-in for people without SSO', points: 5, epic: epics.email },
    ],
    [SEED_FACTS.futureSprintId],
    plannedAt,
  );
  createPlanned(
    site,
    [
      // A stakeholder counts GitHub as SSO for the developer audience: goal-critical, but not planned in.
      { type: 'Story', summary: 'Sign up with GitHub', points: 3, epic: epics.sso, labels: GOAL },
      { type: 'Story', summary: 'SCIM provisioning for enterprise tenants', points: 8, epic: epics.sso },
      { type: 'Story', summary: 'Translate the onboarding wizard into German and Japanese', points: 5, epic: epics.wizard },
      { type: 'Story', summary: 'Dark mode for the onboarding wizard', points: 2, epic: epics.wizard, priority: 'Low' },
      { type: 'Story', summary: 'Changing your email address requires re-verification', points: 3, epic: epics.email },
      { type: 'Story', summary: 'Bulk-invite teammates from a CSV file', points: 5, epic: epics.wizard },
      { type: 'Task', summary: 'Accessibility audit of the sign-up flow (WCAG 2.2 AA)', points: 3 },
      { type: 'Bug', summary: 'Password strength meter ignores non-Latin characters', points: 1, priority: 'Low' },
      { type: 'Task', summary: 'Move the session store to Redis 7', points: null, priority: 'Low' },
    ],
    [],
    plannedAt,
  );
}

function seedBilling(site: JiraSite, now: Date): void {
  site.addBoard({
    id: SEED_FACTS.bil.boardId,
    name: 'BIL board',
    type: 'scrum',
    projectId: SEED_FACTS.bil.projectId,
    estimation: { fieldId: 'customfield_10028', displayName: 'Story Points' },
  });
  const closed = sprintDates(now, -1);
  const active = sprintDates(now, 0);
  site.addSprint({
    id: SEED_FACTS.bil.closedSprintId,
    boardId: SEED_FACTS.bil.boardId,
    name: 'BIL Sprint 11',
    state: 'closed',
    goal: 'Invoice numbers are unique per legal entity',
    startDate: closed.start.toISOString(),
    endDate: closed.end.toISOString(),
    completeDate: closed.end.toISOString(),
    createdDate: closed.start.toISOString(),
  });
  site.addSprint({
    id: SEED_FACTS.bil.activeSprintId,
    boardId: SEED_FACTS.bil.boardId,
    name: 'BIL Sprint 12',
    state: 'active',
    goal: 'Invoices show correct VAT for EU customers',
    startDate: active.start.toISOString(),
    endDate: active.end.toISOString(),
    completeDate: null,
    createdDate: active.start.toISOString(),
  });
  const bil = (fields: Omit<NewIssue, 'projectKey'>): JiraIssue =>
    site.createIssue({ projectKey: 'BIL', reporterAccountId: SEED_ACCOUNTS.billingDeveloper, ...fields });
  const vatEpic = bil({ summary: 'EU VAT compliance', typeName: 'Epic', status: STATUSES.inProgress });
  const activeSprint = [SEED_FACTS.bil.activeSprintId];
  bil({
    summary: 'Show the VAT breakdown per line on the invoice PDF',
    typeName: 'Story',
    points: 5,
    status: STATUSES.inProgress,
    parentKey: vatEpic.key,
    sprintIds: activeSprint,
    priorityName: 'High',
  });
  bil({
    summary: 'VAT charged twice for reverse-charge customers',
    typeName: 'Bug',
    points: 3,
    parentKey: vatEpic.key,
    sprintIds: activeSprint,
    priorityName: 'Highest',
  });
  bil({
    summary: 'Validate VAT numbers against VIES',
    typeName: 'Task',
    points: 3,
    status: STATUSES.done,
    parentKey: vatEpic.key,
    sprintIds: activeSprint,
  });
  bil({ summary: 'Export invoices as CSV for accountants', typeName: 'Story', points: 2 });
  // Planned into BIL Sprint 11 when created, done on its fifth and ninth working days.
  const plannedBeforeClosed = new Date(closed.start.getTime() - 2 * DAY_MS).toISOString();
  const closedSprint = { sprintIds: [SEED_FACTS.bil.closedSprintId], status: STATUSES.done, created: plannedBeforeClosed } as const;
  const numbering = bil({
    summary: 'Invoice numbering per legal entity',
    typeName: 'Story',
    points: 5,
    ...closedSprint,
    statusSince: onWorkingDay(closed.start, 4),
  });
  const gaps = bil({
    summary: 'Gaps in invoice numbers after failed payments',
    typeName: 'Bug',
    points: 3,
    ...closedSprint,
    statusSince: onWorkingDay(closed.start, 8),
  });
  site.recordSprintReport(
    SEED_FACTS.bil.closedSprintId,
    [numbering, gaps].map((issue) => ({
      issueId: issue.id,
      estimateAtStart: issue.points,
      estimateAtEnd: issue.points,
      outcome: 'completed' as const,
      addedDuringSprint: false,
    })),
  );
}

/** Seeds one site: ONB with its history and BIL. `now` anchors every date. */
export function seedGoalkeeperSite(site: JiraSite, now: Date = new Date()): void {
  seedPeopleAndProjects(site);
  seedOnboarding(site, now);
  seedBilling(site, now);
}
