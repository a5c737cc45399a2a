/**
 * The sandbox's Forge queue, driven by the real @forge/events client: Queue.push resolves like
 * the platform's publish API, and each event reaches the consumer later, as an app-only
 * invocation, one at a time per queue, with Forge's retry rules.
 */
import { InvocationError, Queue } from '@forge/events';
import Resolver from '@forge/resolver';
import { currentInvocation, installForgeRuntime, runInvocation, type Invocation } from '../../sandbox/forge-host/forge-runtime';
import { createQueueEmulator, type ForgeFunctionHandler, type QueueEmulator } from '../../sandbox/forge-host/queue-emulator';

const pusher: Invocation = {
  accountId: '557058:dev-dana',
  cloudId: 'site-a',
  installationId: 'installation-a',
  moduleKey: 'goalkeeper-issue-panel',
  license: { active: true },
};

interface Received {
  readonly payload: Record<string, unknown>;
  readonly context: Record<string, unknown>;
  readonly invocation: Invocation;
}

function resolverConsumer(
  received: Received[],
  answer: (payload: Record<string, unknown>) => unknown = () => ({ ok: true }),
): ForgeFunctionHandler {
  const resolver = new Resolver();
  resolver.define('apply-approved', async ({ payload, context }) => {
    received.push({
      payload: payload as Record<string, unknown>,
      context: context as unknown as Record<string, unknown>,
      invocation: currentInvocation(),
    });
    await new Promise((resolve) => setTimeout(resolve, 5));
    return answer(payload as Record<string, unknown>) as never;
  });
  return resolver.getDefinitions() as unknown as ForgeFunctionHandler;
}

function install(queue: QueueEmulator): void {
  const unused = async () => new Response('{}', { status: 501 });
  installForgeRuntime({ jira: unused, kvs: unused, queue: queue.backend });
}

function push(bodies: Record<string, unknown>[]): Promise<{ jobId: string }> {
  return runInvocation(pusher, () => new Queue({ key: 'goalkeeper-apply' }).push(bodies.map((body) => ({ body }))));
}

describe('the sandbox Forge queue', () => {
  it('resolves Queue.push before the consumer runs, then delivers the body as an app-only invocation', async () => {
    const received: Received[] = [];
    const queue = createQueueEmulator({
      consumers: { 'goalkeeper-apply': { moduleKey: 'apply-consumer', handler: resolverConsumer(received), method: 'apply-approved' } },
      secondsToMs: 0,
    });
    install(queue);

    const { jobId } = await push([{ proposalId: 'p-1', attempt: 1 }]);
    expect(received).toHaveLength(0);
    await queue.idle();

    expect(received).toHaveLength(1);
    expect(received[0]?.payload).toEqual({ proposalId: 'p-1', attempt: 1 });
    expect(received[0]?.context).toMatchObject({ jobId, accountId: undefined, installContext: 'ari:cloud:jira::site/site-a' });
    expect(received[0]?.invocation).toMatchObject({ cloudId: 'site-a', installationId: 'installation-a', moduleKey: 'apply-consumer' });
    expect(received[0]?.invocation.accountId).toBeUndefined();
  });

  it('delivers the events of one queue one at a time, in the order they were pushed', async () => {
    const received: Received[] = [];
    let running = 0;
    let overlapped = false;
    const queue = createQueueEmulator({
      consumers: {
        'goalkeeper-apply': {
          moduleKey: 'apply-consumer',
          method: 'apply-approved',
          handler: resolverConsumer(received, () => {
            running += 1;
            overlapped ||= running > 1;
            running -= 1;
          }),
        },
      },
      secondsToMs: 0,
    });
    install(queue);

    await push([{ proposalId: 'p-1', attempt: 1 }]);
    await push([
      { proposalId: 'p-2', attempt: 1 },
      { proposalId: 'p-3', attempt: 1 },
    ]);
    await queue.idle();

    expect(received.map((event) => event.payload.proposalId)).toEqual(['p-1', 'p-2', 'p-3']);
    expect(overlapped).toBe(false);
  });

  it('retries an event whose consumer asks for it, with the retry context, at most four times', async () => {
    const received: Received[] = [];
    const queue = createQueueEmulator({
      consumers: {
        'goalkeeper-apply': {
          moduleKey: 'apply-consumer',
          method: 'apply-approved',
          handler: resolverConsumer(received, () => new InvocationError({ retryAfter: 1, retryReason: 'FUNCTION_RETRY_REQUEST' as never })),
        },
      },
      secondsToMs: 0,
    });
    install(queue);

    const { jobId } = await push([{ proposalId: 'p-1', attempt: 1 }]);
    await queue.idle();

    expect(received).toHaveLength(5);
    expect(received[4]?.context.retryContext).toMatchObject({ retryCount: 4, retryReason: 'FUNCTION_RETRY_REQUEST' });
    const stats = await runInvocation(pusher, () => new Queue({ key: 'goalkeeper-apply' }).getJob(jobId).getStats());
    expect(stats).toEqual({ success: 0, inProgress: 0, failed: 1 });
  });

  it('hands a function-form consumer the AsyncEvent itself, as @forge/events 2 and later expect', async () => {
    const events: Record<string, unknown>[] = [];
    const handler: ForgeFunctionHandler = async (event) => {
      events.push(event as Record<string, unknown>);
    };
    const queue = createQueueEmulator({ consumers: { 'goalkeeper-apply': { moduleKey: 'apply-consumer', handler } }, secondsToMs: 0 });
    install(queue);

    const { jobId } = await push([{ proposalId: 'p-9', attempt: 2 }]);
    await queue.idle();

    expect(events[0]).toMatchObject({ body: { proposalId: 'p-9', attempt: 2 }, queueName: 'goalkeeper-apply', jobId });
  });
});
