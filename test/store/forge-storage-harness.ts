/**
 * Runs the real @forge/kvs client — and so the real store adapters — against the KVS emulator,
 * through the same Forge runtime globals the sandbox installs. Jira and the queue are outside
 * these tests: a call to either is a test bug, and answers 501.
 */
import { installForgeRuntime, runInvocation, type Invocation } from '../../sandbox/forge-host/forge-runtime';
import { createKvsEmulator, type KvsEmulator, type KvsEmulatorOptions } from '../../sandbox/forge-host/kvs-emulator';
import { STORAGE_ENTITIES } from '../../src/store/entities';
import type { RetryPolicy } from '../../src/store/storage-calls';

/** The Onboarding team's Jira site (the sandbox seed's ONB project, board 1, sprint 7). */
export const ONBOARDING_SITE: Invocation = {
  cloudId: 'cloud-onboarding',
  installationId: 'installation-onboarding',
  moduleKey: 'goalkeeper-issue-panel',
  accountId: '557058:po-priya',
};

/** Another customer's site, served by the same warm runtime. */
export const ACME_SITE: Invocation = {
  cloudId: 'cloud-acme',
  installationId: 'installation-acme',
  moduleKey: 'goalkeeper-issue-panel',
  accountId: '557058:acme-admin',
};

const notInStorageTests = async (): Promise<Response> =>
  new Response(JSON.stringify({ message: 'Not available in storage tests' }), { status: 501 });

export function startForgeStorage(options: Partial<KvsEmulatorOptions> = {}): KvsEmulator {
  const emulator = createKvsEmulator({ entities: STORAGE_ENTITIES, ...options });
  installForgeRuntime({ jira: notInStorageTests, kvs: emulator.backend, queue: notInStorageTests });
  return emulator;
}

/** Runs `work` as one Forge invocation on `site`. */
export function onSite<T>(site: Invocation, work: () => Promise<T>): Promise<T> {
  return runInvocation(site, work);
}

/** A retry policy that waits for nothing and records the waits it was asked for. */
export function recordedRetry(): { readonly policy: RetryPolicy; readonly waits: number[] } {
  const waits: number[] = [];
  return {
    waits,
    policy: {
      maxAttempts: 4,
      baseDelayMs: 200,
      maxDelayMs: 800,
      sleep: async (ms) => {
        waits.push(ms);
      },
      random: () => 0.5,
    },
  };
}
