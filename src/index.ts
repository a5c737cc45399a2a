/** The handlers manifest.yml names, and nothing else. */
import { buildForgeHandlers } from './composition/forge-handlers';
import { createForgePorts } from './composition/forge-ports';

const handlers = buildForgeHandlers(createForgePorts);

/** `function: resolver` — every Custom UI module's resolver. */
export const handler = handlers.handler;

/** `function: apply-worker` — the apply queue's consumer. */
export const applyWorker = handlers.applyWorker;

/** `function: jira-events` — sprint started/closed and issue updates (bypass detection). */
export const onJiraEvent = handlers.onJiraEvent;

/** `function: reconcile-worker` — one board's reconciliation, queued by the sprint view. */
export const reconcileWorker = handlers.reconcileWorker;

/** `function: reconcile` — the hourly reconciliation of watched boards. */
export const reconcile = handlers.reconcile;

/** `function: personal-data` — the weekly personal data reporting cycle. */
export const reportAccounts = handlers.reportAccounts;

/** `function: retention` — the daily purge of closed sprints past the configured retention. */
export const purgeExpired = handlers.purgeExpired;
