/**
 * The KVS emulator's memory, and its optional file on disk so `npm start` keeps proposals and
 * settings across restarts. Maps rather than plain objects hold the data: keys come from callers,
 * and a key such as `__proto__` must be data, never a prototype. The file holds secrets in plain
 * text too: it is a local development file (git-ignored .sandbox-data/), never a production store.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

export interface StoredItem {
  readonly value: unknown;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  readonly updatedAt: number;
  /** Epoch milliseconds when a TTL runs out, or null for no TTL. */
  readonly expiresAt: number | null;
}

export type Bucket = Map<string, StoredItem>;

/** One app installation's storage: Forge keeps each site's data apart, and so do we. */
export interface InstallationStore {
  readonly keyValues: Bucket;
  readonly secrets: Bucket;
  /** Entity name → items. */
  readonly entities: Map<string, Bucket>;
}

export function emptyInstallation(): InstallationStore {
  return { keyValues: new Map(), secrets: new Map(), entities: new Map() };
}

/** Bumped when the file layout changes, so an old file is refused rather than misread. */
const FILE_FORMAT = 1;

type Entries<T> = [string, T][];

interface PersistedInstallation {
  readonly keyValues: Entries<StoredItem>;
  readonly secrets: Entries<StoredItem>;
  readonly entities: Entries<Entries<StoredItem>>;
}

interface PersistedFile {
  readonly format: number;
  readonly installations: Entries<PersistedInstallation>;
}

export function loadInstallations(filePath: string): Map<string, InstallationStore> {
  if (!existsSync(filePath)) return new Map();
  let file: PersistedFile;
  try {
    file = JSON.parse(readFileSync(filePath, 'utf8')) as PersistedFile;
  } catch (error) {
    // Refuse rather than start empty: silently discarding the sandbox's data would look like data loss.
    throw new Error(`The KVS emulator file ${filePath} is not valid JSON (${String(error)}). Fix or delete it (npm run sandbox:reset).`);
  }
  if (file.format !== FILE_FORMAT) {
    throw new Error(
      `The KVS emulator file ${filePath} has format ${String(file.format)}, expected ${FILE_FORMAT}. Delete it (npm run sandbox:reset).`,
    );
  }
  return new Map(
    file.installations.map(([installationId, stored]) => [
      installationId,
      {
        keyValues: new Map(stored.keyValues),
        secrets: new Map(stored.secrets),
        entities: new Map(stored.entities.map(([entityName, items]) => [entityName, new Map(items)])),
      },
    ]),
  );
}

/**
 * Writes the whole store to a temporary file and renames it over the old one: a crash mid-write
 * leaves the previous file intact, never half a file. Synchronous on purpose — the sandbox's data
 * is small, and an acknowledged write is then on disk before the app hears "done".
 */
export function saveInstallations(filePath: string, installations: ReadonlyMap<string, InstallationStore>): void {
  const file: PersistedFile = {
    format: FILE_FORMAT,
    installations: [...installations].map(([installationId, store]) => [
      installationId,
      {
        keyValues: [...store.keyValues],
        secrets: [...store.secrets],
        entities: [...store.entities].map(([entityName, items]) => [entityName, [...items]]),
      },
    ]),
  };
  mkdirSync(dirname(filePath), { recursive: true });
  const temporary = `${filePath}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(file));
  renameSync(temporary, filePath);
}
