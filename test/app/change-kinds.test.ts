/**
 * Every change kind, through the handler: the panel offers it where the registry says
 * (src/domain/change-kinds.ts), the payload schema accepts it, and previewProposal assesses it.
 * The kinds come from CHANGE_KINDS, so a new kind is walked here as soon as it exists.
 */
import { CHANGE_KINDS } from '../../src/domain/change';
import { CHANGE_KIND_RULES } from '../../src/domain/change-kinds';
import { changeSchema } from '../../src/contract/payload-schemas';
import { startForgeApp, type ForgeApp } from '../support/forge-app';
import { ONE_OF_EACH_KIND } from '../support/one-of-each-kind';
import { DANA } from '../support/people';

// Previews save nothing (test/app/preview-proposal.test.ts), so one app serves every kind.
let app: ForgeApp;
beforeAll(async () => {
  app = await startForgeApp();
});
afterAll(() => app.close());

describe.each(CHANGE_KINDS)('the change kind %s', (kind) => {
  const { issueKey, change } = ONE_OF_EACH_KIND[kind];

  it('is offered on an issue where its rule says it applies', async () => {
    const panel = await app.invokeOk('getIssuePanelState', { issueKey }, DANA.accountId);
    expect(panel.availableKinds).toContain(kind);
    expect(CHANGE_KIND_RULES[kind].subject).toBe(panel.issue?.inActiveSprint ? 'in-active-sprint' : 'outside-active-sprint');
  });

  it('passes the payload schema unchanged in kind', () => {
    expect(changeSchema.parse(change).kind).toBe(kind);
  });

  it('is assessed against the sprint goal by previewProposal', async () => {
    const assessment = await app.invokeOk('previewProposal', { issueKey, change }, DANA.accountId);
    if (assessment === null) throw new Error(`${kind} on ${issueKey} was not assessed`);
    expect(assessment.level).toMatch(/^(safe|caution|threat)$/);
    expect(assessment.approval.needsProductOwner).toBe(typeof assessment.approval.because === 'string');
  });
});
