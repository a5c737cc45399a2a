/**
 * The sprint's history as the gadget tells it (issue 15), in Chromium: the burn-up's daily done
 * line and its table, figured from the seed's done issues and the days they were done; and churn
 * when the gadget is first opened after the sprint was changed in Jira — the committed scope read
 * back to the sprint's start from Jira's changelog, each change made in Jira counted once — or,
 * where Jira refuses that history, a baseline labelled as Goalkeeper's first look.
 */
import type { Frame, Locator } from 'playwright-core';
import { COOKIES } from '../../sandbox/chrome/viewer';
import type { JiraSite } from '../../sandbox/jira/jira-model';
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { describeInBrowser } from './browser';
import { useSandboxInBrowser } from './sandbox-fixture';
import { moveInJiraAs } from './sandbox-http';
import { GADGET_ID, openGadget, openSection } from './sprint-gadget-driver';

// A sandbox boot, a cold Chromium and the first sprint view (which reads Jira's history) on a loaded 2-core machine.
jest.setTimeout(180_000);

const UI_MS = 20_000;
const MS_PER_DAY = 86_400_000;
/** The default working days, Monday to Friday (DEFAULT_WORKING_DAYS in src/domain/assessment.ts); the seed sets no others. */
const WEEKEND = new Set([0, 6]);
const { devMei, productOwner } = SEED_ACCOUNTS;
const SPRINT = SEED_FACTS.activeSprintId;
/** Taken out of the sprint in Jira, and pulled into it from the backlog (2 and 5 points in the seed: the totals must move). */
const TAKEN_OUT = SEED_FACTS.activeSprintKeys.adminRequireSso;
const PULLED_IN = 'ONB-70';

interface Scope {
  readonly points: number;
  readonly count: number;
}

/** The active sprint's issues as Jira holds them now: sub-tasks are not sprint scope (Jira's reports ignore their points). */
function sprintScope(site: JiraSite): Scope {
  const issues = site.sprintIssues(SPRINT).filter((issue) => !site.typeOf(issue).subtask);
  return { points: issues.reduce((sum, issue) => sum + (issue.points ?? 0), 0), count: issues.length };
}

interface DoneDay {
  readonly date: string;
  readonly donePoints: number;
}

/**
 * What the done line should show, from the seed's issues: every working day from the sprint's
 * start to today (UTC dates), and the points of the issues now done by the end of it — an issue
 * counts on the day its status reached Done (Jira's statuscategorychangedate), or on the first
 * day if it was done before the start.
 */
function expectedDoneByDay(site: JiraSite, now: Date): DoneDay[] {
  const sprint = site.sprints.get(SPRINT)!;
  const dayOf = (iso: string) => Math.floor(Date.parse(iso) / MS_PER_DAY);
  const days: number[] = [];
  for (let day = dayOf(sprint.startDate!); day <= dayOf(now.toISOString()); day++)
    if (!WEEKEND.has(new Date(day * MS_PER_DAY).getUTCDay())) days.push(day);
  const done = site.sprintIssues(SPRINT).filter((issue) => !site.typeOf(issue).subtask && issue.status.category === 'done');
  return days.map((day) => ({
    date: new Date(day * MS_PER_DAY).toISOString().slice(0, 10),
    donePoints: done
      .filter((issue) => Math.max(dayOf(issue.statusCategoryChangeDate), days[0]!) <= day)
      .reduce((sum, issue) => sum + (issue.points ?? 0), 0),
  }));
}

/** A UTC date as the gadget names it: from its noon, in the reader's language (Intl's medium date). */
function dateLabel(locale: string, date: string): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(new Date(`${date}T12:00:00.000Z`));
}

async function rowsOf(table: Locator): Promise<string[][]> {
  const rows = table.locator('tbody').getByRole('row');
  const texts: string[][] = [];
  for (let index = 0; index < (await rows.count()); index++) {
    const row = rows.nth(index);
    texts.push(
      [...(await row.getByRole('rowheader').allInnerTexts()), ...(await row.getByRole('cell').allInnerTexts())].map((text) => text.trim()),
    );
  }
  return texts;
}

async function churnRow(gadget: Frame, label: string): Promise<string[]> {
  const row = gadget.getByRole('region', { name: 'Churn' }).getByRole('row', { name: new RegExp(`^${label}`) });
  return (await row.getByRole('cell').allTextContents()).map((cell) => cell.trim());
}

describeInBrowser('the sprint’s history in the gadget, end to end', () => {
  const { ui } = useSandboxInBrowser();
  const site = () => ui().sandbox.jira.model.site();

  beforeEach(() => ui().sandbox.settings.setGadgetConfiguration(GADGET_ID, { boardId: SEED_FACTS.onb.boardId }));

  /** Mei changes the sprint on the board, in Jira, before anyone has opened Goalkeeper: one issue out, one in. */
  async function changeSprintInJiraFirst(): Promise<{ atStart: Scope; now: Scope }> {
    const atStart = sprintScope(site());
    expect(await moveInJiraAs(ui().sandbox, devMei, TAKEN_OUT, null)).toBe(204);
    expect(await moveInJiraAs(ui().sandbox, devMei, PULLED_IN, SPRINT)).toBe(204);
    // Jira's issue-updated events reach the app's trigger before anyone looks.
    await ui().sandbox.idle();
    const now = sprintScope(site());
    // The two moves change the totals, so a figure counted twice or not at all cannot pass.
    expect(now.points).not.toBe(atStart.points);
    expect(now.count).toBe(atStart.count);
    return { atStart, now };
  }

  it('draws the daily done line and lists the points done by the end of each working day, as the seed’s issues were done', async () => {
    const expected = expectedDoneByDay(site(), new Date());
    // The seed finishes work on several different days, so the line has a shape to check.
    expect(new Set(expected.map((day) => day.donePoints)).size).toBeGreaterThan(2);
    const gadget = await openGadget(ui(), productOwner);
    await openSection(gadget, 'Burn-up');
    const burnUp = gadget.getByRole('region', { name: 'Burn-up' });
    const donePoints = expected.at(-1)!.donePoints;
    const chart = burnUp.getByRole('group', { name: new RegExp(`; ${donePoints} points done\\.$`) });
    await chart.waitFor({ timeout: UI_MS });

    await burnUp.getByText('Show the burn-up as a table').click();
    const table = burnUp.getByRole('table', { name: 'Points done in ONB Sprint 7, working day by working day' });
    await table.waitFor({ timeout: UI_MS });
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['Working day', 'Points done by the end of the day']);
    const today = new Date().toISOString().slice(0, 10);
    expect(await rowsOf(table)).toEqual(
      expected.map((day) => [
        day.date === today ? `${dateLabel('en-US', day.date)} (today, so far)` : dateLabel('en-US', day.date),
        String(day.donePoints),
      ]),
    );

    // The chart's done line (drawn for the eye; the table above is its accessible form): one point per working day, rising.
    const doneLine = chart.locator('path.gk-burn-up__done-line');
    const path = (await doneLine.getAttribute('d')) ?? '';
    const ys = [...path.matchAll(/L[-\d.e]+,([-\d.e]+)/g)].map((match) => Number(match[1]));
    expect(ys).toHaveLength(expected.length);
    ys.slice(1).forEach((y, index) => expect(y).toBeLessThanOrEqual(ys[index]!));
    expect(ys.at(-1)!).toBeLessThan(Number(/^M[-\d.e]+,([-\d.e]+)/.exec(path)?.[1]));
    expect(await chart.locator('circle.gk-burn-up__done-day').count()).toBe(expected.length);
    expect(ui().dialogs).toEqual([]);
  });

  it('reads the burn-up table in German when the person’s Jira language is German', async () => {
    await ui().context.addCookies([{ name: COOKIES.locale, value: 'de-DE', url: ui().sandbox.url }]);
    const gadget = await openGadget(ui(), productOwner);
    const button = gadget.getByRole('list', { name: 'Mehr zu diesem Sprint' }).getByRole('button', { name: 'Burn-up' });
    await button.click();
    const burnUp = gadget.getByRole('region', { name: 'Burn-up' });
    await burnUp.getByText('Burn-up als Tabelle zeigen').click();
    const table = burnUp.getByRole('table', { name: 'Erledigte Punkte in ONB Sprint 7, Arbeitstag für Arbeitstag' });
    await table.waitFor({ timeout: UI_MS });
    expect(await table.getByRole('columnheader').allInnerTexts()).toEqual(['Arbeitstag', 'Erledigte Punkte am Ende des Tages']);
    // The last working day so far: today, marked as such, unless today is a day off.
    const last = expectedDoneByDay(site(), new Date()).at(-1)!.date;
    const isToday = last === new Date().toISOString().slice(0, 10);
    expect((await rowsOf(table)).at(-1)?.[0]).toBe(isToday ? `${dateLabel('de-DE', last)} (heute, bisher)` : dateLabel('de-DE', last));
  });

  it('counts churn from the sprint’s start when the gadget is first opened after the sprint was changed in Jira, each change once', async () => {
    const { atStart, now } = await changeSprintInJiraFirst();

    let gadget = await openGadget(ui(), productOwner);
    await gadget
      .getByText(`Churn: committed ${atStart.points} points, now ${now.points} points`, { exact: false })
      .waitFor({ timeout: UI_MS });
    await openSection(gadget, 'Churn');
    const churn = gadget.getByRole('region', { name: 'Churn' });
    await churn
      .getByText(/^Committed scope: the sprint at its start on .+, read back from Jira’s history of its issues/)
      .waitFor({ timeout: UI_MS });
    expect(await churnRow(gadget, 'Committed at the start')).toEqual([String(atStart.points), String(atStart.count)]);

    // A second look, after the reconciliation the first one queued, reads the kept baseline: still each change once.
    await ui().sandbox.idle();
    gadget = await openGadget(ui(), productOwner);
    await openSection(gadget, 'Churn');
    await openSection(gadget, 'Burn-up');
    await openSection(gadget, /^Made in Jira/);
    const moved = now.points - atStart.points;
    await gadget
      .getByRole('region', { name: 'Burn-up' })
      .getByText(new RegExp(`^Committed ${atStart.points} points; scope now ${now.points} points after 2 changes;`))
      .waitFor({ timeout: UI_MS });
    expect(await churnRow(gadget, 'Committed at the start')).toEqual([String(atStart.points), String(atStart.count)]);
    const pulledIn = site().issueByKeyOrId(PULLED_IN)!.points!;
    const takenOut = pulledIn - moved;
    expect(await churnRow(gadget, 'Added')).toEqual([String(pulledIn), '1']);
    expect(await churnRow(gadget, 'Removed')).toEqual([String(takenOut), '1']);
    expect(await churnRow(gadget, 'Approved through Goalkeeper')).toEqual(['0', '0']);
    expect(await churnRow(gadget, 'Made directly in Jira \\(bypassed\\)')).toEqual([String(pulledIn + takenOut), '2']);

    const bypassed = gadget.getByRole('region', { name: 'Changes made directly in Jira (2)' });
    await bypassed.waitFor({ timeout: UI_MS });
    for (const name of [`${TAKEN_OUT} removed from the sprint, directly in Jira`, `${PULLED_IN} added to the sprint, directly in Jira`]) {
      await bypassed
        .getByRole('article', { name })
        .getByText(/^By Mei Tanaka, /)
        .waitFor();
    }
    expect(await bypassed.getByRole('article').count()).toBe(2);
    expect(ui().dialogs).toEqual([]);
  });

  it('labels the baseline as Goalkeeper’s first look when Jira refuses the history, and counts nothing twice', async () => {
    const { now } = await changeSprintInJiraFirst();
    // Jira refuses the app the changelog (as it does an app without the scope), armed as sandbox/README.md tells a person to.
    const armed = await fetch(`${ui().sandbox.jira.url}/__sandbox/faults`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        fault: { kind: 'server-error', status: 403 },
        method: 'POST',
        pathPattern: '^/rest/api/3/changelog/bulkfetch',
        times: 100,
      }),
    });
    expect(armed.status).toBe(200);

    await openGadget(ui(), productOwner);
    // The first look's reconciliation keeps what it saw as the baseline.
    await ui().sandbox.idle();
    expect(ui().sandbox.jira.faults.armed()[0]?.remaining).toBeLessThan(100);
    ui().sandbox.jira.faults.clear();
    const gadget = await openGadget(ui(), productOwner);
    await openSection(gadget, 'Churn');
    const churn = gadget.getByRole('region', { name: 'Churn' });
    const label = churn.getByText(
      /^Baseline from first look on .+: what Goalkeeper saw when it first met this sprint, after it had started/,
    );
    await label.waitFor({ timeout: UI_MS });
    expect(await label.innerText()).toContain(
      `Baseline from first look on ${new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date())}`,
    );
    // The first look already holds both moves: committed is what Jira had then, and they are not added again.
    expect(await churnRow(gadget, 'Committed at the start')).toEqual([String(now.points), String(now.count)]);
    await gadget.getByText(`Churn: committed ${now.points} points, now ${now.points} points`, { exact: false }).waitFor();
    expect(await churnRow(gadget, 'Made directly in Jira \\(bypassed\\)')).toEqual(['0', '0']);
    expect(ui().dialogs).toEqual([]);
  });
});
