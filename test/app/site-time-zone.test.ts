/**
 * Issue 13: working days count in the site's time zone, which Jira's serverInfo gives (Atlassian's
 * platform OpenAPI, getServerInfo: `serverTimeZone`, no scope needed), read once and kept a day.
 */
import { SEED_ACCOUNTS } from '../../sandbox/jira/seed';
import { SANDBOX_INSTALLATION_ID } from '../../sandbox/server';
import { pinClockToTestNow, useForgeApp } from '../support/forge-app';
import { present } from '../support/present';

jest.setTimeout(60_000);

const { devDana: DANA } = SEED_ACCOUNTS;
const CLARIFY = { issueKey: 'ONB-55', change: { kind: 'tweak', note: 'Admins see the SSO toggle in the security tab.' } } as const;

pinClockToTestNow();
const app = useForgeApp();

const preview = async () => present(await app().invokeOk('previewProposal', CLARIFY, DANA), 'a preview');

/** What the stored team histories were computed with (team-history.ts, historyKeyOf; kept under `closed-sprint-…` keys). */
const storedHistoryKeys = (): unknown[] =>
  Object.entries(app().sandbox.kvs.snapshot(SANDBOX_INSTALLATION_ID).keyValues)
    .filter(([key]) => key.startsWith('closed-sprint-'))
    .map(([, value]) => (value as { estimationKey?: unknown }).estimationKey)
    .filter((estimationKey) => estimationKey !== undefined);

const serverInfoReads = (since: number) =>
  app()
    .sandbox.jira.requests.slice(since)
    .filter((request) => request.method === 'GET' && request.path === '/rest/api/3/serverInfo').length;

describe('the site’s clock', () => {
  it('counts the seed’s sprint on UTC working hours on a UTC site: 4.6 working days left at Wednesday 12:00 UTC', async () => {
    expect((await preview()).workingDaysLeft).toBe(4.6);
  });

  it('counts it on Los Angeles working hours on a Los Angeles site: at 04:00 there, Wednesday has not begun', async () => {
    app().site().serverTimeZone = 'America/Los_Angeles';
    const mark = app().sandbox.jira.requests.length;

    const first = await preview();
    const again = await preview();

    // Wednesday to Tuesday of the first week done, the second Wednesday not yet started: 5 of 10 left.
    expect(first.workingDaysLeft).toBe(5);
    expect(again.workingDaysLeft).toBe(5);
    // Read once, then kept: the second preview asks Jira no more.
    expect(serverInfoReads(mark)).toBe(1);
    // The team's closed sprints are counted on the same clock, and kept under that zone's name.
    expect(new Set(storedHistoryKeys())).toEqual(new Set(['customfield_10016 in America/Los_Angeles']));
  });

  it('counts on UTC when the site’s zone is one the time-zone database does not know, and keeps asking', async () => {
    app().site().serverTimeZone = 'Mars/Olympus_Mons';
    const mark = app().sandbox.jira.requests.length;

    expect((await preview()).workingDaysLeft).toBe(4.6);
    await preview();

    expect(serverInfoReads(mark)).toBe(2);
  });
});
