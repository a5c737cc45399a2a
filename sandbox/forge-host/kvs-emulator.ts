/**
 * A local stand-in for Forge's Key-Value and Custom Entity Store, speaking the REST API that the
 * unchanged `@forge/kvs` client calls through `__forge_fetch__` (see @forge/kvs out/storage-api.js):
 * POST /api/v1/{get,set,delete,query}, /api/v1/secret/*, /api/v1/entity/{get,set,delete,query},
 * /api/v1/batch/{set,get,delete} and /api/v1/transaction, with Forge's error shape `{ code, message }`.
 *
 * Forge semantics it keeps, so the production adapters are tested against the rules they will meet:
 * - custom entities and their indexes exactly as manifest.yml declares them (partition + one range
 *   attribute), typed attributes, queries with range, filters, sort, limit and cursor;
 * - all-or-nothing transactions whose failed conditions answer 409, as a lost conditional write;
 * - key, value-size and depth limits (src/store/forge-storage-limits.ts);
 * - per-installation isolation: each Jira site has its own store, keyed by `installationId`;
 * - optionally, eventually consistent queries (`queries: 'lagging'`), as Forge documents them.
 *
 * Test hooks: `faults` (the next calls fail before anything is stored), `lostAnswers` (the call is
 * carried out, then its answer is lost — the ambiguous failure), `reset()`, `snapshot()`, and
 * `writes()`, a count that proves a call wrote nothing without comparing snapshots.
 */
import type { EntityDeclaration, IndexDeclaration } from '../../src/store/entities';
import {
  FORGE_CONFLICT_STATUS,
  FORGE_ENTITY_QUERY_MAX_LIMIT,
  FORGE_KEY_MAX_CHARS,
  FORGE_KEY_PATTERN,
  FORGE_KEY_QUERY_MAX_LIMIT,
  FORGE_OBJECT_MAX_DEPTH,
  FORGE_TRANSACTION_MAX_BYTES,
  FORGE_TRANSACTION_MAX_OPERATIONS,
  FORGE_VALUE_MAX_BYTES,
} from '../../src/store/forge-storage-limits';
import { FaultSwitch, type Fault } from '../jira/faults';
import type { Invocation } from './forge-runtime';
import { attributeOf, compareValues, isRecord, matchesFilters, parseFilters, parseRange, satisfies, type Filters } from './kvs-conditions';
import {
  emptyInstallation,
  loadInstallations,
  saveInstallations,
  type Bucket,
  type InstallationStore,
  type StoredItem,
} from './kvs-persistence';
import { badRequest, KvsRequestError } from './kvs-request-error';

/** Entity names, per the `app.storage.entities[].name` rule in @forge/manifest's manifest-schema.json. */
const ENTITY_NAME_PATTERN = /^(?![_.-])(?!.*\.{2})[a-z0-9:\-_.]*(?<![.])$/;
const ENTITY_NAME_MIN_CHARS = 3;
const ENTITY_NAME_MAX_CHARS = 60;

/** @forge/manifest's StorageValidator reserves this index name for Forge's own key index. */
const RESERVED_INDEX_NAME = 'by-key';

/**
 * Forge does not document the page size of a query sent without `limit`; we assume 10, the figure
 * its key-value examples use, so a caller that forgets to page notices early.
 */
const DEFAULT_QUERY_LIMIT = 10;

/** https://developer.atlassian.com/platform/forge/storage-reference/handling-errors-customentities/ (32-bit signed integers). */
const INTEGER_MIN = -2_147_483_648;
const INTEGER_MAX = 2_147_483_647;

const TTL_UNIT_MS: Readonly<Record<string, number>> = { SECONDS: 1_000, MINUTES: 60_000, HOURS: 3_600_000, DAYS: 86_400_000 };

/** Atlassian does not document the code of a failed transaction condition; adapters must judge by the 409 status. */
const CONDITIONS_FAILED_CODE = 'CONDITIONS_NOT_MET';

export interface KvsEmulatorOptions {
  /** The custom entities as manifest.yml declares them (src/store/entities.ts: STORAGE_ENTITIES). */
  readonly entities: readonly EntityDeclaration[];
  /** A JSON file to load at start and rewrite after every committed change. */
  readonly filePath?: string;
  /** Epoch milliseconds; injectable so TTL expiry can be tested without waiting. */
  readonly now?: () => number;
  /**
   * 'consistent' (default): entity queries see every committed write. 'lagging': they see the
   * store as of the last `catchUpQueries()`, as Forge's eventually consistent queries may; `get`
   * always sees the latest write.
   */
  readonly queries?: 'consistent' | 'lagging';
}

/** One site's data as plain values: compare before and after a call to prove what it changed. */
export interface StoreSnapshot {
  readonly keyValues: Readonly<Record<string, unknown>>;
  readonly secrets: Readonly<Record<string, unknown>>;
  readonly entities: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

export interface KvsEmulator {
  /** The `kvs` back end for installForgeRuntime(). */
  backend(invocation: Invocation, path: string, init: RequestInit): Promise<Response>;
  /** Forgets every site's data (and rewrites the file, if there is one). */
  reset(): void;
  snapshot(installationId: string): StoreSnapshot;
  /**
   * How many items of the site were written or deleted since the emulator started (a reset counts
   * as one per site). It only grows, so an unchanged count proves nothing was written in between:
   * cheaper than comparing snapshots, and stricter, since rewriting an equal value counts too.
   * Expiry by TTL is not a write.
   */
  writes(installationId: string): number;
  /** Faults answered instead of the call: nothing is stored (a 429, a 5xx before commit). */
  readonly faults: FaultSwitch;
  /** Faults answered after the call was carried out: the write happened, the app cannot know it. */
  readonly lostAnswers: FaultSwitch;
  /** In 'lagging' mode, lets queries see every write made so far. */
  catchUpQueries(): void;
}

interface ResolvedIndex {
  readonly name: string;
  readonly partition: readonly string[];
  readonly range: string;
}

interface Entity {
  readonly declaration: EntityDeclaration;
  readonly indexes: ReadonlyMap<string, ResolvedIndex>;
}

/** Where an operation reads and writes: the key-value space, the secret space, or one entity. */
interface Target {
  readonly bucket: Bucket;
  readonly entity?: Entity;
}

type Answer = { readonly status: 200; readonly body: unknown } | { readonly status: 204 };

const NO_CONTENT: Answer = { status: 204 };
const ok = (body: unknown): Answer => ({ status: 200, body });

type Route = (operations: SiteOperations, body: unknown, bodyBytes: number) => Answer;

const ROUTES: Readonly<Record<string, Route>> = {
  '/api/v1/get': (site, body) => site.get(site.keyValueTarget(), body),
  '/api/v1/set': (site, body) => site.set(site.keyValueTarget(), body),
  '/api/v1/delete': (site, body) => site.delete(site.keyValueTarget(), body),
  '/api/v1/query': (site, body) => site.queryKeys(body),
  '/api/v1/secret/get': (site, body) => site.get(site.secretTarget(), body),
  '/api/v1/secret/set': (site, body) => site.set(site.secretTarget(), body),
  '/api/v1/secret/delete': (site, body) => site.delete(site.secretTarget(), body),
  '/api/v1/entity/get': (site, body) => site.get(site.entityTarget(field(body, 'entityName')), body),
  '/api/v1/entity/set': (site, body) => site.set(site.entityTarget(field(body, 'entityName')), body),
  '/api/v1/entity/delete': (site, body) => site.delete(site.entityTarget(field(body, 'entityName')), body),
  '/api/v1/entity/query': (site, body) => site.queryEntity(body),
  '/api/v1/batch/set': (site, body) => site.batch(body, (target, item) => site.set(target, item)),
  '/api/v1/batch/get': (site, body) => site.batch(body, (target, item) => site.get(target, item)),
  '/api/v1/batch/delete': (site, body) => site.batch(body, (target, item) => site.delete(target, item)),
  '/api/v1/transaction': (site, body, bodyBytes) => site.transact(body, bodyBytes),
};

export function createKvsEmulator(options: KvsEmulatorOptions): KvsEmulator {
  const entities = resolveEntities(options.entities);
  const now = options.now ?? Date.now;
  const installations = options.filePath ? loadInstallations(options.filePath) : new Map<string, InstallationStore>();
  /** Per installation, per entity: what lagging queries see. */
  const queryViews = new Map<string, Map<string, Bucket>>();
  const faults = new FaultSwitch();
  const lostAnswers = new FaultSwitch();
  const writeCounts = new Map<string, number>();
  const countWrites = (installationId: string, writes: number) =>
    writeCounts.set(installationId, (writeCounts.get(installationId) ?? 0) + writes);

  const persist = () => {
    if (options.filePath) saveInstallations(options.filePath, installations);
  };

  const installation = (installationId: string): InstallationStore => {
    let store = installations.get(installationId);
    if (!store) {
      store = emptyInstallation();
      installations.set(installationId, store);
    }
    return store;
  };

  const queryView =
    (installationId: string) =>
    (entityName: string, live: Bucket): Bucket =>
      options.queries === 'lagging' ? (queryViews.get(installationId)?.get(entityName) ?? new Map()) : live;

  const carryOut = (installationId: string, path: string, rawBody: RequestInit['body']): Response => {
    const route = Object.hasOwn(ROUTES, path) ? ROUTES[path] : undefined;
    if (!route) return errorResponse(new KvsRequestError(404, 'NOT_FOUND', `The KVS emulator has no endpoint ${path}.`));
    if (typeof rawBody !== 'string') return errorResponse(badRequest('BAD_REQUEST', 'The request body must be JSON text.'));
    const operations = new SiteOperations(installation(installationId), entities, now(), queryView(installationId));
    try {
      const answer = route(operations, parseJson(rawBody), Buffer.byteLength(rawBody));
      return answer.status === 204 ? new Response(null, { status: 204 }) : jsonResponse(answer.status, answer.body);
    } catch (error) {
      if (error instanceof KvsRequestError) return errorResponse(error);
      throw error;
    } finally {
      // Counted however the request ends, so no write can slip past `writes()`.
      if (operations.writes > 0) {
        countWrites(installationId, operations.writes);
        persist();
      }
    }
  };

  return {
    async backend(invocation, path, init) {
      const method = init.method ?? 'POST';
      const refusal = await enact(faults.take(method, path));
      if (refusal) return refusal;
      const answer = carryOut(invocation.installationId, path, init.body);
      return (await enact(lostAnswers.take(method, path))) ?? answer;
    },
    reset() {
      for (const installationId of installations.keys()) countWrites(installationId, 1);
      installations.clear();
      queryViews.clear();
      persist();
    },
    snapshot(installationId) {
      return snapshotOf(installations.get(installationId) ?? emptyInstallation(), now());
    },
    writes: (installationId) => writeCounts.get(installationId) ?? 0,
    faults,
    lostAnswers,
    catchUpQueries() {
      for (const [installationId, store] of installations) {
        queryViews.set(installationId, new Map([...store.entities].map(([entityName, items]) => [entityName, new Map(items)])));
      }
    },
  };
}

/** The operations of one request against one site's store, at one instant. */
class SiteOperations {
  /** Items the request wrote or deleted: the file is rewritten before the answer, and `writes()` counts them. */
  writes = 0;

  constructor(
    private readonly site: InstallationStore,
    private readonly entities: ReadonlyMap<string, Entity>,
    private readonly at: number,
    private readonly queryView: (entityName: string, live: Bucket) => Bucket,
  ) {}

  keyValueTarget(): Target {
    return { bucket: this.site.keyValues };
  }

  secretTarget(): Target {
    return { bucket: this.site.secrets };
  }

  entityTarget(entityName: unknown): Target {
    const entity = this.entity(entityName);
    let bucket = this.site.entities.get(entity.declaration.name);
    if (!bucket) {
      bucket = new Map();
      this.site.entities.set(entity.declaration.name, bucket);
    }
    return { bucket, entity };
  }

  get(target: Target, body: unknown): Answer {
    const key = requireKey(target, field(body, 'key'));
    const item = this.live(target.bucket, key);
    if (!item) throw new KvsRequestError(404, 'KEY_NOT_FOUND', 'Provided key does not exist');
    return ok(itemView(key, item, metadataFields(recordField(body, 'options').metadataFields)));
  }

  set(target: Target, body: unknown): Answer {
    const key = requireKey(target, field(body, 'key'));
    const value = requireStorable(target, field(body, 'value'));
    const options = recordField(body, 'options');
    const expiresAt = expiryOf(options.ttl, this.at);
    const previous = this.live(target.bucket, key);
    if (options.keyPolicy === 'FAIL_IF_EXISTS' && previous) {
      throw new KvsRequestError(FORGE_CONFLICT_STATUS, 'KEY_CONFLICT', `The key ${key} already exists.`);
    }
    const latest = this.write(target.bucket, key, value, expiresAt, previous);
    const fields = metadataFields(options.returnMetadataFields);
    if (options.returnValue === 'PREVIOUS') return previous ? ok(itemView(key, previous, fields)) : NO_CONTENT;
    if (options.returnValue === 'LATEST') return ok(itemView(key, latest, fields));
    return NO_CONTENT;
  }

  delete(target: Target, body: unknown): Answer {
    const key = requireKey(target, field(body, 'key'));
    if (target.bucket.delete(key)) this.writes++;
    return NO_CONTENT;
  }

  queryKeys(body: unknown): Answer {
    const where = field(body, 'where');
    const condition = Array.isArray(where) && isRecord(where[0]) ? where[0] : undefined;
    if (condition && (condition.property !== 'key' || condition.condition !== 'BEGINS_WITH')) {
      throw badRequest('BAD_REQUEST', 'Key-value queries filter only on the key, with beginsWith.');
    }
    const prefix = condition && Array.isArray(condition.values) ? String(condition.values[0]) : '';
    // Forge caps key-value pages at 20 rather than refusing a larger limit.
    const limit = Math.min(requireLimit(field(body, 'limit')), FORGE_KEY_QUERY_MAX_LIMIT);
    const after = field(body, 'after');
    const afterKey =
      after === undefined
        ? undefined
        : decodeCursor(after, (cursor) => (cursor.prefix === prefix && typeof cursor.key === 'string' ? cursor.key : undefined));
    const keys = [...this.site.keyValues.keys()]
      .filter((key) => key.startsWith(prefix) && (afterKey === undefined || key > afterKey) && this.live(this.site.keyValues, key))
      .sort();
    const page = keys.slice(0, limit);
    const fields = metadataFields(recordField(body, 'options').metadataFields);
    return ok({
      data: page.map((key) => itemView(key, this.site.keyValues.get(key)!, fields)),
      ...(keys.length > limit ? { cursor: encodeCursor({ prefix, key: page.at(-1) }) } : {}),
    });
  }

  queryEntity(body: unknown): Answer {
    const target = this.entityTarget(field(body, 'entityName'));
    const entity = target.entity!;
    const index = entity.indexes.get(String(field(body, 'indexName')));
    if (!index) throw badRequest('INVALID_ENTITY_INDEX', `${entity.declaration.name} has no index ${String(field(body, 'indexName'))}.`);
    const partition = field(body, 'partition') ?? [];
    if (!Array.isArray(partition) || partition.length !== index.partition.length) {
      throw badRequest('BAD_REQUEST', `Index ${index.name} is partitioned by [${index.partition.join(', ')}]: give one value for each.`);
    }
    const range = parseRange(field(body, 'range'));
    const filters = parseFilters(field(body, 'filters'));
    const limit = requireLimit(field(body, 'limit'));
    if (limit > FORGE_ENTITY_QUERY_MAX_LIMIT) {
      throw badRequest(
        'COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE',
        `The page limit must be set between 1 and ${FORGE_ENTITY_QUERY_MAX_LIMIT}.`,
      );
    }
    const sort = field(body, 'sort') === 'DESC' ? 'DESC' : 'ASC';
    const position = (key: string, item: StoredItem): IndexPosition => ({
      range: attributeOf(item.value as Record<string, unknown>, index.range),
      key,
    });
    const order = (left: IndexPosition, right: IndexPosition) => {
      const ascending = compareValues(left.range, right.range) || compareValues(left.key, right.key);
      return sort === 'DESC' ? -ascending : ascending;
    };
    const inIndex = [...this.queryView(entity.declaration.name, target.bucket)]
      .map(([key, item]) => ({ key, item, at: position(key, item) }))
      .filter(
        ({ item, at }) =>
          this.isLive(item) &&
          index.partition.every((attribute, slot) => attributeOf(item.value as Record<string, unknown>, attribute) === partition[slot]) &&
          at.range !== undefined &&
          (!range || satisfies(at.range, range)),
      )
      .sort((left, right) => order(left.at, right.at));
    const cursor = field(body, 'cursor');
    const resumeAfter =
      cursor === undefined
        ? undefined
        : decodeCursor(cursor, (decoded) =>
            decoded.entity === entity.declaration.name &&
            decoded.index === index.name &&
            decoded.sort === sort &&
            typeof decoded.key === 'string'
              ? { range: decoded.range, key: decoded.key }
              : undefined,
          );
    const start = resumeAfter === undefined ? 0 : firstIndexWhere(inIndex, (entry) => order(entry.at, resumeAfter) > 0);
    // Filters judge the page after the limit took it, so a page may come back short of the limit
    // while more remain: callers must follow the cursor, never stop at a short page.
    const scanned = inIndex.slice(start, start + limit);
    const last = scanned.at(-1);
    const fields = metadataFields(recordField(body, 'options').metadataFields);
    return ok({
      data: scanned
        .filter(({ item }) => !filters || matchesFilters(item.value as Record<string, unknown>, filters))
        .map(({ key, item }) => itemView(key, item, fields)),
      ...(last && start + limit < inIndex.length
        ? { cursor: encodeCursor({ entity: entity.declaration.name, index: index.name, sort, ...last.at }) }
        : {}),
    });
  }

  /** Each item succeeds or fails on its own, as Forge's batch operations do. */
  batch(body: unknown, operation: (target: Target, item: unknown) => Answer): Answer {
    if (!Array.isArray(body)) throw badRequest('BAD_REQUEST', 'A batch is an array of items.');
    const successfulKeys: unknown[] = [];
    const failedKeys: unknown[] = [];
    for (const item of body) {
      const named = {
        key: field(item, 'key'),
        ...(field(item, 'entityName') === undefined ? {} : { entityName: field(item, 'entityName') }),
      };
      try {
        const answer = operation(this.targetFor(field(item, 'entityName')), item);
        successfulKeys.push(answer.status === 200 ? { ...named, ...(answer.body as object) } : named);
      } catch (error) {
        if (!(error instanceof KvsRequestError)) throw error;
        failedKeys.push({ ...named, error: { code: error.code, message: error.message } });
      }
    }
    return ok({ successfulKeys, failedKeys });
  }

  /** All or nothing: every operation is validated and every condition judged before anything is written. */
  transact(body: unknown, bodyBytes: number): Answer {
    if (bodyBytes > FORGE_TRANSACTION_MAX_BYTES)
      throw badRequest('BAD_REQUEST', `A transaction may carry at most ${FORGE_TRANSACTION_MAX_BYTES} bytes.`);
    const operations = [
      ...listField(body, 'set').map((raw) => this.prepare('set', raw)),
      ...listField(body, 'delete').map((raw) => this.prepare('delete', raw)),
      ...listField(body, 'check').map((raw) => this.prepare('check', raw)),
    ];
    if (operations.length === 0) throw badRequest('BAD_REQUEST', 'A transaction needs at least one operation.');
    if (operations.length > FORGE_TRANSACTION_MAX_OPERATIONS) {
      throw badRequest('BAD_REQUEST', `A transaction may contain at most ${FORGE_TRANSACTION_MAX_OPERATIONS} operations.`);
    }
    const identities = operations.map((operation) => `${operation.target.entity?.declaration.name ?? ''}\u0000${operation.key}`);
    if (new Set(identities).size !== identities.length) throw badRequest('BAD_REQUEST', 'Each key can only be used once in a transaction.');

    const failed = operations.filter((operation) => !this.holds(operation));
    if (failed.length > 0) {
      throw new KvsRequestError(
        FORGE_CONFLICT_STATUS,
        CONDITIONS_FAILED_CODE,
        `Transaction conditions failed for ${failed.map((operation) => operation.key).join(', ')}; nothing was written.`,
      );
    }
    for (const operation of operations) {
      if (operation.kind === 'set')
        this.write(
          operation.target.bucket,
          operation.key,
          operation.value,
          operation.expiresAt,
          this.live(operation.target.bucket, operation.key),
        );
      if (operation.kind === 'delete' && operation.target.bucket.delete(operation.key)) this.writes++;
    }
    return NO_CONTENT;
  }

  private prepare(kind: 'set' | 'delete' | 'check', raw: unknown): PreparedOperation {
    const target = this.targetFor(field(raw, 'entityName'));
    const key = requireKey(target, field(raw, 'key'));
    const conditions = parseFilters(field(raw, 'conditions'));
    if (conditions && !target.entity) throw badRequest('BAD_REQUEST', 'Transaction conditions apply to custom entities only.');
    if (kind === 'check' && !conditions) throw badRequest('BAD_REQUEST', 'A transaction check needs an entity and conditions.');
    if (kind !== 'set') return { kind, target, key, conditions, value: undefined, expiresAt: null };
    return {
      kind,
      target,
      key,
      conditions,
      value: requireStorable(target, field(raw, 'value')),
      expiresAt: expiryOf(recordField(raw, 'options').ttl, this.at),
    };
  }

  /** A check needs the item to exist; set and delete judge their conditions against it, absent attributes and all. */
  private holds(operation: PreparedOperation): boolean {
    const current = this.live(operation.target.bucket, operation.key);
    if (operation.kind === 'check' && !current) return false;
    if (!operation.conditions) return true;
    return matchesFilters(current && isRecord(current.value) ? current.value : undefined, operation.conditions);
  }

  private targetFor(entityName: unknown): Target {
    return entityName === undefined ? this.keyValueTarget() : this.entityTarget(entityName);
  }

  private entity(entityName: unknown): Entity {
    if (typeof entityName !== 'string' || entityName.length < ENTITY_NAME_MIN_CHARS) {
      throw badRequest('ENTITY_TYPE_TOO_SHORT', `The entity name must have at least ${ENTITY_NAME_MIN_CHARS} characters.`);
    }
    if (entityName.length > ENTITY_NAME_MAX_CHARS)
      throw badRequest('ENTITY_TYPE_TOO_LARGE', `The entity name exceeds ${ENTITY_NAME_MAX_CHARS} characters.`);
    const entity = this.entities.get(entityName);
    if (!entity) throw badRequest('INVALID_ENTITY_TYPE', `No entity ${entityName} is declared in the manifest's app.storage.entities.`);
    return entity;
  }

  private live(bucket: Bucket, key: string): StoredItem | undefined {
    const item = bucket.get(key);
    return item && this.isLive(item) ? item : undefined;
  }

  private isLive(item: StoredItem): boolean {
    return item.expiresAt === null || item.expiresAt > this.at;
  }

  private write(bucket: Bucket, key: string, value: unknown, expiresAt: number | null, previous: StoredItem | undefined): StoredItem {
    const item: StoredItem = { value, createdAt: previous?.createdAt ?? this.at, updatedAt: this.at, expiresAt };
    bucket.set(key, item);
    this.writes++;
    return item;
  }
}

interface PreparedOperation {
  readonly kind: 'set' | 'delete' | 'check';
  readonly target: Target;
  readonly key: string;
  readonly conditions: Filters | undefined;
  readonly value: unknown;
  readonly expiresAt: number | null;
}

function resolveEntities(declarations: readonly EntityDeclaration[]): ReadonlyMap<string, Entity> {
  const entities = new Map<string, Entity>();
  for (const declaration of declarations) {
    const { name } = declaration;
    if (!ENTITY_NAME_PATTERN.test(name) || name.length < ENTITY_NAME_MIN_CHARS || name.length > ENTITY_NAME_MAX_CHARS) {
      throw new Error(`Entity name ${name} breaks Forge's naming rule.`);
    }
    if (entities.has(name)) throw new Error(`Entity ${name} is declared twice.`);
    const indexes = new Map<string, ResolvedIndex>();
    for (const index of declaration.indexes ?? []) {
      const resolved = resolveIndex(index);
      const undeclared = [...resolved.partition, resolved.range].filter((attribute) => !Object.hasOwn(declaration.attributes, attribute));
      if (undeclared.length > 0)
        throw new Error(`Index ${resolved.name} of ${name} names undeclared attributes: ${undeclared.join(', ')}.`);
      if (resolved.name === RESERVED_INDEX_NAME || indexes.has(resolved.name))
        throw new Error(`Index name ${resolved.name} of ${name} is reserved or repeated.`);
      indexes.set(resolved.name, resolved);
    }
    entities.set(name, { declaration, indexes });
  }
  return entities;
}

function resolveIndex(index: IndexDeclaration): ResolvedIndex {
  if (typeof index === 'string') return { name: index, partition: [], range: index };
  if (index.range.length !== 1) throw new Error(`Index ${index.name} must range on exactly one attribute.`);
  return { name: index.name, partition: index.partition ?? [], range: index.range[0] };
}

function requireKey(target: Target, key: unknown): string {
  if (typeof key !== 'string' || key.length === 0) {
    throw badRequest(target.entity ? 'EMPTY_KEY' : 'KEY_TOO_SHORT', 'Key cannot be empty.');
  }
  if (key.length > FORGE_KEY_MAX_CHARS)
    throw badRequest('KEY_TOO_LONG', `The provided key has exceeded the maximum ${FORGE_KEY_MAX_CHARS} characters.`);
  if (!FORGE_KEY_PATTERN.test(key))
    throw badRequest('INVALID_KEY', `The provided key does not match the regex: ${String(FORGE_KEY_PATTERN)}`);
  return key;
}

function requireStorable(target: Target, value: unknown): unknown {
  if (value === undefined) throw badRequest('BAD_REQUEST', 'A value is required.');
  if (deeperThan(value, FORGE_OBJECT_MAX_DEPTH)) {
    throw badRequest('MAX_DEPTH', `The provided value has exceeded the maximum object depth (${FORGE_OBJECT_MAX_DEPTH}) limit.`);
  }
  if (Buffer.byteLength(JSON.stringify(value)) > FORGE_VALUE_MAX_BYTES) {
    throw badRequest('MAX_SIZE', `The provided value has exceeded the maximum size limit of ${FORGE_VALUE_MAX_BYTES} bytes.`);
  }
  if (target.entity) requireEntityValue(target.entity.declaration, value);
  return value;
}

/**
 * Values must match the declared attribute types. We also refuse attributes the manifest does
 * not declare, so code and manifest drifting apart fails here rather than on a customer's site.
 */
function requireEntityValue(declaration: EntityDeclaration, value: unknown): void {
  if (!isRecord(value))
    throw badRequest('INVALID_ENTITY_VALUE', `A ${declaration.name} value must be an object of its declared attributes.`);
  for (const [attribute, attributeValue] of Object.entries(value)) {
    const declared = Object.hasOwn(declaration.attributes, attribute) ? declaration.attributes[attribute] : undefined;
    if (!declared) throw badRequest('INVALID_ENTITY_VALUE', `${attribute} is not an attribute of ${declaration.name} in the manifest.`);
    if (!hasType(attributeValue, declared.type)) {
      throw badRequest('INVALID_ENTITY_VALUE', `${declaration.name}.${attribute} must be of type ${declared.type}.`);
    }
  }
}

function hasType(value: unknown, type: string): boolean {
  switch (type) {
    case 'string':
      return typeof value === 'string';
    case 'integer':
      return Number.isInteger(value) && (value as number) >= INTEGER_MIN && (value as number) <= INTEGER_MAX;
    case 'float':
      return typeof value === 'number' && Number.isFinite(value);
    case 'boolean':
      return typeof value === 'boolean';
    default:
      return true;
  }
}

/** Stops descending once past the limit, so a hostile value cannot exhaust the stack. */
function deeperThan(value: unknown, limit: number): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (limit === 0) return true;
  return Object.values(value).some((child) => deeperThan(child, limit - 1));
}

function expiryOf(ttl: unknown, at: number): number | null {
  if (ttl === undefined) return null;
  const unitMs = isRecord(ttl) && typeof ttl.unit === 'string' && Object.hasOwn(TTL_UNIT_MS, ttl.unit) ? TTL_UNIT_MS[ttl.unit] : undefined;
  if (!isRecord(ttl) || unitMs === undefined || !Number.isInteger(ttl.value) || (ttl.value as number) <= 0) {
    throw badRequest('BAD_REQUEST', 'A TTL is a positive whole value in SECONDS, MINUTES, HOURS or DAYS.');
  }
  return at + (ttl.value as number) * unitMs;
}

function requireLimit(limit: unknown): number {
  if (limit === undefined) return DEFAULT_QUERY_LIMIT;
  if (!Number.isInteger(limit) || (limit as number) < 1) {
    throw badRequest('COMPLEX_QUERY_PAGE_LIMIT_NOT_IN_RANGE', `The page limit must be set between 1 and ${FORGE_ENTITY_QUERY_MAX_LIMIT}.`);
  }
  return limit as number;
}

/** The place of an item in an index: by range value, then by key. */
interface IndexPosition {
  readonly range: unknown;
  readonly key: string;
}

function firstIndexWhere<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  const found = items.findIndex(predicate);
  return found === -1 ? items.length : found;
}

function metadataFields(raw: unknown): readonly string[] {
  return Array.isArray(raw) ? raw.filter((name): name is string => typeof name === 'string') : [];
}

function itemView(key: string, item: StoredItem, fields: readonly string[]): Record<string, unknown> {
  return {
    key,
    value: item.value,
    ...(fields.includes('CREATED_AT') ? { createdAt: item.createdAt } : {}),
    ...(fields.includes('UPDATED_AT') ? { updatedAt: item.updatedAt } : {}),
    ...(fields.includes('EXPIRE_TIME') && item.expiresAt !== null ? { expireTime: new Date(item.expiresAt).toISOString() } : {}),
  };
}

/** Cursors are opaque to callers and bound to the query that made them, as Forge's are. */
function encodeCursor(position: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

function decodeCursor<T>(cursor: unknown, accept: (decoded: Record<string, unknown>) => T | undefined): T {
  let decoded: unknown;
  try {
    decoded = typeof cursor === 'string' ? JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) : undefined;
  } catch {
    decoded = undefined;
  }
  const accepted = isRecord(decoded) ? accept(decoded) : undefined;
  if (accepted === undefined) throw badRequest('INVALID_CURSOR', 'The cursor does not belong to this query.');
  return accepted;
}

function snapshotOf(store: InstallationStore, at: number): StoreSnapshot {
  const plain = (bucket: Bucket): Record<string, unknown> =>
    Object.fromEntries(
      [...bucket]
        .filter(([, item]) => item.expiresAt === null || item.expiresAt > at)
        .sort(([left], [right]) => compareValues(left, right))
        .map(([key, item]) => [key, structuredClone(item.value)]),
    );
  return {
    keyValues: plain(store.keyValues),
    secrets: plain(store.secrets),
    entities: Object.fromEntries(
      [...store.entities]
        .map(([entityName, items]) => [entityName, plain(items)] as const)
        .filter(([, items]) => Object.keys(items).length > 0),
    ),
  };
}

function field(body: unknown, name: string): unknown {
  return isRecord(body) && Object.hasOwn(body, name) ? body[name] : undefined;
}

function recordField(body: unknown, name: string): Record<string, unknown> {
  const value = field(body, name);
  return isRecord(value) ? value : {};
}

function listField(body: unknown, name: string): unknown[] {
  const value = field(body, name);
  return Array.isArray(value) ? value : [];
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw badRequest('BAD_REQUEST', 'Provided request body is invalid');
  }
}

async function enact(fault: Fault | undefined): Promise<Response | undefined> {
  if (!fault) return undefined;
  switch (fault.kind) {
    case 'rate-limit':
      return jsonResponse(
        429,
        { code: 'RATE_LIMIT_EXCEEDED', message: 'Rate limit exceeded' },
        { 'retry-after': String(fault.retryAfterSeconds) },
      );
    case 'server-error':
      return jsonResponse(fault.status, { code: 'INTERNAL_SERVER_ERROR', message: 'An internal server error has occurred' });
    case 'delay':
      await new Promise((resolve) => setTimeout(resolve, fault.ms));
      return undefined;
    case 'drop-connection':
      // What Node's fetch rejects with when the socket closes without an answer.
      throw new TypeError('fetch failed');
  }
}

function errorResponse(error: KvsRequestError): Response {
  return jsonResponse(error.status, { code: error.code, message: error.message });
}

function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });
}
