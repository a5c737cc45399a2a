/** The apply queue on Forge's async events: jobs run in the consumer with minutes (function-timeouts.ts), not 25 s. */
import { Queue } from '@forge/events';
import type { ApplyQueue } from '../app/ports';

/** Must match `modules.consumer[].queue` in manifest.yml. */
export const APPLY_QUEUE_KEY = 'goalkeeper-apply';

export function createApplyQueue(): ApplyQueue {
  const queue = new Queue({ key: APPLY_QUEUE_KEY });
  return {
    async enqueue(job) {
      await queue.push({ body: { ...job } });
    },
  };
}
