/**
 * Every resolver × every kind of person × {their own proposal, someone else's, one on an issue
 * they cannot see}, against an expected-outcome table kept here. Every payload also claims to come
 * from the Product Owner and the admin (accountId, decidedBy, role, …): the answers show that only
 * the Forge principal counts. A "not found" must read exactly like the answer for something that
 * does not exist, so a probe learns nothing.
 */
import { SEEDED_ONB_SETTINGS, SEEDED_SETTINGS_VERSION } from '../../sandbox/app-seed';
import { onJiraEvent } from '../../src/index';
import type { EndpointName } from '../../src/resolvers/endpoints';
import type { ResultOf } from '../../src/contract/endpoints';
import { endpoints } from '../../src/resolvers/endpoints';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { reportFigure } from '../support/figures';
import { startForgeApp, type Answer, type ForgeApp } from '../support/forge-app';
import {
  ADA,
  addFormerMember,
  BIL_BOARD,
  BIL_SPRINT,
  DANA,
  FIN,
  KOFI,
  NOOR,
  ONB_BOARD,
  ONB_SPRINT,
  PRIYA,
  proposalPayload,
  RATIONALE,
  SAM,
  setRoleMember,
  storeOf,
} from './security-fixture';

type Role = 'no-browse' | 'viewer' | 'team-member' | 'product-owner' | 'project-admin' | 'other-project';
type Target = 'own' | 'other' | 'hidden';
/** `unlisted`: a data answer that leaves the target out (a list the caller may read). */
type Outcome = 'data' | 'forbidden' | 'not-found' | 'unlisted';

const ROLES: Record<Role, string> = {
  'no-browse': NOOR, // left the team: in no project role anywhere
  viewer: SAM, // Viewers: browse only (proposed while he was still a Developer)
  'team-member': DANA,
  'product-owner': PRIYA,
  'project-admin': ADA, // Administrators of ONB; no longer in BIL
  'other-project': FIN, // Developer on BIL only
};
const TARGETS: readonly Target[] = ['own', 'other', 'hidden'];

const D = 'data';
const F = 'forbidden';
const N = 'not-found';
const U = 'unlisted';
type Row = Record<Role, readonly [Outcome, Outcome, Outcome]>;

/** Reads anyone who can browse the issue may do; the rest of Jira stays invisible. */
const BROWSE: Row = {
  'no-browse': [N, N, N],
  viewer: [D, D, N],
  'team-member': [D, D, N],
  'product-owner': [D, D, N],
  'project-admin': [D, D, N],
  'other-project': [D, D, N],
};
/** Proposing needs Edit + Schedule issues in Jira. */
const SCHEDULE: Row = { ...BROWSE, viewer: [F, F, N] };
/** Deciding (and reviewing, and recording the goal's outcome) is the Product Owner's. */
const PRODUCT_OWNER: Row = {
  ...BROWSE,
  viewer: [F, F, N],
  'team-member': [F, F, N],
  'project-admin': [F, F, N],
  'other-project': [F, F, N],
};

const EXPECTED: Record<EndpointName, Row> = {
  getIssuePanelState: BROWSE,
  getIssueGlance: BROWSE,
  previewProposal: SCHEDULE,
  getAllowedPriorities: BROWSE,
  createProposal: SCHEDULE,
  // The project's only PO decides their own proposal too, with a note (issue 15's default rule for a sole Product Owner).
  decideProposal: PRODUCT_OWNER,
  // Only the proposer withdraws; someone who lost edit rights may still take their own back.
  withdrawProposal: {
    ...BROWSE,
    viewer: [D, F, N],
    'team-member': [D, F, N],
    'product-owner': [D, F, N],
    'project-admin': [D, F, N],
    'other-project': [D, F, N],
  },
  // The proposer or a PO, who must hold the rights the change needs in Jira.
  retryApply: {
    ...BROWSE,
    viewer: [F, F, N],
    'team-member': [D, F, N],
    'product-owner': [D, D, N],
    'project-admin': [D, F, N],
    'other-project': [D, F, N],
  },
  listSprintProposals: BROWSE,
  getAuditTrail: BROWSE,
  getSprintViewState: BROWSE,
  exportSprintCsv: BROWSE,
  listBoards: {
    'no-browse': [U, U, U],
    viewer: [D, D, U],
    'team-member': [D, D, U],
    'product-owner': [D, D, U],
    'project-admin': [D, D, U],
    'other-project': [D, D, U],
  },
  reviewBypassedChange: PRODUCT_OWNER,
  // Undoing a change made in Jira is the Product Owner's too; it becomes their proposal.
  revertBypassedChange: PRODUCT_OWNER,
  recordSprintOutcome: PRODUCT_OWNER,
  // The team's capacity is the team's plan: Schedule issues in the board's project.
  setSprintCapacity: SCHEDULE,
  getProjectSettings: BROWSE,
  // The user picker of the settings page: anyone who may see the project's settings.
  searchPeople: BROWSE,
  saveProjectSettings: { ...PRODUCT_OWNER, 'product-owner': [F, F, N], 'project-admin': [D, D, N] },
};

/** Everything a payload can point at, for one cell. */
interface Subject {
  readonly proposalId: string;
  readonly issueKey: string;
  readonly change: object;
  readonly projectKey: 'ONB' | 'BIL';
  readonly boardId: number;
  readonly closedSprintId: number;
  readonly changeId: string;
}

/** What does not exist at all: a hidden subject must be answered exactly like this. */
const MISSING: Subject = {
  proposalId: 'no-such-proposal',
  issueKey: 'ONB-9999',
  change: { kind: 'add' },
  projectKey: 'NOPE' as 'ONB',
  boardId: 999,
  closedSprintId: 999,
  changeId: 'event:99999:1:7:ONB-9999:added',
};

/** Claims of identity and role a client could add to any payload; none may count. */
const IMPERSONATION = {
  accountId: PRIYA,
  proposerAccountId: PRIYA,
  deciderAccountId: PRIYA,
  decidedBy: PRIYA,
  reviewerAccountId: PRIYA,
  recordedBy: PRIYA,
  updatedBy: ADA,
  role: 'Product Owner',
  roles: ['Administrators', 'Product Owner'],
  isProductOwner: true,
  isAdmin: true,
  status: 'approved',
};

const EDITABLE_DEFAULTS = (() => {
  const { version, updatedBy, updatedAt, ...editable } = DEFAULT_SETTINGS;
  return editable;
})();

let app: ForgeApp;
/** Per resolver, role and target: the subject its payload names. */
const subjects = new Map<string, Subject>();
const cellKey = (resolver: string, role: Role, target: Target) => `${resolver}|${role}|${target}`;

function projectOf(role: Role, target: Target): 'ONB' | 'BIL' {
  const home = role === 'other-project' ? 'BIL' : 'ONB';
  return target === 'hidden' ? (home === 'ONB' ? 'BIL' : 'ONB') : home;
}

function authorOf(role: Role, target: Target): string {
  const project = projectOf(role, target);
  if (target === 'own') return ROLES[role];
  if (target === 'hidden') return project === 'BIL' ? FIN : KOFI;
  return project === 'BIL' ? ADA : KOFI;
}

const BACKLOG_ISSUE_OF: Record<string, string> = {
  [DANA]: 'ONB-68',
  [PRIYA]: 'ONB-69',
  [ADA]: 'ONB-70',
  [SAM]: 'ONB-71',
  [NOOR]: 'ONB-72',
  [KOFI]: 'ONB-73',
};

function place(project: 'ONB' | 'BIL') {
  return project === 'ONB'
    ? { boardId: ONB_BOARD, sprintId: ONB_SPRINT, closedSprintId: 6 }
    : { boardId: BIL_BOARD, sprintId: BIL_SPRINT, closedSprintId: 9 };
}

/**
 * Since issue 14 the same change can be open only once and one person may have at most 10
 * proposals waiting: the arranged proposals are clarifications (tweaks, which the arranged policy
 * sends to the PO) with a note of their own, on an issue of the active sprint, and the limit is
 * raised for the arrangement. Who may do what is unchanged.
 */
const IN_SPRINT_ISSUE_OF = { ONB: 'ONB-45', BIL: 'BIL-3' } as const;
let clarification = 0;
const uniqueTweak = () => ({ kind: 'tweak', note: `Clarify the acceptance criteria, point ${++clarification}.` });
const ARRANGED_SETTINGS = {
  ...EDITABLE_DEFAULTS,
  policy: { ...EDITABLE_DEFAULTS.policy, byKind: { ...EDITABLE_DEFAULTS.policy.byKind, tweak: 'product-owner' } },
  openProposalsPerPerson: 100,
};

async function propose(author: string, issueKey: string, change: object): Promise<string> {
  return (await app.ok('createProposal', proposalPayload(issueKey, change), author)).id;
}

/** An auto-approved re-estimate whose apply Jira refused once: it waits in apply-failed for a retry. */
async function failedEstimate(author: string, issueKey: string): Promise<string> {
  app.sandbox.jira.faults.inject({ kind: 'server-error', status: 400 }, { times: 1, method: 'PUT', path: `/rest/api/3/issue/${issueKey}` });
  // Each a change of its own: an apply-failed proposal is still open, and the same change is open only once.
  const id = await propose(author, issueKey, { kind: 'estimate', points: 5 + ++clarification });
  await app.sandbox.idle();
  return id;
}

let changelogId = 70_000;
/** A scope change made directly in Jira by `author`, which Goalkeeper's trigger records as bypassed. */
async function bypassedChange(author: string, project: 'ONB' | 'BIL', inJira = false): Promise<string> {
  const sprintId = place(project).sprintId;
  const seeded = app.site().issueByKeyOrId(project === 'ONB' ? 'ONB-16' : 'BIL-5')!;
  // A revert acts on Jira as it is: its cell gets an issue of its own, really added to the sprint, so it can be taken out again.
  const issue = inJira
    ? app.site().createIssue(
        {
          projectKey: project,
          summary: `Pulled in around Goalkeeper by ${author}`,
          typeName: app.site().typeOf(seeded).name,
          points: 1,
          sprintIds: [sprintId],
        },
        { kind: 'user', accountId: author },
      )
    : seeded;
  const id = String(changelogId++);
  await app.asApp(() =>
    onJiraEvent({
      eventType: 'avi:jira:updated:issue',
      atlassianId: author,
      issue: { id: issue.id, key: issue.key },
      changelog: { id, items: [{ field: 'Sprint', from: '', to: String(sprintId) }] },
    }),
  );
  return `event:${issue.id}:${id}:${sprintId}:${issue.key}:added`;
}

/** Builds each cell's subject: shared ones for reads, fresh ones wherever a call changes its target. */
async function arrange(): Promise<void> {
  const site = app.site();
  addFormerMember(site);
  // Sam and Noor proposed while they were Developers; Ada while she administered BIL too.
  setRoleMember(site, 'ONB', 'Developers', SAM, true);
  setRoleMember(site, 'ONB', 'Developers', NOOR, true);

  // ONB names its Product Owner, as the seed's admin did (sandbox/app-seed.ts); BIL has none.
  await app.ok(
    'saveProjectSettings',
    {
      projectKey: 'ONB',
      settings: { ...ARRANGED_SETTINGS, productOwners: SEEDED_ONB_SETTINGS.productOwners },
      expectedVersion: SEEDED_SETTINGS_VERSION,
    },
    ADA,
  );
  await app.ok('saveProjectSettings', { projectKey: 'BIL', settings: ARRANGED_SETTINGS, expectedVersion: 0 }, ADA);

  const shared = new Map<string, string>();
  const sharedProposal = async (author: string, project: 'ONB' | 'BIL') => {
    const issueKey = project === 'BIL' ? 'BIL-5' : BACKLOG_ISSUE_OF[author]!;
    const key = `${author}|${project}`;
    if (!shared.has(key)) shared.set(key, await propose(author, IN_SPRINT_ISSUE_OF[project], uniqueTweak()));
    return { proposalId: shared.get(key)!, issueKey };
  };

  for (const resolver of Object.keys(EXPECTED)) {
    for (const role of Object.keys(ROLES) as Role[]) {
      for (const target of TARGETS) {
        const project = projectOf(role, target);
        const author = authorOf(role, target);
        let proposal: { proposalId: string; issueKey: string; change?: object };
        switch (resolver) {
          case 'decideProposal':
          case 'withdrawProposal': {
            const issueKey = IN_SPRINT_ISSUE_OF[project];
            proposal = { proposalId: await propose(author, issueKey, uniqueTweak()), issueKey };
            break;
          }
          case 'createProposal':
            proposal = { ...(await sharedProposal(author, project)), issueKey: IN_SPRINT_ISSUE_OF[project], change: uniqueTweak() };
            break;
          case 'retryApply': {
            const issueKey = project === 'BIL' ? 'BIL-2' : 'ONB-42';
            proposal = { proposalId: await failedEstimate(author, issueKey), issueKey, change: { kind: 'estimate', points: 5 } };
            break;
          }
          default:
            proposal = await sharedProposal(author, project);
        }
        const changeId =
          resolver === 'reviewBypassedChange' || resolver === 'revertBypassedChange'
            ? await bypassedChange(author, project, resolver === 'revertBypassedChange')
            : MISSING.changeId;
        const { boardId, closedSprintId } = place(project);
        subjects.set(cellKey(resolver, role, target), {
          change: { kind: 'add' },
          ...proposal,
          projectKey: project,
          boardId,
          closedSprintId,
          changeId,
        });
      }
    }
  }
  // Goalkeeper keeps an outcome record per closed sprint, for the PO to fill in.
  for (const sprintId of [6, 9])
    await app.asApp(() => onJiraEvent({ eventType: 'avi:jira-software:closed:sprint', sprint: { id: sprintId } }));

  setRoleMember(site, 'ONB', 'Developers', SAM, false);
  setRoleMember(site, 'ONB', 'Developers', NOOR, false);
  setRoleMember(site, 'BIL', 'Administrators', ADA, false);
}

function settingsVersionOf(projectKey: string): number {
  const record = storeOf(app).entities.settings?.[projectKey] as { version?: number } | undefined;
  return record?.version ?? 0;
}

/** The version of a sprint's goal outcome as stored: a recording must name the version it overwrites (issue 14). */
function outcomeVersionOf(sprintId: number): number {
  const record = storeOf(app).entities['sprint-outcome']?.[String(sprintId)] as { version?: number } | undefined;
  return record?.version ?? 1;
}

function payloadFor(resolver: EndpointName, subject: Subject): object {
  const body = ((): object => {
    switch (resolver) {
      case 'getIssuePanelState':
      case 'getIssueGlance':
      case 'getAllowedPriorities':
        return { issueKey: subject.issueKey };
      case 'previewProposal':
        return { issueKey: subject.issueKey, change: subject.change };
      case 'createProposal':
        return proposalPayload(subject.issueKey, subject.change);
      case 'decideProposal':
        return {
          proposalId: subject.proposalId,
          verdict: 'approve',
          rationale: RATIONALE,
          expectedVersion: 1,
          selfDecisionNote: 'The only Product Owner this sprint.',
        };
      case 'withdrawProposal':
        return { proposalId: subject.proposalId, expectedVersion: 1 };
      case 'retryApply':
      case 'getAuditTrail':
        return { proposalId: subject.proposalId };
      case 'listSprintProposals':
      case 'getSprintViewState':
      case 'exportSprintCsv':
        return { boardId: subject.boardId };
      case 'listBoards':
        return {};
      case 'reviewBypassedChange':
        return { changeId: subject.changeId, verdict: 'accepted', note: 'Agreed in the daily: the fix was urgent.' };
      case 'revertBypassedChange':
        return { changeId: subject.changeId, note: 'Not agreed in the daily: it goes back to the backlog.' };
      case 'setSprintCapacity':
        return { boardId: subject.boardId, sprintId: place(subject.projectKey).sprintId, availability: 0.8, daysOff: 1 };
      case 'recordSprintOutcome':
        return {
          boardId: subject.boardId,
          sprintId: subject.closedSprintId,
          outcome: 'partly',
          note: 'SSO shipped; the wizard slipped.',
          expectedVersion: outcomeVersionOf(subject.closedSprintId),
        };
      case 'getProjectSettings':
        return { projectKey: subject.projectKey };
      case 'searchPeople':
        return { projectKey: subject.projectKey, query: 'Pri' };
      case 'saveProjectSettings':
        return {
          projectKey: subject.projectKey,
          settings: { ...EDITABLE_DEFAULTS, updatedBy: PRIYA, version: 99 },
          expectedVersion: settingsVersionOf(subject.projectKey),
        };
    }
  })();
  // `status` is a real filter of listSprintProposals, not a claim about the caller.
  const { status, ...claims } = IMPERSONATION;
  return { ...(resolver === 'listSprintProposals' ? claims : IMPERSONATION), ...body };
}

/** A data answer, typed by the resolver that gave it. */
type DataOf = { [K in EndpointName]: { readonly resolver: K; readonly data: ResultOf<K> } }[EndpointName];

/** The outcome as the table speaks it, and whether a data answer names the caller (never the payload's claims). */
function outcomeOf(
  resolver: EndpointName,
  answer: Answer,
  subject: Subject,
  caller: string,
): { outcome: Outcome | 'malformed'; identityHolds: boolean } {
  if (answer.error)
    return {
      outcome: (['forbidden', 'not-found'].includes(answer.error.code) ? answer.error.code : `error:${answer.error.code}`) as Outcome,
      identityHolds: true,
    };
  if (!('data' in answer)) return { outcome: 'malformed', identityHolds: false };
  // The result each resolver's use case returns (src/contract/endpoints.ts), told apart by the resolver's name.
  const { resolver: named, data } = { resolver, data: answer.data } as DataOf;
  switch (named) {
    case 'listBoards':
      return { outcome: data.some((b: { id: number }) => b.id === subject.boardId) ? 'data' : 'unlisted', identityHolds: true };
    case 'listSprintProposals':
      return { outcome: data.some((p: { id: string }) => p.id === subject.proposalId) ? 'data' : 'unlisted', identityHolds: true };
    case 'getIssuePanelState':
      return { outcome: 'data', identityHolds: data.viewer.accountId === caller };
    case 'createProposal':
      return { outcome: 'data', identityHolds: data.proposerAccountId === caller && data.status === 'proposed' };
    case 'decideProposal':
      return { outcome: 'data', identityHolds: data.decision?.deciderAccountId === caller && data.status === 'approved' };
    case 'withdrawProposal':
      return { outcome: 'data', identityHolds: data.proposerAccountId === caller && data.status === 'withdrawn' };
    case 'reviewBypassedChange':
      return { outcome: 'data', identityHolds: data.review?.reviewerAccountId === caller };
    case 'revertBypassedChange':
      return {
        outcome: 'data',
        identityHolds: data.change.review?.reviewerAccountId === caller && data.proposal.proposerAccountId === caller,
      };
    case 'recordSprintOutcome':
      return { outcome: 'data', identityHolds: data.recordedBy === caller };
    case 'saveProjectSettings':
      return { outcome: 'data', identityHolds: data.settings.updatedBy === caller && data.settings.version !== 99 };
    default:
      return { outcome: 'data', identityHolds: true };
  }
}

/** A not-found must not tell a hidden thing from a missing one: same code, same words (the caller's own key aside). */
async function indistinguishableFromMissing(resolver: EndpointName, answer: Answer, subject: Subject, caller: string): Promise<boolean> {
  const missing = await app.invoke(resolver, payloadFor(resolver, { ...MISSING, projectKey: 'NOPE' as 'ONB' }), caller);
  const words = (a: Answer, key: string) => `${a.error?.code}|${a.error?.message.split(key).join('<key>')}`;
  return words(answer, subject.issueKey) === words(missing, MISSING.issueKey);
}

beforeAll(async () => {
  app = await startForgeApp();
  await arrange();
}, 120_000);

afterAll(async () => {
  await app.close();
});

describe('the authorization matrix', () => {
  it('answers every resolver × role × target as the table expects, whatever the payload claims', async () => {
    const resolvers = Object.keys(endpoints) as EndpointName[];
    expect(new Set(resolvers)).toEqual(new Set(Object.keys(EXPECTED)));
    // Mutations that change what later cells see run last, settings last of all.
    const order = [
      ...resolvers.filter((r) => !endpoints[r].mutates),
      ...resolvers.filter((r) => endpoints[r].mutates && r !== 'saveProjectSettings'),
      'saveProjectSettings' as const,
    ];
    const mismatches: string[] = [];
    let checks = 0;
    let notFounds = 0;
    for (const resolver of order) {
      for (const role of Object.keys(ROLES) as Role[]) {
        for (const [index, target] of TARGETS.entries()) {
          const subject = subjects.get(cellKey(resolver, role, target))!;
          const caller = ROLES[role];
          const answer = await app.invoke(resolver, payloadFor(resolver, subject), caller);
          const expected = EXPECTED[resolver][role][index];
          const { outcome, identityHolds } = outcomeOf(resolver, answer, subject, caller);
          checks++;
          if (outcome !== expected)
            mismatches.push(`${resolver} as ${role} on ${target}: expected ${expected}, got ${outcome} ${answer.error?.message ?? ''}`);
          else if (!identityHolds) mismatches.push(`${resolver} as ${role} on ${target}: the answer trusted a payload's claim of identity`);
          if (outcome === 'not-found') {
            notFounds++;
            if (!(await indistinguishableFromMissing(resolver, answer, subject, caller))) {
              mismatches.push(
                `${resolver} as ${role} on ${target}: "${answer.error?.message}" tells a hidden ${resolver} subject from a missing one`,
              );
            }
          }
        }
      }
    }
    await app.sandbox.idle();
    reportFigure(
      'authorization matrix',
      `${resolvers.length} resolvers × ${Object.keys(ROLES).length} roles × ${TARGETS.length} targets = ${checks} checks, ${mismatches.length} mismatches`,
    );
    reportFigure(
      'authorization matrix',
      `${notFounds} not-found answers compared with the answer for a missing subject, ${mismatches.filter((m) => m.includes('tells a hidden')).length} told them apart`,
    );
    expect(mismatches).toEqual([]);
    expect(checks).toBe(resolvers.length * 6 * 3);
  }, 120_000);
});
