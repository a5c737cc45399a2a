import { SEED_FACTS } from '../../sandbox/jira/seed';
import { startJiraHarness, type JiraHarness } from './jira-harness';

describe('boards and how they estimate', () => {
  let harness: JiraHarness;
  beforeAll(async () => {
    harness = await startJiraHarness();
  });
  afterAll(() => harness.close());

  it('finds the story-point field per project type in public field metadata, never asking for the admin-scoped board configuration', async () => {
    const mark = harness.standIn.requests.length;
    const [teamManaged, companyManaged] = await harness.invoke(() =>
      Promise.all([SEED_FACTS.onb.boardId, SEED_FACTS.bil.boardId].map((boardId) => harness.jira.estimationOf(boardId))),
    );
    expect(teamManaged).toEqual({ kind: 'points', fieldId: 'customfield_10016', fieldName: 'Story point estimate' });
    expect(companyManaged).toEqual({ kind: 'points', fieldId: 'customfield_10028', fieldName: 'Story Points' });
    // GET /board/{id}/configuration needs read:board-scope.admin:jira-software (Atlassian's Jira Software OpenAPI).
    expect(harness.standIn.requests.slice(mark).some((request) => request.path.includes('/configuration'))).toBe(false);
  });

  it("reads the site's fields once per invocation however many boards ask", async () => {
    const mark = harness.standIn.requests.length;
    await harness.invoke(() => Promise.all([1, 2, 3].map(() => harness.jira.estimationOf(SEED_FACTS.onb.boardId))));
    expect(harness.standIn.requests.slice(mark).filter((request) => request.path === '/rest/api/3/field')).toHaveLength(1);
  });

  it('counts issues, and says so, when the field metadata is refused', async () => {
    harness.standIn.faults.inject({ kind: 'server-error', status: 403 }, { times: 1, method: 'GET', path: '/rest/api/3/field' });
    const estimation = await harness.invoke(() => harness.jira.estimationOf(SEED_FACTS.onb.boardId));
    harness.standIn.faults.clear();
    expect(estimation).toEqual({ kind: 'issue-count', fallback: { reason: 'refused' } });
  });

  it('lists every board of a project', async () => {
    const boards = await harness.invoke(() => harness.jira.boardsOfProject('ONB'));
    expect(boards).toEqual([
      { id: 1, name: 'ONB board', type: 'scrum', projectKey: 'ONB', projectId: '10000' },
      { id: 3, name: 'ONB support', type: 'kanban', projectKey: 'ONB', projectId: '10000' },
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
