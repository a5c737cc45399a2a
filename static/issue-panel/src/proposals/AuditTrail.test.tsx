import '@testing-library/jest-dom';
import { fireEvent, screen, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import type { AuditEvent } from '@goalkeeper/contract';
import { answerResolvers } from '../../../shared/testing/scripted-resolvers';
import { IssuePanel } from '../IssuePanel';
import { DANA_DEVELOPER, PRIYA_PRODUCT_OWNER } from '../../../shared/testing/people';
import { SAFE, panelState, proposal } from '../testing/panel-fixtures';
import { renderPanel } from '../testing/render-panel';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn() }));
const bridgeInvoke = invoke as unknown as jest.Mock;

/** ONB-14 added to sprint 7 by its only Product Owner, as the audit store answers it (src/app/support/audit-log.ts). */
const EVENTS: AuditEvent[] = [
  {
    proposalId: 'prop-0001',
    sequence: 1,
    action: 'proposed',
    actorAccountId: PRIYA_PRODUCT_OWNER,
    at: '2026-11-20T09:30:00.000Z',
    status: 'proposed',
    detail: 'Acme signs on Friday only if SAML works.',
  },
  {
    proposalId: 'prop-0001',
    sequence: 2,
    action: 'approved',
    actorAccountId: PRIYA_PRODUCT_OWNER,
    at: '2026-11-20T10:00:00.000Z',
    status: 'approved',
    detail: 'Acme ist das Risiko wert.',
    selfDecided: true,
  },
  {
    proposalId: 'prop-0001',
    sequence: 3,
    action: 'apply-step',
    actorAccountId: null,
    at: '2026-11-20T10:00:01.000Z',
    status: 'approved',
    detail: 'Done: Move ONB-14 into sprint 7: Verified: ONB-14 is in sprint 7.',
    step: {
      name: 'move-into-sprint',
      status: 'done',
      at: '2026-11-20T10:00:01.000Z',
      detail: 'Move ONB-14 into sprint 7',
      facts: { kind: 'move-into-sprint', issueKey: 'ONB-14', sprintId: 7 },
    },
  },
  {
    proposalId: 'prop-0001',
    sequence: 4,
    action: 'applied',
    actorAccountId: null,
    at: '2026-11-20T10:00:02.000Z',
    status: 'applied',
    detail: 'Applied in attempt 1.',
    attempt: 1,
  },
];

beforeEach(() => bridgeInvoke.mockReset());

describe('the audit trail', () => {
  it('tells every step in German, apply steps from their facts and never the backend’s English', async () => {
    const state = panelState({
      viewer: { accountId: DANA_DEVELOPER, isProductOwner: false, canPropose: true, cannotProposeReason: null, ownProposals: null },
      proposals: [proposal({ status: 'applied', version: 4 })],
    });
    answerResolvers(bridgeInvoke, {
      getIssuePanelState: () => ({ data: state }),
      previewProposal: () => ({ data: SAFE }),
      getAuditTrail: () => ({ data: { events: EVENTS } }),
    });
    renderPanel(<IssuePanel issueKey="ONB-14" />, 'de-DE');
    fireEvent.click(await screen.findByRole('button', { name: 'Protokoll' }));

    await screen.findByText(/Versuch 1/);
    const trail = [...document.querySelectorAll<HTMLElement>('.gk-audit__events > li')];
    const text = trail.map((item) => item.textContent ?? '');
    expect(text[0]).toMatch(/Vorgeschlagen — Priya Raman: Acme signs on Friday only if SAML works\.$/);
    expect(text[1]).toMatch(
      /Genehmigt — Priya Raman \(selbst genehmigt: Der Product Owner hat über seinen eigenen Vorschlag entschieden\): Acme ist das Risiko wert\.$/,
    );
    expect(text[2]).toMatch(/Umsetzungsschritt — Goalkeeper: ONB-14 in ONB Sprint 7 verschoben — in Jira geprüft$/);
    expect(text[3]).toMatch(/Umgesetzt — Goalkeeper: alle Schritte in Jira erledigt, Versuch 1$/);
    expect(within(trail[2]!).queryByText(/Verified/)).not.toBeInTheDocument();
  });
});
