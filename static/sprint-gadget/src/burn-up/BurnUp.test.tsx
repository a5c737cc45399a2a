import '@testing-library/jest-dom';
import { fireEvent, screen, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { showSprint } from '../testing/render-gadget';
import { readyState } from '../testing/sprint-fixtures';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { submit: jest.fn() } }));
const bridgeInvoke = invoke as unknown as jest.Mock;

beforeEach(() => bridgeInvoke.mockReset());

async function burnUp() {
  return screen.findByRole('region', { name: 'Burn-up' });
}

describe('the burn-up', () => {
  it('offers a table with one row per step of the scope line, matching the chart’s data', async () => {
    const state = readyState();
    showSprint(bridgeInvoke, state);
    const section = await burnUp();
    fireEvent.click(within(section).getByText('Show the burn-up as a table'));

    const table = within(section).getByRole('table', { name: 'Scope of ONB Sprint 7, change by change' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(state.burnUp.scope.length);
    expect(rows.map((row) => within(row).getAllByRole('cell')[2]!.textContent)).toEqual(
      state.burnUp.scope.map((step) => `${step.scope} points`),
    );
    expect(rows.map((row) => within(row).getByRole('rowheader').textContent)).toEqual([
      'Committed at the sprint start',
      'ONB-16 added to the sprint',
      'ONB-61 deferred to the next sprint',
      'ONB-39 re-estimated from 2 to 3',
      'ONB-69 added to the sprint',
      'ONB-58 re-estimated from 3 to 1',
    ]);
    expect(within(rows[1]!).getByText('Acme’s SSO deadline moved up; the passkey spike can slip.')).toBeInTheDocument();
    expect(within(rows[4]!).getByText('directly in Jira, by Kofi Mensah')).toBeInTheDocument();
    expect(within(rows[5]!).getByText('Dana split the work; the rest moved to ONB-70.')).toBeInTheDocument();
  });

  it('has one focusable mark per change, and the chart summarised for screen readers', async () => {
    showSprint(bridgeInvoke, readyState());
    const section = await burnUp();

    const chart = within(section).getByRole('group', { name: 'Committed 30 points; scope now 33 points after 5 changes; 9 points done.' });
    const marks = within(chart).getAllByRole('img');
    expect(marks).toHaveLength(5);
    expect(marks[0]).toHaveAccessibleName('Change 1 of 5: ONB-16 added to the sprint, +5 points');
    expect(marks[0]).toHaveAttribute('tabindex', '0');
  });

  it('shows the change and its rationale when a mark is focused or hovered, and hides it on Escape', async () => {
    showSprint(bridgeInvoke, readyState());
    const section = await burnUp();
    const marks = within(section).getAllByRole('img');

    fireEvent.focus(marks[1]!);
    const tooltip = screen.getByRole('tooltip');
    expect(tooltip).toHaveTextContent('ONB-61 deferred to the next sprint (-3 points)');
    expect(tooltip).toHaveTextContent('through Goalkeeper, decided by Priya Raman');
    expect(tooltip).toHaveTextContent('Not goal-critical, and the design review decides its shape anyway.');
    expect(marks[1]).toHaveAccessibleDescription(expect.stringContaining('Not goal-critical'));

    fireEvent.keyDown(marks[1]!, { key: 'Escape' });
    expect(screen.queryByRole('tooltip')).not.toBeInTheDocument();

    fireEvent.mouseEnter(marks[3]!);
    expect(screen.getByRole('tooltip')).toHaveTextContent('ONB-69 added to the sprint (+2 points)');
    expect(screen.getByRole('tooltip')).toHaveTextContent('No rationale given.');
  });

  it('lists the points done by the end of each working day beside the scope, today marked as so far', async () => {
    showSprint(bridgeInvoke, readyState());
    const section = await burnUp();
    fireEvent.click(within(section).getByText('Show the burn-up as a table'));

    const table = within(section).getByRole('table', { name: 'Points done in ONB Sprint 7, working day by working day' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows.map((row) => within(row).getByRole('cell').textContent)).toEqual(['2', '2', '5', '7', '9']);
    expect(within(rows[4]!).getByRole('rowheader')).toHaveTextContent('(today, so far)');
    expect(within(rows[3]!).getByRole('rowheader')).not.toHaveTextContent('today');
  });

  it('draws the done line through one point per working day, ending at what is done now', async () => {
    showSprint(bridgeInvoke, readyState());
    const section = await burnUp();
    const line = section.querySelector('.gk-burn-up__done-line')!;
    const days = [...section.querySelectorAll('.gk-burn-up__done-day')];
    const now = section.querySelector('.gk-burn-up__done')!;

    expect(days).toHaveLength(5);
    expect(line.getAttribute('d')!.match(/L/g)).toHaveLength(5);
    const heights = days.map((day) => Number(day.getAttribute('cy')));
    // Higher on the chart is a smaller y: the line never falls, and Thursday to Friday it rises.
    expect(heights.every((y, index) => index === 0 || y <= heights[index - 1]!)).toBe(true);
    expect(heights[4]!).toBeLessThan(heights[3]!);
    expect(days[4]!.getAttribute('cy')).toBe(now.getAttribute('cy'));
    expect(within(section).getByText('Done by the end of each working day')).toBeInTheDocument();
  });

  it('names the daily figures in German', async () => {
    showSprint(bridgeInvoke, readyState(), {}, 'de-DE');
    const section = await screen.findByRole('region', { name: 'Burn-up' });
    fireEvent.click(within(section).getByText('Burn-up als Tabelle zeigen'));
    const table = within(section).getByRole('table', { name: 'Erledigte Punkte in ONB Sprint 7, Arbeitstag für Arbeitstag' });
    expect(within(table).getByRole('columnheader', { name: 'Erledigte Punkte am Ende des Tages' })).toBeInTheDocument();
    expect(within(table).getAllByRole('rowheader')[4]).toHaveTextContent('(heute, bisher)');
  });
});
