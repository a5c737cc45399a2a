/** previewProposal through the handler: an assessment for every change kind, and nothing saved. */
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { SANDBOX_INSTALLATION_ID } from '../../sandbox/server';
import { useForgeApp } from '../support/forge-app';
import { present } from '../support/present';

const { devDana: DANA } = SEED_ACCOUNTS;
const app = useForgeApp();

const CHANGES: [string, object][] = [
  ['ONB-68', { kind: 'add' }],
  ['ONB-55', { kind: 'remove' }],
  ['ONB-55', { kind: 'defer' }],
  ['ONB-42', { kind: 'rerank', target: { position: 'bottom' } }],
  ['ONB-55', { kind: 'rerank', target: { position: 'before', issueKey: 'ONB-39' } }],
  ['ONB-55', { kind: 'priority', priorityName: 'High' }],
  ['ONB-39', { kind: 'estimate', points: 13 }],
  [
    'ONB-42',
    {
      kind: 'split',
      parts: [
        { summary: 'Entra ID sign-up', points: 2 },
        { summary: 'Entra ID group claims', points: 1 },
      ],
    },
  ],
  ['ONB-68', { kind: 'swap', outIssueKey: 'ONB-62' }],
  ['ONB-55', { kind: 'tweak', note: 'Acceptance criteria: SSO enforcement applies to invited members too.' }],
];

/**
 * Storage without the team history of closed sprints, which any view computes once and keeps
 * (src/app/support/team-history.ts): a closed sprint never changes, so keeping it is not saving a change.
 */
/** What is stored, apart from what is kept to read Jira less (team history, the sprint's snapshot, Jira configuration: src/jira/kept-config.ts): no record of the preview. */
function storedApartFromTeamHistory(): string {
  const { keyValues, ...rest } = app().sandbox.kvs.snapshot(SANDBOX_INSTALLATION_ID);
  return JSON.stringify({
    ...rest,
    keyValues: Object.fromEntries(
      Object.entries(keyValues).filter(
        ([key]) => !key.startsWith('closed-sprint-') && !key.startsWith('sprint-snapshot:') && !key.startsWith('kept-jira:'),
      ),
    ),
  });
}

describe('previewing a change', () => {
  it.each(CHANGES)('assesses %s %j against the sprint goal without saving anything', async (issueKey, change) => {
    const before = storedApartFromTeamHistory();
    const assessment = present(await app().ok('previewProposal', { issueKey, change }, DANA), 'a preview');
    expect(assessment.level).toMatch(/^(safe|caution|threat)$/);
    expect(assessment.before.pGoal).toBeGreaterThanOrEqual(0);
    expect(assessment.after.pGoal).toBeLessThanOrEqual(1);
    expect(assessment.trials).toBe(10_000);
    expect(assessment.reasons.every((r) => r.message.length > 0)).toBe(true);
    expect(storedApartFromTeamHistory()).toBe(before);
  });

  it('calls removing a goal-critical item a threat, with the reason in words', async () => {
    const goalItem = SEED_FACTS.activeSprintKeys.entraSso;
    const assessment = present(
      await app().invokeOk('previewProposal', { issueKey: goalItem, change: { kind: 'remove' } }, DANA),
      'a preview',
    );
    expect(assessment.level).toBe('threat');
    expect(assessment.reasons.map((r) => r.code)).toContain('goal-item-removed');
  });

  it('is deterministic: the same sprint gives the same figures', async () => {
    const first = present(await app().invokeOk('previewProposal', { issueKey: 'ONB-68', change: { kind: 'add' } }, DANA), 'a preview');
    const second = present(await app().invokeOk('previewProposal', { issueKey: 'ONB-68', change: { kind: 'add' } }, DANA), 'a preview');
    expect(second.after).toEqual(first.after);
  });

  it('refuses a change that does not fit the sprint, saying why', async () => {
    const answer = await app().invoke('previewProposal', { issueKey: 'ONB-68', change: { kind: 'remove' } }, DANA);
    expect(answer.error).toMatchObject({ code: 'stale', message: 'ONB-68 is not in ONB Sprint 7 (any more).' });
  });
});
