import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { callsTo } from '../../../shared/testing/scripted-resolvers';
import { showSprint } from '../testing/render-gadget';
import { AS_PRODUCT_OWNER, QUEUE, readyState } from '../testing/sprint-fixtures';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { submit: jest.fn() } }));
const bridgeInvoke = invoke as unknown as jest.Mock;

beforeEach(() => bridgeInvoke.mockReset());

async function queue() {
  return screen.findByRole('region', { name: /Waiting for a decision/ });
}

describe('the queue', () => {
  it('lists the pending proposals oldest first, each with its threat level now', async () => {
    showSprint(bridgeInvoke, readyState());
    const cards = within(await queue()).getAllByRole('article');

    expect(cards.map((card) => within(card).getByRole('heading', { level: 4 }).textContent)).toEqual(['Remove ONB-55 from the sprint', 'Add ONB-68 to the sprint']);
    expect(within(cards[1]!).getByText('P(goal) 64% → 41%')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('P(goal) drops from 64% to 41%')).toBeInTheDocument();
    expect(within(cards[1]!).getByText('When proposed, it was: Caution.')).toBeInTheDocument();
  });

  it('offers Approve and Reject to the Product Owner only; others see who must decide, by name', async () => {
    showSprint(bridgeInvoke, readyState());
    const card = within(await queue()).getAllByRole('article')[0]!;

    expect(within(card).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Reject' })).not.toBeInTheDocument();
    expect(within(card).getByText('Waiting for the Product Owner: Priya Raman')).toBeInTheDocument();
  });

  it('keeps Approve and Reject disabled until the rationale reaches the policy minimum, counting characters', async () => {
    showSprint(bridgeInvoke, readyState(AS_PRODUCT_OWNER));
    const decision = within(await queue()).getByRole('region', { name: 'Decide: Add ONB-68 to the sprint' });
    const rationale = within(decision).getByRole('textbox', { name: 'Rationale (the team will read it)' });

    fireEvent.change(rationale, { target: { value: '   Too big   ' } });
    expect(within(decision).getByRole('button', { name: 'Approve' })).toBeDisabled();
    expect(within(decision).getByRole('button', { name: 'Reject' })).toBeDisabled();
    expect(rationale).toHaveAccessibleDescription('7 of at least 10 visible characters');

    fireEvent.change(rationale, { target: { value: 'Too big for this sprint; plan it for Sprint 8.' } });
    expect(within(decision).getByRole('button', { name: 'Approve' })).toBeEnabled();
    expect(within(decision).getByRole('button', { name: 'Reject' })).toBeEnabled();
    expect(rationale).toHaveAccessibleDescription('46 characters');
  });

  it('sends the verdict with the version the Product Owner saw, then refreshes the whole view', async () => {
    const rationale = 'Too big for this sprint; plan it for Sprint 8.';
    let decided = false;
    showSprint(bridgeInvoke, readyState(AS_PRODUCT_OWNER), {
      getSprintViewState: () => ({ data: readyState({ ...AS_PRODUCT_OWNER, queue: decided ? [QUEUE[1]!] : QUEUE }) }),
      decideProposal: () => {
        decided = true;
        return { data: { ...QUEUE[0]!.proposal, status: 'rejected', version: 2 } };
      },
    });
    const decision = within(await queue()).getByRole('region', { name: 'Decide: Add ONB-68 to the sprint' });

    fireEvent.change(within(decision).getByRole('textbox'), { target: { value: rationale } });
    fireEvent.click(within(decision).getByRole('button', { name: 'Reject' }));

    await waitFor(() => expect(screen.getByRole('heading', { name: 'Waiting for a decision (1)' })).toHaveFocus());
    expect(callsTo(bridgeInvoke, 'decideProposal')).toEqual([{ proposalId: 'prop-0006', verdict: 'reject', rationale, expectedVersion: 1 }]);
    expect(callsTo(bridgeInvoke, 'getSprintViewState')).toHaveLength(2);
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent('Rejected: Add ONB-68 to the sprint. The proposer can read your rationale.');
  });

  it('says in words when someone decided first, keeps the rationale, and offers to reload', async () => {
    const rationale = 'Acme’s pilot needs it; ONB-62 can wait.';
    showSprint(bridgeInvoke, readyState(AS_PRODUCT_OWNER), {
      decideProposal: () => ({ error: { code: 'conflict', message: 'Someone changed this proposal in the meantime. Reload to see the change.' } }),
    });
    const decision = within(await queue()).getByRole('region', { name: 'Decide: Remove ONB-55 from the sprint' });

    fireEvent.change(within(decision).getByRole('textbox'), { target: { value: rationale } });
    fireEvent.click(within(decision).getByRole('button', { name: 'Approve' }));

    const alert = await within(decision).findByRole('alert');
    expect(alert).toHaveTextContent('Someone changed this proposal in the meantime. Reload to see the change.');
    expect(within(decision).getByRole('textbox')).toHaveValue(rationale);
    expect(callsTo(bridgeInvoke, 'decideProposal')).toEqual([{ proposalId: 'prop-0004', verdict: 'approve', rationale, expectedVersion: 2 }]);

    fireEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(callsTo(bridgeInvoke, 'getSprintViewState')).toHaveLength(2));
  });

  it('says so when nothing waits for a decision', async () => {
    showSprint(bridgeInvoke, readyState({ queue: [] }));
    expect(within(await queue()).getByText('Nothing is waiting for a decision.')).toBeInTheDocument();
  });
});

describe('a long queue', () => {
  it('says how many proposals wait in all when the answer carries only the oldest page', async () => {
    showSprint(bridgeInvoke, readyState({ ...AS_PRODUCT_OWNER, queue: QUEUE, queueTotal: 212 }));
    expect(await screen.findByRole('heading', { name: 'Waiting for a decision (212)' })).toBeInTheDocument();
    expect(screen.getByText(`Showing the ${QUEUE.length} oldest of 212. Decide these to see the next; the CSV export lists all.`)).toBeInTheDocument();
  });
});
