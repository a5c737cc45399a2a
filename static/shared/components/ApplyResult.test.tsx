import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import type { ApplyStep, Proposal } from '@goalkeeper/contract';
import { proposalPartCatalogues } from '../i18n/proposal-part-messages';
import { DANA_DEVELOPER } from '../testing/people';
import { renderInLocale } from '../testing/render-in-locale';
import { ApplyResult } from './ApplyResult';

/** A split of ONB-42 applied in sprint 7, as the apply worker journals it (src/app/support/apply-plan.ts). */
const STEPS: readonly ApplyStep[] = [
  {
    name: 'move-into-sprint',
    status: 'done',
    at: '2026-11-25T10:00:01.000Z',
    detail: 'Move ONB-74 into sprint 7: Verified: ONB-74 is in sprint 7.',
    facts: { kind: 'move-into-sprint', issueKey: 'ONB-74', sprintId: 7 },
  },
  {
    name: 'create-part-1',
    status: 'done',
    at: '2026-11-25T10:00:02.000Z',
    detail: 'Create …',
    createdKeys: ['ONB-197'],
    facts: { kind: 'create-split-part', sourceKey: 'ONB-42', summary: 'Entra ID: register the staging tenant', points: 1, sprintId: 7 },
  },
  {
    name: 'set-priority',
    status: 'failed',
    at: '2026-11-25T10:00:03.000Z',
    detail: 'Set priority …: 400',
    facts: { kind: 'set-priority', issueKey: 'ONB-74', priorityName: 'High' },
  },
  {
    name: 'comment',
    status: 'started',
    at: '2026-11-25T10:00:04.000Z',
    detail: 'Comment …',
    facts: { kind: 'comment', issueKey: 'ONB-74' },
  },
  { name: 'swap-out', status: 'done', at: '2026-11-25T10:00:05.000Z', detail: 'Move ONB-55 to the backlog: Verified.' },
];

const applying: Proposal = {
  id: 'prop-1',
  issueKey: 'ONB-74',
  issueId: '10074',
  projectKey: 'ONB',
  boardId: 1,
  sprintId: 7,
  proposerAccountId: DANA_DEVELOPER,
  change: { kind: 'add' },
  reason: { category: 'defect', text: 'Login loops for Acme.' },
  createdAt: '2026-11-25T09:00:00.000Z',
  pointsAtProposal: {},
  status: 'approved',
  needsProductOwner: true,
  assessment: null,
  threatAcknowledged: false,
  decision: null,
  apply: { attempts: 1, steps: STEPS, lastError: null, finishedAt: null },
  staleReason: null,
  version: 6,
};

const lines = () => screen.getAllByRole('listitem').map((item) => item.textContent);

describe('the apply result', () => {
  it('words every step in plain English from its facts, naming the sprint the page knows', () => {
    renderInLocale(<ApplyResult proposal={applying} sprintNames={{ 7: 'Sprint 7' }} />, proposalPartCatalogues);
    expect(lines()).toEqual([
      'Moved ONB-74 into Sprint 7 — checked in Jira',
      'Created “Entra ID: register the staging tenant” (1 point) beside ONB-42, in Sprint 7: ONB-197',
      'Could not set the priority of ONB-74 to High',
      'Started, not yet confirmed: comment the decision on ONB-74',
      'swap-out: done',
    ]);
  });

  it('words them in German, with the sprint by number where the page does not know its name', () => {
    renderInLocale(<ApplyResult proposal={applying} />, proposalPartCatalogues, 'de-DE');
    expect(lines()).toEqual([
      'ONB-74 in Sprint 7 verschoben — in Jira geprüft',
      '„Entra ID: register the staging tenant“ (1 Punkt) neben ONB-42 angelegt, in Sprint 7: ONB-197',
      'Nicht gelungen: Priorität von ONB-74 auf High setzen',
      'Begonnen, noch nicht bestätigt: Entscheidung an ONB-74 kommentieren',
      'swap-out: erledigt',
    ]);
  });
});
