/** The reconciliation queue on Forge's async events: a board's bypass detection runs in its consumer, off the view's request path. */
import { Queue } from '@forge/events';
import type { ReconcileQueue } from '../app/ports';

/** Must match `modules.consumer[].queue` in manifest.yml. */
export const RECONCILE_QUEUE_KEY = 'goalkeeper-reconcile';

export function createReconcileQueue(): ReconcileQueue {
  const queue = new Queue({ key: RECONCILE_QUEUE_KEY });
  return {
    async enqueue(job) {
      await queue.push({ body: { ...job } });
    },
  };
}
