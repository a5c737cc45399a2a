import { readManifestScopes } from '../../sandbox/jira/contract/manifest-scopes';
import { SEED_FACTS } from '../../sandbox/jira/seed';

/** Atlassian's Jira Software OpenAPI lists these granular scopes for GET /rest/agile/1.0/board/{boardId}/configuration. */
const BOARD_ADMIN_SCOPES = ['read:board-scope.admin:jira-software', 'read:project:jira'];
import { startJiraHarness, type JiraHarness } from './jira-harness';

describe('boards the app may read the configuration of', () => {
  // Leniency, said explicitly: GET /board/{id}/configuration needs read:board-scope.admin:jira-software
  // (with read:project:jira), which this stand-in is told the app declares; manifest.yml does not.
  let withAdminScope: JiraHarness;
  beforeAll(async () => {
    withAdminScope = await startJiraHarness({ manifestScopes: [...readManifestScopes(), ...BOARD_ADMIN_SCOPES] });
  });
  afterAll(() => withAdminScope.close());

  it('reads the estimation field per project type, and issue count where a board does not estimate', async () => {
    const [teamManaged, companyManaged, kanban] = await withAdminScope.invoke(() =>
      Promise.all([SEED_FACTS.onb.boardId, SEED_FACTS.bil.boardId, SEED_FACTS.onb.kanbanBoardId].map((boardId) => withAdminScope.jira.estimationOf(boardId))),
    );
    expect(teamManaged).toEqual({ kind: 'points', fieldId: 'customfield_10016' });
    expect(companyManaged).toEqual({ kind: 'points', fieldId: 'customfield_10028' });
    expect(kanban).toEqual({ kind: 'issue-count' });
  });
});

describe('boards and how they estimate', () => {
  let harness: JiraHarness;
  beforeAll(async () => {
    harness = await startJiraHarness();
  });
  afterAll(() => harness.close());

  it('falls back to the story-point field when the manifest lacks the board-admin scope (Jira refuses the configuration)', async () => {
    expect(await harness.invoke(() => harness.jira.estimationOf(SEED_FACTS.onb.boardId))).toEqual({
      kind: 'points',
      fieldId: 'customfield_10016',
      fallback: { reason: 'refused', fieldName: 'Story point estimate' },
    });
  });

  it('finds the project\'s story-point field in public field metadata when Jira refuses the board configuration, and says so', async () => {
    // Explicit fault: the strict stand-in refuses this read anyway when the manifest lacks its admin scope.
    harness.standIn.faults.inject({ kind: 'server-error', status: 401 }, { times: 2, method: 'GET', path: /^\/rest\/agile\/1\.0\/board\/\d+\/configuration$/ });
    const [teamManaged, companyManaged] = await harness.invoke(() => Promise.all([SEED_FACTS.onb.boardId, SEED_FACTS.bil.boardId].map((boardId) => harness.jira.estimationOf(boardId))));
    harness.standIn.faults.clear();
    expect(teamManaged).toEqual({ kind: 'points', fieldId: 'customfield_10016', fallback: { reason: 'refused', fieldName: 'Story point estimate' } });
    expect(companyManaged).toEqual({ kind: 'points', fieldId: 'customfield_10028', fallback: { reason: 'refused', fieldName: 'Story Points' } });
  });

  it('counts issues, and says so, when neither the board configuration nor the field metadata can be read', async () => {
    harness.standIn.faults.inject({ kind: 'server-error', status: 403 }, { times: 1, method: 'GET', path: '/rest/agile/1.0/board/1/configuration' });
    harness.standIn.faults.inject({ kind: 'server-error', status: 403 }, { times: 1, method: 'GET', path: '/rest/api/3/field' });
    const estimation = await harness.invoke(() => harness.jira.estimationOf(SEED_FACTS.onb.boardId));
    harness.standIn.faults.clear();
    expect(estimation).toEqual({ kind: 'issue-count', fallback: { reason: 'refused', fieldName: null } });
  });

  it('lists every board of a project', async () => {
    const boards = await harness.invoke(() => harness.jira.boardsOfProject('ONB'));
    expect(boards).toEqual([
      { id: 1, name: 'ONB board', type: 'scrum', projectKey: 'ONB' },
      { id: 3, name: 'ONB support', type: 'kanban', projectKey: 'ONB' },
    ]);
  });

  it('finds no boards for a project that does not exist', async () => {
    expect(await harness.invoke(() => harness.jira.boardsOfProject('NOPE'))).toEqual([]);
  });

  it('answers null for a board that does not exist, and fails loudly for its estimation', async () => {
    expect(await harness.invoke(() => harness.jira.getBoard(99))).toBeNull();
    await expect(harness.invoke(() => harness.jira.estimationOf(99))).rejects.toMatchObject({ code: 'not-found' });
  });
});
