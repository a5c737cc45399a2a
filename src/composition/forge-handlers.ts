/**
 * Every function manifest.yml names, built on one way of making the ports. src/index.ts exports
 * them built on the production ports; tests that must not wait through Jira back-off build the
 * same set on ports whose Jira client sleeps on a test clock and whose request timeouts a test can
 * expire at will (test/support/forge-app.ts).
 */
import type { Ports } from '../app/ports';
import { buildApplyConsumer } from '../events/apply-consumer';
import { buildJiraEventTrigger, buildReconciliationTrigger } from '../events/jira-triggers';
import { buildPersonalDataTrigger } from '../events/personal-data-trigger';
import { buildReconcileConsumer } from '../events/reconcile-consumer';
import { buildRetentionTrigger } from '../events/retention-trigger';
import { buildResolver } from '../resolvers/resolver';

export function buildForgeHandlers(makePorts: () => Ports) {
  return {
    handler: buildResolver(makePorts),
    applyWorker: buildApplyConsumer(makePorts),
    onJiraEvent: buildJiraEventTrigger(makePorts),
    reconcileWorker: buildReconcileConsumer(makePorts),
    reconcile: buildReconciliationTrigger(makePorts),
    reportAccounts: buildPersonalDataTrigger(makePorts),
    purgeExpired: buildRetentionTrigger(makePorts),
  };
}
