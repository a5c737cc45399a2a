import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { invoke, view } from '@forge/bridge';
import type { BoardSummary } from '@goalkeeper/contract';
import { answerResolvers, callsTo } from '../../../shared/testing/scripted-resolvers';
import { showGadget } from '../testing/render-gadget';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { submit: jest.fn() } }));
const bridgeInvoke = invoke as unknown as jest.Mock;
const submit = view.submit as unknown as jest.Mock;

const BOARDS: readonly BoardSummary[] = [
  { id: 2, name: 'BIL board', type: 'scrum', projectKey: 'BIL', projectId: '10001' },
  { id: 1, name: 'ONB board', type: 'scrum', projectKey: 'ONB', projectId: '10000' },
];

beforeEach(() => {
  bridgeInvoke.mockReset();
  submit.mockReset();
  answerResolvers(bridgeInvoke, {
    listBoards: (payload: { query?: string }) => ({
      data: BOARDS.filter((board) => !payload.query || board.name.toLowerCase().includes(payload.query.toLowerCase())),
    }),
  });
});

function editGadget(gadgetConfiguration: Record<string, unknown> = {}) {
  showGadget({ type: 'jira:dashboardGadget', entryPoint: 'edit', gadgetConfiguration });
}

describe('the gadget’s edit view', () => {
  it('lists the Scrum boards the person can see and saves the chosen one, with no forecast confidence of its own', async () => {
    editGadget();
    fireEvent.click(await screen.findByRole('radio', { name: /ONB board/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    await waitFor(() => expect(submit).toHaveBeenCalledWith({ boardId: 1, goalLabel: null }));
    expect(screen.queryByRole('group', { name: 'Forecast confidence' })).not.toBeInTheDocument();
    expect(callsTo(bridgeInvoke, 'listBoards')).toEqual([{}]);
  });

  it('searches the boards by what is typed, keeping the chosen board named when it is filtered out', async () => {
    editGadget({ boardId: 1, confidence: 'p50', goalLabel: 'sprint-goal' });
    expect(await screen.findByRole('radio', { name: /ONB board/ })).toBeChecked();
    expect(screen.getByRole('textbox', { name: 'Goal label (optional)' })).toHaveValue('sprint-goal');

    fireEvent.change(screen.getByRole('searchbox', { name: 'Find a board' }), { target: { value: 'BIL' } });

    expect(await screen.findByText('Chosen: ONB board')).toBeInTheDocument();
    expect(screen.getAllByRole('radio', { name: /board/ })).toHaveLength(1);
    expect(callsTo(bridgeInvoke, 'listBoards')).toEqual([{}, { query: 'BIL' }]);
  });

  it('says when no board matches the search', async () => {
    editGadget();
    await screen.findByRole('radio', { name: /ONB board/ });
    fireEvent.change(screen.getByRole('searchbox', { name: 'Find a board' }), { target: { value: 'Kanban' } });

    expect(await screen.findByText('No Scrum board you can see matches “Kanban”.')).toBeInTheDocument();
  });

  it('refuses to save without a board, saying what is missing', async () => {
    editGadget();
    await screen.findByRole('radio', { name: /ONB board/ });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.getByRole('group', { name: 'Scrum board' })).toHaveAccessibleDescription(
      'Choose the board whose sprint this gadget shows.',
    );
    expect(screen.getByRole('radio', { name: /BIL board/ })).toHaveFocus();
    expect(submit).not.toHaveBeenCalled();
  });

  it('refuses a goal label with spaces, as Jira does', async () => {
    editGadget({ boardId: 1 });
    await screen.findByRole('radio', { name: /ONB board/ });
    const label = screen.getByRole('textbox', { name: 'Goal label (optional)' });
    fireEvent.change(label, { target: { value: 'sprint goal' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(label).toHaveAccessibleDescription(expect.stringContaining('A Jira label has no spaces.'));
    expect(label).toHaveFocus();
    expect(submit).not.toHaveBeenCalled();

    fireEvent.change(label, { target: { value: '  sprint-goal ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(submit).toHaveBeenCalledWith({ boardId: 1, goalLabel: 'sprint-goal' }));
  });

  it('shows in words why the boards could not be listed, and tries again on request', async () => {
    answerResolvers(bridgeInvoke, { listBoards: () => ({ error: { code: 'jira-unavailable', message: 'Jira answered 503.' } }) });
    editGadget();

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Jira answered 503.');
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(callsTo(bridgeInvoke, 'listBoards')).toHaveLength(2));
  });
});
