/**
 * The app as Forge runs it, for handler-level tests: the sandbox's back ends (Jira stand-in over
 * HTTP, KVS emulator, queue emulator delivering to the real consumer) and the exported handler
 * called exactly as Forge calls a resolver. Nothing of Goalkeeper is mocked.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handler } from '../../src/index';
import { runInvocation } from '../../sandbox/forge-host/forge-runtime';
import { SANDBOX_CLOUD_ID, type JiraSite } from '../../sandbox/jira/jira-model';
import { SANDBOX_INSTALLATION_ID, startSandbox, type Sandbox } from '../../sandbox/server';

/** A Wednesday: sprint 7 is half-way through, with working days on both sides. */
export const TEST_NOW = new Date('2026-11-25T12:00:00.000Z');

export type Answer<T = unknown> = { data: T; error?: undefined } | { data?: undefined; error: { code: string; message: string; fields?: Record<string, string> } };

export interface ForgeApp {
  readonly sandbox: Sandbox;
  /** The stand-in's model of the sandbox site, to arrange or inspect Jira directly. */
  site(): JiraSite;
  /** Calls the resolver `functionKey` as `accountId`, with an optional (client-controlled) extension. */
  call<T = any>(functionKey: string, payload: unknown, accountId: string, options?: { extension?: object; licenseActive?: boolean }): Promise<Answer<T>>;
  /** Runs `work` as an app-only invocation (triggers, consumers) on the sandbox site. */
  asApp<T>(work: () => Promise<T>): Promise<T>;
  /** Calls and fails the test on an error answer. */
  ok<T = any>(functionKey: string, payload: unknown, accountId: string): Promise<T>;
  close(): Promise<void>;
}

export async function startForgeApp(): Promise<ForgeApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'goalkeeper-handler-'));
  const sandbox = await startSandbox({ port: 0, host: '127.0.0.1', dataDir, now: TEST_NOW, queueSecondsToMs: 0 });
  const call: ForgeApp['call'] = (functionKey, payload, accountId, options = {}) => {
    const license = { isActive: options.licenseActive ?? true };
    const invocation = { accountId, cloudId: SANDBOX_CLOUD_ID, installationId: SANDBOX_INSTALLATION_ID, moduleKey: 'goalkeeper-issue-panel', license };
    const context = { cloudId: SANDBOX_CLOUD_ID, localId: 'test-local-id', moduleKey: 'goalkeeper-issue-panel', extension: options.extension ?? { type: 'jira:issuePanel' } };
    return runInvocation(invocation, () =>
      handler({ call: { functionKey, payload }, context }, { principal: { accountId }, installContext: `ari:cloud:jira::site/${SANDBOX_CLOUD_ID}`, license }),
    ) as Promise<never>;
  };
  return {
    sandbox,
    site: () => sandbox.jira.model.site(SANDBOX_CLOUD_ID),
    call,
    asApp: (work) => runInvocation({ cloudId: SANDBOX_CLOUD_ID, installationId: SANDBOX_INSTALLATION_ID, moduleKey: 'goalkeeper-jira-events' }, work),
    async ok(functionKey, payload, accountId) {
      const answer = await call(functionKey, payload, accountId);
      if (answer.error) throw new Error(`${functionKey} failed: ${answer.error.code}: ${answer.error.message}`);
      return answer.data as never;
    },
    async close() {
      await sandbox.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** One fresh app per test in this file; returns a getter for the current one. */
export function useForgeApp(): () => ForgeApp {
  let app: ForgeApp | undefined;
  beforeEach(async () => {
    app = await startForgeApp();
  });
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });
  return () => {
    if (!app) throw new Error('useForgeApp() is only available inside a test');
    return app;
  };
}
