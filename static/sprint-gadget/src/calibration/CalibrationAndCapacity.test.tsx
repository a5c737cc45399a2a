/**
 * Issue 13 in the sprint gadget: Goalkeeper's calibration (a table, with a chart beside it for the
 * eye), the team's capacity for the rest of the sprint, and a queued change's own effect apart
 * from the sprint's chance — in English and German.
 */
import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { callsTo } from '../../../shared/testing/scripted-resolvers';
import { showSprint } from '../testing/render-gadget';
import { AS_PRODUCT_OWNER, CALIBRATED, QUEUE, readyState } from '../testing/sprint-fixtures';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { submit: jest.fn() } }));
const bridgeInvoke = invoke as unknown as jest.Mock;

beforeEach(() => bridgeInvoke.mockReset());

describe('calibration', () => {
  it('says what it waits for until enough sprints have closed with an outcome', async () => {
    showSprint(bridgeInvoke, readyState());
    const panel = await screen.findByRole('region', { name: 'How reliable Goalkeeper’s forecasts have been' });
    expect(within(panel).getByText(/^After 5 closed sprints with a recorded goal outcome, .* So far: 2 sprints\.$/)).toBeInTheDocument();
    expect(within(panel).queryByRole('table')).not.toBeInTheDocument();
  });

  it('shows, per band, how often goals were met when Goalkeeper said so, and the Brier score', async () => {
    showSprint(bridgeInvoke, readyState({ calibration: CALIBRATED }));
    const panel = await screen.findByRole('region', { name: 'How reliable Goalkeeper’s forecasts have been' });
    expect(
      within(panel).getByText(
        `Brier score ${CALIBRATED.brier!.toFixed(3)} over 8 decisions in 6 sprints (0 is perfect; always saying 50% scores 0.250).`,
      ),
    ).toBeInTheDocument();
    const rows = within(within(panel).getByRole('table')).getAllByRole('row').slice(1);
    expect(
      rows.map((row) =>
        within(row)
          .getAllByRole('cell')
          .map((cell) => cell.textContent),
      ),
    ).toEqual([
      ['1 of 3 times', '33%'],
      ['1 of 2 times', '50%'],
      ['3 of 3 times', '100%'],
    ]);
    expect(within(rows[0]!).getByRole('rowheader')).toHaveTextContent('31% (between 20% and 40%)');
  });

  it('reads in German', async () => {
    showSprint(bridgeInvoke, readyState({ calibration: CALIBRATED }), {}, 'de-DE');
    const panel = await screen.findByRole('region', { name: 'Wie verlässlich Goalkeepers Prognosen waren' });
    expect(within(panel).getByText(/^Brier-Score 0,\d{3} über 8 Entscheidungen in 6 Sprints/)).toBeInTheDocument();
    expect(within(panel).getAllByText('1 von 3 Malen')).toHaveLength(1);
  });
});

describe('the capacity for the rest of the sprint', () => {
  it('saves the share available and the days off for the sprint shown', async () => {
    showSprint(bridgeInvoke, readyState(), {
      setSprintCapacity: (payload: { availability: number; daysOff: number }) => ({
        data: { sprintId: 7, boardId: 1, updatedAt: '2026-11-20T10:00:00.000Z', ...payload },
      }),
    });
    const section = await screen.findByRole('region', { name: 'Capacity for the rest of the sprint' });
    expect(within(section).getByText('The forecast assumes the team’s usual capacity on every working day left.')).toBeInTheDocument();
    fireEvent.change(within(section).getByRole('spinbutton', { name: 'Available (% of usual)' }), { target: { value: '80' } });
    fireEvent.change(within(section).getByRole('spinbutton', { name: 'Days off' }), { target: { value: '1' } });
    fireEvent.click(within(section).getByRole('button', { name: 'Save capacity' }));
    await waitFor(() => expect(callsTo(bridgeInvoke, 'setSprintCapacity')).toHaveLength(1));
    expect(callsTo(bridgeInvoke, 'setSprintCapacity')[0]).toEqual({ boardId: 1, sprintId: 7, availability: 0.8, daysOff: 1 });
  });

  it('says what is declared, and refuses figures out of range before sending anything, in German', async () => {
    showSprint(
      bridgeInvoke,
      readyState({ capacity: { sprintId: 7, boardId: 1, availability: 0.6, daysOff: 2, updatedAt: '2026-11-20T10:00:00.000Z' } }),
      {},
      'de-DE',
    );
    const section = await screen.findByRole('region', { name: 'Kapazität für den Rest des Sprints' });
    expect(within(section).getByText('Angegeben: 60 % der üblichen Kapazität, 2 freie Arbeitstage.')).toBeInTheDocument();
    fireEvent.change(within(section).getByRole('spinbutton', { name: 'Verfügbar (% der üblichen)' }), { target: { value: '120' } });
    expect(within(section).getByText('Ein ganzer Prozentwert von 0 bis 100.')).toBeInTheDocument();
    expect(within(section).getByRole('button', { name: 'Kapazität speichern' })).toBeDisabled();
    expect(callsTo(bridgeInvoke, 'setSprintCapacity')).toHaveLength(0);
  });
});

describe('a queued change', () => {
  it('shows the sprint’s chance now apart from the change’s own effect, and lets the PO approve on a condition', async () => {
    const [first, second] = QUEUE;
    const withEffect = {
      ...first!,
      assessmentNow: { ...first!.assessmentNow, effect: { delta: -0.23, low: -0.25, high: -0.21, direction: 'lowers' as const } },
    };
    showSprint(bridgeInvoke, readyState({ ...AS_PRODUCT_OWNER, queue: [second!, withEffect] }), {
      decideProposal: () => ({ data: withEffect.proposal }),
    });
    const card = within(await screen.findByRole('region', { name: /Waiting for a decision/ })).getAllByRole('article')[1]!;
    fireEvent.click(within(card).getByRole('button', { name: 'Decide…' }));
    expect(within(card).getByText('The sprint’s chance now: P(goal) 64%')).toBeInTheDocument();
    expect(within(card).getByText('This change lowers it by 23 points (range 21 to 25)')).toBeInTheDocument();

    const decision = within(card).getByRole('region', { name: 'Decide: Add ONB-68 to the sprint' });
    fireEvent.click(within(decision).getByRole('checkbox', { name: 'Approve on a condition' }));
    fireEvent.click(within(decision).getByRole('radio', { name: 'Rank below the goal’s last item' }));
    fireEvent.click(within(decision).getByRole('checkbox', { name: /ONB-62/ }));
    fireEvent.change(within(decision).getByRole('textbox', { name: 'Rationale (the team will read it)' }), {
      target: { value: 'Fine once the passkey spike waits behind the goal.' },
    });
    fireEvent.click(within(decision).getByRole('button', { name: 'Approve on this condition' }));
    await waitFor(() => expect(callsTo(bridgeInvoke, 'decideProposal')).toHaveLength(1));
    expect(callsTo(bridgeInvoke, 'decideProposal')[0]).toMatchObject({
      verdict: 'approve',
      condition: { kind: 'rank-below-goal', issueKeys: ['ONB-62'] },
    });
  });
});
