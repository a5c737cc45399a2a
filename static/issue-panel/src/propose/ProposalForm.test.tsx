import '@testing-library/jest-dom';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { invoke } from '@forge/bridge';
import { IssuePanel } from '../IssuePanel';
import { SAFE, THREAT, inSprintState, panelState, proposal } from '../testing/panel-fixtures';
import { renderPanel } from '../testing/render-panel';
import { answerResolvers, callsTo } from '../../../shared/testing/scripted-resolvers';

jest.mock('@forge/bridge', () => ({ invoke: jest.fn() }));
const bridgeInvoke = invoke as unknown as jest.Mock;

function keys(...values: string[]): () => string {
  let next = 0;
  return () => values[next++] ?? `key-${next}`;
}

async function openForm(state = panelState(), preview = SAFE) {
  answerResolvers(bridgeInvoke, {
    getIssuePanelState: () => ({ data: state }),
    previewProposal: () => ({ data: preview }),
    getAllowedPriorities: () => ({ data: { kind: 'listed', priorities: ['Highest', 'High', 'Medium', 'Low', 'Lowest'] } }),
  });
  renderPanel(<IssuePanel issueKey={state.issue.key} previewDelayMs={0} mintKey={keys('submit-key-1', 'submit-key-2')} />);
  fireEvent.click(await screen.findByRole('button', { name: 'Propose change' }));
  return screen.getByRole('form', { name: `Propose a change to ${state.issue.key}` });
}

function choose(label: string, value: string) {
  fireEvent.change(screen.getByRole('combobox', { name: label }), { target: { value } });
}

function optionTexts(label: string): string[] {
  return within(screen.getByRole('combobox', { name: label }))
    .getAllByRole('option')
    .map((option) => option.textContent ?? '');
}

function type(label: string, value: string) {
  fireEvent.change(screen.getByRole('textbox', { name: label }), { target: { value } });
}

/** Longer than the form's preview delay (0 in these tests): a preview that was due has been asked for. */
async function afterThePreviewDelay() {
  await act(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

function fillReason(text = 'Acme signs on Friday only if SAML works.') {
  choose('Reason', 'stakeholder-request');
  fireEvent.change(screen.getByRole('textbox', { name: 'Why?' }), { target: { value: text } });
}

beforeEach(() => bridgeInvoke.mockReset());

describe('the proposal form', () => {
  it('offers only the change kinds the backend made available for a backlog issue', async () => {
    await openForm();
    expect(optionTexts('Change')).toEqual(['Choose a change…', 'Add to the sprint', 'Swap for an issue in the sprint']);
  });

  it('offers the in-sprint kinds for an issue in the sprint, and moves focus to the first field', async () => {
    await openForm(inSprintState());
    expect(screen.getByRole('combobox', { name: 'Change' })).toHaveFocus();
    expect(optionTexts('Change')).toEqual([
      'Choose a change…',
      'Remove from the sprint',
      'Defer to the next sprint',
      'Re-rank in the sprint',
      'Change the priority',
      'Re-estimate',
      'Split into parts',
      'Clarify (trivial tweak)',
    ]);
  });

  it('lists the sprint’s issues as swap partners', async () => {
    await openForm();
    choose('Change', 'swap');
    expect(optionTexts('Take out of the sprint')).toEqual([
      'Choose an issue…',
      'ONB-3 · SSO login with Okta · 5 points · Goal-critical',
      'ONB-5 · Sign-up form under 2 minutes · 3 points · Goal-critical',
      'ONB-9 · Polish the welcome e-mail · 2 points',
      'ONB-11 · Audit log export · 3 points',
    ]);
  });

  it('shows the fields each kind needs', async () => {
    await openForm(inSprintState());

    choose('Change', 'rerank');
    choose('New rank', 'before');
    expect(optionTexts('Issue to rank against')).not.toContainEqual(expect.stringContaining('ONB-9'));

    choose('Change', 'priority');
    // The allowed priorities are asked for only now, when the re-prioritise fields show.
    await waitFor(() => expect(optionTexts('New priority')).toEqual(['Choose a priority…', 'Highest', 'High', 'Medium', 'Low', 'Lowest']));
    expect(callsTo(bridgeInvoke, 'getAllowedPriorities')).toEqual([{ issueKey: 'ONB-9' }]);
    expect(screen.getByText('Now: Medium')).toBeInTheDocument();

    choose('Change', 'estimate');
    expect(screen.getByRole('textbox', { name: 'New estimate (points)' })).toBeInTheDocument();
    expect(screen.getByText('Now: 2 points')).toBeInTheDocument();

    choose('Change', 'split');
    expect(screen.getByRole('textbox', { name: 'Part 1 summary' })).toBeInTheDocument();
    expect(screen.getByRole('textbox', { name: 'Part 2 points' })).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Add part' }));
    expect(screen.getByRole('textbox', { name: 'Part 3 summary' })).toBeInTheDocument();

    choose('Change', 'tweak');
    expect(screen.getByRole('textbox', { name: 'What is clarified' })).toBeInTheDocument();
    expect(screen.queryByRole('textbox', { name: 'Part 1 summary' })).not.toBeInTheDocument();
  });

  it('shows the live assessment: level in words, P(goal) before and after, reasons', async () => {
    await openForm(panelState(), THREAT);
    choose('Change', 'add');

    const assessment = await screen.findByRole('region', { name: 'Goal assessment' });
    expect(await within(assessment).findByText('Threat')).toBeInTheDocument();
    expect(within(assessment).getByText('P(goal) 78% → 41%')).toBeInTheDocument();
    expect(within(assessment).getByText('P(goal) drops from 78% to 41%')).toBeInTheDocument();
    expect(within(assessment).getByText('Adds 5 pts of work (13 → 18 pts left)')).toBeInTheDocument();
    expect(callsTo(bridgeInvoke, 'previewProposal')).toEqual([{ issueKey: 'ONB-14', change: { kind: 'add' } }]);
  });

  it('turns an addition into a swap when a suggestion chip is chosen', async () => {
    await openForm(panelState(), THREAT);
    choose('Change', 'add');
    fireEvent.click(await screen.findByRole('button', { name: 'Swap out ONB-9 instead' }));

    expect(screen.getByRole('combobox', { name: 'Change' })).toHaveValue('swap');
    expect(screen.getByRole('combobox', { name: 'Take out of the sprint' })).toHaveValue('ONB-9');
    await waitFor(() =>
      expect(callsTo(bridgeInvoke, 'previewProposal')).toContainEqual({
        issueKey: 'ONB-14',
        change: { kind: 'swap', outIssueKey: 'ONB-9' },
      }),
    );
  });

  it('submits a threatening change only after the proposer acknowledges the threat', async () => {
    await openForm(panelState(), THREAT);
    choose('Change', 'add');
    fillReason();

    const acknowledgement = await screen.findByRole('checkbox', { name: 'I understand this threatens the sprint goal' });
    const submit = screen.getByRole('button', { name: 'Submit proposal' });
    expect(submit).toBeDisabled();

    answerResolvers(bridgeInvoke, {
      previewProposal: () => ({ data: THREAT }),
      createProposal: () => ({ data: proposal() }),
      getIssuePanelState: () => ({ data: panelState({ proposals: [proposal()] }) }),
    });
    fireEvent.click(acknowledgement);
    expect(submit).toBeEnabled();
    fireEvent.click(submit);

    await waitFor(() =>
      expect(callsTo(bridgeInvoke, 'createProposal')).toEqual([
        {
          issueKey: 'ONB-14',
          change: { kind: 'add' },
          reason: { category: 'stakeholder-request', text: 'Acme signs on Friday only if SAML works.' },
          acknowledgeThreat: true,
          idempotencyKey: 'submit-key-1',
        },
      ]),
    );
    expect(await screen.findByRole('heading', { name: 'Add ONB-14 to the sprint' })).toHaveFocus();
    expect(screen.getByText('Proposal submitted. The Product Owner decides it.')).toBeInTheDocument();
  });

  it('asks for the acknowledgement again when the change is edited after it', async () => {
    await openForm(panelState(), THREAT);
    choose('Change', 'add');
    fireEvent.click(await screen.findByRole('checkbox', { name: 'I understand this threatens the sprint goal' }));
    choose('Change', 'swap');
    choose('Take out of the sprint', 'ONB-11');

    expect(await screen.findByRole('checkbox', { name: 'I understand this threatens the sprint goal' })).not.toBeChecked();
    expect(screen.getByRole('button', { name: 'Submit proposal' })).toBeDisabled();
  });

  it('marks missing fields and sends nothing while the form is incomplete', async () => {
    await openForm(inSprintState());
    choose('Change', 'estimate');
    fireEvent.click(screen.getByRole('button', { name: 'Submit proposal' }));

    expect(screen.getByRole('textbox', { name: 'New estimate (points)' })).toHaveAccessibleDescription(
      expect.stringContaining('Enter points as a number, 0 or more.'),
    );
    expect(screen.getByRole('textbox', { name: 'New estimate (points)' })).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'Why?' })).toHaveAttribute('aria-invalid', 'true');
    expect(callsTo(bridgeInvoke, 'createProposal')).toEqual([]);
  });

  it('keeps everything typed when the backend refuses, and resubmits with the same idempotency key', async () => {
    await openForm(inSprintState(), SAFE);
    choose('Change', 'estimate');
    fireEvent.change(screen.getByRole('textbox', { name: 'New estimate (points)' }), { target: { value: '3,5' } });
    fillReason('We found the e-mail template needs a new provider.');
    answerResolvers(bridgeInvoke, {
      previewProposal: () => ({ data: SAFE }),
      createProposal: () => ({
        error: { code: 'jira-unavailable', message: 'Jira did not answer. Nothing was saved; try again in a minute.' },
      }),
    });

    fireEvent.click(screen.getByRole('button', { name: 'Submit proposal' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Jira is not answering right now');
    expect(alert).toHaveTextContent('Jira did not answer. Nothing was saved; try again in a minute.');
    expect(alert).toHaveFocus();
    expect(screen.getByRole('textbox', { name: 'New estimate (points)' })).toHaveValue('3,5');
    expect(screen.getByRole('textbox', { name: 'Why?' })).toHaveValue('We found the e-mail template needs a new provider.');

    fireEvent.click(screen.getByRole('button', { name: 'Submit proposal' }));
    await waitFor(() => expect(callsTo(bridgeInvoke, 'createProposal')).toHaveLength(2));
    const [first, second] = callsTo(bridgeInvoke, 'createProposal') as { idempotencyKey: string; change: unknown }[];
    expect(first?.change).toEqual({ kind: 'estimate', points: 3.5 });
    expect(second?.idempotencyKey).toBe(first?.idempotencyKey);
  });

  it('shows the backend’s field errors next to the fields', async () => {
    await openForm(inSprintState(), SAFE);
    choose('Change', 'tweak');
    fireEvent.change(screen.getByRole('textbox', { name: 'What is clarified' }), {
      target: { value: 'Acceptance criteria: German copy too.' },
    });
    fillReason();
    answerResolvers(bridgeInvoke, {
      previewProposal: () => ({ data: SAFE }),
      createProposal: () => ({
        error: {
          code: 'invalid-input',
          message: 'The request is not valid: reason.text: At most 2000 characters.',
          fields: { 'reason.text': 'At most 2000 characters.' },
        },
      }),
    });

    fireEvent.click(screen.getByRole('button', { name: 'Submit proposal' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Please check what you entered');
    expect(screen.getByRole('textbox', { name: 'Why?' })).toHaveAccessibleDescription(expect.stringContaining('At most 2000 characters.'));
  });

  it('previews a split again when a part’s points change, not when a part’s summary is typed', async () => {
    await openForm(inSprintState(), SAFE);
    choose('Change', 'split');
    type('Part 1 summary', 'Template');
    type('Part 1 points', '1');
    type('Part 2 summary', 'Provider');
    type('Part 2 points', '1');
    await waitFor(() => expect(callsTo(bridgeInvoke, 'previewProposal')).toHaveLength(1));

    type('Part 1 summary', 'Template in English and German');
    type('Part 2 summary', 'Provider switch');
    await afterThePreviewDelay();
    expect(callsTo(bridgeInvoke, 'previewProposal')).toHaveLength(1);
    expect(within(screen.getByRole('region', { name: 'Goal assessment' })).getByText('Safe')).toBeInTheDocument();

    type('Part 2 points', '0.5');
    await waitFor(() => expect(callsTo(bridgeInvoke, 'previewProposal')).toHaveLength(2));
    // The preview that does run is of the change as typed, summaries included.
    expect(callsTo(bridgeInvoke, 'previewProposal')[1]).toEqual({
      issueKey: 'ONB-9',
      change: {
        kind: 'split',
        parts: [
          { summary: 'Template in English and German', points: 1 },
          { summary: 'Provider switch', points: 0.5 },
        ],
      },
    });
  });

  it('previews a tweak once, however its note is edited, and a re-estimate on every new estimate', async () => {
    await openForm(inSprintState(), SAFE);
    choose('Change', 'tweak');
    type('What is clarified', 'Acceptance criteria');
    await waitFor(() => expect(callsTo(bridgeInvoke, 'previewProposal')).toHaveLength(1));
    type('What is clarified', 'Acceptance criteria: German copy too.');
    await afterThePreviewDelay();
    expect(callsTo(bridgeInvoke, 'previewProposal')).toHaveLength(1);

    choose('Change', 'estimate');
    type('New estimate (points)', '3');
    await waitFor(() => expect(callsTo(bridgeInvoke, 'previewProposal')).toHaveLength(2));
    type('New estimate (points)', '5');
    await waitFor(() => expect(callsTo(bridgeInvoke, 'previewProposal')).toHaveLength(3));
    expect(callsTo(bridgeInvoke, 'previewProposal').slice(1)).toEqual([
      { issueKey: 'ONB-9', change: { kind: 'estimate', points: 3 } },
      { issueKey: 'ONB-9', change: { kind: 'estimate', points: 5 } },
    ]);
  });
});
