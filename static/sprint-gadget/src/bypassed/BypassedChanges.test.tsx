import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { callsTo } from '../../../shared/testing/scripted-resolvers';
import { showSprint } from '../testing/render-gadget';
import { PRIYA_PRODUCT_OWNER } from '../../../shared/testing/people';
import { AS_PRODUCT_OWNER, BYPASSED, readyState } from '../testing/sprint-fixtures';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { submit: jest.fn() } }));
const bridgeInvoke = invoke as unknown as jest.Mock;

beforeEach(() => bridgeInvoke.mockReset());

async function bypassed() {
  return screen.findByRole('region', { name: /Changes made directly in Jira/ });
}

describe('changes made directly in Jira', () => {
  it('lists who changed what, when and how it was found, newest first, with the Product Owner’s review where there is one', async () => {
    showSprint(bridgeInvoke, readyState());
    const [reestimated, added] = within(await bypassed()).getAllByRole('article');

    expect(within(reestimated!).getByRole('heading')).toHaveTextContent('ONB-58 re-estimated from 3 to 1, directly in Jira');
    expect(within(reestimated!).getByText(/Noted by Priya Raman/)).toBeInTheDocument();
    expect(within(reestimated!).getByText('Dana split the work; the rest moved to ONB-70.')).toBeInTheDocument();
    expect(within(added!).getByRole('heading')).toHaveTextContent('ONB-69 added to the sprint, directly in Jira');
    expect(within(added!).getByText(/By Kofi Mensah, .* · \+2 points · found by comparing the sprint/)).toBeInTheDocument();
    expect(within(added!).getByText('Waiting for the Product Owner’s review: Priya Raman')).toBeInTheDocument();
  });

  it('makes the changed issue’s key a link to the issue, and nothing else in the title', async () => {
    showSprint(bridgeInvoke, readyState());
    const [reestimated] = within(await bypassed()).getAllByRole('article');
    const links = within(within(reestimated!).getByRole('heading')).getAllByRole('link');
    expect(links.map((link) => [link.textContent, link.getAttribute('href')])).toEqual([
      ['ONB-58', 'https://goalkeeper-sandbox.atlassian.net/browse/ONB-58'],
    ]);
  });

  it('lets the Product Owner accept or note a change once the note is long enough, then refreshes', async () => {
    const note = 'Kofi pulled it in for the Acme demo; fine by me.';
    showSprint(bridgeInvoke, readyState(AS_PRODUCT_OWNER), {
      reviewBypassedChange: () => ({
        data: {
          ...BYPASSED[0]!,
          review: { reviewerAccountId: PRIYA_PRODUCT_OWNER, verdict: 'accepted', note, at: '2026-11-20T14:05:00.000Z' },
        },
      }),
    });
    const review = within(await bypassed()).getByRole('region', { name: 'Review: ONB-69 added to the sprint' });
    const field = within(review).getByRole('textbox', { name: 'Note (the team will read it)' });

    fireEvent.change(field, { target: { value: 'Fine.' } });
    expect(within(review).getByRole('button', { name: 'Accept the change' })).toBeDisabled();
    expect(within(review).getByRole('button', { name: 'Note it only' })).toBeDisabled();
    expect(field).toHaveAccessibleDescription('5 of at least 10 visible characters');

    fireEvent.change(field, { target: { value: note } });
    fireEvent.click(within(review).getByRole('button', { name: 'Accept the change' }));

    await waitFor(() => expect(callsTo(bridgeInvoke, 'getSprintViewState')).toHaveLength(2));
    expect(callsTo(bridgeInvoke, 'reviewBypassedChange')).toEqual([{ changeId: 'bypass-ONB-69-added', verdict: 'accepted', note }]);
  });

  it('lets the Product Owner revert a change with the note, which becomes their proposal, and says whether it is applied now', async () => {
    const note = 'Not agreed in the daily: ONB-69 waits for the next sprint.';
    showSprint(bridgeInvoke, readyState(AS_PRODUCT_OWNER), {
      revertBypassedChange: () => ({
        data: {
          change: {
            ...BYPASSED[0]!,
            review: {
              reviewerAccountId: PRIYA_PRODUCT_OWNER,
              verdict: 'reverted',
              note,
              at: '2026-11-20T14:05:00.000Z',
              proposalId: 'prop-9',
            },
          },
          proposal: { id: 'prop-9', status: 'approved' },
        },
      }),
    });
    const review = within(await bypassed()).getByRole('region', { name: 'Review: ONB-69 added to the sprint' });
    expect(within(review).getByRole('button', { name: 'Revert it' })).toBeDisabled();
    fireEvent.change(within(review).getByRole('textbox', { name: 'Note (the team will read it)' }), { target: { value: note } });
    fireEvent.click(within(review).getByRole('button', { name: 'Revert it' }));

    await waitFor(() => expect(callsTo(bridgeInvoke, 'revertBypassedChange')).toEqual([{ changeId: 'bypass-ONB-69-added', note }]));
    expect(await screen.findByText('Reverted: ONB-69 added to the sprint. Goalkeeper applies the revert now.')).toBeInTheDocument();
  });

  it('shows a reverted change as reverted through a proposal, in German', async () => {
    const reverted = {
      ...BYPASSED[0]!,
      review: {
        reviewerAccountId: PRIYA_PRODUCT_OWNER,
        verdict: 'reverted' as const,
        note: 'Nicht abgestimmt.',
        at: '2026-11-20T14:05:00.000Z',
        proposalId: 'prop-9',
      },
    };
    showSprint(bridgeInvoke, readyState({ bypassed: [reverted] }), {}, 'de-DE');
    const section = await screen.findByRole('region', { name: /Direkt in Jira/ });
    expect(within(section).getByText(/Rückgängig gemacht von Priya Raman/)).toBeInTheDocument();
  });

  it('says so when nothing happened around Goalkeeper', async () => {
    showSprint(bridgeInvoke, readyState({ bypassed: [] }));
    expect(within(await bypassed()).getByText(/None\. A change made on the board around Goalkeeper shows up here/)).toBeInTheDocument();
  });
});
