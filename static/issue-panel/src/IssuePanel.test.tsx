import '@testing-library/jest-dom';
import { fireEvent, screen, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { IssuePanel } from './IssuePanel';
import IssuePanelApp, { prefetch } from './IssuePanelApp';
import { PRIYA_PRODUCT_OWNER, SAM_STAKEHOLDER } from '../../shared/testing/people';
import { SAFE, panelState, proposal } from './testing/panel-fixtures';
import { forgeContext } from '../../shared/testing/forge-context';
import { renderPanel } from './testing/render-panel';
import { answerResolvers, callsTo } from '../../shared/testing/scripted-resolvers';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn() }));
const bridgeInvoke = invoke as unknown as jest.Mock;

const HOSTILE = '<img src=x onerror=alert(1)><script>alert(2)</script>';

beforeEach(() => bridgeInvoke.mockReset());

describe('the issue panel', () => {
  it('loads the whole panel state in one call and shows the sprint context', async () => {
    answerResolvers(bridgeInvoke, { getIssuePanelState: () => ({ data: panelState() }) });
    renderPanel(<IssuePanel issueKey="ONB-14" />);

    expect(screen.getByRole('status')).toHaveTextContent('Loading Goalkeeper for ONB-14…');
    expect(screen.getByRole('status')).toHaveAttribute('aria-busy', 'true');
    expect(await screen.findByText('Backlog: not in ONB Sprint 7')).toBeInTheDocument();
    expect(screen.getByText('SSO sign-up under 2 minutes')).toBeInTheDocument();
    expect(screen.getByText(/6 working days left/)).toBeInTheDocument();
    expect(screen.getByText('Caution')).toBeInTheDocument();
    expect(screen.getByText('P(goal) 78%')).toBeInTheDocument();
    expect(callsTo(bridgeInvoke, 'getIssuePanelState')).toEqual([{ issueKey: 'ONB-14' }]);
  });

  it('says what failed and loads again on request', async () => {
    answerResolvers(bridgeInvoke, {
      getIssuePanelState: () => ({
        error: { code: 'not-found', message: 'ONB-14 does not exist or you do not have permission to see it.' },
      }),
    });
    renderPanel(<IssuePanel issueKey="ONB-14" />);

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not found, or not visible to you');
    expect(alert).toHaveTextContent('ONB-14 does not exist or you do not have permission to see it.');

    answerResolvers(bridgeInvoke, { getIssuePanelState: () => ({ data: panelState() }) });
    fireEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Propose change' })).toBeInTheDocument();
  });

  it('treats a bridge failure as a message, not a crash', async () => {
    bridgeInvoke.mockRejectedValue(new Error('Unable to establish a connection with the Custom UI bridge.'));
    renderPanel(<IssuePanel issueKey="ONB-14" />);
    expect(await screen.findByRole('alert')).toHaveTextContent('Goalkeeper could not be reached');
  });

  it('shows an empty state that says how to start', async () => {
    answerResolvers(bridgeInvoke, { getIssuePanelState: () => ({ data: panelState() }) });
    renderPanel(<IssuePanel issueKey="ONB-14" />);
    expect(await screen.findByRole('heading', { name: 'No proposals on this issue' })).toBeInTheDocument();
    expect(screen.getByText(/use Propose change/)).toBeInTheDocument();
  });

  it('tells a stakeholder without edit rights why they cannot propose', async () => {
    const reason =
      'You can see this issue but not edit or schedule it in Jira, so you cannot propose changes to it. Ask a team member or the Product Owner.';
    answerResolvers(bridgeInvoke, {
      getIssuePanelState: () => ({
        data: panelState({
          viewer: { accountId: SAM_STAKEHOLDER, isProductOwner: false, canPropose: false, cannotProposeReason: reason, ownProposals: null },
        }),
      }),
    });
    renderPanel(<IssuePanel issueKey="ONB-14" />);

    expect(await screen.findByText('You cannot propose changes to this issue')).toBeInTheDocument();
    expect(screen.getByText(reason)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Propose change' })).not.toBeInTheDocument();
  });

  it('shows text people typed as text, never as markup', async () => {
    const hostile = proposal({
      reason: { category: 'other', text: HOSTILE },
      change: {
        kind: 'split',
        parts: [
          { summary: HOSTILE, points: 2 },
          { summary: 'Second part', points: 3 },
        ],
      },
      status: 'rejected',
      decision: {
        verdict: 'rejected',
        deciderAccountId: PRIYA_PRODUCT_OWNER,
        rationale: HOSTILE,
        decidedAt: '2026-11-20T11:00:00.000Z',
        assessment: null,
      },
    });
    answerResolvers(bridgeInvoke, {
      getIssuePanelState: () => ({ data: panelState({ proposals: [hostile], sprint: { ...panelState().sprint!, goal: HOSTILE } }) }),
    });
    const { container } = renderPanel(<IssuePanel issueKey="ONB-14" />);

    expect(await screen.findAllByText(HOSTILE)).toHaveLength(4);
    expect(container.querySelector('img, script')).toBeNull();
  });

  it('keeps the form and what was typed when a refresh fails', async () => {
    answerResolvers(bridgeInvoke, {
      getIssuePanelState: () => ({ data: panelState({ proposals: [proposal()] }) }),
      previewProposal: () => ({ data: SAFE }),
    });
    renderPanel(<IssuePanel issueKey="ONB-14" />);
    fireEvent.click(await screen.findByRole('button', { name: 'Propose change' }));
    fireEvent.change(screen.getByRole('textbox', { name: 'Why?' }), { target: { value: 'Half-written reason' } });

    answerResolvers(bridgeInvoke, {
      getIssuePanelState: () => ({ error: { code: 'jira-unavailable', message: 'Jira did not answer.' } }),
      withdrawProposal: () => ({ data: proposal({ status: 'withdrawn', version: 2 }) }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, withdraw' }));

    expect(await screen.findByText('Jira did not answer.')).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Why?' })).toHaveValue('Half-written reason');
  });

  it('speaks German, with German numbers and dates, when Jira’s locale is German', async () => {
    answerResolvers(bridgeInvoke, { getIssuePanelState: () => ({ data: panelState({ proposals: [proposal()] }) }) });
    renderPanel(<IssuePanel issueKey="ONB-14" />, 'de-DE');

    expect(await screen.findByRole('heading', { name: 'Vorschläge zu ONB-14' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Änderung vorschlagen' })).toBeInTheDocument();
    expect(screen.getByText('Noch 6 Arbeitstage · endet am 30.11.2026')).toBeInTheDocument();
    expect(screen.getByText('P(Ziel) 78 % → 41 %')).toBeInTheDocument();
    expect(screen.getByText('P(Ziel) sinkt von 78 % auf 41 %')).toBeInTheDocument();
  });

  it('shows the state asked for at boot from the Forge context, without asking again', async () => {
    answerResolvers(bridgeInvoke, { getIssuePanelState: () => ({ data: panelState() }) });
    const context = forgeContext({ type: 'jira:issuePanel', issue: { key: 'ONB-14', id: '10014' } });
    const prefetched = prefetch(context);
    expect(callsTo(bridgeInvoke, 'getIssuePanelState')).toEqual([{ issueKey: 'ONB-14' }]);

    renderPanel(<IssuePanelApp context={context} prefetched={prefetched} />);

    expect(await screen.findByText('Backlog: not in ONB Sprint 7')).toBeInTheDocument();
    expect(callsTo(bridgeInvoke, 'getIssuePanelState')).toHaveLength(1);
  });

  it('explains itself when opened without an issue in the context', () => {
    expect(prefetch(forgeContext({}))).toBeUndefined();
    renderPanel(<IssuePanelApp context={forgeContext({})} />);
    expect(screen.getByRole('heading', { name: 'No issue to show' })).toBeInTheDocument();
    expect(bridgeInvoke).not.toHaveBeenCalled();
  });
});
