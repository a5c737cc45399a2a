import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { invoke, router } from '@forge/bridge';
import { callsTo } from '../../../shared/testing/scripted-resolvers';
import { showFirstScreen } from '../testing/render-gadget';
import { PRIYA_PRODUCT_OWNER } from '../../../shared/testing/people';
import { AS_PRODUCT_OWNER, proposal, QUEUE, readyState } from '../testing/sprint-fixtures';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { submit: jest.fn() }, router: { navigate: jest.fn(), open: jest.fn() } }));
const bridgeInvoke = invoke as unknown as jest.Mock;
const navigate = router.navigate as jest.Mock;

beforeEach(() => {
  bridgeInvoke.mockReset();
  navigate.mockReset().mockResolvedValue(undefined);
});

async function queue() {
  return screen.findByRole('region', { name: /Waiting for a decision/ });
}

/** Opens the inline decision of the queued proposal named `change` and returns the decision form. */
async function openDecision(change: string) {
  const card = within(await queue()).getByRole('article', { name: change });
  fireEvent.click(within(card).getByRole('button', { name: 'Decide…' }));
  return within(card).getByRole('region', { name: `Decide: ${change}` });
}

/** Priya proposed it herself: the queue's own proposal for the only Product Owner. */
const PRIYAS_OWN = {
  proposal: proposal({
    id: 'prop-0009',
    issueKey: 'ONB-71',
    change: { kind: 'add' },
    proposerAccountId: PRIYA_PRODUCT_OWNER,
    createdAt: '2026-11-20T11:00:00.000Z',
  }),
  assessmentNow: QUEUE[1]!.assessmentNow,
};

describe('the queue', () => {
  it('lists the pending proposals oldest first, each with its threat level and P(goal) now in one compact row', async () => {
    showFirstScreen(bridgeInvoke, readyState());
    const cards = within(await queue()).getAllByRole('article');

    expect(cards.map((card) => within(card).getByRole('heading', { level: 4 }).textContent)).toEqual([
      'Remove ONB-55 from the sprint',
      'Add ONB-68 to the sprint',
    ]);
    expect(within(cards[1]!).getByText('Threat')).toBeInTheDocument();
    expect(within(cards[1]!).getByText(/^Proposed by Dana Kowalski, .+ · P\(goal\) 64% → 41%$/)).toBeInTheDocument();
    expect(within(cards[1]!).getByText('Acme’s security team asked for it before their pilot.')).toBeInTheDocument();
  });

  it('links each issue key to the issue, opening it through the Forge router', async () => {
    showFirstScreen(bridgeInvoke, readyState());
    const card = within(await queue()).getByRole('article', { name: 'Add ONB-68 to the sprint' });
    const link = within(card).getByRole('link', { name: 'ONB-68' });

    expect(link).toHaveAttribute('href', 'https://goalkeeper-sandbox.atlassian.net/browse/ONB-68');
    fireEvent.click(link);
    expect(navigate).toHaveBeenCalledWith('/browse/ONB-68');
  });

  it('shows the whole assessment and the decision only when the Product Owner opens it', async () => {
    showFirstScreen(bridgeInvoke, readyState(AS_PRODUCT_OWNER));
    const card = within(await queue()).getByRole('article', { name: 'Add ONB-68 to the sprint' });
    const decide = within(card).getByRole('button', { name: 'Decide…' });
    expect(decide).toHaveAttribute('aria-expanded', 'false');
    expect(within(card).queryByRole('region', { name: 'Decide: Add ONB-68 to the sprint' })).not.toBeInTheDocument();

    fireEvent.click(decide);

    expect(within(card).getByRole('button', { name: 'Close the decision' })).toHaveAttribute('aria-expanded', 'true');
    expect(within(card).getByText('P(goal) drops from 64% to 41%')).toBeInTheDocument();
    expect(within(card).getByText('When proposed, it was: Caution.')).toBeInTheDocument();
    expect(within(card).getByRole('region', { name: 'Decide: Add ONB-68 to the sprint' })).toBeInTheDocument();
  });

  it('offers no decision to anyone but the Product Owner; they see who must decide, by name', async () => {
    showFirstScreen(bridgeInvoke, readyState());
    const card = within(await queue()).getAllByRole('article')[0]!;

    expect(within(card).queryByRole('button', { name: 'Decide…' })).not.toBeInTheDocument();
    expect(within(card).getByText('Waiting for the Product Owner: Priya Raman')).toBeInTheDocument();
  });

  it('keeps Approve and Reject disabled until the rationale reaches the policy minimum, counting characters', async () => {
    showFirstScreen(bridgeInvoke, readyState(AS_PRODUCT_OWNER));
    const decision = await openDecision('Add ONB-68 to the sprint');
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
    showFirstScreen(bridgeInvoke, readyState(AS_PRODUCT_OWNER), {
      getSprintViewState: () => ({ data: readyState({ ...AS_PRODUCT_OWNER, queue: decided ? [QUEUE[1]!] : QUEUE }) }),
      decideProposal: () => {
        decided = true;
        return { data: { ...QUEUE[0]!.proposal, status: 'rejected', version: 2 } };
      },
    });
    const decision = await openDecision('Add ONB-68 to the sprint');

    fireEvent.change(within(decision).getByRole('textbox'), { target: { value: rationale } });
    fireEvent.click(within(decision).getByRole('button', { name: 'Reject' }));

    await waitFor(() => expect(screen.getByRole('heading', { name: 'Waiting for a decision (1)' })).toHaveFocus());
    expect(callsTo(bridgeInvoke, 'decideProposal')).toEqual([
      { proposalId: 'prop-0006', verdict: 'reject', rationale, expectedVersion: 1 },
    ]);
    expect(callsTo(bridgeInvoke, 'getSprintViewState')).toHaveLength(2);
    expect(screen.getByRole('status', { name: '' })).toHaveTextContent(
      'Rejected: Add ONB-68 to the sprint. The proposer can read your rationale.',
    );
  });

  it('says in words when someone decided first, keeps the rationale, and offers to reload', async () => {
    const rationale = 'Acme’s pilot needs it; ONB-62 can wait.';
    showFirstScreen(bridgeInvoke, readyState(AS_PRODUCT_OWNER), {
      decideProposal: () => ({
        error: { code: 'conflict', message: 'Someone changed this proposal in the meantime. Reload to see the change.' },
      }),
    });
    const decision = await openDecision('Remove ONB-55 from the sprint');

    fireEvent.change(within(decision).getByRole('textbox'), { target: { value: rationale } });
    fireEvent.click(within(decision).getByRole('button', { name: 'Approve' }));

    const alert = await within(decision).findByRole('alert');
    expect(alert).toHaveTextContent('Someone changed this proposal in the meantime. Reload to see the change.');
    expect(within(decision).getByRole('textbox')).toHaveValue(rationale);
    expect(callsTo(bridgeInvoke, 'decideProposal')).toEqual([
      { proposalId: 'prop-0004', verdict: 'approve', rationale, expectedVersion: 2 },
    ]);

    fireEvent.click(within(alert).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(callsTo(bridgeInvoke, 'getSprintViewState')).toHaveLength(2));
  });

  it('says so when nothing waits for a decision', async () => {
    showFirstScreen(bridgeInvoke, readyState({ queue: [] }));
    expect(within(await queue()).getByText('Nothing is waiting for a decision.')).toBeInTheDocument();
  });
});

describe('the only Product Owner’s own proposal', () => {
  it('is decided inline with the note the issue panel asks for, sent with the decision', async () => {
    const rationale = 'The pilot needs it before Friday.';
    const note = 'Oliver, our second PO, is on leave this sprint.';
    showFirstScreen(bridgeInvoke, readyState({ ...AS_PRODUCT_OWNER, queue: [PRIYAS_OWN] }), {
      decideProposal: () => ({ data: { ...PRIYAS_OWN.proposal, status: 'approved', version: 2 } }),
    });
    const decision = await openDecision('Add ONB-71 to the sprint');

    expect(
      within(decision).getByText(/You are the only Product Owner of this project, so you decide your own proposal/),
    ).toBeInTheDocument();
    fireEvent.change(within(decision).getByRole('textbox', { name: 'Rationale (the team will read it)' }), {
      target: { value: rationale },
    });
    expect(within(decision).getByRole('button', { name: 'Approve' })).toBeDisabled();
    fireEvent.change(within(decision).getByRole('textbox', { name: 'Note on deciding your own proposal' }), { target: { value: note } });
    fireEvent.click(within(decision).getByRole('button', { name: 'Approve' }));

    await waitFor(() =>
      expect(callsTo(bridgeInvoke, 'decideProposal')).toEqual([
        { proposalId: 'prop-0009', verdict: 'approve', rationale, expectedVersion: 1, selfDecisionNote: note },
      ]),
    );
  });

  it('says where to name a second Product Owner when the policy wants another one to decide', async () => {
    showFirstScreen(bridgeInvoke, readyState({ viewer: { ...AS_PRODUCT_OWNER.viewer, ownProposals: 'no-other-po' }, queue: [PRIYAS_OWN] }));
    const card = within(await queue()).getByRole('article', { name: 'Add ONB-71 to the sprint' });

    expect(within(card).queryByRole('button', { name: 'Decide…' })).not.toBeInTheDocument();
    expect(within(card).getByText(/name a second Product Owner in the Goalkeeper settings/)).toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Open Goalkeeper settings' })).toBeInTheDocument();
  });

  it('waits for another Product Owner when one is named', async () => {
    showFirstScreen(bridgeInvoke, readyState({ viewer: { ...AS_PRODUCT_OWNER.viewer, ownProposals: 'another-po' }, queue: [PRIYAS_OWN] }));
    const card = within(await queue()).getByRole('article', { name: 'Add ONB-71 to the sprint' });

    expect(
      within(card).getByText('You proposed this change, so another Product Owner decides it (self-approval is off).'),
    ).toBeInTheDocument();
  });
});

describe('a long queue', () => {
  it('shows the oldest two on the first screen and the rest one click away, with how many wait in all', async () => {
    const third = { ...PRIYAS_OWN, proposal: { ...PRIYAS_OWN.proposal, proposerAccountId: QUEUE[0]!.proposal.proposerAccountId } };
    showFirstScreen(bridgeInvoke, readyState({ queue: [...QUEUE, third], queueTotal: 212 }));
    const waiting = await queue();
    expect(screen.getByRole('heading', { name: 'Waiting for a decision (212)' })).toBeInTheDocument();
    expect(within(waiting).getAllByRole('article')).toHaveLength(2);

    fireEvent.click(within(waiting).getByRole('button', { name: 'Show 1 more waiting' }));

    expect(within(waiting).getAllByRole('article')).toHaveLength(3);
    expect(
      within(waiting).getByText('Showing the 3 oldest of 212. Decide these to see the next; the CSV export lists all.'),
    ).toBeInTheDocument();
    expect(within(waiting).getByRole('button', { name: 'Show the oldest two only' })).toHaveAttribute('aria-expanded', 'true');
  });
});
