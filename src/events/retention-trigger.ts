/** The daily retention job, on a scheduled trigger. */
import type { Ports } from '../app/ports';
import { purgeExpiredRecords } from '../app/use-cases/purge-expired-records';

export function buildRetentionTrigger(makePorts: () => Ports) {
  return async (): Promise<void> => {
    const outcome = await purgeExpiredRecords(makePorts());
    console.info(
      `Retention: ${outcome.sprints} closed sprint(s) past retention, ${outcome.proposals} proposal(s), ${outcome.records} record(s) deleted.`,
    );
  };
}
