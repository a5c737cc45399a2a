/** The reconciliation queue on Forge's async events: a board's bypass detection runs in its consumer, off the view's request path. */
import type { ReconcileQueue } from '../app/ports';
import { forgeQueue } from './forge-queue';

/** Must match `modules.consumer[].queue` in manifest.yml. */
export const RECONCILE_QUEUE_KEY = 'goalkeeper-reconcile';

export const createReconcileQueue = (): ReconcileQueue => forgeQueue(RECONCILE_QUEUE_KEY);
