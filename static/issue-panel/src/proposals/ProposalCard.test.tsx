import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import type { IssuePanelState } from '@goalkeeper/contract';
import { IssuePanel } from '../IssuePanel';
import { DANA_DEVELOPER, PRIYA_PRODUCT_OWNER, SAM_STAKEHOLDER } from '../../../shared/testing/people';
import { OLIVER_PRODUCT_OWNER, SAFE, panelState, proposal } from '../testing/panel-fixtures';
import { renderPanel } from '../testing/render-panel';
import { answerResolvers, callsTo, type ResolverScript } from '../../../shared/testing/scripted-resolvers';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn() }));
const bridgeInvoke = invoke as unknown as jest.Mock;

const productOwner = {
  accountId: PRIYA_PRODUCT_OWNER,
  isProductOwner: true,
  canPropose: true,
  cannotProposeReason: null,
  ownProposals: 'another-po',
} as const;
const developer = { accountId: DANA_DEVELOPER, isProductOwner: false, canPropose: true, cannotProposeReason: null, ownProposals: null };
const stakeholder = {
  accountId: SAM_STAKEHOLDER,
  isProductOwner: false,
  canPropose: false,
  cannotProposeReason: 'You can see this issue but not edit or schedule it in Jira.',
  ownProposals: null,
};

async function showCard(state: IssuePanelState, script: ResolverScript = {}) {
  answerResolvers(bridgeInvoke, { getIssuePanelState: () => ({ data: state }), previewProposal: () => ({ data: SAFE }), ...script });
  renderPanel(<IssuePanel issueKey={state.issue.key} />);
  return screen.findByRole('article', { name: 'Add ONB-14 to the sprint' });
}

beforeEach(() => bridgeInvoke.mockReset());

describe('deciding a proposal', () => {
  it('keeps Approve and Reject disabled until the rationale reaches the policy minimum, counting characters', async () => {
    const card = await showCard(panelState({ viewer: productOwner, proposals: [proposal()] }));
    const rationale = within(card).getByRole('textbox', { name: 'Rationale (the team will read it)' });

    fireEvent.change(rationale, { target: { value: '  Acme   ' } });
    expect(within(card).getByRole('button', { name: 'Approve' })).toBeDisabled();
    expect(within(card).getByRole('button', { name: 'Reject' })).toBeDisabled();
    expect(rationale).toHaveAccessibleDescription('4 of at least 10 visible characters');

    fireEvent.change(rationale, { target: { value: 'Acme is worth the risk; ONB-9 can wait.' } });
    expect(within(card).getByRole('button', { name: 'Approve' })).toBeEnabled();
    expect(within(card).getByRole('button', { name: 'Reject' })).toBeEnabled();
    expect(rationale).toHaveAccessibleDescription('39 characters');
  });

  it('shows the Product Owner the sprint re-assessed now, before deciding', async () => {
    const card = await showCard(panelState({ viewer: productOwner, proposals: [proposal()] }));
    expect(await within(card).findByText('P(goal) 78% → 80%')).toBeInTheDocument();
    expect(callsTo(bridgeInvoke, 'previewProposal')).toEqual([{ issueKey: 'ONB-14', change: { kind: 'add' } }]);
  });

  it('offers Approve and Reject to the Product Owner only; others see who decides', async () => {
    const card = await showCard(panelState({ viewer: developer, proposals: [proposal({ proposerAccountId: SAM_STAKEHOLDER })] }));
    expect(within(card).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Reject' })).not.toBeInTheDocument();
    expect(within(card).getByText('Waiting for the Product Owner: Priya Raman')).toBeInTheDocument();
  });

  it('does not let a Product Owner decide their own proposal while self-approval is off', async () => {
    const card = await showCard(panelState({ viewer: productOwner, proposals: [proposal({ proposerAccountId: PRIYA_PRODUCT_OWNER })] }));
    expect(within(card).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(within(card).getByText(/another Product Owner decides it/)).toBeInTheDocument();
  });

  it('sends the verdict with the rationale and the version the Product Owner saw, then shows the outcome', async () => {
    const approved = proposal({
      status: 'approved',
      version: 2,
      decision: {
        verdict: 'approved',
        deciderAccountId: PRIYA_PRODUCT_OWNER,
        rationale: 'Acme is worth the risk; ONB-9 can wait.',
        decidedAt: '2026-11-20T11:00:00.000Z',
        assessment: SAFE,
      },
    });
    let decided = false;
    const card = await showCard(panelState({ viewer: productOwner, proposals: [proposal()] }), {
      getIssuePanelState: () => ({ data: panelState({ viewer: productOwner, proposals: [decided ? approved : proposal()] }) }),
      decideProposal: () => {
        decided = true;
        return { data: approved };
      },
    });

    fireEvent.change(within(card).getByRole('textbox', { name: 'Rationale (the team will read it)' }), {
      target: { value: 'Acme is worth the risk; ONB-9 can wait.' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Approve' }));

    await waitFor(() => expect(screen.getByRole('heading', { name: 'Add ONB-14 to the sprint' })).toHaveFocus());
    expect(callsTo(bridgeInvoke, 'decideProposal')).toEqual([
      { proposalId: 'prop-0001', verdict: 'approve', rationale: 'Acme is worth the risk; ONB-9 can wait.', expectedVersion: 1 },
    ]);
    const updated = screen.getByRole('article', { name: 'Add ONB-14 to the sprint' });
    expect(within(updated).getByText('Approved', { selector: '.gk-lozenge' })).toBeInTheDocument();
    expect(within(updated).getByText(/^Approved by Priya Raman/)).toBeInTheDocument();
    expect(within(updated).getByText('Queued to be applied in Jira.')).toBeInTheDocument();
    expect(within(updated).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(screen.getByText('Approved. Goalkeeper applies the change now.')).toBeInTheDocument();
  });

  it('keeps the rationale and explains when the decision is refused', async () => {
    const card = await showCard(panelState({ viewer: productOwner, proposals: [proposal()] }), {
      decideProposal: () => ({
        error: { code: 'conflict', message: 'This proposal changed since you opened it. Reload to see its current state before deciding.' },
      }),
    });
    const rationale = within(card).getByRole('textbox', { name: 'Rationale (the team will read it)' });
    fireEvent.change(rationale, { target: { value: 'Not this sprint: the goal comes first.' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Reject' }));

    const alert = await within(card).findByRole('alert');
    expect(alert).toHaveTextContent('Someone changed this in the meantime');
    expect(alert).toHaveTextContent('Reload to see its current state before deciding.');
    expect(within(alert).getByRole('button', { name: 'Reload' })).toBeInTheDocument();
    expect(rationale).toHaveValue('Not this sprint: the goal comes first.');
  });
});

describe('a rationale that must mean something', () => {
  it('says while typing that invisible characters, filler and punctuation do not count, and keeps the verdict disabled', async () => {
    const card = await showCard(panelState({ viewer: productOwner, proposals: [proposal()] }));
    const rationale = within(card).getByRole('textbox', { name: 'Rationale (the team will read it)' });

    fireEvent.change(rationale, { target: { value: '\u200B'.repeat(12) } });
    expect(rationale).toHaveAccessibleDescription('0 of at least 10 visible characters');
    fireEvent.change(rationale, { target: { value: 'ok ok ok ok' } });
    expect(rationale).toHaveAccessibleDescription('Repeats one word or character: say in words what and why');
    expect(within(card).getByRole('button', { name: 'Approve' })).toBeDisabled();
    fireEvent.change(rationale, { target: { value: '.. -- !! ?? ..' } });
    expect(rationale).toHaveAccessibleDescription('14 characters: needs at least 3 letters or digits');
    expect(within(card).getByRole('button', { name: 'Reject' })).toBeDisabled();
  });

  it('says it in German too', async () => {
    answerResolvers(bridgeInvoke, {
      getIssuePanelState: () => ({ data: panelState({ viewer: productOwner, proposals: [proposal()] }) }),
      previewProposal: () => ({ data: SAFE }),
    });
    renderPanel(<IssuePanel issueKey="ONB-14" />, 'de-DE');
    const rationale = await screen.findByRole('textbox', { name: /Begründung/ });
    fireEvent.change(rationale, { target: { value: 'ok ok ok ok' } });
    expect(rationale).toHaveAccessibleDescription('Wiederholt nur ein Wort oder Zeichen: bitte in Worten sagen, was und warum');
  });
});

describe('withdrawing and retrying', () => {
  it('offers Withdraw to the proposer of an open proposal only', async () => {
    await showCard(panelState({ viewer: developer, proposals: [proposal()] }));
    expect(screen.getByRole('button', { name: 'Withdraw' })).toBeInTheDocument();
  });

  it('does not offer Withdraw to anyone else', async () => {
    await showCard(panelState({ viewer: { ...developer, accountId: OLIVER_PRODUCT_OWNER }, proposals: [proposal()] }));
    expect(screen.queryByRole('button', { name: 'Withdraw' })).not.toBeInTheDocument();
  });

  it('withdraws after the proposer confirms, with the version they saw', async () => {
    await showCard(panelState({ viewer: developer, proposals: [proposal()] }), {
      withdrawProposal: () => ({ data: proposal({ status: 'withdrawn', version: 2 }) }),
    });
    fireEvent.click(screen.getByRole('button', { name: 'Withdraw' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, withdraw' }));
    await waitFor(() => expect(callsTo(bridgeInvoke, 'withdrawProposal')).toEqual([{ proposalId: 'prop-0001', expectedVersion: 1 }]));
  });

  it('shows why applying failed and lets the proposer retry', async () => {
    const failed = proposal({
      status: 'apply-failed',
      version: 4,
      decision: {
        verdict: 'approved',
        deciderAccountId: PRIYA_PRODUCT_OWNER,
        rationale: 'Acme is worth the risk.',
        decidedAt: '2026-11-20T11:00:00.000Z',
        assessment: SAFE,
      },
      apply: {
        attempts: 1,
        steps: [{ name: 'move to sprint', status: 'failed', at: '2026-11-20T11:00:05.000Z', detail: 'Jira answered 503' }],
        lastError: 'Jira answered 503 three times',
        finishedAt: '2026-11-20T11:00:09.000Z',
      },
    });
    const card = await showCard(panelState({ viewer: developer, proposals: [failed] }), {
      retryApply: () => ({ data: { ...failed, version: 5 } }),
    });

    expect(within(card).getByText('Applying failed (1 attempt): Jira answered 503 three times')).toBeInTheDocument();
    expect(within(card).getByText(/move to sprint/)).toBeInTheDocument();
    fireEvent.click(within(card).getByRole('button', { name: 'Retry applying' }));
    await waitFor(() => expect(callsTo(bridgeInvoke, 'retryApply')).toEqual([{ proposalId: 'prop-0001' }]));
    expect(await within(card).findByText(/^Retry requested: Goalkeeper is applying the change again/)).toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Retry applying' })).not.toBeInTheDocument();
  });

  it('does not offer Retry to someone who is neither the proposer nor a Product Owner', async () => {
    await showCard(panelState({ viewer: stakeholder, proposals: [proposal({ status: 'apply-failed' })] }));
    expect(screen.queryByRole('button', { name: 'Retry applying' })).not.toBeInTheDocument();
  });
});

describe('the audit trail', () => {
  it('loads when opened and names who did what', async () => {
    const card = await showCard(panelState({ viewer: developer, proposals: [proposal()] }), {
      getAuditTrail: () => ({
        data: {
          events: [
            {
              proposalId: 'prop-0001',
              sequence: 1,
              action: 'proposed',
              actorAccountId: DANA_DEVELOPER,
              at: '2026-11-20T09:30:00.000Z',
              status: 'proposed',
              detail: 'Acme signs on Friday.',
            },
            {
              proposalId: 'prop-0001',
              sequence: 2,
              action: 'approved',
              actorAccountId: PRIYA_PRODUCT_OWNER,
              at: '2026-11-20T11:00:00.000Z',
              status: 'approved',
              detail: 'Worth it.',
            },
          ],
        },
      }),
    });
    const toggle = within(card).getByRole('button', { name: 'Audit trail' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    fireEvent.click(toggle);

    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(await within(card).findByText(/Dana Kowalski/, { selector: 'li' })).toHaveTextContent(
      'Proposed — Dana Kowalski: Acme signs on Friday.',
    );
    expect(within(card).getByText(/Priya Raman/, { selector: 'li' })).toHaveTextContent('Approved — Priya Raman: Worth it.');
    expect(callsTo(bridgeInvoke, 'getAuditTrail')).toEqual([{ proposalId: 'prop-0001' }]);
  });

  it('reloads an open trail when the proposal moves on', async () => {
    let withdrawn = false;
    const events = () => ({
      data: {
        events: [
          {
            proposalId: 'prop-0001',
            sequence: 1,
            action: 'proposed',
            actorAccountId: DANA_DEVELOPER,
            at: '2026-11-20T09:30:00.000Z',
            status: 'proposed',
            detail: '',
          },
        ],
      },
    });
    await showCard(panelState({ viewer: developer, proposals: [proposal()] }), {
      getIssuePanelState: () => ({
        data: panelState({ viewer: developer, proposals: [withdrawn ? proposal({ status: 'withdrawn', version: 2 }) : proposal()] }),
      }),
      getAuditTrail: events,
      withdrawProposal: () => {
        withdrawn = true;
        return { data: proposal({ status: 'withdrawn', version: 2 }) };
      },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Audit trail' }));
    await waitFor(() => expect(callsTo(bridgeInvoke, 'getAuditTrail')).toHaveLength(1));

    fireEvent.click(screen.getByRole('button', { name: 'Withdraw' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Yes, withdraw' }));

    await waitFor(() => expect(callsTo(bridgeInvoke, 'getAuditTrail')).toHaveLength(2));
    expect(screen.getByText('Withdrawn', { selector: '.gk-lozenge' })).toBeInTheDocument();
  });
});
