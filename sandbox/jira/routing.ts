/**
 * The stand-in's tiny router: each endpoint is a method, a path pattern and a handler that
 * turns a parsed request into an answer. Jira's error body shape lives here once.
 */
import type { RenderContext } from './jira-json';
import type { Actor, JiraIssue, JiraSite } from './jira-model';
import { JqlError, parseJql, validateJql, type JqlQuery } from './jql';

export interface StandInRequest {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly actor: Actor;
  readonly site: JiraSite;
  readonly render: RenderContext;
}

export interface StandInAnswer {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface Endpoint<Request> {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handle: (request: Request, params: readonly string[]) => StandInAnswer;
}

export function endpoint<Request>(method: string, pattern: RegExp, handle: Endpoint<Request>['handle']): Endpoint<Request> {
  return { method, pattern, handle };
}

export type RouteMatch<Request> =
  | { readonly kind: 'found'; readonly endpoint: Endpoint<Request>; readonly params: readonly string[] }
  | { readonly kind: 'wrong-method' }
  | { readonly kind: 'none' };

export function matchRoute<Request>(endpoints: readonly Endpoint<Request>[], method: string, path: string): RouteMatch<Request> {
  let pathKnown = false;
  for (const candidate of endpoints) {
    const match = candidate.pattern.exec(path);
    if (!match) continue;
    pathKnown = true;
    if (candidate.method === method) return { kind: 'found', endpoint: candidate, params: match.slice(1).map(decodeSegment) };
  }
  return pathKnown ? { kind: 'wrong-method' } : { kind: 'none' };
}

function decodeSegment(segment: string | undefined): string {
  try {
    return decodeURIComponent(segment ?? '');
  } catch {
    return segment ?? '';
  }
}

/** Jira's error body: general messages plus field-level errors. */
export function jiraError(status: number, errorMessages: readonly string[], errors: Readonly<Record<string, string>> = {}): StandInAnswer {
  return { status, body: { errorMessages, errors } };
}

export const ISSUE_NOT_VISIBLE = 'Issue does not exist or you do not have permission to see it.';

/** The issue by key or id if the caller may see it: Jira answers for an invisible issue as for a missing one. */
export function visibleIssue(request: StandInRequest, keyOrId: string): JiraIssue | undefined {
  const issue = request.site.issueByKeyOrId(keyOrId);
  return issue && request.site.canSeeIssue(request.actor, issue) ? issue : undefined;
}

/** A JQL query parsed and checked against what the caller may see, or Jira's 400 with the parser's or checker's messages. */
export function parsedJql(request: StandInRequest, jql: string): JqlQuery | StandInAnswer {
  try {
    const query = parseJql(jql);
    const errors = validateJql(query, request.site, request.actor);
    return errors.length > 0 ? jiraError(400, errors) : query;
  } catch (error) {
    if (error instanceof JqlError) return jiraError(400, [error.message]);
    throw error;
  }
}

export function ok(body: unknown, status = 200): StandInAnswer {
  return { status, body };
}

export const NO_CONTENT: StandInAnswer = { status: 204 };

/** A slice of `items` in the agile API's offset paging (startAt / maxResults / total / isLast). */
export function offsetPage<T>(
  items: readonly T[],
  query: URLSearchParams,
  maxPageSize: number,
): { startAt: number; maxResults: number; total: number; isLast: boolean; values: T[] } {
  const startAt = Math.max(0, Number(query.get('startAt') ?? 0) || 0);
  const requested = Number(query.get('maxResults') ?? maxPageSize) || maxPageSize;
  const maxResults = Math.min(Math.max(1, requested), maxPageSize);
  const values = items.slice(startAt, startAt + maxResults);
  return { startAt, maxResults, total: items.length, isLast: startAt + values.length >= items.length, values };
}

/** Reads a JSON body field that must be a list of strings, or answers why not. */
export function stringList(value: unknown): string[] | undefined {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string' || typeof entry === 'number')
    ? value.map(String)
    : undefined;
}

export function objectBody(body: unknown): Record<string, unknown> {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
}
