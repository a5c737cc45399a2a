/**
 * The Jira Cloud stand-in: a real HTTP server (node:http) answering the REST endpoints the
 * adapter uses with Atlassian's JSON shapes, authorising every call as the actor the Forge host
 * names, and failing on demand through the fault switch. `jiraBackend` plugs it into the local
 * Forge runtime, so @forge/api's requestJira reaches it over real HTTP: real status codes,
 * real latency, real dropped connections.
 *
 * It is as strict as Jira, always: every call passes the OAuth 2.0 gate (a documented operation
 * enabled for OAuth 2.0, covered by the scopes manifest.yml declares; oauth-gate.ts) and Jira's
 * operation-wide permission rules (permission-gate.ts) before a route answers it, and the app
 * user holds only what a Forge app user holds (app-user.ts).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { ProductRequest } from '../forge-host/forge-runtime';
import { adminEndpoints, type AdminRequest } from './admin-routes';
import { agileEndpoints } from './agile-routes';
import { FaultSwitch, type Fault } from './faults';
import { readManifestScopes } from './contract/manifest-scopes';
import { JiraStandInModel, SANDBOX_CLOUD_ID, type Actor, type JiraChangeRecord, type JiraSite } from './jira-model';
import { oauthGate } from './oauth-gate';
import { permissionGate } from './permission-gate';
import { platformEndpoints } from './platform-routes';
import { jiraError, matchRoute, type Endpoint, type StandInAnswer, type StandInRequest } from './routing';
import { seedGoalkeeperSite } from './seed';

/** Who the Forge host says is calling: `app`, or `user:<accountId>`. */
export const ACTOR_HEADER = 'x-sandbox-actor';
/** Which Jira site (the invocation's cloudId) the call is for. */
export const SITE_HEADER = 'x-sandbox-site';
/** Which Forge module's invocation made the call (e.g. the apply queue's consumer), for the record only. */
export const MODULE_HEADER = 'x-sandbox-module';

export interface JiraStandInOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  readonly host?: string;
  /** Anchors the seed's dates: the active sprint is half-way through at `now`. */
  readonly now?: Date;
  readonly seed?: (site: JiraSite, now: Date) => void;
  /**
   * The scopes the app declares, which Jira enforces on every call; by default manifest.yml's
   * `permissions.scopes`, read when the stand-in starts. A test that shows what a missing scope
   * does passes fewer.
   */
  readonly manifestScopes?: readonly string[];
}

export interface RecordedRequest {
  readonly method: string;
  /** Path and query exactly as they reached the server. */
  readonly path: string;
  readonly actor: string | null;
  readonly siteId: string;
  /** The calling invocation's Forge module key, when the Forge host named it. */
  readonly moduleKey: string | null;
  /** The status answered; null until answered, and for a dropped connection. */
  readonly status: number | null;
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

export interface JiraStandIn {
  readonly url: string;
  readonly model: JiraStandInModel;
  readonly faults: FaultSwitch;
  /** Every Jira REST call received, in order (admin calls excluded). */
  readonly requests: readonly RecordedRequest[];
  /** Every change made on any site, in order. */
  readonly changes: readonly JiraChangeRecord[];
  /** Empties `requests` and `changes` (in place): the sandbox reset starts a new record with the new seed. */
  forgetRecords(): void;
  close(): Promise<void>;
}

const jiraEndpoints: readonly Endpoint<StandInRequest>[] = [...agileEndpoints, ...platformEndpoints];

function readBody(request: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

function send(response: http.ServerResponse, answer: StandInAnswer): void {
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.body === undefined) {
    response.writeHead(answer.status, headers).end();
    return;
  }
  response.writeHead(answer.status, { 'content-type': 'application/json;charset=UTF-8', ...headers }).end(JSON.stringify(answer.body));
}

function actorFrom(header: string | undefined, site: JiraSite): Actor | undefined {
  if (header === 'app') return { kind: 'app' };
  if (header?.startsWith('user:')) {
    const accountId = header.slice('user:'.length);
    return site.users.has(accountId) ? { kind: 'user', accountId } : undefined;
  }
  return undefined;
}

/** What a fault looks like on the wire; `undefined` means "carry on and answer normally". */
async function applyFault(fault: Fault, response: http.ServerResponse): Promise<'answered' | undefined> {
  switch (fault.kind) {
    case 'rate-limit':
      send(response, {
        status: 429,
        headers: {
          'retry-after': String(fault.retryAfterSeconds),
          'x-ratelimit-reset': new Date(Date.now() + fault.retryAfterSeconds * 1000).toISOString(),
        },
        body: { errorMessages: ['Rate limit exceeded.'], errors: {} },
      });
      return 'answered';
    case 'server-error':
      send(response, jiraError(fault.status, [fault.status === 503 ? 'Service Unavailable' : 'Internal server error']));
      return 'answered';
    case 'delay':
      await new Promise((resolve) => setTimeout(resolve, fault.ms));
      return undefined;
    case 'drop-connection':
      response.socket?.destroy();
      return 'answered';
  }
}

function parseJsonBody(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

export async function startJiraStandIn(options: JiraStandInOptions = {}): Promise<JiraStandIn> {
  const now = options.now ?? new Date();
  const seed = options.seed ?? seedGoalkeeperSite;
  const manifestScopes = options.manifestScopes ?? readManifestScopes();
  const model = new JiraStandInModel((site) => seed(site, now));
  const faults = new FaultSwitch();
  const requests: RecordedRequest[] = [];
  const changes: JiraChangeRecord[] = [];
  model.onChange((record) => changes.push(record));

  async function answer(request: http.IncomingMessage, response: http.ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', 'http://stand-in.invalid');
    const method = (request.method ?? 'GET').toUpperCase();
    const bodyText = await readBody(request);
    const siteId = String(request.headers[SITE_HEADER] ?? (url.searchParams.get('site') || SANDBOX_CLOUD_ID));
    const site = model.site(siteId);
    const parsed = parseJsonBody(bodyText);
    const notJson = jiraError(400, ['Unexpected character: the request body is not valid JSON.']);

    if (url.pathname.startsWith('/__sandbox/')) {
      if (!parsed.ok) {
        send(response, notJson);
        return;
      }
      const adminRequest: AdminRequest = {
        method,
        path: url.pathname,
        query: url.searchParams,
        body: parsed.value,
        site,
        model,
        faults,
        changes,
      };
      const match = matchRoute(adminEndpoints, method, url.pathname);
      send(
        response,
        match.kind === 'found'
          ? match.endpoint.handle(adminRequest, match.params)
          : jiraError(404, [`No sandbox endpoint ${method} ${url.pathname}`]),
      );
      return;
    }

    const actorHeader = request.headers[ACTOR_HEADER];
    const actorText = typeof actorHeader === 'string' ? actorHeader : null;
    const moduleHeader = request.headers[MODULE_HEADER];
    const recorded: Mutable<RecordedRequest> = {
      method,
      path: url.pathname + url.search,
      actor: actorText,
      siteId,
      moduleKey: typeof moduleHeader === 'string' ? moduleHeader : null,
      status: null,
    };
    requests.push(recorded);
    response.on('finish', () => (recorded.status = response.statusCode));
    const fault = faults.take(method, url.pathname + url.search);
    if (fault && (await applyFault(fault, response)) === 'answered') return;

    const actor = actorFrom(actorText ?? undefined, site);
    if (!actor) {
      send(response, jiraError(401, ['You are not authenticated. Authentication required to perform this operation.']));
      return;
    }
    const gatewayRefusal = oauthGate(method, url.pathname, manifestScopes);
    if (gatewayRefusal) {
      send(response, gatewayRefusal);
      return;
    }
    const contentType = request.headers['content-type'] ?? '';
    if (bodyText.trim() !== '' && !contentType.includes('application/json')) {
      send(response, jiraError(415, ['Unsupported Media Type: send the body as application/json.']));
      return;
    }
    if (!parsed.ok) {
      send(response, notJson);
      return;
    }
    const match = matchRoute(jiraEndpoints, method, url.pathname);
    if (match.kind === 'none') {
      send(response, jiraError(404, [`null for uri: ${url.pathname}`]));
      return;
    }
    if (match.kind === 'wrong-method') {
      send(response, jiraError(405, [`Method ${method} is not allowed for ${url.pathname}`]));
      return;
    }
    const standInRequest: StandInRequest = {
      method,
      path: url.pathname,
      query: url.searchParams,
      body: parsed.value,
      actor,
      site,
      render: { site, baseUrl: `http://${request.headers.host ?? 'localhost'}` },
    };
    send(response, permissionGate(standInRequest) ?? match.endpoint.handle(standInRequest, match.params));
  }

  const server = http.createServer((request, response) => {
    answer(request, response).catch((error: unknown) => {
      // A crash here is a stand-in bug; answer like Jira's own 500 so the caller sees a failure.
      console.error('Jira stand-in failed to answer', request.method, request.url, error);
      if (!response.headersSent) send(response, jiraError(500, ['Internal server error']));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    model,
    faults,
    requests,
    changes,
    forgetRecords() {
      requests.length = 0;
      changes.length = 0;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

/**
 * The Forge host's Jira back end for `installForgeRuntime`: forwards each requestJira call over
 * HTTP to the stand-in, naming the actor and the site so the stand-in authorises as Jira would.
 */
export function jiraBackend(standIn: Pick<JiraStandIn, 'url'>): (request: ProductRequest) => Promise<Response> {
  return (request) => {
    const headers = new Headers(request.init.headers);
    headers.set(ACTOR_HEADER, request.actor.kind === 'app' ? 'app' : `user:${request.actor.accountId}`);
    headers.set(SITE_HEADER, request.invocation.cloudId);
    headers.set(MODULE_HEADER, request.invocation.moduleKey);
    return fetch(`${standIn.url}${request.path}`, { ...request.init, headers });
  };
}
