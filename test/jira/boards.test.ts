import { SEED_FACTS } from '../../sandbox/jira/seed';
import { startJiraHarness, type JiraHarness } from './jira-harness';

let harness: JiraHarness;
beforeAll(async () => {
  harness = await startJiraHarness();
});
afterAll(() => harness.close());

describe('boards and how they estimate', () => {
  it('reads the estimation field per project type, and issue count where a board does not estimate', async () => {
    const [teamManaged, companyManaged, kanban] = await harness.invoke(() =>
      Promise.all([SEED_FACTS.onb.boardId, SEED_FACTS.bil.boardId, SEED_FACTS.onb.kanbanBoardId].map((boardId) => harness.jira.estimationOf(boardId))),
    );
    expect(teamManaged).toEqual({ kind: 'points', fieldId: 'customfield_10016' });
    expect(companyManaged).toEqual({ kind: 'points', fieldId: 'customfield_10028' });
    expect(kanban).toEqual({ kind: 'issue-count' });
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
