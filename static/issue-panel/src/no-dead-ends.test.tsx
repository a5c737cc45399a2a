import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { invoke, router } from '@forge/bridge';
import type { IssuePanelState } from '@goalkeeper/contract';
import { answerResolvers, callsTo } from '../../shared/testing/scripted-resolvers';
import { IssuePanel } from './IssuePanel';
import { PRIYA_PRODUCT_OWNER } from '../../shared/testing/people';
import { SAFE, panelState, proposal } from './testing/panel-fixtures';
import { renderPanel } from './testing/render-panel';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn(), router: { navigate: jest.fn() } }));
const bridgeInvoke = invoke as unknown as jest.Mock;
const navigate = router.navigate as unknown as jest.Mock;

const soleProductOwner = {
  accountId: PRIYA_PRODUCT_OWNER,
  isProductOwner: true,
  canPropose: true,
  cannotProposeReason: null,
  ownProposals: 'sole-product-owner',
} as const;
const ownProposal = () => proposal({ proposerAccountId: PRIYA_PRODUCT_OWNER });

async function showPanel(state: IssuePanelState, locale?: string) {
  answerResolvers(bridgeInvoke, {
    getIssuePanelState: () => ({ data: state }),
    previewProposal: () => ({ data: SAFE }),
    decideProposal: () => ({ data: state.proposals[0] }),
  });
  renderPanel(<IssuePanel issueKey={state.issue.key} />, locale);
  await screen.findByRole('heading', { level: 2, name: /ONB-14/ });
}

beforeEach(() => {
  bridgeInvoke.mockReset();
  navigate.mockReset().mockResolvedValue(undefined);
});

describe('the only Product Owner proposing', () => {
  it('lets them decide their own proposal only with a note, which goes with the decision', async () => {
    await showPanel(panelState({ viewer: soleProductOwner, productOwnerIds: [PRIYA_PRODUCT_OWNER], proposals: [ownProposal()] }));
    const card = screen.getByRole('article', { name: 'Add ONB-14 to the sprint' });
    expect(within(card).getByText(/You are the only Product Owner of this project/)).toBeInTheDocument();

    fireEvent.change(within(card).getByRole('textbox', { name: 'Rationale (the team will read it)' }), {
      target: { value: 'Acme needs SSO by Friday.' },
    });
    expect(within(card).getByRole('button', { name: 'Approve' })).toBeDisabled();
    fireEvent.change(within(card).getByRole('textbox', { name: 'Note on deciding your own proposal' }), {
      target: { value: 'Oliver is on leave until the review.' },
    });
    fireEvent.click(within(card).getByRole('button', { name: 'Approve' }));

    await waitFor(() => expect(callsTo(bridgeInvoke, 'decideProposal')).toHaveLength(1));
    expect(callsTo(bridgeInvoke, 'decideProposal')[0]).toEqual({
      proposalId: 'prop-0001',
      verdict: 'approve',
      rationale: 'Acme needs SSO by Friday.',
      expectedVersion: 1,
      selfDecisionNote: 'Oliver is on leave until the review.',
    });
  });

  it('shows a self-approved decision flagged, with the note, in German', async () => {
    const decided = proposal({
      proposerAccountId: PRIYA_PRODUCT_OWNER,
      status: 'approved',
      version: 2,
      decision: {
        verdict: 'approved',
        deciderAccountId: PRIYA_PRODUCT_OWNER,
        rationale: 'Acme braucht SSO bis Freitag.',
        decidedAt: '2026-11-20T11:00:00.000Z',
        assessment: SAFE,
        selfDecided: { rule: 'sole-product-owner', note: 'Oliver ist bis zum Review im Urlaub.' },
      },
    });
    await showPanel(panelState({ viewer: soleProductOwner, productOwnerIds: [PRIYA_PRODUCT_OWNER], proposals: [decided] }), 'de-DE');
    expect(screen.getByText('Selbst genehmigt')).toBeInTheDocument();
    expect(screen.getByText('Warum der Vorschlagende selbst entschieden hat:')).toBeInTheDocument();
    expect(screen.getByText('Oliver ist bis zum Review im Urlaub.')).toBeInTheDocument();
  });

  it('tells them to name a second Product Owner where the policy wants one, with a way to the settings', async () => {
    await showPanel(
      panelState({
        viewer: { ...soleProductOwner, ownProposals: 'no-other-po' },
        productOwnerIds: [PRIYA_PRODUCT_OWNER],
        proposals: [ownProposal()],
      }),
    );
    const card = screen.getByRole('article', { name: 'Add ONB-14 to the sprint' });
    expect(within(card).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(within(card).getByText(/name a second Product Owner in the Goalkeeper settings/)).toBeInTheDocument();

    fireEvent.click(within(card).getByRole('button', { name: 'Open Goalkeeper settings' }));
    expect(navigate).toHaveBeenCalledWith({ target: 'module', moduleKey: 'goalkeeper-settings', projectKey: 'ONB' });
  });
});

describe('a project with no Product Owner', () => {
  const noProductOwner = (viewerMayConfigure: boolean) =>
    panelState({
      productOwnerIds: [],
      productOwnerSetup: { projectKey: 'ONB', roleName: 'Product Owner', viewerMayConfigure },
      proposals: [proposal()],
    });

  it('tells the team what is missing and who sets it up, instead of waiting for nobody', async () => {
    await showPanel(noProductOwner(false));
    const note = screen.getByRole('note', { name: 'No Product Owner is set up for ONB' });
    expect(
      within(note).getByText(/Ask a project administrator to name the Product Owners in Project settings → Goalkeeper/),
    ).toBeInTheDocument();
    expect(within(note).getByText(/Product Owner role in the settings: Product Owner/)).toBeInTheDocument();
    const card = screen.getByRole('article', { name: 'Add ONB-14 to the sprint' });
    expect(within(card).queryByText(/Waiting for the Product Owner/)).not.toBeInTheDocument();
    expect(within(card).getByText(/Nobody can decide this yet/)).toBeInTheDocument();
  });

  it('tells an administrator, in German, to name the Product Owners, and opens the settings page', async () => {
    await showPanel(noProductOwner(true), 'de-DE');
    const note = screen.getByRole('note', { name: 'Für ONB ist kein Product Owner eingerichtet' });
    expect(within(note).getByText(/Benennen Sie die Product Owner in den Goalkeeper-Projekteinstellungen/)).toBeInTheDocument();
    fireEvent.click(within(note).getByRole('button', { name: 'Goalkeeper-Einstellungen öffnen' }));
    expect(navigate).toHaveBeenCalledWith({ target: 'module', moduleKey: 'goalkeeper-settings', projectKey: 'ONB' });
  });

  it('says so when the host cannot open the settings page', async () => {
    navigate.mockRejectedValue(new Error('Navigation is not available here'));
    await showPanel(noProductOwner(true));
    fireEvent.click(screen.getByRole('button', { name: 'Open Goalkeeper settings' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The settings page did not open: Navigation is not available here');
  });
});

describe('an inactive licence', () => {
  const unlicensed = (viewer: IssuePanelState['viewer']) =>
    panelState({
      licenseActive: false,
      viewer: { ...viewer, canPropose: false, cannotProposeReason: 'Goalkeeper is not licensed on this site.' },
      proposals: [proposal()],
    });

  it('says so before anyone types and shows proposals read-only', async () => {
    await showPanel(unlicensed({ ...soleProductOwner }));
    expect(screen.getByRole('note', { name: 'Goalkeeper is not licensed on this site' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Propose change' })).not.toBeInTheDocument();
    const card = screen.getByRole('article', { name: 'Add ONB-14 to the sprint' });
    expect(within(card).queryByRole('button', { name: 'Approve' })).not.toBeInTheDocument();
    expect(within(card).queryByRole('button', { name: 'Withdraw' })).not.toBeInTheDocument();
    expect(within(card).getByRole('button', { name: 'Audit trail' })).toBeInTheDocument();
  });

  it('says it in German', async () => {
    await showPanel(unlicensed({ ...soleProductOwner }), 'de-DE');
    expect(screen.getByRole('note', { name: 'Goalkeeper ist auf dieser Website nicht lizenziert' })).toHaveTextContent(/bleiben lesbar/);
  });
});
