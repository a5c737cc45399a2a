import '@testing-library/jest-dom';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { invoke, router } from '@forge/bridge';
import { readOpenSections, storageKeyOf } from '../details/remembered-sections';
import { answerResolvers } from '../../../shared/testing/scripted-resolvers';
import { showFirstScreen, showGadget, showSprint } from '../testing/render-gadget';
import { readyState } from '../testing/sprint-fixtures';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), view: { submit: jest.fn() }, router: { navigate: jest.fn(), open: jest.fn() } }));
const bridgeInvoke = invoke as unknown as jest.Mock;
const navigate = router.navigate as jest.Mock;
const openInNewTab = router.open as jest.Mock;

beforeEach(() => {
  bridgeInvoke.mockReset();
  navigate.mockReset().mockResolvedValue(undefined);
  openInNewTab.mockReset().mockResolvedValue(undefined);
  window.localStorage.clear();
});

async function detailButton(name: string | RegExp) {
  await screen.findByRole('heading', { level: 2, name: 'ONB Sprint 7' });
  return within(screen.getByRole('list', { name: 'More about this sprint' })).getByRole('button', { name });
}

describe('the gadget’s first screen', () => {
  it('answers whether the goal will be made and what needs a decision, with every detail one click away and closed', async () => {
    showFirstScreen(bridgeInvoke, readyState());

    const risk = await screen.findByRole('region', { name: 'Chance of meeting the goal' });
    expect(within(risk).getByText('P(goal) 64%')).toBeInTheDocument();
    expect(within(risk).getByText('Since the sprint started: from 70% to 64%, over 2 steps.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Waiting for a decision (2)' })).toBeInTheDocument();
    expect(
      screen.getByText('committed 30 points, now 33 points (+3 points) · gross churn 43% · 1 change made in Jira waits for review', {
        exact: false,
      }),
    ).toBeInTheDocument();

    const buttons = within(screen.getByRole('list', { name: 'More about this sprint' })).getAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual([
      'Items and capacity',
      'Burn-up',
      'Churn',
      'Decisions (3)',
      'Made in Jira (2)',
      'Past sprints (1 to record)',
    ]);
    expect(buttons.every((button) => button.getAttribute('aria-expanded') === 'false')).toBe(true);
    for (const hidden of ['Capacity vs work', 'Burn-up', 'Churn', 'Decisions this sprint (3)', 'Goal success over sprints']) {
      expect(screen.queryByRole('region', { name: hidden })).not.toBeInTheDocument();
    }
  });

  it('names its one confidence convention once, and shows no P85 figure anywhere', async () => {
    const { container } = showSprint(bridgeInvoke, readyState());
    await screen.findByRole('region', { name: 'Capacity vs work' });

    expect(screen.getAllByText(/Capacity is forecast at 50% confidence \(P50\)/)).toHaveLength(1);
    expect(container.textContent).not.toMatch(/P85/);
    expect(container.textContent).toMatch(/Capacity line \(P50\)/);
  });

  it('opens a section with its disclosure button and remembers it for the board after a reload', async () => {
    showFirstScreen(bridgeInvoke, readyState());
    const churn = await detailButton('Churn');
    expect(churn).toHaveAttribute('aria-controls', 'gk-detail-churn');

    fireEvent.click(churn);

    expect(churn).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('region', { name: 'Churn' })).toBeInTheDocument();
    expect(JSON.parse(window.localStorage.getItem(storageKeyOf(1))!)).toEqual(['churn']);

    cleanup();
    answerResolvers(bridgeInvoke, { getSprintViewState: () => ({ data: readyState() }) });
    showGadget();
    expect(await detailButton('Churn')).toHaveAttribute('aria-expanded', 'true');
    expect(screen.getByRole('region', { name: 'Churn' })).toBeInTheDocument();
    expect(await detailButton('Burn-up')).toHaveAttribute('aria-expanded', 'false');
  });

  it('keeps each board’s sections apart', async () => {
    window.localStorage.setItem(storageKeyOf(2), JSON.stringify(['burn-up']));
    showFirstScreen(bridgeInvoke, readyState());
    fireEvent.click(await detailButton('Churn'));

    expect([...readOpenSections(2)]).toEqual(['burn-up']);
    expect([...readOpenSections(1)]).toEqual(['churn']);
  });

  it('still remembers the sections while the browser refuses the frame its storage', async () => {
    const refusing = jest.spyOn(window, 'localStorage', 'get').mockImplementation(() => {
      throw new DOMException('The operation is insecure.', 'SecurityError');
    });
    try {
      showFirstScreen(bridgeInvoke, readyState({ board: { id: 5, name: 'Storage-less board' } }));
      const burnUp = await within(await screen.findByRole('list', { name: 'More about this sprint' })).findByRole('button', {
        name: 'Burn-up',
      });
      fireEvent.click(burnUp);

      expect(burnUp).toHaveAttribute('aria-expanded', 'true');
      expect([...readOpenSections(5)]).toEqual(['burn-up']);
    } finally {
      refusing.mockRestore();
    }
  });

  it('ignores what it does not know in the stored sections', async () => {
    window.localStorage.setItem(storageKeyOf(1), JSON.stringify(['churn', 'queue-of-2019', 7]));
    expect([...readOpenSections(1)]).toEqual(['churn']);
    window.localStorage.setItem(storageKeyOf(1), '{not json');
    expect([...readOpenSections(1)]).toEqual([]);
  });
});

describe('issue keys in the gadget', () => {
  it('are links to the issue, followed through the Forge router in the same tab, or a new one with Ctrl', async () => {
    showSprint(bridgeInvoke, readyState());
    const capacity = await screen.findByRole('region', { name: 'Capacity vs work' });
    const link = within(capacity).getByRole('link', { name: 'ONB-48' });
    expect(link).toHaveAttribute('href', 'https://goalkeeper-sandbox.atlassian.net/browse/ONB-48');

    fireEvent.click(link);
    fireEvent.click(link, { ctrlKey: true });

    expect(navigate.mock.calls).toEqual([['/browse/ONB-48']]);
    expect(openInNewTab.mock.calls).toEqual([['/browse/ONB-48']]);
    const decisions = screen.getByRole('region', { name: 'Decisions this sprint (3)' });
    expect(within(decisions).getByRole('link', { name: 'ONB-61' })).toHaveAttribute(
      'href',
      'https://goalkeeper-sandbox.atlassian.net/browse/ONB-61',
    );
  });

  it('says so when Jira refuses to open the issue', async () => {
    navigate.mockRejectedValue(new Error('Navigation was cancelled'));
    showSprint(bridgeInvoke, readyState());
    const capacity = await screen.findByRole('region', { name: 'Capacity vs work' });

    fireEvent.click(within(capacity).getByRole('link', { name: 'ONB-46' }));

    expect(await within(capacity).findByRole('alert')).toHaveTextContent('Jira did not open ONB-46: Navigation was cancelled');
  });
});

describe('the first screen in German', () => {
  it('speaks German in its new parts', async () => {
    showFirstScreen(bridgeInvoke, readyState(), {}, 'de-DE');

    expect(await screen.findByText(/Seit Sprint-Beginn: von 70 % auf 64 %, in 2 Schritten\./)).toBeInTheDocument();
    expect(screen.getByText(/Die Kapazität ist mit 50 % Sicherheit prognostiziert \(P50\)/)).toBeInTheDocument();
    expect(
      within(screen.getByRole('list', { name: 'Mehr zu diesem Sprint' })).getByRole('button', { name: 'Vorgänge und Kapazität' }),
    ).toBeInTheDocument();
    expect(screen.getByText(/1 Änderung in Jira wartet auf Prüfung/)).toBeInTheDocument();
  });
});
