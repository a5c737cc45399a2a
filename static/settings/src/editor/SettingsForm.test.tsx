import '@testing-library/jest-dom';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { editableSettingsSchema } from '@goalkeeper/contract';
import { answerResolvers, callsTo } from '../../../shared/testing/scripted-resolvers';
import { renderSettingsPage } from '../testing/render-settings';
import { DANA_DEVELOPER, PRIYA_PRODUCT_OWNER, SEED_PEOPLE } from '../../../shared/testing/people';
import { pageAfterDanaSaved, savedSettings, settingsPage } from '../testing/settings-fixtures';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn() }));
const bridgeInvoke = invoke as unknown as jest.Mock;

interface SavePayload {
  readonly projectKey: string;
  readonly settings: Record<string, unknown> & { boardOverrides: Record<string, unknown>; thresholds: Record<string, number> };
  readonly expectedVersion: number;
}

/** Opens the page as a project admin; saves succeed with the next version unless scripted otherwise. */
async function openAsAdmin(page = settingsPage(), saveAnswer?: (payload: SavePayload) => unknown) {
  answerResolvers(bridgeInvoke, {
    getProjectSettings: () => ({ data: page }),
    searchPeople: ({ query }: { query: string }) => ({
      data: JIRA_PEOPLE.filter((person) => person.displayName.toLowerCase().startsWith(query.toLowerCase())),
    }),
    saveProjectSettings:
      saveAnswer ??
      ((payload: SavePayload) => ({
        data: { ...page, settings: { ...page.settings, ...payload.settings, version: payload.expectedVersion + 1 } },
      })),
  });
  renderSettingsPage();
  return screen.findByRole('form', { name: 'Goalkeeper settings' });
}

function group(name: string, container: HTMLElement = document.body): HTMLElement {
  return within(container).getByRole('group', { name });
}

function type(name: string, value: string, container: HTMLElement = document.body) {
  fireEvent.change(within(container).getByRole('textbox', { name }), { target: { value } });
}

async function save(): Promise<SavePayload[]> {
  fireEvent.click(screen.getByRole('button', { name: 'Save settings' }));
  await waitFor(() => expect(screen.getByRole('button', { name: 'Save settings' })).not.toHaveAttribute('aria-busy'));
  return callsTo(bridgeInvoke, 'saveProjectSettings') as SavePayload[];
}

/** What Jira's user picker finds, as `searchPeople` answers (PersonFound: account id and display name). */
const JIRA_PEOPLE = [SEED_PEOPLE.devDana, SEED_PEOPLE.devKofi];

async function pickPerson(query: string, name: string, container: HTMLElement = document.body) {
  fireEvent.change(within(container).getByRole('combobox', { name: 'Add a Product Owner: search by name' }), { target: { value: query } });
  fireEvent.click(await within(container).findByRole('option', { name }));
}

beforeEach(() => bridgeInvoke.mockReset());

describe('the settings form', () => {
  it('shows the risk thresholds as percentages and saves them as probabilities', async () => {
    await openAsAdmin(
      settingsPage({
        settings: savedSettings({ thresholds: { threatBelow: 0.5, threatDrop: 0.125, cautionBelow: 0.8, cautionDrop: 0.05 } }),
      }),
    );
    const thresholds = group('Risk thresholds');
    expect(within(thresholds).getByRole('textbox', { name: 'Threat when the chance falls below (%)' })).toHaveValue('50');
    expect(within(thresholds).getByRole('textbox', { name: 'Threat when the chance drops by at least (%)' })).toHaveValue('12.5');
    expect(within(thresholds).getByRole('textbox', { name: 'Caution when the chance drops by at least (%)' })).toHaveValue('5');

    type('Threat when the chance falls below (%)', '42,5', thresholds);
    type('Caution when the chance falls below (%)', '75 %', thresholds);
    const [payload] = await save();

    expect(payload?.settings.thresholds).toEqual({ threatBelow: 0.425, threatDrop: 0.125, cautionBelow: 0.75, cautionDrop: 0.05 });
  });

  it('sends settings in exactly the shape the backend’s schema accepts, over the version it loaded', async () => {
    await openAsAdmin();
    fireEvent.change(screen.getByRole('combobox', { name: 'Project role whose members are Product Owners' }), { target: { value: '' } });
    await pickPerson('Dan', 'Dana Kowalski');
    fireEvent.change(screen.getByRole('combobox', { name: 'Re-estimate' }), { target: { value: 'product-owner' } });
    fireEvent.click(screen.getByRole('checkbox', { name: 'A Product Owner may approve their own proposals' }));
    type('Shortest rationale a decision accepts (characters)', '25');
    const rule = group('Goal-critical issues');
    type('Labels', 'sprint-goal, launch', rule);
    type('Epics', 'onb-1 ONB-2', rule);
    type('Issues flagged by the Product Owner', 'ONB-39', rule);
    type('JQL', '  ', rule);
    fireEvent.click(within(group('Working days', group('Forecast'))).getByRole('checkbox', { name: 'Saturday' }));
    type('Closed sprints the forecast learns from', '8', group('Forecast'));
    fireEvent.click(screen.getByRole('checkbox', { name: 'Comment on the Jira issue when a proposal is decided' }));

    const [payload] = await save();

    expect(payload?.projectKey).toBe('ONB');
    expect(payload?.expectedVersion).toBe(2);
    const parsed = editableSettingsSchema.safeParse(payload?.settings);
    expect(parsed.success).toBe(true);
    expect(parsed.data).toEqual(payload?.settings);
    expect(payload?.settings).toEqual({
      productOwners: { roleName: null, accountIds: [PRIYA_PRODUCT_OWNER, DANA_DEVELOPER] },
      policy: {
        byKind: { ...savedSettings().policy.byKind, estimate: 'product-owner' },
        goalCriticalRerankNeedsProductOwner: true,
        threatNeedsProductOwner: true,
        allowSelfApproval: true,
        soleProductOwner: 'self-with-note',
        minRationaleChars: 25,
      },
      policyEditors: 'admins',
      goalCritical: { labels: ['sprint-goal', 'launch'], epicKeys: ['ONB-1', 'ONB-2'], flaggedIssueKeys: ['ONB-39'], jql: null },
      thresholds: { threatBelow: 0.5, threatDrop: 0.2, cautionBelow: 0.8, cautionDrop: 0.05 },
      workingDays: [1, 2, 3, 4, 5, 6],
      historySprints: 8,
      commentOnDecision: false,
      retentionDays: null,
      openProposalsPerPerson: 10,
      boardOverrides: { '1': { workingDays: [1, 2, 3, 4] } },
    });
  });

  it('turns off the rule that a threat to the goal waits for a Product Owner, and saves it', async () => {
    await openAsAdmin();
    const rule = screen.getByRole('checkbox', {
      name: 'A change Goalkeeper rates a threat to the goal always waits for a Product Owner, whatever its kind',
    });
    expect(rule).toBeChecked();
    fireEvent.click(rule);
    const [payload] = await save();
    expect(payload?.settings.policy).toMatchObject({ threatNeedsProductOwner: false });
    expect(editableSettingsSchema.safeParse(payload?.settings).data?.policy.threatNeedsProductOwner).toBe(false);
  });

  it('deletes a closed sprint’s records after the days typed, and keeps them while installed when the field is empty', async () => {
    await openAsAdmin(settingsPage({ settings: savedSettings({ retentionDays: 365 }) }));
    const retention = group('Data retention');
    expect(within(retention).getByRole('textbox', { name: 'Days to keep a closed sprint’s records' })).toHaveValue('365');

    type('Days to keep a closed sprint’s records', ' 90 ', retention);
    const [first] = await save();
    type('Days to keep a closed sprint’s records', '', retention);
    const [, second] = await save();

    expect(first?.settings['retentionDays']).toBe(90);
    expect(second?.settings['retentionDays']).toBeNull();
    expect(editableSettingsSchema.safeParse(second?.settings).success).toBe(true);
  });

  it('marks a retention shorter than 30 days beside its field and sends nothing', async () => {
    await openAsAdmin();
    type('Days to keep a closed sprint’s records', '10', group('Data retention'));

    expect(await save()).toEqual([]);

    const days = screen.getByRole('textbox', { name: 'Days to keep a closed sprint’s records' });
    expect(days).toHaveAttribute('aria-invalid', 'true');
    expect(days).toHaveAccessibleDescription('Whole days, from 30 to 3,650. Enter a whole number from 30 to 3,650.');
    expect(days).toHaveFocus();
    expect(days).toHaveValue('10');
  });

  it('shows Jira’s JQL error at the JQL field, keeps the query as typed, and moves focus there', async () => {
    const jiraSays = "Jira cannot parse the JQL: Error in the JQL Query: Expecting ')' before the end of the query.";
    await openAsAdmin(settingsPage(), () => ({
      error: { code: 'invalid-input', message: jiraSays, fields: { 'goalCritical.jql': 'invalid-jql' } },
    }));
    const rule = group('Goal-critical issues');
    type('JQL', 'project = ONB AND labels in (launch', rule);

    await save();

    const jql = within(rule).getByRole('textbox', { name: 'JQL' });
    expect(jql).toHaveValue('project = ONB AND labels in (launch');
    expect(jql).toHaveAttribute('aria-invalid', 'true');
    expect(jql).toHaveAccessibleDescription(expect.stringContaining(jiraSays));
    expect(jql).toHaveFocus();
    expect(screen.getByRole('alert')).toHaveTextContent('One setting needs attention. It is marked below.');
  });

  it('shows a role the backend does not know beside the role picker', async () => {
    await openAsAdmin(settingsPage({ settings: savedSettings({ productOwners: { roleName: 'Scrum Masters', accountIds: [] } }) }), () => ({
      error: {
        code: 'invalid-input',
        message: 'The project has no role named "Scrum Masters".',
        fields: { 'productOwners.roleName': 'unknown-role' },
      },
    }));
    const role = screen.getByRole('combobox', { name: 'Project role whose members are Product Owners' });
    expect(role).toHaveDisplayValue('Scrum Masters (no longer a role in this project)');

    await save();

    expect(role).toHaveAccessibleDescription('The project has no role of this name. Choose one of its roles.');
    expect(role).toHaveFocus();
  });

  it('marks what it cannot read, sends nothing, and focuses the first problem', async () => {
    await openAsAdmin();
    const rule = group('Goal-critical issues');
    type('Epics', 'ONB-1, banana', rule);
    type('Threat when the chance falls below (%)', '120', group('Risk thresholds'));
    for (const day of ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'])
      fireEvent.click(within(group('Working days', group('Forecast'))).getByRole('checkbox', { name: day }));

    expect(await save()).toEqual([]);

    const epics = within(rule).getByRole('textbox', { name: 'Epics' });
    expect(epics).toHaveAccessibleDescription(expect.stringContaining('Not issue keys: BANANA. Use keys such as ONB-12.'));
    expect(epics).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Threat when the chance falls below (%)' })).toHaveAccessibleDescription(
      'Enter a percentage from 0 to 100.',
    );
    expect(within(group('Working days', group('Forecast'))).getByRole('checkbox', { name: 'Monday' })).toHaveAccessibleDescription(
      'Choose at least one working day.',
    );
    expect(screen.getByRole('alert')).toHaveTextContent('3 settings need attention.');
  });

  it('adds a named Product Owner only by picking a person Jira finds, never the text typed', async () => {
    await openAsAdmin();
    const owners = group('Named Product Owners');
    const search = within(owners).getByRole('combobox', { name: 'Add a Product Owner: search by name' });

    fireEvent.change(search, { target: { value: 'mei' } });
    expect(await within(owners).findByText('Nobody in Jira matches “mei”.')).toBeInTheDocument();
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(within(owners).queryByText('mei')).not.toBeInTheDocument();

    fireEvent.change(search, { target: { value: 'Dan' } });
    expect(await within(owners).findByRole('option', { name: 'Dana Kowalski' })).toHaveAttribute('aria-selected', 'true');
    fireEvent.keyDown(search, { key: 'Enter' });

    expect(within(owners).getByText('Dana Kowalski')).toBeInTheDocument();
    expect(within(owners).getByText(DANA_DEVELOPER)).toBeInTheDocument();
    expect(search).toHaveValue('');
    expect(callsTo(bridgeInvoke, 'searchPeople')).toEqual([
      { projectKey: 'ONB', query: 'mei' },
      { projectKey: 'ONB', query: 'Dan' },
    ]);
    expect(callsTo(bridgeInvoke, 'saveProjectSettings')).toEqual([]);

    fireEvent.click(within(owners).getByRole('button', { name: 'Remove Priya Raman' }));
    expect(within(owners).queryByText('Priya Raman')).not.toBeInTheDocument();
  });

  it('shows an account id Jira refused at save as not a person, with the backend’s verdict beside the people', async () => {
    const page = settingsPage({ settings: savedSettings({ productOwners: { roleName: 'Product Owner', accountIds: ['mei'] } }) });
    await openAsAdmin(page, () => ({
      error: {
        code: 'invalid-input',
        message: 'Jira knows no person with the account id mei.',
        fields: { 'productOwners.accountIds': 'unknown-person' },
      },
    }));
    const owners = group('Named Product Owners');
    expect(within(owners).getByText('not a person in Jira: remove before saving')).toBeInTheDocument();

    await save();

    expect(within(owners).getByRole('combobox', { name: 'Add a Product Owner: search by name' })).toHaveAccessibleDescription(
      expect.stringContaining('Jira knows no person with one of these account IDs'),
    );
  });

  it('lets a Product Owner change only the approval policy where the settings allow it, and sends the sole-Product-Owner rule', async () => {
    await openAsAdmin(settingsPage({ editScope: 'policy' }));
    expect(screen.getByText(/As a Product Owner of this project you may change the approval policy/)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Project role whose members are Product Owners' })).toBeDisabled();
    expect(screen.getByRole('combobox', { name: 'Who may change the approval policy' })).toBeDisabled();
    expect(within(group('Goal-critical issues')).getByRole('textbox', { name: 'Labels' })).toBeDisabled();

    const rule = screen.getByRole('combobox', { name: 'When the only Product Owner proposes a change' });
    expect(rule).toBeEnabled();
    fireEvent.change(rule, { target: { value: 'another-po' } });
    const [payload] = await save();

    expect(payload?.settings.policy).toMatchObject({ soleProductOwner: 'another-po' });
    expect(payload?.settings.policyEditors).toBe('admins');
  });

  it('edits board overrides: adds one for a board, starting from the project’s values, and removes another', async () => {
    await openAsAdmin();
    const overrides = group('Board overrides');
    fireEvent.change(within(overrides).getByRole('combobox', { name: 'Board' }), { target: { value: '5' } });
    fireEvent.click(within(overrides).getByRole('button', { name: 'Add board override' }));
    const mobile = group('Override for ONB Mobile board', overrides);
    const ownThresholds = within(mobile).getByRole('checkbox', { name: 'Own goal-critical rule' });
    expect(ownThresholds).toHaveFocus();

    fireEvent.click(within(mobile).getByRole('checkbox', { name: 'Own risk thresholds' }));
    expect(within(mobile).getByRole('textbox', { name: 'Caution when the chance falls below (%)' })).toHaveValue('80');
    type('Caution when the chance falls below (%)', '70', mobile);
    fireEvent.click(within(mobile).getByRole('checkbox', { name: 'Own forecast history' }));
    type('Closed sprints the forecast learns from', '4', mobile);
    fireEvent.click(within(overrides).getByRole('button', { name: 'Remove override for ONB board' }));

    const [payload] = await save();

    expect(payload?.settings.boardOverrides).toEqual({
      '5': { thresholds: { threatBelow: 0.5, threatDrop: 0.2, cautionBelow: 0.7, cautionDrop: 0.05 }, historySprints: 4 },
    });
    expect(payload?.settings.thresholds).toEqual({ threatBelow: 0.5, threatDrop: 0.2, cautionBelow: 0.8, cautionDrop: 0.05 });
  });

  it('asks what a new board override changes before saving it', async () => {
    await openAsAdmin();
    const overrides = group('Board overrides');
    fireEvent.change(within(overrides).getByRole('combobox', { name: 'Board' }), { target: { value: '5' } });
    fireEvent.click(within(overrides).getByRole('button', { name: 'Add board override' }));

    expect(await save()).toEqual([]);

    const mobile = group('Override for ONB Mobile board', overrides);
    expect(mobile).toHaveAccessibleDescription('Choose what this board sets differently, or remove the override.');
    expect(within(mobile).getByRole('checkbox', { name: 'Own goal-critical rule' })).toHaveFocus();
  });

  it('confirms a save and starts again from the saved version', async () => {
    await openAsAdmin();
    type('Closed sprints the forecast learns from', '9', group('Forecast'));
    expect(screen.getByText('You have unsaved changes.')).toBeInTheDocument();

    await save();
    expect(screen.getByRole('status')).toHaveTextContent('Settings saved as version 3.');
    expect(screen.queryByText('You have unsaved changes.')).not.toBeInTheDocument();

    type('Closed sprints the forecast learns from', '10', group('Forecast'));
    const [, second] = await save();
    expect(second?.expectedVersion).toBe(3);
  });

  it('keeps everything typed when someone saved in between, shows what they changed, and saves it on top of their version', async () => {
    await openAsAdmin(settingsPage(), () => ({
      error: {
        code: 'conflict',
        message: 'Someone saved these settings a moment ago. Reload to see their changes, then apply yours again.',
      },
    }));
    type('JQL', 'project = ONB AND fixVersion = "2.0"', group('Goal-critical issues'));

    await save();

    const conflict = screen.getByRole('alert');
    expect(conflict).toHaveTextContent('Someone changed this in the meantime');
    expect(conflict).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'JQL' })).toHaveValue('project = ONB AND fixVersion = "2.0"');

    const theirs = pageAfterDanaSaved();
    answerResolvers(bridgeInvoke, {
      getProjectSettings: () => ({ data: theirs }),
      saveProjectSettings: (payload: SavePayload) => ({
        data: { ...theirs, settings: { ...theirs.settings, ...payload.settings, version: 4 } },
      }),
    });
    fireEvent.click(within(conflict).getByRole('button', { name: 'Load their version' }));

    const notice = await screen.findByRole('region', { name: 'You are now editing on top of version 3' });
    expect(notice).toHaveFocus();
    expect(notice).toHaveTextContent('Version 3 Dana Kowalski');
    expect(notice).toHaveTextContent('Working days: Monday, Tuesday, Wednesday, Thursday, Friday, Saturday');
    expect(screen.getByRole('textbox', { name: 'JQL' })).toHaveValue('project = ONB AND fixVersion = "2.0"');
    expect(within(group('Working days', group('Forecast'))).getByRole('checkbox', { name: 'Saturday' })).toBeChecked();

    const payloads = await save();
    const last = payloads[payloads.length - 1];
    expect(last?.expectedVersion).toBe(3);
    expect(last?.settings.goalCritical).toEqual(expect.objectContaining({ jql: 'project = ONB AND fixVersion = "2.0"' }));
    expect(last?.settings.workingDays).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('takes the other version instead when asked, dropping what was typed', async () => {
    await openAsAdmin(settingsPage(), () => ({ error: { code: 'conflict', message: 'Someone saved these settings a moment ago.' } }));
    type('JQL', 'project = ONB AND fixVersion = "2.0"', group('Goal-critical issues'));
    await save();
    answerResolvers(bridgeInvoke, { getProjectSettings: () => ({ data: pageAfterDanaSaved() }) });
    fireEvent.click(screen.getByRole('button', { name: 'Load their version' }));

    fireEvent.click(await screen.findByRole('button', { name: 'Use their version instead' }));

    expect(screen.getByRole('textbox', { name: 'JQL' })).toHaveValue('project = ONB AND priority = Highest');
    expect(within(group('Working days', group('Forecast'))).getByRole('checkbox', { name: 'Saturday' })).toBeChecked();
    expect(screen.queryByText('You have unsaved changes.')).not.toBeInTheDocument();
  });
});

describe('a Product Owner role Jira will not show Goalkeeper', () => {
  const unreadable = settingsPage({
    unreadableProductOwnerRole: 'Product Owner',
    settings: savedSettings({ productOwners: { roleName: 'Product Owner', accountIds: [] } }),
  });

  it('tells the admin plainly to name people instead, next to the role', async () => {
    await openAsAdmin(unreadable);
    const owners = group('Product Owners');
    expect(within(owners).getByRole('note')).toHaveTextContent(
      'Goalkeeper cannot read the members of role Product Owner: name people instead.',
    );
  });

  it('says nothing of the kind when Jira lets Goalkeeper read the role', async () => {
    await openAsAdmin(
      settingsPage({ settings: savedSettings({ productOwners: { roleName: 'Product Owner', accountIds: [PRIYA_PRODUCT_OWNER] } }) }),
    );
    expect(within(group('Product Owners')).queryByText(/cannot read the members/)).toBeNull();
  });

  it('says it in German to a German Jira, and to people who may only read the settings', async () => {
    answerResolvers(bridgeInvoke, { getProjectSettings: () => ({ data: { ...unreadable, canEdit: false } }) });
    renderSettingsPage('de-DE');
    expect(
      await screen.findByText(/Goalkeeper kann die Mitglieder der Rolle Product Owner nicht lesen: Benennen Sie stattdessen Personen\./),
    ).toBeInTheDocument();
  });
});
