/** Turns a domain Result into a value, or throws its error across the use-case boundary. */
import { GoalkeeperError, type Result } from '../../domain/errors';

export function unwrap<T>(result: Result<T>): T {
  if (result.ok) return result.value;
  throw new GoalkeeperError(result.error.code, result.error.message, result.error.fields ? { ...result.error.fields } : undefined);
}
