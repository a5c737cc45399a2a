/**
 * Degrade, never fall over (issue 11, item 5): with each optional read refused or failing in
 * turn, the issue panel, the preview, proposing and the sprint view still answer and say what is
 * missing. Faults are turned on explicitly through the stand-in's fault switch; 403/401 bodies are
 * Jira's error shape (`{"errorMessages": […]}`), as the stand-in renders every refusal.
 */
import type { Fault, FaultScope } from '../../sandbox/jira/faults';
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { SANDBOX_INSTALLATION_ID } from '../../sandbox/server';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { createSettingsRepository } from '../../src/store/settings-repository';
import { TEST_NOW, useForgeApp, type ResultOf } from '../support/forge-app';

const { devDana: DANA, siteAdmin: ADA } = SEED_ACCOUNTS;
const app = useForgeApp();

type Part = { part: string; reason?: string; fieldName?: string | null };
/** The parts a view names, in a fixed order (the order Jira's answers arrive in varies). */
const byPart = (parts: readonly Part[]) => [...parts].sort((a, b) => a.part.localeCompare(b.part));
const plus = (...parts: Part[]) => byPart(parts);

/** Enough matching calls to outlast the adapter's retries within one test. */
const EVERY_CALL = 50;
const REFUSED: Fault = { kind: 'server-error', status: 403 };
const UNAVAILABLE: Fault = { kind: 'server-error', status: 503 };

function arm(fault: Fault, scope: FaultScope): void {
  app().sandbox.jira.faults.inject(fault, { times: EVERY_CALL, ...scope });
}

interface Views {
  readonly panel: ResultOf<'getIssuePanelState'>;
  readonly preview: ResultOf<'previewProposal'>;
  /** A board with a sprint view (a Scrum board): one that says what it could not read. */
  readonly sprintView: Exclude<ResultOf<'getSprintViewState'>, { readonly kind: 'not-scrum' }>;
  readonly proposal: ResultOf<'createProposal'>;
}

/** The four things a team member does, each of which must answer. */
async function openEverything(): Promise<Views> {
  const panel = await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-55' }, DANA);
  const preview = await app().invokeOk(
    'previewProposal',
    { issueKey: 'ONB-55', change: { kind: 'rerank', target: { position: 'bottom' } } },
    DANA,
  );
  const sprintView = await app().invokeOk('getSprintViewState', { boardId: SEED_FACTS.onb.boardId }, DANA);
  if (sprintView.kind === 'not-scrum') throw new Error('The ONB board reads as no Scrum board');
  const proposal = await app().invokeOk(
    'createProposal',
    {
      issueKey: 'ONB-55',
      change: { kind: 'tweak', note: 'Acceptance criteria: enforcement covers invited members.' },
      reason: { category: 'stakeholder-request', text: 'Agreed with the PO in the refinement today.' },
      acknowledgeThreat: true,
    },
    DANA,
  );
  return { panel, preview, sprintView, proposal };
}

describe('optional reads Jira refuses or fails', () => {
  it("says nothing else is missing when Jira answers everything the manifest's scopes allow", async () => {
    const { panel, sprintView } = await openEverything();
    expect(byPart(panel.unavailable)).toEqual(plus());
    expect(byPart(sprintView.unavailable)).toEqual(plus());
  });

  it.each([
    ['refused (403)', REFUSED, 'refused'],
    ['failing (503)', UNAVAILABLE, 'failed'],
  ])(
    'goes on without team history when reading closed sprints is %s',
    async (_, fault, reason) => {
      arm(fault, { method: 'GET', path: /^\/rest\/agile\/1\.0\/board\/1\/sprint\?state=closed/ });
      const { panel, preview, sprintView, proposal } = await openEverything();
      expect(byPart(panel.unavailable)).toEqual(plus({ part: 'history', reason }));
      expect(byPart(sprintView.unavailable)).toEqual(plus({ part: 'history', reason }));
      expect(panel.risk).not.toBeNull();
      expect(preview?.level).toMatch(/^(safe|caution|threat)$/);
      expect(proposal.status).toMatch(/proposed|approved|applied/);
    },
    60_000,
  );

  it('goes on without history when the bulk changelog is refused, and stores nothing for those sprints', async () => {
    arm(REFUSED, { method: 'POST', path: '/rest/api/3/changelog/bulkfetch' });
    const { panel } = await openEverything();
    expect(byPart(panel.unavailable)).toEqual(plus({ part: 'history', reason: 'refused' }));
    const stored = Object.keys(app().sandbox.kvs.snapshot(SANDBOX_INSTALLATION_ID).keyValues).filter((key) =>
      key.startsWith('closed-sprint-history:'),
    );
    expect(stored).toEqual([]);
  });

  it('counts issues, and says so, when the field metadata that names the story-point field is refused', async () => {
    arm(REFUSED, { method: 'GET', path: '/rest/api/3/field' });
    const { panel, preview, sprintView, proposal } = await openEverything();
    // Team history finds the Sprint field in the same metadata, so it goes too, and says so.
    const notes = plus({ part: 'story-point-field', reason: 'refused' }, { part: 'history', reason: 'refused' });
    expect(byPart(panel.unavailable)).toEqual(notes);
    expect(byPart(sprintView.unavailable)).toEqual(notes);
    expect(preview?.level).toBeDefined();
    expect(proposal.status).toBeDefined();
  });

  it('shows the people without their names when Jira refuses display names', async () => {
    arm(REFUSED, { method: 'GET', path: '/rest/api/3/user/bulk' });
    const { panel, sprintView, proposal } = await openEverything();
    expect(byPart(panel.unavailable)).toEqual(plus({ part: 'display-names', reason: 'refused' }));
    expect(byPart(sprintView.unavailable)).toEqual(plus({ part: 'display-names', reason: 'refused' }));
    expect(proposal.status).toBeDefined();
  });

  it("marks goal-critical work by labels alone when the rule's JQL search is refused", async () => {
    await app().asApp(async () => {
      const settings = createSettingsRepository();
      const current = (await settings.get('ONB')) ?? DEFAULT_SETTINGS;
      await settings.save(
        'ONB',
        { ...current, goalCritical: { ...current.goalCritical, jql: 'priority = Highest' } },
        current.version,
        ADA,
        TEST_NOW.toISOString(),
      );
    });
    // The history is read (and kept) first; afterwards only the rule's search uses search/jql.
    await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-55' }, DANA);
    arm(REFUSED, { method: 'POST', path: '/rest/api/3/search/jql' });
    const { panel, preview, sprintView } = await openEverything();
    expect(byPart(panel.unavailable)).toEqual(plus({ part: 'goal-critical-jql', reason: 'refused' }));
    expect(byPart(sprintView.unavailable)).toEqual(plus({ part: 'goal-critical-jql', reason: 'refused' }));
    expect(preview?.level).toBeDefined();
  });

  it('answers the re-prioritise form with "unavailable" when the edit metadata is refused, and the panel does not read it', async () => {
    const mark = app().sandbox.jira.requests.length;
    await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-55' }, DANA);
    expect(
      app()
        .sandbox.jira.requests.slice(mark)
        .some((request) => request.path.includes('/editmeta') || request.path.includes('/priority')),
    ).toBe(false);
    expect(await app().invokeOk('getAllowedPriorities', { issueKey: 'ONB-55' }, DANA)).toEqual({
      kind: 'listed',
      priorities: ['Highest', 'High', 'Medium', 'Low', 'Lowest'],
    });
    arm(REFUSED, { method: 'GET', path: '/rest/api/3/issue/ONB-55/editmeta' });
    expect(await app().invokeOk('getAllowedPriorities', { issueKey: 'ONB-55' }, DANA)).toEqual({ kind: 'unavailable', reason: 'refused' });
    // A priority change cannot be checked without them: Jira is unavailable, not the caller forbidden.
    const answer = await app().invoke('previewProposal', { issueKey: 'ONB-55', change: { kind: 'priority', priorityName: 'High' } }, DANA);
    expect(answer.error?.code).toBe('jira-unavailable');
  });

  it('still answers forbidden when the caller lacks the rights, whatever Jira refuses the app', async () => {
    arm(REFUSED, { method: 'GET', path: '/rest/api/3/user/bulk' });
    const answer = await app().invoke('previewProposal', { issueKey: 'ONB-55', change: { kind: 'remove' } }, SEED_ACCOUNTS.stakeholder);
    expect(answer.error?.code).toBe('forbidden');
  });
});
