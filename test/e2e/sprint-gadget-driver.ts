/**
 * Drives the sprint gadget on the sandbox dashboard the way a person does: the first screen as it
 * opens, the detail sections behind their disclosure buttons, and the queue's inline decision.
 */
import type { Frame, Locator } from 'playwright-core';
import type { SandboxUnderTest } from './sandbox-fixture';

const UI_MS = 15_000;

export const DASHBOARD = '/jira/dashboards/10000';
/** The sandbox dashboard's one sprint gadget (sandbox/chrome/dashboard-page.ts numbers them from 10100). */
export const GADGET_ID = '10100';
/**
 * The width the first screen is designed for. Atlassian documents no default width for a
 * jira:dashboardGadget (its manifest reference has none), so this is an assumption: one column of
 * Jira's two-column dashboard layout on a laptop screen.
 */
export const GADGET_DEFAULT_WIDTH_PX = 460;
/** Issue 15: the first screen answers "will we make the goal, and what needs me?" within about this height. */
export const FIRST_SCREEN_MAX_HEIGHT_PX = 600;

/** The dashboard as `accountId`, once the gadget shows the board's active sprint. */
export async function openGadget(ui: SandboxUnderTest, accountId: string): Promise<Frame> {
  await ui.actAs(accountId);
  await ui.open(DASHBOARD);
  return gadgetShowingSprint(ui);
}

export async function gadgetShowingSprint(ui: SandboxUnderTest): Promise<Frame> {
  const gadget = await ui.extensionFrame('goalkeeper-sprint-gadget');
  await gadget.getByRole('heading', { name: 'ONB Sprint 7' }).waitFor({ timeout: UI_MS });
  return gadget;
}

/** Narrows the dashboard's gadget to the width the first screen is designed for, as a dashboard column would. */
export async function fitGadgetToDefaultWidth(ui: SandboxUnderTest): Promise<Locator> {
  const gadget = ui.page.locator(`#gadget-${GADGET_ID}`);
  await gadget.evaluate((element, width) => {
    (element as HTMLElement).style.width = `${width}px`;
  }, GADGET_DEFAULT_WIDTH_PX);
  return gadget;
}

export function detailButton(gadget: Frame, name: string | RegExp): Locator {
  return gadget.getByRole('list', { name: 'More about this sprint' }).getByRole('button', { name });
}

/** Opens a detail section (unless it is open already) and returns the button. */
export async function openSection(gadget: Frame, name: string | RegExp): Promise<Locator> {
  const button = detailButton(gadget, name);
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  await gadget.locator(`#${(await button.getAttribute('aria-controls')) ?? ''}`).waitFor({ state: 'visible' });
  return button;
}

/** The queued proposal named `change`, with its decision opened inline; returns the decision form. */
export async function openDecision(gadget: Frame, change: string): Promise<Locator> {
  const card = gadget.getByRole('article', { name: change });
  await card.getByRole('button', { name: 'Decide…' }).click();
  const decision = card.getByRole('region', { name: `Decide: ${change}` });
  await decision.waitFor({ timeout: UI_MS });
  return decision;
}
