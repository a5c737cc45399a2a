/**
 * The queue consumer that reconciles one board (src/app/use-cases/track-sprint.ts reconcileBoard): the
 * sprint view queues it and answers at once; what it finds shows at the next refresh. Invoked
 * with @forge/events' AsyncEvent (`body` is what was pushed); a malformed job is dropped, logged.
 */
import type { Ports } from '../app/ports';
import { reconcileBoard } from '../app/use-cases/track-sprint';
import { toDomainError } from '../resolvers/resolver-boundary';
import { reconcileJobSchema } from '../contract/payload-schemas';
import type { ApplyEvent } from './apply-consumer';

export function buildReconcileConsumer(makePorts: () => Ports) {
  return async (event: ApplyEvent) => {
    const job = reconcileJobSchema.safeParse(event?.body);
    if (!job.success) {
      console.error('Dropped a malformed reconciliation job', job.error.issues);
      return { error: { code: 'invalid-input', message: 'Malformed reconciliation job.' } };
    }
    try {
      return { data: { recorded: await reconcileBoard(makePorts(), job.data.boardId) } };
    } catch (error) {
      return { error: toDomainError(error) };
    }
  };
}
