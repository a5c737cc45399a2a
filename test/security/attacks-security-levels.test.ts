/**
 * An attacker inside the team: Dana may browse the project, but one issue of the active sprint is
 * set to an issue security level she is not in (Jira's issue-level security: "allow the visibility
 * of individual issues to be adjusted, within the bounds of the project's permissions"). Goalkeeper
 * reads the sprint as the app, which the level lets in; what it shows Dana must still leave that
 * issue out — in the issue panel, the live preview and the sprint view — on a small sprint (asked
 * of Jira with one permission check) and on a sprint too big for one check (asked with one search
 * as her, src/jira/permissions.ts). Priya, a member of the level, sees it: the issue is hidden from
 * Dana because of who she is, not lost.
 */
import { FailedInvocation, measureCall, openMeteredBoard, type MeteredBoard } from '../../bench/jira-calls';
import type { Cost } from '../../bench/call-meter';
import type { JiraIssue, JiraSite, SecurityLevel } from '../../sandbox/jira/jira-model';
import { BIG_BOARD, bigBoardBacklogKeys, bigBoardSprintKeys } from '../../sandbox/jira/big-board-seed';
import { startForgeApp, type ForgeApp } from '../support/forge-app';
import { DANA, FIN, ONB_BOARD, ONB_SPRINT, PRIYA } from './security-fixture';

/** A level of the project's issue security scheme naming Priya and the role Jira gives apps (sandbox/jira/jira-model.ts). */
const BOARD_ONLY: SecurityLevel = {
  id: '10100',
  name: 'Board only',
  description: 'Acquisition talks: the board and nobody else.',
  memberAccountIds: [PRIYA],
  includesAppRole: true,
};
/** A summary nobody may learn from Goalkeeper who cannot browse the issue in Jira. */
const SECRET = 'Acquisition of Initech: due diligence';

/** What a Jira admin does: gives the project an issue security scheme, and a member of the level sets an issue to it. */
function secure(site: JiraSite, projectKey: string, issueKey: string): JiraIssue {
  const project = site.projectByKeyOrId(projectKey)!;
  site.projects.set(project.id, { ...project, securityLevels: [BOARD_ONLY] });
  const issue = site.issueByKeyOrId(issueKey)!;
  issue.summary = SECRET;
  site.setSecurityLevel(issue, BOARD_ONLY.id);
  return issue;
}

/** Every way an answer could name the issue: its key as a word, its id, its summary. */
function names(answer: unknown, issue: JiraIssue): boolean {
  const text = JSON.stringify(answer);
  return new RegExp(`\\b${issue.key}\\b`).test(text) || text.includes(SECRET) || text.includes(`"${issue.id}"`);
}

interface Views {
  readonly panel: unknown;
  readonly preview: unknown;
  readonly sprintView: unknown;
}

async function viewsOf(app: ForgeApp, accountId: string, boardId: number, panelKey: string, backlogKey: string): Promise<Views> {
  return {
    panel: await app.invokeOk('getIssuePanelState', { issueKey: panelKey }, accountId),
    preview: await app.invokeOk('previewProposal', { issueKey: backlogKey, change: { kind: 'add' } }, accountId),
    sprintView: await app.invokeOk('getSprintViewState', { boardId }, accountId),
  };
}

describe.each([
  { sprint: 'a small sprint (one permission check)', items: undefined },
  { sprint: 'a sprint of 1,300 items (one search as the caller)', items: 1_300 },
])('an issue in a security level Dana is not in, on $sprint', ({ items }) => {
  let app: ForgeApp;
  let secret: JiraIssue;
  let dana: Views;
  let priya: Views;

  beforeAll(async () => {
    app = await startForgeApp(items ? { sandbox: { bigBoardItems: items, persistStorage: false } } : {});
    const site = app.site();
    const [projectKey, boardId, sprintKeys, backlogKey] = items
      ? [BIG_BOARD.projectKey, BIG_BOARD.boardId, bigBoardSprintKeys(site), bigBoardBacklogKeys(site)[0]!]
      : [
          'ONB',
          ONB_BOARD,
          site
            .sprintIssues(ONB_SPRINT)
            .filter((issue) => !site.typeOf(issue).subtask)
            .map((issue) => issue.key),
          site.backlogOf(site.boards.get(ONB_BOARD)!)[0]!.key,
        ];
    secret = secure(site, projectKey, sprintKeys[1]!);
    const panelKey = sprintKeys.find((key) => key !== secret.key)!;
    // Priya first: her views store the sprint's snapshot, secret issue included, as the app reads it.
    priya = await viewsOf(app, PRIYA, boardId, panelKey, backlogKey);
    dana = await viewsOf(app, DANA, boardId, panelKey, backlogKey);
  }, 120_000);

  afterAll(async () => {
    await app?.close();
  });

  it('stays out of the panel, the preview and the sprint view Dana sees, and the panel and view say one issue is hidden', () => {
    expect({ panel: names(dana.panel, secret), preview: names(dana.preview, secret), sprintView: names(dana.sprintView, secret) }).toEqual({
      panel: false,
      preview: false,
      sprintView: false,
    });
    expect((dana.panel as { hidden: { issues: number } }).hidden.issues).toBe(1);
    expect((dana.sprintView as { hidden: { issues: number } }).hidden.issues).toBe(1);
  });

  it('is in the panel and the sprint view Priya sees, who is in the level', () => {
    expect({ panel: names(priya.panel, secret), sprintView: names(priya.sprintView, secret) }).toEqual({ panel: true, sprintView: true });
  });

  it('answers Dana as not found when she opens its panel', async () => {
    const answer = await app.invoke('getIssuePanelState', { issueKey: secret.key }, DANA);
    expect(answer.error?.code).toBe('not-found');
  });
});

/**
 * A later panel open finds its issue in the sprint's stored snapshot, read as the app, instead of
 * reading the issue as the caller (src/app/support/issue-from-kept-plan.ts). The snapshot says
 * nothing about who may see the issue: the panel's one permission check must still refuse it.
 */
describe('a panel open that finds its issue in the stored snapshot (no issue read as the caller)', () => {
  let board: MeteredBoard;
  const issueReads = (cost: Cost) =>
    cost.calls.filter((call) => call.kind === 'jira' && call.what.startsWith('GET /rest/agile/1.0/issue/'));
  /** The panel as `accountId` opens it: its answer, or the error code, and what it cost. */
  const panel = async (issueKey: string, accountId: string) => {
    try {
      const { data, cost } = await measureCall(board, 'getIssuePanelState', { issueKey }, accountId);
      return { answer: data, cost };
    } catch (error) {
      if (!(error instanceof FailedInvocation)) throw error;
      return { answer: error.message, cost: error.cost };
    }
  };

  beforeAll(async () => {
    board = await openMeteredBoard(10);
    // Priya opens the panel first: the sprint's snapshot is stored and the project pointed at its sprint.
    await panel(board.sprintKey, PRIYA);
  }, 60_000);

  afterAll(async () => {
    await board?.close();
  });

  it('serves a later open from the snapshot (the path the attacks below take)', async () => {
    const { answer, cost } = await panel(board.sprintKey, DANA);
    expect([typeof answer, issueReads(cost)]).toEqual(['object', []]);
  });

  it("answers someone who may not browse the issue's project as not found, naming nothing of it", async () => {
    const issue = board.site.issueByKeyOrId(board.sprintKey)!;
    const { answer, cost } = await panel(board.sprintKey, FIN);
    expect([String(answer).split(':')[0], issueReads(cost)]).toEqual(['not-found', []]);
    expect(JSON.stringify(answer)).not.toContain(issue.summary);
  });

  it('answers Dana as not found for an issue of the sprint set to a security level she is not in', async () => {
    const secret = secure(
      board.site,
      BIG_BOARD.projectKey,
      bigBoardSprintKeys(board.site).find((key) => key !== board.sprintKey)!,
    );
    await panel(secret.key, PRIYA);
    const { answer, cost } = await panel(secret.key, DANA);
    expect([String(answer).split(':')[0], issueReads(cost)]).toEqual(['not-found', []]);
    // Its key is the one Dana asked for; nothing Jira holds about it comes back.
    expect(String(answer)).not.toContain(SECRET);
  });
});
