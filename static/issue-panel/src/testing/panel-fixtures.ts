/**
 * Realistic issue-panel data for component tests, after the sandbox's ONB project: a running
 * sprint with an SSO goal, and the seed's developer Dana, Product Owner Priya and stakeholder Sam
 * (static/shared/testing/people.ts).
 */
import {
  DEFAULT_POLICY,
  type ApprovalRoute,
  type Assessment,
  type ForecastFigures,
  type IssuePanelState,
  type IssueSummaryView,
  type Proposal,
  type RiskLevel,
} from '@goalkeeper/contract';
import { DANA_DEVELOPER, PRIYA_PRODUCT_OWNER, SAM_STAKEHOLDER, peopleMap } from '../../../shared/testing/people';

/** A second Product Owner, whom the sandbox seed does not have: only the panel's tests need one. */
export const OLIVER_PRODUCT_OWNER = '557058:po-oliver';

export const PEOPLE: Readonly<Record<string, string>> = {
  ...peopleMap(DANA_DEVELOPER, PRIYA_PRODUCT_OWNER, SAM_STAKEHOLDER),
  [OLIVER_PRODUCT_OWNER]: 'Oliver Owens',
};

export const SPRINT_ISSUES: readonly IssueSummaryView[] = [
  { key: 'ONB-3', summary: 'SSO login with Okta', points: 5, statusCategory: 'in-progress', goalCritical: true },
  { key: 'ONB-5', summary: 'Sign-up form under 2 minutes', points: 3, statusCategory: 'todo', goalCritical: true },
  { key: 'ONB-9', summary: 'Polish the welcome e-mail', points: 2, statusCategory: 'todo', goalCritical: false },
  { key: 'ONB-11', summary: 'Audit log export', points: 3, statusCategory: 'todo', goalCritical: false },
];

function figures(pGoal: number, overrides: Partial<ForecastFigures> = {}): ForecastFigures {
  return {
    pGoal,
    p50Points: 11,
    p85Points: 8,
    goalCriticalPointsLeft: 8,
    totalPointsLeft: 13,
    capacityLine: { index: 3, aboveKeys: ['ONB-3', 'ONB-5', 'ONB-9'], belowKeys: ['ONB-11'] },
    ...overrides,
  };
}

export function assessment(level: RiskLevel, pGoalBefore: number, pGoalAfter: number, extra: Partial<Assessment> = {}): Assessment {
  return {
    level,
    reasons: [],
    before: figures(pGoalBefore),
    after: figures(pGoalAfter, { totalPointsLeft: 18 }),
    suggestions: [],
    unit: 'points',
    workingDaysLeft: 6,
    trials: 2000,
    seed: 7,
    basis: 'history',
    assessedAt: '2026-11-20T10:00:00.000Z',
    ...extra,
  };
}

/** Adding ONB-14 (5 points) pushes the goal-critical work past the expected capacity. */
export const THREAT: Assessment = assessment('threat', 0.78, 0.41, {
  reasons: [
    {
      code: 'p-goal-drop',
      message: 'P(goal) drops from 78% to 41% (−37 points)',
      figures: { pGoalBefore: 0.78, pGoalAfter: 0.41, drop: 0.37 },
    },
    { code: 'scope-added', message: 'Adds 5 pts of work (13 → 18 pts left)', figures: { added: 5, workLeftBefore: 13, workLeftAfter: 18 } },
  ],
  suggestions: [
    {
      kind: 'defer-to-make-room',
      issueKeys: ['ONB-9', 'ONB-11'],
      points: 5,
      pGoalAfter: 0.8,
      message: 'Defer ONB-9 (2 pts) and ONB-11 (3 pts) to keep P(goal) ≥ 80%',
    },
  ],
});

export const SAFE: Assessment = assessment('safe', 0.78, 0.8);

/** What the backend's approvalRoute (src/domain/approval-policy.ts) answers for the default policy, which the panel fixture shows. */
export const BY_PRODUCT_OWNER: ApprovalRoute = {
  needsProductOwner: true,
  because: 'change-kind',
  message: 'The approval policy gives this kind of change to the Product Owner.',
};
export const BY_DEVELOPERS: ApprovalRoute = {
  needsProductOwner: false,
  because: null,
  message: 'The approval policy lets the Developers make this change; it is logged.',
};

export function panelState(overrides: Partial<IssuePanelState> = {}): IssuePanelState {
  return {
    issue: {
      key: 'ONB-14',
      summary: 'Support SAML for enterprise tenants',
      points: 5,
      statusCategory: 'todo',
      goalCritical: false,
      inActiveSprint: false,
      priorityName: 'Medium',
    },
    board: { id: 1, name: 'ONB board' },
    sprint: {
      id: 7,
      name: 'ONB Sprint 7',
      goal: 'SSO sign-up under 2 minutes',
      startDate: '2026-11-16T09:00:00Z',
      endDate: '2026-11-30T17:00:00Z',
      workingDaysLeft: 6,
    },
    nextSprint: { id: 8, name: 'ONB Sprint 8' },
    risk: assessment('caution', 0.78, 0.78),
    sprintIssues: SPRINT_ISSUES,
    proposals: [],
    availableKinds: ['add', 'swap'],
    approvalByKind: { add: BY_PRODUCT_OWNER, swap: BY_PRODUCT_OWNER },
    policy: DEFAULT_POLICY,
    viewer: { accountId: DANA_DEVELOPER, isProductOwner: false, canPropose: true, cannotProposeReason: null, ownProposals: null },
    productOwnerIds: [PRIYA_PRODUCT_OWNER],
    productOwnerSetup: null,
    licenseActive: true,
    hidden: { issues: 0, board: false },
    sprintCoverage: null,
    people: PEOPLE,
    unavailable: [],
    ...overrides,
  };
}

/** ONB-9 as seen from inside the sprint: every in-sprint kind is on offer. */
export function inSprintState(overrides: Partial<IssuePanelState> = {}): IssuePanelState {
  return panelState({
    issue: {
      key: 'ONB-9',
      summary: 'Polish the welcome e-mail',
      points: 2,
      statusCategory: 'todo',
      goalCritical: false,
      inActiveSprint: true,
      priorityName: 'Medium',
    },
    availableKinds: ['remove', 'defer', 'rerank', 'priority', 'estimate', 'split', 'tweak'],
    approvalByKind: {
      remove: BY_PRODUCT_OWNER,
      defer: BY_PRODUCT_OWNER,
      split: BY_PRODUCT_OWNER,
      rerank: BY_DEVELOPERS,
      priority: BY_DEVELOPERS,
      estimate: BY_DEVELOPERS,
      tweak: BY_DEVELOPERS,
    },
    ...overrides,
  });
}

export function proposal(overrides: Partial<Proposal> = {}): Proposal {
  return {
    id: 'prop-0001',
    issueKey: 'ONB-14',
    issueId: '10014',
    projectKey: 'ONB',
    boardId: 1,
    sprintId: 7,
    proposerAccountId: DANA_DEVELOPER,
    change: { kind: 'add' },
    reason: { category: 'stakeholder-request', text: 'Acme signs on Friday only if SAML works.' },
    createdAt: '2026-11-20T09:30:00.000Z',
    pointsAtProposal: { 'ONB-14': 5 },
    status: 'proposed',
    needsProductOwner: true,
    assessment: THREAT,
    threatAcknowledged: true,
    decision: null,
    apply: null,
    staleReason: null,
    version: 1,
    ...overrides,
  };
}
