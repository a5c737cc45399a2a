/**
 * Narrows a value the test expects to be there (an answer's nullable part, an item found in a list),
 * failing the test with what was missing instead of reading fields of null.
 */
export function present<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`Expected ${what}, got ${String(value)}`);
  return value;
}
