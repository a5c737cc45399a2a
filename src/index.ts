/** The handlers manifest.yml names, and nothing else. */
import { createForgePorts } from './composition/forge-ports';
import { buildApplyConsumer } from './events/apply-consumer';
import { buildJiraEventTrigger, buildReconciliationTrigger } from './events/jira-triggers';
import { buildPersonalDataTrigger } from './events/personal-data-trigger';
import { buildReconcileConsumer } from './events/reconcile-consumer';
import { buildRetentionTrigger } from './events/retention-trigger';
import { buildResolver } from './resolvers/resolver';

/** `function: resolver` — every Custom UI module's resolver. */
export const handler = buildResolver(createForgePorts);

/** `function: apply-worker` — the apply queue's consumer. */
export const applyWorker = buildApplyConsumer(createForgePorts);

/** `function: jira-events` — sprint started/closed and issue updates (bypass detection). */
export const onJiraEvent = buildJiraEventTrigger(createForgePorts);

/** `function: reconcile-worker` — one board's reconciliation, queued by the sprint view. */
export const reconcileWorker = buildReconcileConsumer(createForgePorts);

/** `function: reconcile` — the hourly reconciliation of watched boards. */
export const reconcile = buildReconciliationTrigger(createForgePorts);

/** `function: personal-data` — the weekly personal data reporting cycle. */
export const reportAccounts = buildPersonalDataTrigger(createForgePorts);

/** `function: retention` — the daily purge of closed sprints past the configured retention. */
export const purgeExpired = buildRetentionTrigger(createForgePorts);
