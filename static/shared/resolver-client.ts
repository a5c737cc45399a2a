/**
 * The typed way a Custom UI app calls the backend: one function per resolver key, payload and
 * result types taken from the backend's own endpoint table, and the `{ data } | { error }` answer
 * unwrapped into a result the UI switches on. Transport failures become errors too, so no caller
 * ever waits on a promise that never settles or sees an exception instead of a message.
 */
import { invoke } from '@forge/bridge';
import type { DomainError, EndpointName, PayloadOf, ResultOf } from '@goalkeeper/contract';

export type { EndpointName, PayloadOf, ResultOf };

/** Failures the front end detects itself, in addition to the backend's typed errors. */
export type TransportErrorCode = 'unreachable' | 'timeout' | 'unexpected-answer';
export type CallError = DomainError | { readonly code: TransportErrorCode; readonly message: string; readonly fields?: undefined };
export type CallResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: CallError };

/** Forge stops a resolver after 25 s (platform quotas and limits); a little slack for the bridge. */
export const RESOLVER_TIMEOUT_MS = 30_000;

export async function callResolver<K extends EndpointName>(name: K, payload: PayloadOf<K>): Promise<CallResult<ResultOf<K>>> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), RESOLVER_TIMEOUT_MS);
  });
  try {
    const answer = await Promise.race([invoke(name, payload), timeout]);
    if (answer === 'timeout') return failure('timeout', `${name} did not answer within ${RESOLVER_TIMEOUT_MS / 1000} s.`);
    return unwrapAnswer<ResultOf<K>>(answer);
  } catch (error) {
    return failure('unreachable', error instanceof Error ? error.message : String(error));
  } finally {
    clearTimeout(timer);
  }
}

function unwrapAnswer<T>(answer: unknown): CallResult<T> {
  if (isObject(answer) && 'data' in answer) return { ok: true, value: answer.data as T };
  if (isObject(answer) && isObject(answer.error) && typeof answer.error.code === 'string' && typeof answer.error.message === 'string') {
    return { ok: false, error: answer.error as unknown as DomainError };
  }
  return failure('unexpected-answer', 'The backend answered in an unexpected shape.');
}

function failure(code: TransportErrorCode, message: string): { ok: false; error: CallError } {
  return { ok: false, error: { code, message } };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}
