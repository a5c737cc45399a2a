import { useForgeApp } from '../support/forge-app';
import { DANA, ONB_BOARD, PRIYA, proposalPayload } from './security-fixture';
const app = useForgeApp();
it('measures', async () => {
  const count = async (fn: () => Promise<unknown>) => { const before = app().sandbox.jira.requests.length; await fn(); return app().sandbox.jira.requests.slice(before).map((r) => `${r.method} ${r.path}`); };
  await app().ok('getIssuePanelState', { issueKey: 'ONB-39' }, DANA);
  const panel = await count(() => app().ok('getIssuePanelState', { issueKey: 'ONB-39' }, DANA));
  const preview = await count(() => app().ok('previewProposal', proposalPayload('ONB-68', { kind: 'add' }), DANA));
  const view = await count(() => app().ok('getSprintViewState', { boardId: ONB_BOARD }, PRIYA));
  console.log(`panel ${panel.length}\n${panel.join('\n')}\npreview ${preview.length}\nview ${view.length}\n${view.join('\n')}`);
}, 60000);
