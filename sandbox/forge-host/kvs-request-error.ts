/**
 * A refusal the KVS emulator answers with, in Forge's error shape `{ code, message }`. The codes
 * are Atlassian's where documented (https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-customentities/);
 * `@forge/kvs` turns any such answer into a ForgeKvsAPIError carrying both the status and the code.
 */
export class KvsRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'KvsRequestError';
  }
}

export function badRequest(code: string, message: string): KvsRequestError {
  return new KvsRequestError(400, code, message);
}
