/**
 * The personal data reporting cycle end to end: the scheduled function asks Atlassian's API
 * (a stand-in answering as Atlassian does) about every account Goalkeeper holds, and replaces
 * each closed one with a tombstone in every record — proposals, audit trails, decisions,
 * bypassed-change reviews, sprint outcomes, settings and their history — while every one of those
 * records survives, still readable through the app.
 */
import { SEEDED_SETTINGS_VERSION } from '../../sandbox/app-seed';
import { onJiraEvent, reportAccounts } from '../../src/index';
import { CLOSED_ACCOUNT_TOMBSTONE } from '../../src/app/use-cases/report-personal-data';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { reportFigure } from '../support/figures';
import { startForgeApp, type ForgeApp } from '../support/forge-app';
import { ACCOUNTS_PER_REPORT, personalDataApi } from '../support/personal-data-api';
import { ADA, approval, DANA, KOFI, PRIYA, proposalPayload, RATIONALE, storeOf } from './security-fixture';

/** Dana left the company and Priya closed her account; Kofi and Ada are still here. */
const CLOSED: ReadonlySet<string> = new Set([DANA, PRIYA]);

let app: ForgeApp;
const api = personalDataApi(CLOSED, new Set([KOFI]));

beforeAll(async () => {
  app = await startForgeApp({ privacy: api.backend });
});

afterAll(async () => {
  await app.close();
});

/** Records per entity (and key-value entries), to prove that erasure rewrote but never removed a record. */
function recordCounts(snapshot: ReturnType<typeof storeOf>): Record<string, number> {
  return Object.fromEntries(Object.entries(snapshot.entities).map(([entity, records]) => [entity, Object.keys(records).length]));
}

/** Every place an accountId appears in storage, keys included. */
function occurrences(snapshot: unknown, accountId: string): number {
  return JSON.stringify(snapshot).split(accountId).length - 1;
}

describe('the personal data reporting cycle', () => {
  it('replaces closed accounts with a tombstone in every record, and every record survives', async () => {
    // Records naming the closed accounts in every way Goalkeeper stores a person.
    const applied = await app.ok('createProposal', proposalPayload('ONB-68', { kind: 'add' }, { idempotencyKey: 'dana-1' }), DANA);
    await app.ok('decideProposal', approval(applied.id), PRIYA);
    const withdrawn = await app.ok('createProposal', proposalPayload('ONB-69', { kind: 'add' }), DANA);
    await app.invokeOk('withdrawProposal', { proposalId: withdrawn.id, expectedVersion: 1 }, DANA);
    const rejected = await app.ok('createProposal', proposalPayload('ONB-70', { kind: 'add' }), KOFI);
    await app.ok('decideProposal', { ...(approval(rejected.id) as object), verdict: 'reject' }, PRIYA);
    const issue = app.site().issueByKeyOrId('ONB-16')!;
    await app.asApp(() =>
      onJiraEvent({
        eventType: 'avi:jira:updated:issue',
        atlassianId: DANA,
        issue: { id: issue.id, key: issue.key },
        changelog: { id: '91001', items: [{ field: 'Sprint', from: '', to: '7' }] },
      }),
    );
    await app.invokeOk(
      'reviewBypassedChange',
      { changeId: `event:${issue.id}:91001:7:ONB-16:added`, verdict: 'accepted', note: RATIONALE },
      PRIYA,
    );
    await app.asApp(() => onJiraEvent({ eventType: 'avi:jira-software:closed:sprint', sprint: { id: 6 } }));
    await app.invokeOk(
      'recordSprintOutcome',
      { boardId: 1, sprintId: 6, outcome: 'met', note: 'SAML shipped.', expectedVersion: 1 },
      PRIYA,
    );
    const { version, updatedBy, updatedAt, ...settings } = DEFAULT_SETTINGS;
    await app.invokeOk(
      'saveProjectSettings',
      {
        projectKey: 'ONB',
        settings: { ...settings, productOwners: { roleName: 'Product Owner', accountIds: [PRIYA, DANA] } },
        expectedVersion: SEEDED_SETTINGS_VERSION,
      },
      ADA,
    );
    await app.sandbox.idle();
    const before = storeOf(app);
    expect([occurrences(before, DANA), occurrences(before, PRIYA)].every((count) => count > 0)).toBe(true);

    await app.asApp(() => reportAccounts());

    const after = storeOf(app);
    const reported = api.reports.flat().map((account) => account.accountId);
    expect(new Set(reported)).toEqual(new Set([DANA, PRIYA, KOFI, ADA]));
    expect(api.reports.every((report) => report.length <= ACCOUNTS_PER_REPORT)).toBe(true);
    // Gone everywhere, keys included; replaced by the tombstone; the others untouched.
    expect([occurrences(after, DANA), occurrences(after, PRIYA)]).toEqual([0, 0]);
    expect(occurrences(after, CLOSED_ACCOUNT_TOMBSTONE)).toBeGreaterThan(0);
    expect(occurrences(after, KOFI)).toBe(occurrences(before, KOFI));
    expect(occurrences(after, ADA)).toBe(occurrences(before, ADA));
    // Every record survives; only the closed accounts' references and their replayable answers go.
    const { 'account-reference': referencesBefore, ...recordsBefore } = recordCounts(before);
    const { 'account-reference': referencesAfter, ...recordsAfter } = recordCounts(after);
    expect(recordsAfter).toEqual(recordsBefore);
    expect(referencesAfter).toBeLessThan(referencesBefore!);
    expect(Object.keys(after.keyValues).filter((key) => key.startsWith('idempotency:'))).toEqual([]);

    // And the app still reads them: the decision and its trail, with the tombstone for the people.
    const panel = await app.invokeOk('getIssuePanelState', { issueKey: 'ONB-68' }, KOFI);
    expect(panel.proposals[0]).toMatchObject({
      id: applied.id,
      status: 'applied',
      proposerAccountId: CLOSED_ACCOUNT_TOMBSTONE,
      decision: { deciderAccountId: CLOSED_ACCOUNT_TOMBSTONE, rationale: RATIONALE },
    });
    const trail = await app.invokeOk('getAuditTrail', { proposalId: withdrawn.id }, KOFI);
    expect(trail.events.map((e: { action: string; actorAccountId: string | null }) => [e.action, e.actorAccountId])).toEqual([
      ['proposed', CLOSED_ACCOUNT_TOMBSTONE],
      ['withdrawn', CLOSED_ACCOUNT_TOMBSTONE],
    ]);
    const settingsNow = await app.invokeOk('getProjectSettings', { projectKey: 'ONB' }, KOFI);
    expect(settingsNow.settings.productOwners.accountIds).toEqual([CLOSED_ACCOUNT_TOMBSTONE, CLOSED_ACCOUNT_TOMBSTONE]);

    // The next cycle finds nothing more to erase: the closed accounts are no longer held at all.
    // (Reading the views above keeps a fresh snapshot of the sprint: compare from here.)
    const reportsSoFar = api.reports.length;
    await app.sandbox.idle();
    const settled = storeOf(app);
    await app.asApp(() => reportAccounts());
    expect(
      api.reports
        .slice(reportsSoFar)
        .flat()
        .map((a) => a.accountId)
        .filter((id) => CLOSED.has(id)),
    ).toEqual([]);
    expect(storeOf(app)).toEqual(settled);

    const records = Object.values(recordsAfter).reduce((sum, count) => sum + count, 0);
    const rewritten = Object.entries(after.entities)
      .filter(([entity]) => entity !== 'account-reference')
      .flatMap(([entity, stored]) =>
        Object.entries(stored).filter(([key, record]) => JSON.stringify(record) !== JSON.stringify(before.entities[entity]?.[key])),
      ).length;
    reportFigure(
      'privacy',
      `${CLOSED.size} closed accounts replaced by a tombstone in ${rewritten} records (proposals, audit events, settings and their history, a bypassed-change review, a sprint outcome): 0 occurrences left, ${records} of ${records} records kept`,
    );
  });
});
