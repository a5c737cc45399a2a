/**
 * Issue 13 in the issue panel: the sprint's chance and the change's effect shown apart, a way
 * out picked from the suggestions and proposed with the change, who decides and why (the
 * backend's answer), and the Product Owner approving on a condition — in English and German.
 */
import '@testing-library/jest-dom';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import type { ApprovalRoute, PreviewedChange } from '@goalkeeper/contract';
import { IssuePanel } from '../IssuePanel';
import { PRIYA_PRODUCT_OWNER } from '../../../shared/testing/people';
import { assessment, panelState, proposal, THREAT } from '../testing/panel-fixtures';
import { renderPanel } from '../testing/render-panel';
import { answerResolvers, callsTo } from '../../../shared/testing/scripted-resolvers';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn() }));
const bridgeInvoke = invoke as unknown as jest.Mock;

const THREATENS: ApprovalRoute = { needsProductOwner: true, because: 'threatens-goal', message: 'threat' };
/** Adding ONB-14 alone: a threat, with work to defer that brings the chance back. */
const ALONE: PreviewedChange = {
  ...THREAT,
  effect: { delta: -0.37, low: -0.39, high: -0.35, direction: 'lowers' },
  approval: { needsProductOwner: true, because: 'change-kind', message: 'kind' },
};
/** Adding ONB-14 with ONB-9 and ONB-11 deferred: the chance stays where it was. */
const WITH_ROOM: PreviewedChange = {
  ...assessment('safe', 0.78, 0.8),
  effect: { delta: 0.02, low: -0.001, high: 0.04, direction: 'none' },
  approval: { needsProductOwner: true, because: 'change-kind', message: 'kind' },
};

beforeEach(() => bridgeInvoke.mockReset());

async function openForm(locale?: string) {
  answerResolvers(bridgeInvoke, {
    getIssuePanelState: () => ({ data: panelState() }),
    previewProposal: (payload: { counterChange?: unknown }) => ({ data: payload.counterChange ? WITH_ROOM : ALONE }),
    createProposal: (payload: object) => ({ data: proposal({ ...(payload as object), version: 1 }) }),
  });
  renderPanel(<IssuePanel issueKey="ONB-14" previewDelayMs={0} mintKey={() => 'key-1'} />, locale);
}

async function afterThePreviewDelay() {
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

describe('a way out, picked by the proposer', () => {
  it('shows the sprint’s chance apart from the change’s effect, and proposes the picked deferral with the change', async () => {
    await openForm();
    fireEvent.click(await screen.findByRole('button', { name: 'Propose change' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Change' }), { target: { value: 'add' } });
    await afterThePreviewDelay();
    expect(await screen.findByText('The sprint’s chance now: P(goal) 78%')).toBeInTheDocument();
    expect(screen.getByText('This change lowers it by 37 points (range 35 to 39)')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Make room this way' }));
    await afterThePreviewDelay();
    const room = screen.getByRole('group', { name: 'Making room' });
    expect(within(room).getByText('Defer ONB-9 and ONB-11 to the next sprint')).toBeInTheDocument();
    expect(await screen.findByText('This change does not move it')).toBeInTheDocument();
    expect(callsTo(bridgeInvoke, 'previewProposal').at(-1)).toEqual({
      issueKey: 'ONB-14',
      change: { kind: 'add' },
      counterChange: { kind: 'defer', issueKeys: ['ONB-9', 'ONB-11'] },
    });
    // No longer a threat: nothing to acknowledge.
    expect(screen.queryByRole('checkbox', { name: 'I understand this threatens the sprint goal' })).not.toBeInTheDocument();

    fireEvent.change(screen.getByRole('combobox', { name: 'Reason' }), { target: { value: 'stakeholder-request' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Why?' }), { target: { value: 'Acme signs on Friday only if SAML works.' } });
    fireEvent.click(screen.getByRole('button', { name: 'Submit proposal' }));
    await waitFor(() => expect(callsTo(bridgeInvoke, 'createProposal')).toHaveLength(1));
    expect(callsTo(bridgeInvoke, 'createProposal')[0]).toMatchObject({
      change: { kind: 'add' },
      counterChange: { kind: 'defer', issueKeys: ['ONB-9', 'ONB-11'] },
    });
  });

  it('tells the proposer who decides and why, from the backend’s answer, in German', async () => {
    answerResolvers(bridgeInvoke, {
      getIssuePanelState: () => ({ data: panelState() }),
      previewProposal: () => ({ data: { ...ALONE, approval: THREATENS } }),
    });
    renderPanel(<IssuePanel issueKey="ONB-14" previewDelayMs={0} />, 'de-DE');
    fireEvent.click(await screen.findByRole('button', { name: 'Änderung vorschlagen' }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Änderung' }), { target: { value: 'add' } });
    // Before the assessment: the panel's answer for the kind.
    expect(screen.getByText('Wartet auf den Product Owner: Die Freigaberegel gibt ihm diese Art von Änderung.')).toBeInTheDocument();
    await afterThePreviewDelay();
    expect(
      await screen.findByText(
        'Wartet auf den Product Owner: Sie gefährdet das Sprintziel, daher entscheidet er sie, was immer die Regel für ihre Art sagt.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Diese Änderung senkt sie um 37 Prozentpunkte (Spanne 35 bis 39)')).toBeInTheDocument();
  });
});

describe('a proposal as the proposer sees it', () => {
  it('says why it waits, what it makes room with, and the Product Owner’s condition', async () => {
    const waiting = proposal({
      id: 'prop-wait',
      approvalReason: 'threatens-goal',
      counterChange: { kind: 'rank-below-goal', issueKeys: ['ONB-11'] },
    });
    const conditional = proposal({
      id: 'prop-cond',
      status: 'applied',
      decision: {
        verdict: 'approved',
        deciderAccountId: PRIYA_PRODUCT_OWNER,
        rationale: 'Only with the export moved out.',
        decidedAt: '2026-11-20T11:00:00.000Z',
        assessment: null,
        condition: { kind: 'defer', issueKeys: ['ONB-9'] },
      },
    });
    answerResolvers(bridgeInvoke, { getIssuePanelState: () => ({ data: panelState({ proposals: [waiting, conditional] }) }) });
    renderPanel(<IssuePanel issueKey="ONB-14" previewDelayMs={0} />);
    expect(
      await screen.findByText(
        'Waits for the Product Owner: it threatens the sprint goal, so they decide it whatever the policy for its kind.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Rank ONB-11 below the goal’s last item')).toBeInTheDocument();
    expect(screen.getByText('Approved if ONB-9 is deferred')).toBeInTheDocument();
  });

  it('reads the condition in German', async () => {
    const conditional = proposal({
      status: 'approved',
      decision: {
        verdict: 'approved',
        deciderAccountId: PRIYA_PRODUCT_OWNER,
        rationale: 'Nur ohne den Export.',
        decidedAt: '2026-11-20T11:00:00.000Z',
        assessment: null,
        condition: { kind: 'defer', issueKeys: ['ONB-9', 'ONB-11'] },
      },
    });
    answerResolvers(bridgeInvoke, { getIssuePanelState: () => ({ data: panelState({ proposals: [conditional] }) }) });
    renderPanel(<IssuePanel issueKey="ONB-14" previewDelayMs={0} />, 'de-DE');
    expect(await screen.findByText('Genehmigt, wenn ONB-9 und ONB-11 verschoben werden')).toBeInTheDocument();
  });
});

describe('approving on a condition', () => {
  it('lets the Product Owner pick the suggested deferral, shows the sprint with it, and sends it with the approval', async () => {
    answerResolvers(bridgeInvoke, {
      getIssuePanelState: () => ({
        data: panelState({
          proposals: [proposal()],
          viewer: { ...panelState().viewer, accountId: PRIYA_PRODUCT_OWNER, isProductOwner: true },
        }),
      }),
      previewProposal: (payload: { counterChange?: unknown }) => ({ data: payload.counterChange ? WITH_ROOM : ALONE }),
      decideProposal: () => ({ data: proposal({ status: 'approved' }) }),
    });
    renderPanel(<IssuePanel issueKey="ONB-14" previewDelayMs={0} />);
    const decision = await screen.findByRole('region', { name: 'Your decision' });
    await within(decision).findByText('This change lowers it by 37 points (range 35 to 39)');
    fireEvent.click(within(decision).getByRole('checkbox', { name: 'Approve on a condition' }));
    fireEvent.click(within(decision).getByRole('button', { name: 'Use: Defer ONB-9 and ONB-11 to the next sprint' }));
    expect(within(decision).getByRole('checkbox', { name: /ONB-9/ })).toBeChecked();
    expect(within(decision).getByText('Approved if ONB-9 and ONB-11 are deferred')).toBeInTheDocument();
    await within(decision).findByText('This change does not move it');

    fireEvent.change(within(decision).getByRole('textbox', { name: 'Rationale (the team will read it)' }), {
      target: { value: 'Yes, with the e-mail polish and export moved out.' },
    });
    fireEvent.click(within(decision).getByRole('button', { name: 'Approve on this condition' }));
    await waitFor(() => expect(callsTo(bridgeInvoke, 'decideProposal')).toHaveLength(1));
    expect(callsTo(bridgeInvoke, 'decideProposal')[0]).toMatchObject({
      verdict: 'approve',
      condition: { kind: 'defer', issueKeys: ['ONB-9', 'ONB-11'] },
    });
  });

  it('waits for the work to be picked before approving on a condition, and never sends one with a rejection', async () => {
    answerResolvers(bridgeInvoke, {
      getIssuePanelState: () => ({
        data: panelState({
          proposals: [proposal()],
          viewer: { ...panelState().viewer, accountId: PRIYA_PRODUCT_OWNER, isProductOwner: true },
        }),
      }),
      previewProposal: () => ({ data: ALONE }),
      decideProposal: () => ({ data: proposal({ status: 'rejected' }) }),
    });
    renderPanel(<IssuePanel issueKey="ONB-14" previewDelayMs={0} />, 'de-DE');
    const decision = await screen.findByRole('region', { name: 'Ihre Entscheidung' });
    fireEvent.change(within(decision).getByRole('textbox', { name: 'Begründung (das Team liest sie)' }), {
      target: { value: 'Nicht in diesem Sprint, bitte im nächsten.' },
    });
    fireEvent.click(within(decision).getByRole('checkbox', { name: 'Unter einer Bedingung genehmigen' }));
    expect(within(decision).getByText('Die Arbeit wählen, die Platz schafft.')).toBeInTheDocument();
    expect(within(decision).getByRole('button', { name: 'Genehmigen' })).toBeDisabled();
    fireEvent.click(within(decision).getByRole('checkbox', { name: /ONB-11/ }));
    expect(within(decision).getByRole('button', { name: 'Unter dieser Bedingung genehmigen' })).toBeEnabled();
    fireEvent.click(within(decision).getByRole('button', { name: 'Ablehnen' }));
    await waitFor(() => expect(callsTo(bridgeInvoke, 'decideProposal')).toHaveLength(1));
    expect(callsTo(bridgeInvoke, 'decideProposal')[0]).not.toHaveProperty('condition');
  });
});
