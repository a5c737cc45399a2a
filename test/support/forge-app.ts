/**
 * The app as Forge runs it, for handler-level tests: the sandbox's back ends (Jira stand-in over
 * HTTP, KVS emulator, queue emulator delivering to the real consumer) and the handlers called
 * exactly as Forge calls them. Nothing of Goalkeeper is mocked: the handlers are src/index.ts's own
 * wiring (src/composition/forge-handlers.ts), only with the Jira client's back-off on a test clock
 * and its request timeout expirable at will, unless `realBackoff` asks for production's timing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EndpointName, PayloadOf, ResultOf } from '../../src/contract/endpoints';
import { buildForgeHandlers } from '../../src/composition/forge-handlers';
import { createForgePorts } from '../../src/composition/forge-ports';
import type { RequestTimer } from '../../src/jira/jira-client';
import { handler as productionHandler } from '../../src/index';
import { seedAppStorage } from '../../sandbox/app-seed';
import { currentInvocation, installForgeRuntime, runInvocation, type ForgeBackends } from '../../sandbox/forge-host/forge-runtime';
import { SANDBOX_CLOUD_ID, type JiraSite } from '../../sandbox/jira/jira-model';
import { jiraBackend } from '../../sandbox/jira/jira-stand-in';
import { SANDBOX_INSTALLATION_ID, startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox/server';

/** A Wednesday: sprint 7 is half-way through, with working days on both sides. */
export const TEST_NOW = new Date('2026-11-25T12:00:00.000Z');

/** A Jira site and the app's installation on it: Forge keeps storage and queues per installation. */
export interface SiteRef {
  readonly cloudId: string;
  readonly installationId: string;
}

/** The one site the sandbox seeds and serves; any other cloudId gets its own copy of the seed on first use. */
export const SANDBOX_SITE: SiteRef = { cloudId: SANDBOX_CLOUD_ID, installationId: SANDBOX_INSTALLATION_ID };

export interface CallOptions {
  readonly extension?: object;
  readonly licenseActive?: boolean;
  /** Which site the invocation is for (default: the sandbox site). */
  readonly site?: SiteRef;
  /** The Jira UI's locale in the product context (Forge's `context.locale`), e.g. "de-DE". */
  readonly locale?: string;
}

export interface ForgeAppOptions {
  /** Atlassian's personal data reporting API (`privacy.reportPersonalData`); the sandbox wires none. */
  readonly privacy?: ForgeBackends['privacy'];
  /**
   * The big board's sprint size (test/perf and `npm run bench`), and whether Forge storage is also
   * written to the data directory's file. By default it is not: the emulator rewrites the whole file
   * (every installation) on each write, which made fault and fuzzing tests spend more time writing
   * files than applying (issue 16: apply-faults 24 s → 14 s). Requests reach the store as JSON text
   * either way; the file itself is tested in test/sandbox/kvs-emulator.test.ts and the sandbox e2e.
   */
  readonly sandbox?: Pick<SandboxOptions, 'bigBoardItems' | 'persistStorage'>;
  /**
   * Wait through the Jira client's back-off in real time, as production does. By default the
   * handlers (resolver, queue consumers, triggers) are built on ports whose Jira client records
   * each back-off in `jiraSleeps` and goes on at once: same retries, same order, no waiting; and
   * whose request timeouts `expireJiraRequests` can end early.
   */
  readonly realBackoff?: boolean;
}

/** The jitter the test ports use: half-way, so every recorded back-off is exact (as test/jira/jira-harness.ts). */
const FIXED_JITTER = 0.5;

/** A resolver key of src/resolvers/endpoints.ts; its payload and result types come from the same table the UI's are taken from. */
export type ResolverKey = EndpointName;
export type { PayloadOf, ResultOf };

export type Answer<T = unknown> =
  { data: T; error?: undefined } | { data?: undefined; error: { code: string; message: string; fields?: Record<string, string> } };

export interface ForgeApp {
  readonly sandbox: Sandbox;
  /** Back-off waits the Jira client asked for, in ms, in order (empty with `realBackoff`). */
  readonly jiraSleeps: readonly number[];
  /**
   * Lets every Jira request the site's invocations are waiting on time out now, as if the client's
   * timeout had passed; returns the timeout (ms) each was armed with. Requests still run on the
   * production timeout too. Not available with `realBackoff`.
   */
  expireJiraRequests(site?: SiteRef): number[];
  /** The stand-in's model of the sandbox site (or of `site`), to arrange or inspect Jira directly. */
  site(site?: SiteRef): JiraSite;
  /** Calls resolver `key` as `accountId` with a payload of its schema's type; the answer is typed by its use case. */
  invoke<K extends ResolverKey>(key: K, payload: PayloadOf<K>, accountId: string, options?: CallOptions): Promise<Answer<ResultOf<K>>>;
  /** `invoke`, failing the test on an error answer. */
  invokeOk<K extends ResolverKey>(key: K, payload: PayloadOf<K>, accountId: string, options?: CallOptions): Promise<ResultOf<K>>;
  /**
   * The door for payloads sent wrong on purpose (fuzzing, hostile input): any payload, but a resolver
   * key, and an answer typed by it. Well-formed payloads go through `invoke`, which types the payload too.
   */
  call<K extends ResolverKey>(functionKey: K, payload: unknown, accountId: string, options?: CallOptions): Promise<Answer<ResultOf<K>>>;
  /** Calls a function key that is no resolver (probing for unknown keys): nothing about the answer is known. */
  callUnknownFunction(functionKey: string, payload: unknown, accountId: string, options?: CallOptions): Promise<Answer<unknown>>;
  /** Runs `work` as an app-only invocation (triggers, consumers) on the sandbox site (or on `site`). */
  asApp<T>(work: () => Promise<T>, site?: SiteRef): Promise<T>;
  /** `call` (any payload, typed answer), failing the test on an error answer; well-formed payloads use `invokeOk`. */
  ok<K extends ResolverKey>(functionKey: K, payload: unknown, accountId: string, options?: CallOptions): Promise<ResultOf<K>>;
  close(): Promise<void>;
}

export async function startForgeApp(options: ForgeAppOptions = {}): Promise<ForgeApp> {
  const dataDir = mkdtempSync(join(tmpdir(), 'goalkeeper-handler-'));
  const jiraSleeps: number[] = [];
  const pendingRequests = new Set<{ readonly installationId: string; readonly ms: number; readonly expire: () => void }>();
  const requestTimer: RequestTimer = (ms, expire) => {
    const pending = { installationId: currentInvocation().installationId, ms, expire };
    pendingRequests.add(pending);
    // A request that hangs still ends as in production.
    const real = setTimeout(expire, ms);
    return () => {
      pendingRequests.delete(pending);
      clearTimeout(real);
    };
  };
  const testTiming = { sleep: async (ms: number) => void jiraSleeps.push(ms), random: () => FIXED_JITTER, requestTimer };
  const handlers = options.realBackoff ? null : buildForgeHandlers(() => createForgePorts({ jira: testTiming }));
  const handler = handlers?.handler ?? productionHandler;
  const sandbox = await startSandbox({
    port: 0,
    host: '127.0.0.1',
    dataDir,
    now: TEST_NOW,
    queueSecondsToMs: 0,
    persistStorage: false,
    ...options.sandbox,
    ...(handlers ? { modules: { index: handlers } } : {}),
  });
  // The runtime globals are process-wide: installing again with a privacy back end keeps the sandbox's others.
  if (options.privacy)
    installForgeRuntime({
      jira: jiraBackend(sandbox.jira),
      kvs: sandbox.kvs.backend,
      queue: sandbox.queue.backend,
      privacy: options.privacy,
    });
  // Every site is an installation whose admin has set Goalkeeper up as on the sandbox site (sandbox/app-seed.ts).
  const seededSites = new Map<string, Promise<void>>([[SANDBOX_SITE.installationId, Promise.resolve()]]);
  const seeded = (site: SiteRef): Promise<void> => {
    const known = seededSites.get(site.installationId) ?? seedAppStorage(site);
    seededSites.set(site.installationId, known);
    return known;
  };
  const callFunction: ForgeApp['callUnknownFunction'] = async (functionKey, payload, accountId, callOptions = {}) => {
    await seeded(callOptions.site ?? SANDBOX_SITE);
    const { cloudId, installationId } = callOptions.site ?? SANDBOX_SITE;
    const license = { active: callOptions.licenseActive ?? true };
    const invocation = { accountId, cloudId, installationId, moduleKey: 'goalkeeper-issue-panel', license };
    const context = {
      cloudId,
      localId: 'test-local-id',
      moduleKey: 'goalkeeper-issue-panel',
      extension: callOptions.extension ?? { type: 'jira:issuePanel' },
      ...(callOptions.locale ? { locale: callOptions.locale } : {}),
    };
    return runInvocation(invocation, () =>
      handler(
        { call: { functionKey, payload }, context },
        { principal: { accountId }, installContext: `ari:cloud:jira::site/${cloudId}`, license },
      ),
    ) as Promise<Answer>;
  };
  // The resolver answers as its endpoint declares (src/contract/endpoints.ts); the handler's own type does not say so.
  const call: ForgeApp['call'] = (functionKey, payload, accountId, callOptions) =>
    callFunction(functionKey, payload, accountId, callOptions) as Promise<never>;
  const ok: ForgeApp['ok'] = async (functionKey, payload, accountId, callOptions) => {
    const answer = await call(functionKey, payload, accountId, callOptions);
    if (answer.error) throw new Error(`${functionKey} failed: ${answer.error.code}: ${answer.error.message}`);
    return answer.data as never;
  };
  return {
    sandbox,
    jiraSleeps,
    expireJiraRequests(site = SANDBOX_SITE) {
      if (!handlers) throw new Error('expireJiraRequests() needs the test timing: start the app without realBackoff.');
      const expiring = [...pendingRequests].filter((pending) => pending.installationId === site.installationId);
      for (const pending of expiring) {
        pendingRequests.delete(pending);
        pending.expire();
      }
      return expiring.map((pending) => pending.ms);
    },
    site: (site = SANDBOX_SITE) => sandbox.jira.model.site(site.cloudId),
    call,
    callUnknownFunction: callFunction,
    invoke: (key, payload, accountId, callOptions) => call(key, payload, accountId, callOptions),
    invokeOk: (key, payload, accountId, callOptions) => ok(key, payload, accountId, callOptions),
    asApp: (work, site = SANDBOX_SITE) =>
      runInvocation({ cloudId: site.cloudId, installationId: site.installationId, moduleKey: 'goalkeeper-jira-events' }, work),
    ok,
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

/**
 * Pins the wall clock the handler reads (`new Date()`, `Date.now()`) to TEST_NOW, the day the
 * sandbox's seed is anchored on, and lets it run on from there; timers stay real, so HTTP and the
 * queue emulator work as ever. Without it the seed's sprint ages with the calendar and, a week
 * after TEST_NOW, is past its end date: every assessment then reads "past the end".
 */
export function pinClockToTestNow(): void {
  beforeAll(() => {
    jest.useFakeTimers({
      now: TEST_NOW,
      advanceTimers: true,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
  });
  afterAll(() => {
    jest.useRealTimers();
  });
}
