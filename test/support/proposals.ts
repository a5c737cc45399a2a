/**
 * A realistic open proposal for domain tests (Dana proposes adding ONB-31 to sprint 7); each test
 * overrides only the fields its rule is about.
 */
import { openProposal, type NewProposal, type Proposal } from '../../src/domain/proposal';

export const PROPOSED_AT = '2026-11-25T10:00:00.000Z';

export function proposalFor(fields: Partial<NewProposal> = {}): Proposal {
  return openProposal({
    id: 'p-1',
    issueKey: 'ONB-31',
    issueId: '10031',
    projectKey: 'ONB',
    boardId: 1,
    sprintId: 7,
    proposerAccountId: '557058:dev-dana',
    change: { kind: 'add' },
    reason: { category: 'stakeholder-request', text: 'Sales promised SSO for Acme by Friday.' },
    createdAt: PROPOSED_AT,
    pointsAtProposal: { 'ONB-31': 3 },
    needsProductOwner: true,
    assessment: null,
    threatAcknowledged: false,
    ...fields,
  });
}
