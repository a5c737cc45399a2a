import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { callsTo } from '../../../shared/testing/scripted-resolvers';
import { showSprint } from '../testing/render-gadget';
import { AS_PRODUCT_OWNER, OUTCOMES, readyState } from '../testing/sprint-fixtures';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { submit: jest.fn() } }));
const bridgeInvoke = invoke as unknown as jest.Mock;

beforeEach(() => bridgeInvoke.mockReset());

describe('sprint goal outcomes', () => {
  it('asks the Product Owner whether a closed sprint’s goal was met, and records the answer', async () => {
    showSprint(bridgeInvoke, readyState(AS_PRODUCT_OWNER), {
      recordSprintOutcome: () => ({ data: { ...OUTCOMES[0]!, outcome: 'partly' } }),
    });
    const prompt = await screen.findByRole('form', { name: 'Was the goal of ONB Sprint 6 met?' });
    const save = within(prompt).getByRole('button', { name: 'Record the outcome' });
    expect(save).toBeDisabled();

    fireEvent.click(within(prompt).getByRole('radio', { name: 'Partly met' }));
    fireEvent.change(within(prompt).getByRole('textbox', { name: 'Note (optional)' }), {
      target: { value: 'SAML worked; Entra slipped.' },
    });
    fireEvent.click(save);

    await waitFor(() => expect(callsTo(bridgeInvoke, 'getSprintViewState')).toHaveLength(2));
    expect(callsTo(bridgeInvoke, 'recordSprintOutcome')).toEqual([
      { boardId: 1, sprintId: 6, outcome: 'partly', note: 'SAML worked; Entra slipped.', expectedVersion: 1 },
    ]);
  });

  it('tells everyone else who is asked', async () => {
    showSprint(bridgeInvoke, readyState());
    expect(await screen.findByText('Waiting for the Product Owner to record it: Priya Raman')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Was the goal of ONB Sprint 6 met?' })).not.toBeInTheDocument();
  });

  it('shows the goal-success trend over the closed sprints, oldest first', async () => {
    showSprint(bridgeInvoke, readyState());
    const trend = await screen.findByRole('region', { name: 'Goal success over sprints' });

    expect(within(trend).getByText('Goal met in 1 of 2 sprints; partly met in 1, not met in 0.')).toBeInTheDocument();
    const rows = within(trend)
      .getAllByRole('row')
      .slice(1)
      .map((row) => [...row.querySelectorAll('th, td')].map((cell) => cell.textContent));
    expect(rows).toEqual([
      ['ONB Sprint 4', 'Oct 19, 2026', 'Met', '10%', ''],
      ['ONB Sprint 5', 'Nov 2, 2026', 'Partly met', 'not known', 'SAML logout slipped.'],
      ['ONB Sprint 6', 'Nov 16, 2026', 'Not recorded yet', '19%', ''],
    ]);
  });
});
