/**
 * Forge's async events, locally. `@forge/events` Queue.push posts to the platform's queue API
 * (through `__forge_fetch__`, see forge-runtime.ts); this emulator answers that API the way the
 * platform does (201 on publish, stats, cancel) and then delivers every event to the queue's
 * consumer as its own app-only invocation: no principal, the resolver method named in the
 * manifest, the event body as payload and the job id in the context. Delivery is asynchronous
 * (Queue.push resolves before the consumer runs) and sequential per queue, so tests can reason
 * about order; `idle()` resolves once every pushed event, retries included, has been handled.
 */
import { randomUUID } from 'node:crypto';
import { runInvocation, type Invocation } from './forge-runtime';

/** A Forge function handler as `index.ts` exports it (the resolver definitions function). */
export type ForgeFunctionHandler = (request: object, backendRuntimePayload: object) => Promise<unknown>;

/**
 * One `consumer` module of manifest.yml. With `resolver: { function, method }` (the @forge/events
 * 1.x form) Forge calls the function as a resolver; with `function:` (2.x and later) it calls it
 * with the AsyncEvent itself. The sandbox honours whichever form the manifest uses.
 */
export interface QueueConsumer {
  readonly moduleKey: string;
  readonly handler: ForgeFunctionHandler;
  /** `modules.consumer[].resolver.method`; absent for the `function:` form. */
  readonly method?: string;
}

export interface QueueEmulatorOptions {
  /** Consumers by queue key (`modules.consumer[].queue`). */
  readonly consumers: Readonly<Record<string, QueueConsumer>>;
  /** Whether the site's licence is active, as the platform reports it to each invocation. */
  readonly licenseActive?: () => boolean;
  /** Scales `delayInSeconds` and `retryAfter` waits; tests pass 0 to deliver at once. */
  readonly secondsToMs?: number;
}

export interface JobStats {
  readonly success: number;
  readonly inProgress: number;
  readonly failed: number;
}

/** A delivered event's outcome, for tests and the sandbox log. */
export interface Delivery {
  readonly queueName: string;
  readonly jobId: string;
  readonly eventId: string;
  readonly attempt: number;
  readonly outcome: 'success' | 'retry' | 'failed';
  readonly result?: unknown;
  readonly error?: string;
}

export interface QueueEmulator {
  /** The `queue` back end for installForgeRuntime(). */
  backend(invocation: Invocation, path: string, init: RequestInit): Promise<Response>;
  /** Resolves when nothing is queued, waiting or running. */
  idle(): Promise<void>;
  /** Every delivery so far, oldest first. */
  deliveries(): readonly Delivery[];
  /** Drops queued events (running ones finish); used by the sandbox reset. */
  clear(): void;
  /**
   * Holds every delivery until the returned release is called, so a test can change the world
   * between a job's publication and its delivery (as a slow platform queue would let happen).
   */
  hold(): () => void;
}

/** Forge retries an event its consumer asked to retry at most 4 times (developer.atlassian.com, "Async events API"). */
const MAX_RETRIES = 4;
/** `@forge/events` InvocationErrorCode for a function that threw or crashed. */
const UNKNOWN_ERROR = 'FUNCTION_PLATFORM_UNKNOWN_ERROR';

interface PushedEvent {
  readonly body: Record<string, unknown>;
  readonly delayInSeconds?: number;
}

interface PublishRequest {
  readonly queueName: string;
  readonly jobId: string;
  readonly payload: readonly PushedEvent[];
}

interface QueuedEvent {
  readonly invocation: Invocation;
  readonly queueName: string;
  readonly jobId: string;
  readonly eventId: string;
  readonly body: Record<string, unknown>;
  readonly retryCount: number;
  readonly retryContext?: { retryCount: number; retryReason: string; retryData: unknown };
}

interface Job {
  success: number;
  inProgress: number;
  failed: number;
  cancelled: boolean;
}

/** What a consumer returns to ask for a retry: `new InvocationError(...)` serialises to this. */
interface RetryRequest {
  readonly _retry: true;
  readonly retryOptions?: { readonly retryAfter?: number; readonly retryReason?: string; readonly retryData?: unknown };
}

export function createQueueEmulator(options: QueueEmulatorOptions): QueueEmulator {
  const secondsToMs = options.secondsToMs ?? 1_000;
  const tails = new Map<string, Promise<void>>();
  const jobs = new Map<string, Job>();
  const log: Delivery[] = [];
  let pending = 0;
  let gate: Promise<void> = Promise.resolve();
  let waiters: (() => void)[] = [];
  let generation = 0;

  function settle(): void {
    pending -= 1;
    if (pending > 0) return;
    const resolved = waiters;
    waiters = [];
    for (const resolve of resolved) resolve();
  }

  /** Queues one event behind the others of its queue (and site), after its delay. */
  function schedule(event: QueuedEvent, delayMs: number): void {
    pending += 1;
    const laneKey = `${event.invocation.installationId}/${event.queueName}`;
    const startedIn = generation;
    const previous = tails.get(laneKey) ?? Promise.resolve();
    const next = previous
      .then(() => gate)
      .then(() => wait(delayMs))
      .then(() => (startedIn === generation ? deliver(event) : undefined))
      .catch((error: unknown) => console.error('Sandbox queue: delivery crashed', error))
      .finally(settle);
    tails.set(laneKey, next);
  }

  async function deliver(event: QueuedEvent): Promise<void> {
    const job = jobs.get(event.jobId);
    if (job?.cancelled) return;
    const consumer = options.consumers[event.queueName];
    if (!consumer) {
      record(event, 'failed', { error: `No consumer for queue ${event.queueName}` });
      return;
    }
    const outcome = await invokeConsumer(consumer, event);
    if ('error' in outcome || isRetryRequest(outcome.result)) {
      const retry =
        'error' in outcome
          ? { retryAfter: 1, retryReason: UNKNOWN_ERROR, retryData: undefined }
          : retryOptionsOf(outcome.result as RetryRequest);
      if (event.retryCount < MAX_RETRIES) {
        record(event, 'retry', outcome);
        const retryCount = event.retryCount + 1;
        schedule(
          { ...event, retryCount, retryContext: { retryCount, retryReason: retry.retryReason, retryData: retry.retryData } },
          retry.retryAfter * secondsToMs,
        );
        return;
      }
      record(event, 'failed', outcome);
      if (job) job.failed += 1;
    } else {
      record(event, 'success', outcome);
      if (job) job.success += 1;
    }
    if (job) job.inProgress -= 1;
  }

  async function invokeConsumer(consumer: QueueConsumer, event: QueuedEvent): Promise<{ result: unknown } | { error: string }> {
    // An app-only invocation: consumers run without a user, as on Forge.
    const invocation: Invocation = {
      cloudId: event.invocation.cloudId,
      installationId: event.invocation.installationId,
      moduleKey: consumer.moduleKey,
      license: { active: options.licenseActive?.() ?? true },
    };
    const installContext = `ari:cloud:jira::site/${event.invocation.cloudId}`;
    const retry = event.retryContext ? { retryContext: event.retryContext } : {};
    const asyncEvent = { body: event.body, queueName: event.queueName, jobId: event.jobId, eventId: event.eventId, ...retry };
    const [request, second] = consumer.method
      ? [
          {
            call: { functionKey: consumer.method, payload: event.body, jobId: event.jobId },
            context: { cloudId: event.invocation.cloudId, moduleKey: consumer.moduleKey, ...retry },
          },
          { installContext, license: invocation.license },
        ]
      : [asyncEvent, { installContext, moduleKey: consumer.moduleKey, license: invocation.license }];
    try {
      return { result: await runInvocation(invocation, () => consumer.handler(request, second)) };
    } catch (error) {
      console.error(`Sandbox queue: consumer ${consumer.moduleKey} threw`, error);
      return { error: error instanceof Error ? error.message : String(error) };
    }
  }

  function record(event: QueuedEvent, outcome: Delivery['outcome'], detail: { result?: unknown; error?: string }): void {
    log.push({ queueName: event.queueName, jobId: event.jobId, eventId: event.eventId, attempt: event.retryCount + 1, outcome, ...detail });
  }

  function publish(invocation: Invocation, request: PublishRequest): Response {
    if (!options.consumers[request.queueName]) {
      return json(404, { message: `No consumer listens to queue ${request.queueName}` });
    }
    jobs.set(request.jobId, { success: 0, inProgress: request.payload.length, failed: 0, cancelled: false });
    for (const event of request.payload) {
      const queued: QueuedEvent = {
        invocation,
        queueName: request.queueName,
        jobId: request.jobId,
        eventId: randomUUID(),
        body: event.body,
        retryCount: 0,
      };
      schedule(queued, (event.delayInSeconds ?? 0) * secondsToMs);
    }
    return json(201, {});
  }

  return {
    async backend(invocation, path, init) {
      const body = JSON.parse(String(init.body ?? '{}')) as PublishRequest;
      if (path.startsWith('/webhook/queue/publish/')) return publish(invocation, body);
      const job = jobs.get(body.jobId);
      if (path.startsWith('/webhook/queue/stats/')) {
        return job ? json(200, { success: job.success, inProgress: job.inProgress, failed: job.failed }) : json(404, {});
      }
      if (path.startsWith('/webhook/queue/cancel/')) {
        if (!job) return json(404, {});
        job.cancelled = true;
        return new Response(null, { status: 204 });
      }
      return json(404, { message: `Unknown queue API ${path}` });
    },
    idle() {
      if (pending === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push(resolve));
    },
    deliveries: () => log,
    clear() {
      generation += 1;
      jobs.clear();
    },
    hold() {
      let release = (): void => undefined;
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
      return () => release();
    },
  };
}

function isRetryRequest(result: unknown): result is RetryRequest {
  return typeof result === 'object' && result !== null && (result as { _retry?: unknown })._retry === true;
}

function retryOptionsOf(request: RetryRequest): { retryAfter: number; retryReason: string; retryData: unknown } {
  return {
    retryAfter: Math.max(1, request.retryOptions?.retryAfter ?? 1),
    retryReason: request.retryOptions?.retryReason ?? 'FUNCTION_RETRY_REQUEST',
    retryData: request.retryOptions?.retryData,
  };
}

/** Always a new macrotask, even at 0 ms: a consumer never runs inside the push that queued it. */
function wait(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}
