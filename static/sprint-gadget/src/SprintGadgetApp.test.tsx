import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { invoke, view } from '@forge/bridge';
import type { Proposal } from '../../../src/domain/proposal';
import type { ForgeContext } from '../../shared/forge-host';
import { renderInLocale } from '../../shared/testing/render-in-locale';
import { answerResolvers, callsTo } from '../../shared/testing/scripted-resolvers';
import { gadgetCatalogues } from './messages/catalogue';
import SprintGadgetApp from './SprintGadgetApp';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { submit: jest.fn() } }));
const bridgeInvoke = invoke as unknown as jest.Mock;
const submit = view.submit as unknown as jest.Mock;

const pending: Proposal = {
  id: 'prop-0001',
  issueKey: 'ONB-14',
  issueId: '10014',
  projectKey: 'ONB',
  boardId: 1,
  sprintId: 7,
  proposerAccountId: 'acc-dana-developer',
  change: { kind: 'add' },
  reason: { category: 'stakeholder-request', text: 'Acme signs on Friday only if SAML works.' },
  createdAt: '2026-11-20T09:30:00.000Z',
  pointsAtProposal: { 'ONB-14': 5 },
  status: 'proposed',
  needsProductOwner: true,
  assessment: null,
  threatAcknowledged: false,
  decision: null,
  apply: null,
  staleReason: null,
  version: 1,
};

function showGadget(extension: Record<string, unknown>) {
  return renderInLocale(<SprintGadgetApp context={{ extension } as ForgeContext} />, gadgetCatalogues);
}

beforeEach(() => {
  bridgeInvoke.mockReset();
  submit.mockReset();
});

describe('the sprint gadget', () => {
  it('shows the proposals of the configured board’s sprint', async () => {
    answerResolvers(bridgeInvoke, { listSprintProposals: () => ({ data: [pending] }) });
    showGadget({ type: 'jira:dashboardGadget', gadgetConfiguration: { boardId: 1 } });

    expect(screen.getByRole('heading', { name: 'Goalkeeper sprint view' })).toBeInTheDocument();
    expect(await screen.findByText('Add ONB-14 to the sprint')).toBeInTheDocument();
    expect(screen.getByText('Proposed')).toBeInTheDocument();
    expect(callsTo(bridgeInvoke, 'listSprintProposals')).toEqual([{ boardId: 1 }]);
  });

  it('takes the board from the board menu, where Jira sends its id as text', async () => {
    answerResolvers(bridgeInvoke, { listSprintProposals: () => ({ data: [] }) });
    showGadget({ type: 'jira:boardAction', board: { id: '12', type: 'scrum' } });

    expect(await screen.findByRole('heading', { name: 'No proposals in this sprint' })).toBeInTheDocument();
    expect(callsTo(bridgeInvoke, 'listSprintProposals')).toEqual([{ boardId: 12 }]);
  });

  it('explains how to choose a board when none is configured', () => {
    showGadget({ type: 'jira:dashboardGadget', gadgetConfiguration: {} });
    expect(screen.getByRole('heading', { name: 'Choose a board' })).toBeInTheDocument();
    expect(bridgeInvoke).not.toHaveBeenCalled();
  });

  it('saves the typed board id from the edit view', async () => {
    showGadget({ type: 'jira:dashboardGadget', entryPoint: 'edit', gadgetConfiguration: { boardId: 1 } });
    const boardId = screen.getByRole('textbox', { name: 'Board id' });
    expect(boardId).toHaveValue('1');

    fireEvent.change(boardId, { target: { value: '12' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await waitFor(() => expect(submit).toHaveBeenCalledWith({ boardId: 12 }));
  });

  it('refuses a board id that is not a whole number above 0', () => {
    showGadget({ type: 'jira:dashboardGadget', entryPoint: 'edit', gadgetConfiguration: {} });
    fireEvent.change(screen.getByRole('textbox', { name: 'Board id' }), { target: { value: 'board twelve' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(screen.getByRole('textbox', { name: 'Board id' })).toHaveAccessibleDescription(expect.stringContaining('Enter a board id: a whole number greater than 0.'));
    expect(submit).not.toHaveBeenCalled();
  });
});
