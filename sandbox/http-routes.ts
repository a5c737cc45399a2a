/**
 * The sandbox server's routing: a route is a method, a path pattern and an async handler; the
 * first match answers. Also the few ways a handler answers (JSON, HTML, redirect).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Request bodies the sandbox accepts: bridge payloads are small; Forge caps invoke payloads far lower. */
const MAX_BODY_BYTES = 1_000_000;

export interface RouteCall {
  readonly request: IncomingMessage;
  readonly response: ServerResponse;
  readonly url: URL;
  readonly params: readonly string[];
  /** The JSON (or form-encoded) body; `{}` when there is none. */
  body(): Promise<Record<string, unknown>>;
}

export interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handle: (call: RouteCall) => Promise<void> | void;
}

export function route(method: string, pattern: RegExp, handle: Route['handle']): Route {
  return { method, pattern, handle };
}

/** Answers with the first matching route; false when none matches. */
export async function dispatch(routes: readonly Route[], request: IncomingMessage, response: ServerResponse): Promise<boolean> {
  const url = new URL(request.url ?? '/', 'http://sandbox.invalid');
  const method = request.method ?? 'GET';
  for (const candidate of routes) {
    if (candidate.method !== method) continue;
    const match = candidate.pattern.exec(url.pathname);
    if (!match) continue;
    const params = match.slice(1).map((segment) => decodeURIComponent(segment ?? ''));
    await candidate.handle({ request, response, url, params, body: () => readBody(request) });
    return true;
  }
  return false;
}

async function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large');
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return {};
  if ((request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded'))
    return Object.fromEntries(new URLSearchParams(text));
  const parsed: unknown = JSON.parse(text);
  return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
}

export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}

export function sendHtml(response: ServerResponse, status: number, markup: string): void {
  response.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(markup);
}

export function sendText(response: ServerResponse, contentType: string, text: string): void {
  response.writeHead(200, { 'content-type': contentType, 'cache-control': 'no-store' }).end(text);
}

export function redirect(response: ServerResponse, location: string): void {
  response.writeHead(303, { location }).end();
}
