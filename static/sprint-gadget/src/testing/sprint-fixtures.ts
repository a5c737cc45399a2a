/**
 * Realistic sprint-view data for component tests, after the sandbox seed: the Onboarding team
 * (ONB) half-way through ONB Sprint 7, goal "SSO sign-up and onboarding in under 2 minutes".
 * Churn and the burn-up's scope line are computed by the backend's own pure domain functions from
 * the applied proposals and bypassed changes below, so the figures are exactly what
 * getSprintViewState would send. By hand, against the committed 30 points / 11 issues:
 *
 *   ONB-16 added through Goalkeeper       +5   (stakeholder request)
 *   ONB-61 deferred through Goalkeeper    −3   (dependency)
 *   ONB-39 re-estimated 2 → 3, policy      +1   (estimate learned)
 *   ONB-69 added directly in Jira          +2   (bypassed)
 *   ONB-58 re-estimated 3 → 1 in Jira      −2   (bypassed)
 *
 *   added 2 issues / 7 points, deferred 1 / 3, up 1 / 1, down 1 / 2, removed 0 / 0;
 *   gross churn (7 + 0 + 3 + 1 + 2) / 30 = 43%; net +3 points; Goalkeeper 3 / 9, bypassed 2 / 4.
 */
import {
  type Assessment,
  type BypassedChange,
  type Calibration,
  calibrationOf,
  computeChurn,
  doneByDay,
  type Proposal,
  type QueuedProposal,
  type ReadySprintView,
  type RiskLevel,
  scopeChangesOf,
  scopeLine,
  type SprintOutcome,
  type SprintViewState,
} from '@goalkeeper/contract';
import { DANA_DEVELOPER, KOFI_DEVELOPER, PRIYA_PRODUCT_OWNER, SAM_STAKEHOLDER, peopleMap } from '../../../shared/testing/people';

export const PEOPLE: Readonly<Record<string, string>> = peopleMap(PRIYA_PRODUCT_OWNER, DANA_DEVELOPER, KOFI_DEVELOPER, SAM_STAKEHOLDER);

export const SPRINT_GOAL = 'New users can sign up with SSO and finish onboarding in under 2 minutes';
const NOW = '2026-11-20T14:00:00.000Z';

/** The 9 points done so far and when each was done: 2, 2, 5, 7 and 9 points by the end of Monday to Friday. */
export const DONE_ISSUES = [
  { points: 2, statusCategory: 'done', doneAt: '2026-11-16T15:00:00.000Z' },
  { points: 3, statusCategory: 'done', doneAt: '2026-11-18T11:00:00.000Z' },
  { points: 2, statusCategory: 'done', doneAt: '2026-11-19T16:00:00.000Z' },
  { points: 2, statusCategory: 'done', doneAt: '2026-11-20T10:00:00.000Z' },
] as const;

export function assessment(level: RiskLevel, pGoalBefore: number, pGoalAfter: number, extra: Partial<Assessment> = {}): Assessment {
  const figures = (pGoal: number) => ({
    pGoal,
    p50Points: 11,
    p85Points: 8,
    goalCriticalPointsLeft: 12,
    totalPointsLeft: 17,
    capacityLine: { index: 4, aboveKeys: ['ONB-37', 'ONB-39', 'ONB-42', 'ONB-48'], belowKeys: ['ONB-46', 'ONB-55', 'ONB-62'] },
  });
  return {
    level,
    reasons: [],
    before: figures(pGoalBefore),
    after: figures(pGoalAfter),
    suggestions: [],
    unit: 'points',
    workingDaysLeft: 6,
    trials: 2000,
    seed: 7,
    basis: 'history',
    assessedAt: NOW,
    ...extra,
  };
}

export function proposal(overrides: Partial<Proposal> & Pick<Proposal, 'id' | 'issueKey' | 'change'>): Proposal {
  return {
    issueId: `100${overrides.issueKey.split('-')[1]}`,
    projectKey: 'ONB',
    boardId: 1,
    sprintId: 7,
    proposerAccountId: DANA_DEVELOPER,
    reason: { category: 'stakeholder-request', text: 'Acme’s security team asked for it before their pilot.' },
    createdAt: '2026-11-20T09:30:00.000Z',
    pointsAtProposal: { [overrides.issueKey]: 3 },
    status: 'proposed',
    needsProductOwner: true,
    assessment: assessment('caution', 0.66, 0.55),
    threatAcknowledged: false,
    decision: null,
    apply: null,
    staleReason: null,
    version: 1,
    ...overrides,
  };
}

function applied(
  at: string,
  rest: Partial<Proposal> & Pick<Proposal, 'id' | 'issueKey' | 'change' | 'reason'>,
  decider: string | null,
  rationale: string,
): Proposal {
  return proposal({
    createdAt: new Date(Date.parse(at) - 3_600_000).toISOString(),
    status: 'applied',
    version: 3,
    decision: { verdict: 'approved', deciderAccountId: decider, rationale, decidedAt: at, assessment: assessment('safe', 0.72, 0.7) },
    apply: { attempts: 1, steps: [{ name: 'Move the issue in Jira', status: 'done', at, detail: '' }], lastError: null, finishedAt: at },
    ...rest,
  });
}

export const DECIDED: readonly Proposal[] = [
  applied(
    '2026-11-19T16:00:00.000Z',
    {
      id: 'prop-0005',
      issueKey: 'ONB-39',
      change: { kind: 'estimate', points: 3 },
      pointsAtProposal: { 'ONB-39': 2 },
      needsProductOwner: false,
      reason: { category: 'estimate-learned', text: 'The Google claims mapping needs a retry screen too.' },
    },
    null,
    'Auto-approved: the approval policy lets the Developers make this change without the Product Owner.',
  ),
  applied(
    '2026-11-19T11:00:00.000Z',
    {
      id: 'prop-0002',
      issueKey: 'ONB-61',
      change: { kind: 'defer' },
      proposerAccountId: KOFI_DEVELOPER,
      reason: { category: 'dependency', text: 'Waits for the design review on Thursday.' },
    },
    PRIYA_PRODUCT_OWNER,
    'Not goal-critical, and the design review decides its shape anyway.',
  ),
  applied(
    '2026-11-18T10:00:00.000Z',
    {
      id: 'prop-0001',
      issueKey: 'ONB-16',
      change: { kind: 'add' },
      pointsAtProposal: { 'ONB-16': 5 },
      reason: { category: 'stakeholder-request', text: 'Acme signs on Friday only if SAML works.' },
    },
    PRIYA_PRODUCT_OWNER,
    'Acme’s SSO deadline moved up; the passkey spike can slip.',
  ),
];

export const BYPASSED: readonly BypassedChange[] = [
  {
    id: 'bypass-ONB-69-added',
    sprintId: 7,
    issueKey: 'ONB-69',
    kind: 'added',
    at: '2026-11-20T08:00:00.000Z',
    pointsBefore: null,
    pointsAfter: 2,
    source: 'bypassed',
    reasonCategory: null,
    proposalId: null,
    rationale: null,
    actorAccountId: KOFI_DEVELOPER,
    detectedBy: 'reconciliation',
    review: null,
  },
  {
    id: 'bypass-ONB-58-estimate',
    sprintId: 7,
    issueKey: 'ONB-58',
    kind: 're-estimated',
    at: '2026-11-20T12:00:00.000Z',
    pointsBefore: 3,
    pointsAfter: 1,
    source: 'bypassed',
    reasonCategory: null,
    proposalId: null,
    rationale: null,
    actorAccountId: DANA_DEVELOPER,
    detectedBy: 'event',
    review: {
      reviewerAccountId: PRIYA_PRODUCT_OWNER,
      verdict: 'noted',
      note: 'Dana split the work; the rest moved to ONB-70.',
      at: '2026-11-20T13:00:00.000Z',
    },
  },
];

export const QUEUE: readonly QueuedProposal[] = [
  {
    proposal: proposal({
      id: 'prop-0006',
      issueKey: 'ONB-68',
      change: { kind: 'add' },
      pointsAtProposal: { 'ONB-68': 5 },
      createdAt: '2026-11-20T09:30:00.000Z',
      version: 1,
    }),
    assessmentNow: assessment('threat', 0.64, 0.41, {
      reasons: [
        { code: 'p-goal-drop', message: 'P(goal) drops from 64% to 41%', figures: { pGoalBefore: 0.64, pGoalAfter: 0.41, drop: 0.23 } },
      ],
    }),
  },
  {
    proposal: proposal({
      id: 'prop-0004',
      issueKey: 'ONB-55',
      change: { kind: 'remove' },
      proposerAccountId: KOFI_DEVELOPER,
      pointsAtProposal: { 'ONB-55': 2 },
      createdAt: '2026-11-19T15:00:00.000Z',
      reason: { category: 'other', text: 'Admins requiring SSO is not needed for the pilot.' },
      assessment: assessment('safe', 0.66, 0.7),
      version: 2,
    }),
    assessmentNow: assessment('safe', 0.64, 0.71),
  },
];

export const OUTCOMES: readonly SprintOutcome[] = [
  {
    sprintId: 6,
    boardId: 1,
    sprintName: 'ONB Sprint 6',
    goal: 'SAML for enterprise tenants',
    outcome: null,
    note: '',
    recordedBy: null,
    closedAt: '2026-11-16T08:00:00.000Z',
    committedPoints: 21,
    grossChurn: 0.19,
  },
  {
    sprintId: 4,
    boardId: 1,
    sprintName: 'ONB Sprint 4',
    goal: 'Finish the wizard and measure how long onboarding takes',
    outcome: 'met',
    note: '',
    recordedBy: PRIYA_PRODUCT_OWNER,
    closedAt: '2026-10-19T08:00:00.000Z',
    committedPoints: 20,
    grossChurn: 0.1,
  },
  {
    sprintId: 5,
    boardId: 1,
    sprintName: 'ONB Sprint 5',
    goal: 'OIDC and SAML sign-in for existing accounts',
    outcome: 'partly',
    note: 'SAML logout slipped.',
    recordedBy: PRIYA_PRODUCT_OWNER,
    closedAt: '2026-11-02T08:00:00.000Z',
    committedPoints: 23,
    grossChurn: null,
  },
];

/** What a board with two recorded outcomes has: too few sprints to say anything yet. */
export const NO_CALIBRATION_YET: Calibration = calibrationOf([
  { sprintId: 4, pGoal: 0.72, met: true },
  { sprintId: 5, pGoal: 0.41, met: false },
]);

/** Six closed sprints whose goals were met about as often as Goalkeeper said. */
export const CALIBRATED: Calibration = calibrationOf([
  { sprintId: 1, pGoal: 0.31, met: false },
  { sprintId: 1, pGoal: 0.28, met: true },
  { sprintId: 2, pGoal: 0.34, met: false },
  { sprintId: 3, pGoal: 0.52, met: true },
  { sprintId: 4, pGoal: 0.55, met: false },
  { sprintId: 5, pGoal: 0.83, met: true },
  { sprintId: 6, pGoal: 0.86, met: true },
  { sprintId: 6, pGoal: 0.81, met: true },
]);

const COMMITTED = { points: 30, count: 11 };
const CHANGES = [...DECIDED.flatMap(scopeChangesOf), ...BYPASSED];

export function readyState(overrides: Partial<ReadySprintView> = {}): ReadySprintView {
  return {
    kind: 'ready',
    hidden: { issues: 0, board: false },
    sprintCoverage: null,
    board: { id: 1, name: 'ONB board' },
    sprint: {
      id: 7,
      name: 'ONB Sprint 7',
      goal: SPRINT_GOAL,
      startDate: '2026-11-16T09:00:00.000Z',
      endDate: '2026-11-30T17:00:00.000Z',
      workingDaysLeft: 6,
    },
    goalItems: { done: 2, inProgress: 3, todo: 2 },
    risk: assessment('caution', 0.64, 0.64),
    trend: [
      { kind: 'decision', at: '2026-11-18T10:00:00.000Z', pGoal: 0.7, issueKey: 'ONB-16', verdict: 'approved' },
      { kind: 'decision', at: '2026-11-19T11:00:00.000Z', pGoal: 0.72, issueKey: 'ONB-61', verdict: 'approved' },
      { kind: 'now', at: NOW, pGoal: 0.64 },
    ],
    ranked: [
      {
        key: 'ONB-37',
        summary: 'SAML assertion rejected when clock skew exceeds 30 seconds',
        points: 3,
        goalCritical: true,
        statusCategory: 'in-progress',
        aboveCapacityLine: true,
      },
      {
        key: 'ONB-39',
        summary: 'Sign up with Google Workspace SSO',
        points: 3,
        goalCritical: true,
        statusCategory: 'in-progress',
        aboveCapacityLine: true,
      },
      {
        key: 'ONB-44',
        summary: 'Create the account just in time on first SSO sign-in',
        points: 2,
        goalCritical: true,
        statusCategory: 'done',
        aboveCapacityLine: true,
      },
      {
        key: 'ONB-42',
        summary: 'Sign up with Microsoft Entra ID SSO',
        points: 3,
        goalCritical: true,
        statusCategory: 'todo',
        aboveCapacityLine: true,
      },
      {
        key: 'ONB-48',
        summary: 'Measure time from sign-up to finished onboarding',
        points: 2,
        goalCritical: true,
        statusCategory: 'in-progress',
        aboveCapacityLine: true,
      },
      {
        key: 'ONB-46',
        summary: 'Wizard: inviting teammates can be skipped',
        points: 1,
        goalCritical: true,
        statusCategory: 'todo',
        aboveCapacityLine: false,
      },
      {
        key: 'ONB-55',
        summary: 'Admins can require SSO for all new members',
        points: 2,
        goalCritical: false,
        statusCategory: 'todo',
        aboveCapacityLine: false,
      },
      {
        key: 'ONB-50',
        summary: 'Skip email verification for SSO-verified domains',
        points: 2,
        goalCritical: true,
        statusCategory: 'done',
        aboveCapacityLine: true,
      },
      {
        key: 'ONB-62',
        summary: 'Spike: passkeys as a second factor',
        points: 3,
        goalCritical: false,
        statusCategory: 'todo',
        aboveCapacityLine: false,
      },
    ],
    queue: QUEUE,
    // The whole queue and log fit on one page unless a test says otherwise.
    queueTotal: (overrides.queue ?? QUEUE).length,
    decisions: DECIDED,
    decisionsTotal: (overrides.decisions ?? DECIDED).length,
    churn: computeChurn(COMMITTED, CHANGES, true),
    baselineSource: 'sprint-start',
    baselineTakenAt: '2026-11-16T09:00:00.000Z',
    burnUp: {
      scope: scopeLine('2026-11-16T09:00:00.000Z', COMMITTED.points, CHANGES),
      donePoints: 9,
      doneByDay: doneByDay(DONE_ISSUES, '2026-11-16T09:00:00.000Z', '2026-11-30T17:00:00.000Z', NOW),
      now: NOW,
    },
    bypassed: BYPASSED,
    outcomes: OUTCOMES,
    calibration: NO_CALIBRATION_YET,
    capacity: null,
    minRationaleChars: 10,
    allowSelfApproval: false,
    viewer: { accountId: DANA_DEVELOPER, isProductOwner: false, ownProposals: null },
    productOwnerIds: [PRIYA_PRODUCT_OWNER],
    people: PEOPLE,
    unavailable: [],
    ...overrides,
  };
}

/** Priya, the board's only Product Owner, under the default rule for her own proposals (decide with a note). */
export const AS_PRODUCT_OWNER: Pick<ReadySprintView, 'viewer'> = {
  viewer: { accountId: PRIYA_PRODUCT_OWNER, isProductOwner: true, ownProposals: 'sole-product-owner' },
};

export const NOT_SCRUM: SprintViewState = { kind: 'not-scrum', board: { id: 3, name: 'ONB Kanban' } };

export const NO_ACTIVE_SPRINT: SprintViewState = {
  kind: 'no-active-sprint',
  board: { id: 1, name: 'ONB board' },
  outcomes: OUTCOMES,
  calibration: NO_CALIBRATION_YET,
  viewer: { accountId: DANA_DEVELOPER, isProductOwner: false, ownProposals: null },
  productOwnerIds: [PRIYA_PRODUCT_OWNER],
  people: PEOPLE,
  unavailable: [],
};
