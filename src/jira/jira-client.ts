/**
 * The one way Goalkeeper talks to Jira: @forge/api's requestJira as the app, always with a
 * `route` built path, with bounded retries. 429 is retried honouring Retry-After (Jira did not
 * process the call); 5xx and network failures are retried only for calls that are safe to
 * repeat, because a create or a comment may have happened before the connection broke — the
 * apply journal reads back and decides instead.
 *
 * A client acts as the app (the default) or as the user who invoked the app (`actor: 'user'`,
 * @forge/api's asUser()). Changes and shared reads go as the app; the person's own rights, and
 * anything that must be their view of Jira, go as the person, because Jira lets an app ask about
 * another person's permissions only with *Administer Jira* (POST /rest/api/3/permissions/check).
 */
import { asApp, asUser, type Route } from '@forge/api';
import type { z } from 'zod';
import { GoalkeeperError } from '../domain/errors';
import { KEPT_MAX_AGE_MS, type KeptJiraConfig, type KeptKind } from './kept-config';

/** Jira Cloud asks clients to honour Retry-After and back off exponentially with jitter (https://developer.atlassian.com/cloud/jira/platform/rate-limiting/). */
export const DEFAULT_MAX_ATTEMPTS = 4;
export const BASE_BACKOFF_MS = 500;
export const MAX_BACKOFF_MS = 8_000;
/** A longer Retry-After cannot be waited out inside Forge's 25 s invocation limit (https://developer.atlassian.com/platform/forge/platform-quotas-and-limits/); give up and let the caller retry later. */
export const MAX_RETRY_AFTER_MS = 10_000;
/** One slow call must not eat the whole 25 s invocation budget. */
export const REQUEST_TIMEOUT_MS = 10_000;

/** Whether a call may be sent again after a 5xx or a broken connection. */
export type Replay = 'repeatable' | 'once';

export interface JiraCall {
  readonly method?: 'GET' | 'POST' | 'PUT';
  readonly body?: unknown;
  /** GET and PUT are repeatable; a POST must say so (searches and moves are, creates are not). */
  readonly replay?: Replay;
}

/** Jira's answer to one call, after retries. Status 0: no HTTP answer at all. */
export interface JiraAnswer {
  readonly status: number;
  readonly body: unknown;
  /** What went wrong, in Jira's words where it gave any; '' for a 2xx. */
  readonly problem: string;
}

/** Whom Jira treats as the caller: the app's own user, or the person who invoked the app. */
export type JiraActor = 'app' | 'user';

export interface JiraClientOptions {
  /** 'app' unless said; 'user' needs an invocation with a user (not a queue consumer or trigger). */
  readonly actor?: JiraActor;
  readonly sleep?: (ms: number) => Promise<void>;
  /** In [0, 1): the jitter source. Injected so tests are deterministic. */
  readonly random?: () => number;
  readonly maxAttempts?: number;
  readonly requestTimeoutMs?: number;
  /**
   * Calls `expire` once a request has waited `ms` without an answer; returns how to cancel. Injected
   * so tests can let a request time out without waiting the production timeout out.
   */
  readonly requestTimer?: RequestTimer;
  /** Where configuration read as the app is kept between invocations (src/jira/kept-config.ts); without it nothing is kept. */
  readonly kept?: KeptJiraConfig;
  /** Epoch ms, for the age of kept configuration. Injected so tests can age it. */
  readonly now?: () => number;
}

/**
 * `route` refuses a parameter that would change the path (`..`, `/`, `?`, `#`) by throwing.
 * Such a key or id cannot name anything in Jira, so callers treat it as not found.
 */
export function routeOrNull(build: () => Route): Route | null {
  try {
    return build();
  } catch {
    return null;
  }
}

export type RequestTimer = (ms: number, expire: () => void) => () => void;

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

const realRequestTimer: RequestTimer = (ms, expire) => {
  const timer = setTimeout(expire, ms);
  return () => clearTimeout(timer);
};

const MULTI_STATUS = 207;

function isSuccess(status: number): boolean {
  return status >= 200 && status < 300;
}

/** Whether Jira did all it was asked: 207 Multi-Status is a 2xx, yet says some parts failed (rank answers it so). */
export function succeeded(answer: Pick<JiraAnswer, 'status'>): boolean {
  return isSuccess(answer.status) && answer.status !== MULTI_STATUS;
}

function isServerFailure(status: number): boolean {
  return status === 0 || status >= 500;
}

/** Retry-After is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Jira's error body (`errorMessages` + field `errors`) or a 207's per-issue entries, as one sentence. */
export function describeJiraProblem(status: number, body: unknown): string {
  const parts: string[] = [];
  if (typeof body === 'object' && body !== null) {
    const { errorMessages, errors, entries } = body as { errorMessages?: unknown; errors?: unknown; entries?: unknown };
    if (Array.isArray(errorMessages)) parts.push(...errorMessages.filter((message): message is string => typeof message === 'string'));
    if (typeof errors === 'object' && errors !== null) {
      parts.push(...Object.entries(errors).map(([field, message]) => `${field}: ${String(message)}`));
    }
    if (Array.isArray(entries)) {
      for (const entry of entries as { issueKey?: string; status?: number; errors?: string[] }[]) {
        if (entry.status !== undefined && !isSuccess(entry.status))
          parts.push(`${entry.issueKey ?? '?'}: ${(entry.errors ?? []).join(' ') || `status ${entry.status}`}`);
      }
    }
  } else if (typeof body === 'string' && body.trim() !== '') {
    parts.push(body.trim().slice(0, 300));
  }
  return parts.length > 0 ? parts.join(' ') : `Jira answered HTTP ${status}.`;
}

async function bodyOf(response: { text(): Promise<string> }): Promise<unknown> {
  const text = await response.text();
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export class JiraClient {
  readonly actor: JiraActor;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly random: () => number;
  private readonly maxAttempts: number;
  private readonly requestTimeoutMs: number;
  private readonly requestTimer: RequestTimer;
  private readonly stableReads = new Map<string, Promise<unknown>>();
  private readonly kept: KeptJiraConfig | undefined;
  private readonly now: () => number;
  private readonly keptReads = new Map<string, Promise<unknown>>();
  /** Until when Jira asked this client to hold off (a 429's wait): every call of the invocation honours it, not only the one refused. */
  private pausedUntil = 0;

  constructor(options: JiraClientOptions = {}) {
    this.actor = options.actor ?? 'app';
    this.sleep = options.sleep ?? realSleep;
    this.random = options.random ?? Math.random;
    this.maxAttempts = Math.max(1, options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
    this.requestTimeoutMs = options.requestTimeoutMs ?? REQUEST_TIMEOUT_MS;
    this.requestTimer = options.requestTimer ?? realRequestTimer;
    this.kept = options.kept;
    this.now = options.now ?? Date.now;
  }

  async call(path: Route, call: JiraCall = {}): Promise<JiraAnswer> {
    const method = call.method ?? 'GET';
    const replay = call.replay ?? (method === 'POST' ? 'once' : 'repeatable');
    for (let attempt = 1; ; attempt++) {
      // Pages fetched in parallel share one rate limit: while one waits out a 429, the others wait too.
      const paused = this.pausedUntil - Date.now();
      if (attempt === 1 && paused > 0) await this.sleep(paused);
      const { answer, waitMs } = await this.once(path, method, call.body);
      const retryable = answer.status === 429 || (isServerFailure(answer.status) && replay === 'repeatable');
      if (!retryable || attempt >= this.maxAttempts) return answer;
      const delay = waitMs !== undefined ? waitMs + this.random() * BASE_BACKOFF_MS : this.backoff(attempt);
      if (delay > MAX_RETRY_AFTER_MS) return answer;
      if (answer.status === 429) this.pausedUntil = Math.max(this.pausedUntil, Date.now() + delay);
      await this.sleep(delay);
    }
  }

  /**
   * Reads JSON of the expected shape. `null` when Jira says the thing is not there (404, and any
   * `absentOn` status); every other failure becomes a typed error.
   */
  async read<T>(
    path: Route,
    shape: z.ZodType<T>,
    options: { readonly post?: unknown; readonly absentOn?: readonly number[] } = {},
  ): Promise<T | null> {
    const answer = await this.call(path, options.post === undefined ? {} : { method: 'POST', body: options.post, replay: 'repeatable' });
    if ([404, ...(options.absentOn ?? [])].includes(answer.status)) return null;
    if (!isSuccess(answer.status)) throw errorFor(answer);
    const parsed = shape.safeParse(answer.body);
    if (!parsed.success) throw unexpectedShape(parsed.error);
    return parsed.data;
  }

  /**
   * Like `read`, for what Jira may refuse the client's actor (an admin-only read): 401/403 answer
   * `'refused'` instead of an error, so the caller can say what it cannot see.
   */
  async readUnlessRefused<T>(path: Route, shape: z.ZodType<T>): Promise<T | null | 'refused'> {
    const answer = await this.call(path);
    if (answer.status === 401 || answer.status === 403) return 'refused';
    if (answer.status === 404) return null;
    if (!isSuccess(answer.status)) throw errorFor(answer);
    const parsed = shape.safeParse(answer.body);
    if (!parsed.success) throw unexpectedShape(parsed.error);
    return parsed.data;
  }

  /**
   * Like `read`, for configuration that does not change within one invocation (a board, the
   * site's fields, a project): the first answer is shared by every later caller, so one view never
   * makes the same GET twice. The client lives for one invocation, so nothing outlives it; a failed
   * read is not kept, so a later caller may try again. Never for what the app itself changes.
   */
  readStable<T>(path: Route, shape: z.ZodType<T>, options: { readonly absentOn?: readonly number[] } = {}): Promise<T | null> {
    const key = `${path.value}|${(options.absentOn ?? []).join(',')}`;
    const known = this.stableReads.get(key) as Promise<T | null> | undefined;
    if (known) return known;
    const read = this.read(path, shape, options);
    this.stableReads.set(key, read);
    read.catch(() => this.stableReads.delete(key));
    return read;
  }

  /**
   * Configuration kept between invocations (src/jira/kept-config.ts): the kept value while it is
   * younger than its kind's age, else `read()` from Jira, kept when `keepIf` says it is worth
   * keeping (an absent board or a fallback is not). Once per invocation like `readStable`. Only
   * for what the app reads as itself: a person's client keeps nothing.
   */
  keep<T>(kind: KeptKind, id: string, read: () => Promise<T>, keepIf: (value: T) => boolean = () => true): Promise<T> {
    const key = `${kind}|${id}`;
    const known = this.keptReads.get(key) as Promise<T> | undefined;
    if (known) return known;
    const kept = this.actor === 'app' ? this.kept : undefined;
    const load = async (): Promise<T> => {
      const entry = kept ? await kept.get<T>(kind, id).catch(() => undefined) : undefined;
      if (entry && this.isYoung(kind, entry.readAt)) return entry.value;
      const readAt = this.now();
      const value = await read();
      // A failed write costs the next invocation a read, never this answer.
      if (kept && keepIf(value)) await kept.set(kind, id, { value, readAt }).catch(() => undefined);
      return value;
    };
    const loaded = load();
    this.keptReads.set(key, loaded);
    loaded.catch(() => this.keptReads.delete(key));
    return loaded;
  }

  /** What is kept and still young enough, without asking Jira when nothing is: for pointers a view checks itself (src/jira/project-plan.ts). */
  async peekKept<T>(kind: KeptKind, id: string): Promise<T | undefined> {
    const entry = this.actor === 'app' ? await this.kept?.get<T>(kind, id).catch(() => undefined) : undefined;
    return entry && this.isYoung(kind, entry.readAt) ? entry.value : undefined;
  }

  /** Keeps what the app learned as itself without a read of its own (a pointer); a failed write is a later miss. */
  async putKept<T>(kind: KeptKind, id: string, value: T): Promise<void> {
    if (this.actor === 'app') await this.kept?.set(kind, id, { value, readAt: this.now() }).catch(() => undefined);
  }

  private isYoung(kind: KeptKind, readAt: number): boolean {
    const age = this.now() - readAt;
    return age >= 0 && age < KEPT_MAX_AGE_MS[kind];
  }

  /** Forgets kept configuration (a view saw it contradicted by what Jira just answered). */
  async forgetKept(kind: KeptKind, id: string): Promise<void> {
    this.keptReads.delete(`${kind}|${id}`);
    if (this.actor === 'app') await this.kept?.forget(kind, id).catch(() => undefined);
  }

  /** Like `read`, for things that must exist: absence is an error too. */
  async require<T>(path: Route, shape: z.ZodType<T>, options: { readonly post?: unknown } = {}): Promise<T> {
    const value = await this.read(path, shape, options);
    if (value === null) throw new GoalkeeperError('not-found', 'Jira could not find what Goalkeeper asked for, or the app may not see it.');
    return value;
  }

  private backoff(attempt: number): number {
    // "Equal jitter": half the exponential step for sure, the other half random.
    const step = Math.min(MAX_BACKOFF_MS, BASE_BACKOFF_MS * 2 ** (attempt - 1));
    return step / 2 + this.random() * (step / 2);
  }

  private async once(path: Route, method: string, body: unknown): Promise<{ answer: JiraAnswer; waitMs?: number }> {
    const abort = new AbortController();
    const cancelTimer = this.requestTimer(this.requestTimeoutMs, () => abort.abort());
    try {
      const response = await (this.actor === 'user' ? asUser() : asApp()).requestJira(path, {
        method,
        headers: body === undefined ? { Accept: 'application/json' } : { Accept: 'application/json', 'Content-Type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: abort.signal,
      });
      const parsed = await bodyOf(response);
      const answer = {
        status: response.status,
        body: parsed,
        problem: succeeded(response) ? '' : describeJiraProblem(response.status, parsed),
      };
      return { answer, waitMs: retryAfterMs(response.headers.get('retry-after')) };
    } catch (error) {
      if (needsUserConsent(error)) throw error;
      const reason = abort.signal.aborted
        ? `no answer within ${this.requestTimeoutMs} ms`
        : error instanceof Error
          ? error.message
          : String(error);
      return { answer: { status: 0, body: undefined, problem: `Jira could not be reached: ${reason}.` } };
    } finally {
      cancelTimer();
    }
  }
}

/**
 * @forge/api throws NeedsAuthenticationError when an asUser() call has no user token: the person
 * has not yet allowed the app to act as them (Forge then asks them), or there is no person at all
 * (a queue consumer or trigger — a bug). Neither is Jira being unreachable, so it is not retried.
 */
export function needsUserConsent(error: unknown): boolean {
  return error instanceof Error && error.name === 'NEEDS_AUTHENTICATION_ERR';
}

function unexpectedShape(error: z.ZodError): GoalkeeperError {
  return new GoalkeeperError(
    'jira-unavailable',
    `Jira answered in an unexpected shape: ${error.issues[0]?.message ?? 'unknown'} at ${error.issues[0]?.path.join('.') ?? ''}`,
  );
}

/** Maps a failed read to the typed error the resolvers turn into `{ error: { code, message } }`. */
function errorFor(answer: JiraAnswer): GoalkeeperError {
  if (answer.status === 401 || answer.status === 403) return new GoalkeeperError('forbidden', answer.problem);
  if (answer.status === 400) return new GoalkeeperError('invalid-input', answer.problem);
  return new GoalkeeperError('jira-unavailable', answer.problem);
}
