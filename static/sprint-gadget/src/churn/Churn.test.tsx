import '@testing-library/jest-dom';
import { screen, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { showSprint } from '../testing/render-gadget';
import { readyState } from '../testing/sprint-fixtures';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { submit: jest.fn() } }));
const bridgeInvoke = invoke as unknown as jest.Mock;

beforeEach(() => bridgeInvoke.mockReset());

/** The rows of a table as arrays of cell texts, header row included. */
function rowsOf(table: HTMLElement): string[][] {
  return within(table)
    .getAllByRole('row')
    .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent ?? ''));
}

async function churn() {
  return screen.findByRole('region', { name: 'Churn' });
}

describe('churn', () => {
  it('shows every figure, matching a hand count of the sprint’s changes', async () => {
    showSprint(bridgeInvoke, readyState());
    const section = await churn();

    expect(rowsOf(within(section).getByRole('table', { name: 'How the sprint’s scope moved since it was committed' }))).toEqual([
      ['Scope', 'Points', 'Issues'],
      ['Committed at the start', '30', '11'],
      ['Added', '7', '2'],
      ['Removed', '0', '0'],
      ['Deferred', '3', '1'],
      ['Re-estimated up', '1', '1'],
      ['Re-estimated down', '2', '1'],
    ]);
    expect(within(section).getByText('43%')).toBeInTheDocument();
    expect(within(section).getByText('+3 points')).toBeInTheDocument();
  });

  it('splits the churn by reason and by route: through Goalkeeper or directly in Jira', async () => {
    showSprint(bridgeInvoke, readyState());
    const section = await churn();

    expect(rowsOf(within(section).getByRole('table', { name: 'By reason' }))).toEqual([
      ['Reason', 'Points', 'Issues'],
      ['Stakeholder request', '5', '1'],
      ['Dependency', '3', '1'],
      ['Learned more about the estimate', '1', '1'],
      ['Made directly in Jira (no reason given)', '4', '2'],
    ]);
    expect(rowsOf(within(section).getByRole('table', { name: 'Through Goalkeeper or around it' }))).toEqual([
      ['Route', 'Points', 'Issues'],
      ['Approved through Goalkeeper', '9', '3'],
      ['Made directly in Jira (bypassed)', '4', '2'],
    ]);
  });

  it('reads "not tracked" for bypassed changes nobody watched, never 0, and says why', async () => {
    const state = readyState();
    showSprint(bridgeInvoke, readyState({ churn: { ...state.churn, bypassed: 'not-tracked' }, baselineSource: 'reconstructed' }));
    const section = await churn();

    const route = rowsOf(within(section).getByRole('table', { name: 'Through Goalkeeper or around it' }));
    expect(route[2]![0]).toBe('Made directly in Jira (bypassed)');
    expect(route[2]![1]).toMatch(/^not tracked/);
    expect(route[2]).not.toContain('0');
    expect(within(section).getByText(/Committed scope reconstructed/)).toBeInTheDocument();
  });

  it('explains where the committed scope comes from', async () => {
    showSprint(bridgeInvoke, readyState({ baselineSource: 'first-seen' }));
    expect(within(await churn()).getByText(/what Goalkeeper saw when it first met this sprint, after it had started/)).toBeInTheDocument();
  });

  it('labels a baseline from the first look with its date, and says changes before it are not counted', async () => {
    showSprint(bridgeInvoke, readyState({ baselineSource: 'first-seen', baselineTakenAt: '2026-11-19T10:30:00.000Z' }));
    const label = within(await churn()).getByText(/^Baseline from first look on /);
    expect(label).toHaveTextContent(/Nov 19, 2026/);
    expect(label).toHaveTextContent('Changes before then are not counted.');
  });

  it('says when the sprint was read back to its start from Jira’s history', async () => {
    const state = readyState({ baselineSource: 'changelog', baselineTakenAt: '2026-11-16T09:00:00.000Z' });
    showSprint(bridgeInvoke, state);
    const label = within(await churn()).getByText(/read back from Jira’s history of its issues/);
    expect(label).toHaveTextContent(/at its start on Nov 16, 2026/);
  });

  it('says the read-back in German', async () => {
    showSprint(bridgeInvoke, readyState({ baselineSource: 'changelog', baselineTakenAt: '2026-11-16T09:00:00.000Z' }), {}, 'de-DE');
    const section = await screen.findByRole('region', { name: 'Churn' });
    expect(within(section).getByText(/aus Jiras Verlauf seiner Vorgänge gelesen/)).toHaveTextContent(/bei seinem Start am 16\.11\.2026/);
  });

  it('does not invent a gross churn without a committed scope', async () => {
    const state = readyState();
    showSprint(bridgeInvoke, readyState({ churn: { ...state.churn, committed: null, grossChurn: null } }));
    const section = await churn();

    expect(within(section).getByText('not known without a committed scope')).toBeInTheDocument();
    expect(within(section).getByText('not known: no committed scope was recorded')).toBeInTheDocument();
  });
});
