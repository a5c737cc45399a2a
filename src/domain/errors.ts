/**
 * Errors as typed values: every layer boundary passes `{ code, message }`, never a stack trace.
 * The code tells the UI what to do; the message says it in words.
 */
export type ErrorCode =
  | 'invalid-input'
  | 'not-found' // also for things the caller may not see: they learn nothing more
  | 'forbidden'
  | 'illegal-transition'
  | 'conflict' // someone else changed the proposal first; reload and try again
  | 'stale' // the sprint moved on since the proposal was made
  | 'unlicensed'
  | 'jira-unavailable'
  | 'internal';

export interface DomainError {
  readonly code: ErrorCode;
  readonly message: string;
  /** Field-level detail for invalid input, keyed by payload path. */
  readonly fields?: Readonly<Record<string, string>>;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: DomainError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, fields?: Record<string, string>): { ok: false; error: DomainError } => ({
  ok: false,
  error: fields ? { code, message, fields } : { code, message },
});

/** Thrown inside use cases and adapters; the resolver boundary turns it into `{ error }`. */
export class GoalkeeperError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'GoalkeeperError';
  }

  toDomainError(): DomainError {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}
