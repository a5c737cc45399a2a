/**
 * Forge's documented limits on the Key-Value and Custom Entity Store. The adapters stay inside
 * them and the sandbox's KVS emulator enforces them, so a test fails where production would.
 */

/** https://developer.atlassian.com/platform/forge/limits-kvs-ce/ ("Key length 500"). */
export const FORGE_KEY_MAX_CHARS = 500;

/** https://developer.atlassian.com/platform/forge/limits-kvs-ce/ ("Key format"). */
export const FORGE_KEY_PATTERN = /^(?!\s+$)[a-zA-Z0-9:._\s-#]+$/;

/** Whether Forge accepts `key` as a storage key; anything else it refuses with a bare 400. */
export function isForgeKey(key: string): boolean {
  return key.length > 0 && key.length <= FORGE_KEY_MAX_CHARS && FORGE_KEY_PATTERN.test(key);
}

/** https://developer.atlassian.com/platform/forge/limits-kvs-ce/ ("Value size 240 KiB", counted on the raw JSON). */
export const FORGE_VALUE_MAX_BYTES = 240 * 1024;

/**
 * https://developer.atlassian.com/platform/forge/limits-kvs-ce/ ("Object depth 31"); the error
 * page still says 32, so we hold to the stricter figure.
 */
export const FORGE_OBJECT_MAX_DEPTH = 31;

/** https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-customentities/ (COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE: 1 to 100). */
export const FORGE_ENTITY_QUERY_MAX_LIMIT = 100;

/** https://developer.atlassian.com/platform/forge/runtime-reference/storage-api-query/ ("up to a maximum of 20"). */
export const FORGE_KEY_QUERY_MAX_LIMIT = 20;

/** https://developer.atlassian.com/platform/forge/storage-reference/transactions-entities/ ("a maximum of 25 operations"). */
export const FORGE_TRANSACTION_MAX_OPERATIONS = 25;

/** https://developer.atlassian.com/platform/forge/storage-reference/transactions-entities/ ("payload size of 4MB"). */
export const FORGE_TRANSACTION_MAX_BYTES = 4 * 1024 * 1024;

/**
 * The HTTP status Forge storage answers when a conditional write loses (a transaction condition
 * or a FAIL_IF_EXISTS key policy). Atlassian's legacy storage client maps 409 to "Conflicting
 * update occurred" (@forge/storage errors.js); @forge/kvs passes the status through untouched on
 * ForgeKvsAPIError.responseDetails.status, so adapters decide on the status, never on the code.
 */
export const FORGE_CONFLICT_STATUS = 409;
