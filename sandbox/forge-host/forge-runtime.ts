/**
 * The local stand-in for the Forge runtime. Forge's SDKs (@forge/api's requestJira, @forge/kvs,
 * @forge/events' Queue) all talk to the platform through two globals, `__forge_runtime__` and
 * `__forge_fetch__`. Installing them here lets the *unchanged* SDK code — and therefore our
 * production adapters — run against local back ends: the Jira stand-in, the KVS emulator and
 * the in-process queue. Each invocation runs inside an AsyncLocalStorage scope that carries who
 * is calling and for which site, as the real runtime binds `asUser()` to the invocation's principal.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export interface Invocation {
  /** The principal; undefined for app-only invocations (queue consumers, triggers). */
  readonly accountId?: string;
  readonly cloudId: string;
  readonly installationId: string;
  readonly moduleKey: string;
  readonly license?: { readonly active: boolean };
}

/** A request the app made to Jira, and whom Jira should treat as the caller. */
export interface ProductRequest {
  readonly invocation: Invocation;
  /** 'app' for asApp(); 'user' for asUser() with the invocation's (or an explicit) account. */
  readonly actor: { readonly kind: 'app' } | { readonly kind: 'user'; readonly accountId: string };
  readonly path: string;
  readonly init: RequestInit;
}

export interface ForgeBackends {
  jira(request: ProductRequest): Promise<Response>;
  kvs(invocation: Invocation, path: string, init: RequestInit): Promise<Response>;
  /** Forge queue publish (`@forge/events` Queue.push). */
  queue(invocation: Invocation, path: string, init: RequestInit): Promise<Response>;
  /** Atlassian's personal data reporting API (`privacy.reportPersonalData`); absent → 501. */
  privacy?(invocation: Invocation, init: RequestInit): Promise<Response>;
}

interface ForgeFetchTarget {
  readonly type: string;
  readonly provider?: string;
  readonly remote?: string;
  readonly accountId?: string;
}

const invocations = new AsyncLocalStorage<Invocation>();

/** Where @forge/api's privacy.reportPersonalData posts (node_modules/@forge/api/out/privacy). */
const PERSONAL_DATA_PATH = '/app/report-accounts';

export function currentInvocation(): Invocation {
  const invocation = invocations.getStore();
  if (!invocation) throw new Error('No Forge invocation in scope: call through runInvocation()');
  return invocation;
}

/** Runs `work` as one Forge invocation: SDK calls inside it see this principal and site. */
export function runInvocation<T>(invocation: Invocation, work: () => Promise<T>): Promise<T> {
  return invocations.run(invocation, work);
}

const noopMetric = { incr() {}, decr() {}, measure: () => ({ stop() {} }) };
const metrics = { counter: () => noopMetric, timing: () => noopMetric, gauge: () => noopMetric };

function runtimeView(): object {
  const invocation = invocations.getStore();
  return {
    metrics,
    proxy: { token: 'sandbox', url: 'http://sandbox.invalid' },
    tracing: { traceId: 'sandbox', spanId: 'sandbox' },
    appContext: {
      appId: 'goalkeeper-sandbox',
      appVersion: '0.0.0',
      environmentId: 'sandbox',
      environmentType: 'DEVELOPMENT',
      invocationId: 'sandbox',
      installationId: invocation?.installationId ?? 'sandbox',
      moduleKey: invocation?.moduleKey ?? 'sandbox',
      license: invocation?.license,
    },
    contextAri: `ari:cloud:jira::site/${invocation?.cloudId ?? 'sandbox'}`,
    lambdaContext: { getRemainingTimeInMillis: () => 25_000 },
    externalAuth: [],
  };
}

/** Installs the globals the Forge SDKs read. Idempotent; the latest back ends win. */
export function installForgeRuntime(backends: ForgeBackends): void {
  const g = globalThis as Record<string, unknown>;
  Object.defineProperty(g, '__forge_runtime__', { configurable: true, get: runtimeView });
  g.__forge_fetch__ = async (target: ForgeFetchTarget, path: string, init: RequestInit = {}): Promise<Response> => {
    const invocation = currentInvocation();
    if (target.type === 'kvs') return backends.kvs(invocation, path, init);
    if (target.remote === 'stargate' && path.startsWith('/webhook/queue/')) return backends.queue(invocation, path, init);
    if (target.remote === 'stargate' && path === PERSONAL_DATA_PATH && backends.privacy) return backends.privacy(invocation, init);
    if (target.remote === 'jira') {
      const accountId = target.accountId ?? invocation.accountId;
      if (target.provider === 'user') {
        if (!accountId) return proxyError('NEEDS_AUTHENTICATION_ERR');
        return backends.jira({ invocation, actor: { kind: 'user', accountId }, path, init });
      }
      return backends.jira({ invocation, actor: { kind: 'app' }, path, init });
    }
    return new Response(JSON.stringify({ message: `Sandbox has no back end for ${target.type}/${target.remote}` }), { status: 501 });
  };
}

/** What Forge's proxy answers when a user call has no user token (e.g. asUser() in a consumer). */
function proxyError(reason: string): Response {
  return new Response('', { status: 401, headers: { 'forge-proxy-error': reason } });
}
