/**
 * The queue consumer that applies approved proposals. Since @forge/events 2 a consumer is a plain
 * function invoked with the AsyncEvent (its `body` is what was pushed), not a resolver. Failures
 * are recorded on the proposal by the use case (apply-failed, retryable from the UI); only a
 * malformed job is dropped, logged.
 */
import { applyApproved } from '../app/use-cases/apply-approved';
import type { Ports } from '../app/ports';
import { toDomainError } from '../resolvers/resolver-boundary';
import { applyJobSchema } from '../contract/payload-schemas';

/** The part of @forge/events' AsyncEvent the consumer reads. */
export interface ApplyEvent {
  readonly body?: unknown;
  readonly queueName?: string;
  readonly jobId?: string;
}

export function buildApplyConsumer(makePorts: () => Ports) {
  return async (event: ApplyEvent) => {
    const job = applyJobSchema.safeParse(event?.body);
    if (!job.success) {
      console.error('Dropped a malformed apply job', job.error.issues);
      return { error: { code: 'invalid-input', message: 'Malformed apply job.' } };
    }
    try {
      const proposal = await applyApproved(makePorts(), job.data);
      return { data: proposal ? { id: proposal.id, status: proposal.status } : null };
    } catch (error) {
      return { error: toDomainError(error) };
    }
  };
}
