import '@testing-library/jest-dom';
import { fireEvent, screen, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { forgeContext } from '../../shared/testing/forge-context';
import { renderInLocale } from '../../shared/testing/render-in-locale';
import { answerResolvers, callsTo } from '../../shared/testing/scripted-resolvers';
import { settingsCatalogues } from './messages/catalogue';
import SettingsApp from './SettingsApp';
import { renderSettingsPage } from './testing/render-settings';
import { savedSettings, settingsPage } from './testing/settings-fixtures';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn() }));
const bridgeInvoke = invoke as unknown as jest.Mock;

beforeEach(() => bridgeInvoke.mockReset());

function definition(group: HTMLElement, term: string): HTMLElement | null | undefined {
  return within(group).getByText(term, { selector: 'dt' }).nextElementSibling as HTMLElement | null;
}

describe('the settings page for someone who is not a project admin', () => {
  it('shows the rules in words, says why they cannot be changed here, and offers nothing to edit', async () => {
    answerResolvers(bridgeInvoke, { getProjectSettings: () => ({ data: settingsPage({ canEdit: false }) }) });
    renderSettingsPage();

    expect(await screen.findByText('Only project administrators can change these settings')).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save settings' })).not.toBeInTheDocument();
    expect(screen.queryAllByRole('textbox')).toHaveLength(0);
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0);

    const owners = screen.getByRole('region', { name: 'Product Owners' });
    expect(definition(owners, 'Named Product Owners')).toHaveTextContent('Priya Raman');
    const approval = screen.getByRole('region', { name: 'Approval' });
    expect(definition(approval, 'Add to the sprint')).toHaveTextContent('Waits for a Product Owner');
    expect(definition(approval, 'Re-estimate')).toHaveTextContent('Approved at once and logged');
    expect(definition(approval, 'A Product Owner may approve their own proposals')).toHaveTextContent('no');
    const thresholds = screen.getByRole('region', { name: 'Risk thresholds' });
    expect(definition(thresholds, 'Threat when the chance falls below')).toHaveTextContent('50%');
    expect(definition(thresholds, 'Caution when the chance drops by at least')).toHaveTextContent('5%');
    expect(definition(screen.getByRole('region', { name: 'Data retention' }), 'Days to keep a closed sprint’s records')).toHaveTextContent(
      'kept while Goalkeeper is installed',
    );
    const board = screen.getByRole('region', { name: 'Override for ONB board' });
    expect(definition(board, 'Working days')).toHaveTextContent('Monday, Tuesday, Wednesday, Thursday');
    expect(callsTo(bridgeInvoke, 'getProjectSettings')).toEqual([{ projectKey: 'ONB' }]);
  });

  it('shows who changed what, and when, with the new values', async () => {
    answerResolvers(bridgeInvoke, { getProjectSettings: () => ({ data: settingsPage({ canEdit: false }) }) });
    renderSettingsPage();

    const history = await screen.findByRole('region', { name: 'History' });
    const versions = within(history)
      .getAllByRole('listitem')
      .filter((item) => item.parentElement?.tagName === 'OL');
    expect(versions[0]).toHaveTextContent('Version 2 Ada Lindqvist, Mar 2, 2026');
    expect(versions[0]).toHaveTextContent('Override for ONB board: own settings');
    expect(versions[0]).toHaveTextContent('Goal-critical issues › JQL: project = ONB AND priority = Highest');
    expect(versions[1]).toHaveTextContent('Product Owners › Named Product Owners: Priya Raman');
  });
});

describe('the settings page', () => {
  it('says these are the defaults when nobody has saved settings yet', async () => {
    answerResolvers(bridgeInvoke, {
      getProjectSettings: () => ({
        data: settingsPage({ settings: savedSettings({ version: 0, updatedBy: null, updatedAt: null }), history: [] }),
      }),
    });
    renderSettingsPage();
    expect(await screen.findByText('These are Goalkeeper’s defaults: nobody has changed them for this project.')).toBeInTheDocument();
    expect(screen.getByText('Nobody has saved settings for this project yet.')).toBeInTheDocument();
  });

  it('says why when the settings cannot be read, and tries again on request', async () => {
    answerResolvers(bridgeInvoke, {
      getProjectSettings: () => ({
        error: { code: 'not-found', message: 'This project does not exist or you do not have permission to see it.' },
      }),
    });
    renderSettingsPage();
    expect(await screen.findByRole('alert')).toHaveTextContent('This project does not exist or you do not have permission to see it.');

    answerResolvers(bridgeInvoke, { getProjectSettings: () => ({ data: settingsPage() }) });
    fireEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Save settings' })).toBeInTheDocument();
  });

  it('asks to be opened from a project when Jira gives it none', () => {
    renderInLocale(<SettingsApp context={forgeContext({})} />, settingsCatalogues);
    expect(screen.getByRole('heading', { name: 'No project' })).toBeInTheDocument();
    expect(bridgeInvoke).not.toHaveBeenCalled();
  });

  it('speaks German to a German Jira, weekdays and percentages included', async () => {
    answerResolvers(bridgeInvoke, {
      getProjectSettings: () => ({
        data: settingsPage({
          settings: savedSettings({ thresholds: { threatBelow: 0.125, threatDrop: 0.2, cautionBelow: 0.8, cautionDrop: 0.05 } }),
        }),
      }),
    });
    renderSettingsPage('de-DE');

    expect(await screen.findByRole('button', { name: 'Einstellungen speichern' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Gefahr, wenn die Chance unter diesen Wert fällt (%)' })).toHaveValue('12,5');
    const days = within(screen.getByRole('group', { name: 'Prognose' })).getByRole('group', { name: 'Arbeitstage' });
    expect(within(days).getByRole('checkbox', { name: 'Montag' })).toBeChecked();
    expect(within(days).getByRole('checkbox', { name: 'Samstag' })).not.toBeChecked();
  });
});
