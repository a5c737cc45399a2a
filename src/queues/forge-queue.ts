/** A job queue on Forge's async events (@forge/events): each job becomes one event for the queue's consumer. */
import { Queue } from '@forge/events';

export interface JobQueue<Job extends object> {
  enqueue(job: Job): Promise<void>;
}

/** `key` must match a `modules.consumer[].queue` in manifest.yml (test/manifest.test.ts checks it). */
export function forgeQueue<Job extends object>(key: string): JobQueue<Job> {
  const queue = new Queue({ key });
  return {
    async enqueue(job) {
      // A job is a plain record of JSON values, which @forge/events types as `Record<string, unknown>`.
      await queue.push({ body: { ...job } as Record<string, unknown> });
    },
  };
}
