/** The apply queue on Forge's async events: jobs run in the consumer with minutes (function-timeouts.ts), not 25 s. */
import type { ApplyQueue } from '../app/ports';
import { forgeQueue } from './forge-queue';

/** Must match `modules.consumer[].queue` in manifest.yml. */
export const APPLY_QUEUE_KEY = 'goalkeeper-apply';

export const createApplyQueue = (): ApplyQueue => forgeQueue(APPLY_QUEUE_KEY);
