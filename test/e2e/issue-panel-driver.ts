/**
 * Drives the Goalkeeper issue panel the way a person does: the buttons, selects and text areas
 * they see, by their labels, in English. Every step waits for what the person would wait for
 * (the assessment, the proposal card, the lozenge), never for a fixed time.
 */
import type { Frame, Locator } from 'playwright-core';
import type { SandboxUnderTest } from './sandbox-fixture';

/** How long a backend round trip may take on a busy two-core machine before a step fails. */
const UI_MS = 15_000;

/** The change as the form asks for it: the kind's label and the fields that kind shows. */
export type ChangeInput =
  | { readonly kind: 'add' | 'remove' | 'defer' }
  | {
      readonly kind: 'rerank';
      readonly position: 'Top of the sprint' | 'Bottom of the sprint' | 'Just before another issue' | 'Just after another issue';
      readonly targetKey?: string;
    }
  | { readonly kind: 'priority'; readonly priority: string }
  | { readonly kind: 'estimate'; readonly points: string }
  | { readonly kind: 'split'; readonly parts: readonly { readonly summary: string; readonly points: string }[] }
  | { readonly kind: 'swap'; readonly outKey: string }
  | { readonly kind: 'tweak'; readonly note: string };

export type ReasonLabel = 'Stakeholder request' | 'Defect' | 'Dependency' | 'Learned more about the estimate' | 'Compliance' | 'Other';

/** The kinds' labels in the "Change" select (static/shared/i18n/shared-messages.ts). */
export const KIND_LABELS: Readonly<Record<ChangeInput['kind'], string>> = {
  add: 'Add to the sprint',
  remove: 'Remove from the sprint',
  defer: 'Defer to the next sprint',
  rerank: 'Re-rank in the sprint',
  priority: 'Change the priority',
  estimate: 'Re-estimate',
  split: 'Split into parts',
  swap: 'Swap for an issue in the sprint',
  tweak: 'Clarify (trivial tweak)',
};

export type RiskLevelLabel = 'Safe' | 'Caution' | 'Threat';

/** Opens an issue as `accountId` and waits until the panel shows its proposals (or that there are none). */
export async function openIssuePanel(ui: SandboxUnderTest, accountId: string, issueKey: string): Promise<Frame> {
  await ui.actAs(accountId);
  await ui.open(`/browse/${issueKey}`);
  const frame = await ui.extensionFrame('goalkeeper-issue-panel');
  await frame.getByRole('heading', { name: `Proposals on ${issueKey}` }).waitFor({ timeout: UI_MS });
  return frame;
}

export function proposalCard(frame: Frame, title: string): Locator {
  return frame.getByRole('article', { name: title });
}

export type StatusLabel = 'Proposed' | 'Approved' | 'Auto-approved' | 'Rejected' | 'Withdrawn' | 'Applied' | 'Apply failed' | 'Out of date';

/** The card's status lozenge (its text, not the upper case the lozenge style shows it in). */
export async function statusOf(card: Locator): Promise<StatusLabel> {
  return ((await card.locator('.gk-lozenge').first().textContent()) ?? '').trim() as StatusLabel;
}

/** Waits until the card's lozenge says `status`. */
export async function waitForStatus(card: Locator, status: StatusLabel): Promise<void> {
  await card
    .locator('.gk-lozenge')
    .filter({ hasText: new RegExp(`^${status}$`) })
    .waitFor({ timeout: UI_MS });
}

export interface FilledProposal {
  readonly form: Locator;
  readonly level: RiskLevelLabel | null;
  /** "P(goal) 2% → 1%" as the live assessment shows it. */
  readonly figure: string | null;
}

/**
 * Opens the form, picks the change and fills its fields and the reason, then waits for the live
 * assessment of that change (level null: no assessment). Nothing is submitted.
 */
export async function fillProposal(frame: Frame, change: ChangeInput, reason: ReasonLabel, why: string): Promise<FilledProposal> {
  await frame.getByRole('button', { name: 'Propose change' }).click();
  const form = frame.getByRole('form', { name: /^Propose a change to / });
  const kind = form.getByLabel('Change', { exact: true });
  // The form puts the cursor in its first field, as a keyboard user expects.
  await expectFocused(kind);
  await kind.selectOption({ label: KIND_LABELS[change.kind] });
  await fillChangeFields(form, change);
  await form.getByLabel('Reason', { exact: true }).selectOption({ label: reason });
  await form.getByLabel('Why?').fill(why);

  const assessment = form.getByRole('region', { name: 'Goal assessment' });
  // An assessment, none for this sprint, or none yet because the change is not complete.
  const outcome = assessment
    .locator('.gk-risk-meter__figure')
    .or(assessment.getByText('Goalkeeper has no assessment for this sprint.'))
    .or(assessment.getByText('Choose a change and fill in its fields to see how it affects the sprint goal.'));
  await outcome.first().waitFor({ timeout: UI_MS });
  const meter = assessment.locator('.gk-risk-meter');
  if ((await meter.count()) === 0) return { form, level: null, figure: null };
  return {
    form,
    level: (await meter.locator('.gk-risk-level').innerText()).trim() as RiskLevelLabel,
    figure: (await meter.locator('.gk-risk-meter__figure').innerText()).trim(),
  };
}

async function fillChangeFields(form: Locator, change: ChangeInput): Promise<void> {
  switch (change.kind) {
    case 'add':
    case 'remove':
    case 'defer':
      return;
    case 'rerank':
      await form.getByLabel('New rank').selectOption({ label: change.position });
      if (change.targetKey) await form.getByLabel('Issue to rank against').selectOption(change.targetKey);
      return;
    case 'priority':
      await form.getByLabel('New priority').selectOption({ label: change.priority });
      return;
    case 'estimate':
      await form.getByLabel('New estimate (points)').fill(change.points);
      return;
    case 'split':
      for (const [index, part] of change.parts.entries()) {
        const number = index + 1;
        if ((await form.getByLabel(`Part ${number} summary`).count()) === 0) await form.getByRole('button', { name: 'Add part' }).click();
        await form.getByLabel(`Part ${number} summary`).fill(part.summary);
        await form.getByLabel(`Part ${number} points`).fill(part.points);
      }
      return;
    case 'swap':
      await form.getByLabel('Take out of the sprint').selectOption(change.outKey);
      return;
    case 'tweak':
      await form.getByLabel('What is clarified').fill(change.note);
      return;
  }
}

/**
 * Submits the filled form. A change the assessment calls a threat cannot be submitted until the
 * proposer ticks the acknowledgement, which is done here with the keyboard (Space on the box).
 */
export async function submitProposal(filled: FilledProposal): Promise<void> {
  const { form } = filled;
  const submit = form.getByRole('button', { name: 'Submit proposal' });
  const acknowledgement = form.getByRole('checkbox', { name: 'I understand this threatens the sprint goal' });
  if (filled.level === 'Threat') {
    await expectDisabled(submit);
    await form.getByText('Confirm that you understand the threat to submit.').waitFor();
    await acknowledgement.focus();
    await acknowledgement.press('Space');
    await expectEnabled(submit);
  }
  await submit.click();
  await form.waitFor({ state: 'detached', timeout: UI_MS });
}

/** Fills, acknowledges when needed, submits; answers the level the assessment showed. */
export async function propose(frame: Frame, change: ChangeInput, reason: ReasonLabel, why: string): Promise<FilledProposal> {
  const filled = await fillProposal(frame, change, reason, why);
  await submitProposal(filled);
  return filled;
}

/**
 * The Product Owner's decision on one card: the verdict buttons stay disabled, with a counter,
 * until the rationale is long enough. The rationale is filled in one go: the counter's key-by-key
 * behaviour is walked once, in issue-panel-flows' first journey.
 */
export async function decide(card: Locator, verdict: 'Approve' | 'Reject', rationale: string): Promise<void> {
  const decision = card.getByRole('region', { name: 'Your decision' });
  const field = decision.getByLabel('Rationale (the team will read it)');
  const button = decision.getByRole('button', { name: verdict, exact: true });
  await expectDisabled(button);
  await field.fill(rationale);
  await expectEnabled(button);
  await button.click();
  await decision.waitFor({ state: 'detached', timeout: UI_MS });
}

/** Opens a card's audit trail and answers its steps as shown ("Proposed — Dana Kowalski: …"). */
export async function auditTrailOf(card: Locator): Promise<string[]> {
  await card.getByRole('button', { name: 'Audit trail' }).click();
  const steps = card.locator('.gk-audit__events > li');
  await steps.first().waitFor({ timeout: UI_MS });
  return (await steps.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
}

/** Waits until `control` has the keyboard focus in its frame. */
export async function expectFocused(control: Locator): Promise<void> {
  const handle = await control.elementHandle({ timeout: UI_MS });
  const frame = await handle?.ownerFrame();
  if (!handle || !frame) throw new Error('No control to focus');
  await frame.waitForFunction((element) => element.ownerDocument.activeElement === element, handle, { timeout: UI_MS });
}

/** Waits for a control to turn disabled or enabled, as React renders it after the last key or answer. */
async function waitForElementState(control: Locator, state: 'enabled' | 'disabled'): Promise<void> {
  const handle = await control.elementHandle({ timeout: UI_MS });
  if (!handle) throw new Error(`No element to be ${state}`);
  await handle.waitForElementState(state, { timeout: UI_MS });
}

export const expectDisabled = (control: Locator) => waitForElementState(control, 'disabled');
export const expectEnabled = (control: Locator) => waitForElementState(control, 'enabled');
