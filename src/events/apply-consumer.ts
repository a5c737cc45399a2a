/**
 * The queue consumer that applies approved proposals. Failures are recorded on the proposal by
 * the use case (apply-failed, retryable from the UI); only a malformed job is dropped, logged.
 */
import Resolver from '@forge/resolver';
import { applyApproved } from '../app/apply-approved';
import type { Ports } from '../app/ports';
import { toDomainError } from '../resolvers/resolver-boundary';
import { applyJobSchema } from '../resolvers/schemas';

/** Must match `modules.consumer[].resolver.method` in manifest.yml. */
export const APPLY_METHOD = 'apply-approved';

export function buildApplyConsumer(makePorts: () => Ports) {
  const resolver = new Resolver();
  resolver.define(APPLY_METHOD, async ({ payload }) => {
    const job = applyJobSchema.safeParse(payload);
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
  });
  return resolver.getDefinitions();
}
