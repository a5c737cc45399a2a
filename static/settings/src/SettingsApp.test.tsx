import '@testing-library/jest-dom';
import { screen } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import type { ForgeContext } from '../../shared/forge-host';
import { renderInLocale } from '../../shared/testing/render-in-locale';
import { answerResolvers, callsTo } from '../../shared/testing/scripted-resolvers';
import { settingsCatalogues } from './messages/catalogue';
import SettingsApp from './SettingsApp';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn() }));
const bridgeInvoke = invoke as unknown as jest.Mock;

const page = {
  projectKey: 'ONB',
  settings: {
    version: 0,
    productOwners: { roleName: 'Product Owner', accountIds: ['acc-priya-product-owner'] },
    policy: {
      byKind: { add: 'product-owner', remove: 'product-owner', defer: 'product-owner', swap: 'product-owner', split: 'product-owner', rerank: 'auto', estimate: 'auto', priority: 'auto', tweak: 'auto' },
      goalCriticalRerankNeedsProductOwner: true,
      allowSelfApproval: false,
      minRationaleChars: 10,
    },
    goalCritical: { labels: ['sprint-goal'], epicKeys: [], flaggedIssueKeys: [], jql: null },
    updatedBy: null,
    updatedAt: null,
  },
  canEdit: false,
  projectRoles: ['Product Owner', 'Developers'],
  history: [],
  boards: [{ id: 1, name: 'ONB board' }],
  people: { 'acc-priya-product-owner': 'Priya Patel' },
};

function showSettings() {
  return renderInLocale(<SettingsApp context={{ extension: { project: { key: 'ONB' } } } as ForgeContext} />, settingsCatalogues);
}

beforeEach(() => bridgeInvoke.mockReset());

describe('the settings page', () => {
  it('shows the rules Goalkeeper applies in the project, as the backend has them', async () => {
    answerResolvers(bridgeInvoke, { getProjectSettings: () => ({ data: page }) });
    showSettings();

    expect(await screen.findByText('Priya Patel')).toBeInTheDocument();
    expect(screen.getByText('Product Owner')).toBeInTheDocument();
    expect(screen.getByText('Add to the sprint').nextSibling).toHaveTextContent('waits for the Product Owner');
    expect(screen.getByText('Re-estimate').nextSibling).toHaveTextContent('logged and applied at once');
    expect(screen.getByText('Nobody approves their own proposal.')).toBeInTheDocument();
    expect(screen.getByText('A decision needs a rationale of at least 10 characters.')).toBeInTheDocument();
    expect(screen.getByText('sprint-goal')).toBeInTheDocument();
    expect(callsTo(bridgeInvoke, 'getProjectSettings')).toEqual([{ projectKey: 'ONB' }]);
  });

  it('says why when the settings cannot be read', async () => {
    answerResolvers(bridgeInvoke, { getProjectSettings: () => ({ error: { code: 'not-found', message: 'This project does not exist or you do not have permission to see it.' } }) });
    showSettings();
    expect(await screen.findByRole('alert')).toHaveTextContent('This project does not exist or you do not have permission to see it.');
  });
});
