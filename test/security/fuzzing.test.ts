/**
 * Property-based fuzzing of every resolver through the real handler: payloads grown from valid
 * ones by breaking them (wrong types, missing fields, 1 MB strings, control and unpaired unicode,
 * `__proto__`/`constructor` keys, negative/NaN/Infinity numbers, unknown change kinds). Every
 * answer must be `{ data }` or `{ error: { code, message } }` with a known code, nothing may throw
 * or fail internally, and a rejected call must write nothing to Forge storage.
 */
import { SEEDED_SETTINGS_VERSION } from '../../sandbox/app-seed';
import fc from 'fast-check';
import { onJiraEvent } from '../../src/index';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { EndpointName } from '../../src/resolvers/endpoints';
import { endpoints } from '../../src/resolvers/endpoints';
import { reportFigure } from '../support/figures';
import { SANDBOX_SITE, startForgeApp, type Answer, type ForgeApp } from '../support/forge-app';
import { ADA, approval, DANA, FIN, KOFI, PRIYA, proposalPayload, RATIONALE, SAM } from './security-fixture';

/**
 * Payloads per resolver; fast-check's default seed is random, a fixed one keeps CI reproducible (override with FUZZ_SEED).
 * 400: with this seed, 1,000 payloads per resolver met 74 distinct outcomes (resolver × answer code, `data` included),
 * and every one of them first showed within the first 265 — the 600 after only recombined field messages of the same
 * schemas (issue 16, measured). 400 keeps that margin at 40% of the time; FUZZ_RUNS=1000 or more for a deeper run.
 */
const RUNS_PER_RESOLVER = Number(process.env.FUZZ_RUNS ?? 400);
const SEED = Number(process.env.FUZZ_SEED ?? 20_261_125);

const KNOWN_CODES = new Set([
  'invalid-input',
  'not-found',
  'forbidden',
  'illegal-transition',
  'conflict',
  'stale',
  'unlicensed',
  'jira-unavailable',
  'internal',
]);
/** Deeper than Forge storage's object depth limit (31). */
function deeplyNested(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let level = 0; level < depth; level++) value = level % 2 ? { inner: value } : [value];
  return value;
}

const ONE_MEGABYTE = 'x'.repeat(1024 * 1024);
const ONE_MEGABYTE_OF_UNICODE = '𝔊\u0000\u202e'.repeat((256 * 1024) / 2);

/** JSON as Forge delivers it: `__proto__` and `constructor` arrive as ordinary own keys. */
const POLLUTERS = [
  () => JSON.parse('{"__proto__": {"polluted": "yes", "isProductOwner": true}}'),
  () => JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  () => JSON.parse('{"__proto__": {"toString": "x"}, "prototype": {"polluted": "yes"}}'),
];

const evilConstant = fc.constantFrom<unknown>(
  null,
  undefined,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -1,
  -0,
  0,
  0.5,
  1e308,
  -1e308,
  2 ** 53 + 1,
  true,
  false,
  '',
  '   ',
  '\u0000',
  '\u0007\u001b[31m\r\n\t',
  '\ud800',
  '\udfff\ud800',
  '\u202eevil\u202c',
  '𝔊𝔬𝔞𝔩 🥅',
  ONE_MEGABYTE,
  ONE_MEGABYTE_OF_UNICODE,
  '<script>alert(1)</script>',
  '"]}],"type":"doc"',
  '__proto__',
  'constructor',
  'toString',
  'ONB-1/../../x',
  'ONB-1?x=1#y',
  '../../rest/api/3/myself',
  'ONB-0',
  'onb-68',
  'ONB-68 ',
  [],
  {},
  [null],
  deeplyNested(40),
  new Date(0),
);

const evil: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: evilConstant, weight: 4 },
  { arbitrary: fc.constantFrom(...POLLUTERS).map((make) => make()), weight: 1 },
  { arbitrary: fc.string({ unit: 'binary', maxLength: 40 }), weight: 2 },
  { arbitrary: fc.integer(), weight: 1 },
  { arbitrary: fc.double(), weight: 1 },
  { arbitrary: fc.jsonValue({ maxDepth: 2 }), weight: 1 },
  { arbitrary: fc.anything({ maxDepth: 2 }), weight: 1 },
);

const unknownKind = fc.oneof(
  fc.constantFrom('ADD', 'add ', 'delete', 'move', 'approve', 'toString', '__proto__', 'constructor', 'hasOwnProperty', ''),
  fc.string({ maxLength: 12 }),
);

type Mutation =
  | { readonly op: 'replace'; readonly at: number; readonly value: unknown }
  | { readonly op: 'drop'; readonly at: number }
  | { readonly op: 'pollute'; readonly at: number; readonly polluter: number }
  | { readonly op: 'unknown-kind'; readonly kind: string }
  | { readonly op: 'whole'; readonly value: unknown };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { arbitrary: fc.record({ op: fc.constant('replace' as const), at: fc.nat(), value: evil }), weight: 6 },
  { arbitrary: fc.record({ op: fc.constant('drop' as const), at: fc.nat() }), weight: 2 },
  {
    arbitrary: fc.record({ op: fc.constant('pollute' as const), at: fc.nat(), polluter: fc.nat({ max: POLLUTERS.length - 1 }) }),
    weight: 1,
  },
  { arbitrary: fc.record({ op: fc.constant('unknown-kind' as const), kind: unknownKind }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('whole' as const), value: evil }), weight: 1 },
);

/** Every path into a payload (objects and arrays), the root excluded. */
function pathsOf(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return [];
  const keys = Array.isArray(value) ? value.map((_, index) => index) : Object.keys(value);
  return keys.flatMap((key) => [[...prefix, key], ...pathsOf((value as Record<string | number, unknown>)[key], [...prefix, key])]);
}

/** A JSON object or array, indexed as JSON.parse makes them; what the mutations walk and change. */
type Container = Record<string | number, unknown>;

const isContainer = (value: unknown): value is Container => value !== null && typeof value === 'object';

/** The object or array holding the last key of `path` (the root for a one-key path). */
function containerAt(root: Container, path: readonly (string | number)[]): Container | undefined {
  let node: unknown = root;
  for (const key of path.slice(0, -1)) node = isContainer(node) ? node[key] : undefined;
  return isContainer(node) ? node : undefined;
}

function setOwn(target: object, key: string | number, value: unknown): void {
  // defineProperty, so that a key named __proto__ becomes an own property, as JSON.parse makes it.
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

function mutate(base: unknown, mutations: readonly Mutation[]): unknown {
  let payload: unknown = structuredClone(base);
  for (const m of mutations) {
    if (m.op === 'whole') {
      payload = m.value;
      continue;
    }
    if (!isContainer(payload)) continue;
    const paths = pathsOf(payload);
    const path = paths.length > 0 && m.op !== 'unknown-kind' ? paths[m.at % paths.length]! : [];
    const container = containerAt(payload, path);
    const key = path[path.length - 1];
    switch (m.op) {
      case 'replace':
        if (container && key !== undefined) setOwn(container, key, m.value);
        break;
      case 'drop':
        if (container && key !== undefined) {
          if (Array.isArray(container) && typeof key === 'number') container.splice(key, 1);
          else delete container[key];
        }
        break;
      case 'pollute': {
        const inner = container && key !== undefined ? container[key] : undefined;
        const host = path.length > 0 && isContainer(inner) ? inner : payload;
        for (const [name, value] of Object.entries(POLLUTERS[m.polluter]!())) setOwn(host, name, value);
        break;
      }
      case 'unknown-kind': {
        const change = payload.change;
        if (isContainer(change)) change.kind = m.kind;
        else setOwn(payload, 'change', { kind: m.kind });
        break;
      }
    }
  }
  return payload;
}

let app: ForgeApp;
let bases: Record<EndpointName, readonly unknown[]>;
const CALLERS = [DANA, PRIYA, ADA, SAM, FIN];

async function arrangeBases(): Promise<Record<EndpointName, readonly unknown[]>> {
  const open = await app.ok('createProposal', proposalPayload('ONB-68', { kind: 'add' }), DANA);
  const decided = await app.ok('createProposal', proposalPayload('ONB-69', { kind: 'add' }), KOFI);
  await app.ok('decideProposal', approval(decided.id), PRIYA);
  app.sandbox.jira.faults.inject({ kind: 'server-error', status: 400 }, { times: 1, method: 'PUT', path: '/rest/api/3/issue/ONB-42' });
  const failed = await app.ok('createProposal', proposalPayload('ONB-42', { kind: 'estimate', points: 5 }), DANA);
  await app.sandbox.idle();
  const issue = app.site().issueByKeyOrId('ONB-16')!;
  await app.asApp(() =>
    onJiraEvent({
      eventType: 'avi:jira:updated:issue',
      atlassianId: KOFI,
      issue: { id: issue.id, key: issue.key },
      changelog: { id: '80001', items: [{ field: 'Sprint', from: '', to: '7' }] },
    }),
  );
  await app.asApp(() => onJiraEvent({ eventType: 'avi:jira-software:closed:sprint', sprint: { id: 6 } }));
  const { version, updatedBy, updatedAt, ...settings } = DEFAULT_SETTINGS;
  const changes = [
    ['ONB-68', { kind: 'add' }],
    ['ONB-55', { kind: 'remove' }],
    ['ONB-55', { kind: 'defer' }],
    ['ONB-39', { kind: 'rerank', target: { position: 'before', issueKey: 'ONB-42' } }],
    ['ONB-39', { kind: 'rerank', target: { position: 'top' } }],
    ['ONB-55', { kind: 'priority', priorityName: 'High' }],
    ['ONB-55', { kind: 'estimate', points: 3 }],
    [
      'ONB-42',
      {
        kind: 'split',
        parts: [
          { summary: 'Entra ID: tenant registration', points: 1 },
          { summary: 'Entra ID: sign-up callback', points: 2 },
        ],
      },
    ],
    ['ONB-70', { kind: 'swap', outIssueKey: 'ONB-62' }],
    ['ONB-55', { kind: 'tweak', note: 'Acceptance criteria: admins see the SSO toggle.' }],
  ] as const;
  return {
    getIssuePanelState: [{ issueKey: 'ONB-68' }, { issueKey: 'BIL-2' }],
    getIssueGlance: [{ issueKey: 'ONB-68' }, { issueKey: 'BIL-2' }],
    getAllowedPriorities: [{ issueKey: 'ONB-68' }, { issueKey: 'BIL-2' }],
    previewProposal: [
      ...changes.map(([issueKey, change]) => ({ issueKey, change })),
      { issueKey: 'ONB-68', change: { kind: 'add' }, counterChange: { kind: 'defer', issueKeys: ['ONB-55'] } },
    ],
    createProposal: [
      ...changes.map(([issueKey, change]) => proposalPayload(issueKey, change, { idempotencyKey: 'fuzz-1' })),
      proposalPayload('ONB-9999', { kind: 'add' }),
    ],
    decideProposal: [
      approval(open.id),
      { ...(approval(open.id) as object), verdict: 'reject' },
      { ...(approval(open.id) as object), condition: { kind: 'rank-below-goal', issueKeys: ['ONB-56'] } },
    ],
    withdrawProposal: [{ proposalId: open.id, expectedVersion: 1 }],
    retryApply: [{ proposalId: failed.id }],
    listSprintProposals: [{ boardId: 1 }, { boardId: 1, status: 'proposed' }],
    getAuditTrail: [{ proposalId: decided.id }, { proposalId: decided.id, cursor: '2' }],
    getSprintViewState: [{ boardId: 1 }, { boardId: 1, goalLabels: ['sprint-goal', 'sso'] }],
    exportSprintCsv: [{ boardId: 1 }],
    listBoards: [{}, { query: 'ONB' }],
    reviewBypassedChange: [{ changeId: `event:${issue.id}:80001:7:ONB-16:added`, verdict: 'accepted', note: RATIONALE }],
    revertBypassedChange: [{ changeId: `event:${issue.id}:80002:7:ONB-16:added`, note: RATIONALE }],
    recordSprintOutcome: [{ boardId: 1, sprintId: 6, outcome: 'met', note: 'SAML shipped.', expectedVersion: 1 }],
    setSprintCapacity: [{ boardId: 1, sprintId: 7, availability: 0.8, daysOff: 1 }],
    getProjectSettings: [{ projectKey: 'ONB' }],
    searchPeople: [
      { projectKey: 'ONB', query: 'Pri' },
      { projectKey: 'ONB', query: 'mei' },
    ],
    saveProjectSettings: [{ projectKey: 'ONB', settings, expectedVersion: SEEDED_SETTINGS_VERSION }],
  };
}

/** `{ data }` or `{ error: { code, message } }`, nothing else, and JSON Forge can send back. */
function isTypedAnswer(answer: unknown): boolean {
  if (answer === null || typeof answer !== 'object') return false;
  const keys = Object.keys(answer);
  if (keys.length !== 1) return false;
  try {
    JSON.stringify(answer);
  } catch {
    return false;
  }
  if (keys[0] === 'data') return (answer as { data: unknown }).data !== undefined;
  const error = (answer as { error?: { code?: unknown; message?: unknown } }).error;
  return (
    keys[0] === 'error' &&
    typeof error?.code === 'string' &&
    KNOWN_CODES.has(error.code) &&
    typeof error.message === 'string' &&
    error.message.length > 0
  );
}

interface Tally {
  payloads: number;
  rejected: number;
  accepted: number;
  internal: number;
  thrown: number;
  untyped: number;
  storeChangedByRejection: number;
  readonly codes: Map<string, number>;
}

const tallies = new Map<EndpointName, Tally>();
const prototypeKeys = () => Object.getOwnPropertyNames(Object.prototype).sort().join(',');
/**
 * Storage writes so far: an unchanged count proves a refusal wrote nothing, even an equal value.
 * Comparing snapshots proved the same at a third of this file's time (a 1 MB payload makes them big).
 */
const storageWrites = () => app.sandbox.kvs.writes(SANDBOX_SITE.installationId);

beforeAll(async () => {
  app = await startForgeApp();
  bases = await arrangeBases();
}, 60_000);

afterAll(async () => {
  await app.close();
  const all = [...tallies.values()];
  const sum = (pick: (t: Tally) => number) => all.reduce((total, t) => total + pick(t), 0);
  reportFigure(
    'fuzzing',
    `${sum((t) => t.payloads)} payloads over ${tallies.size} resolvers (≥ ${RUNS_PER_RESOLVER} each, seed ${SEED}): ${sum((t) => t.rejected)} rejected, ${sum((t) => t.accepted)} accepted, ${sum((t) => t.thrown)} thrown, ${sum((t) => t.untyped)} untyped, ${sum((t) => t.internal)} internal errors, ${sum((t) => t.storeChangedByRejection)} rejections that changed storage`,
  );
});

describe('fuzzing every resolver', () => {
  // Reads first: the proposals that accepted creates leave behind would only make every later view slower.
  const names = (Object.keys(endpoints) as EndpointName[]).sort((a, b) => Number(endpoints[a].mutates) - Number(endpoints[b].mutates));
  it.each(names)(
    '%s answers every generated payload with a typed answer and changes nothing when it refuses',
    async (name) => {
      const prototypeBefore = prototypeKeys();
      const tally: Tally = {
        payloads: 0,
        rejected: 0,
        accepted: 0,
        internal: 0,
        thrown: 0,
        untyped: 0,
        storeChangedByRejection: 0,
        codes: new Map(),
      };
      tallies.set(name, tally);
      const failures: string[] = [];
      let writesBefore = storageWrites();
      const payloads = fc.tuple(
        fc.constantFrom(...bases[name]),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...CALLERS),
      );
      await fc.assert(
        fc.asyncProperty(payloads, async ([base, mutations, caller]) => {
          const payload = mutate(base, mutations);
          tally.payloads++;
          let answer: Answer;
          try {
            answer = await app.call(name, payload, caller);
          } catch (error) {
            tally.thrown++;
            failures.push(`threw ${String(error)}`);
            return;
          }
          if (!isTypedAnswer(answer)) {
            tally.untyped++;
            failures.push(`untyped answer ${JSON.stringify(answer)?.slice(0, 200)}`);
            return;
          }
          if (answer.error) {
            tally.rejected++;
            tally.codes.set(answer.error.code, (tally.codes.get(answer.error.code) ?? 0) + 1);
            if (answer.error.code === 'internal') {
              tally.internal++;
              failures.push(`internal error for ${JSON.stringify(payload)?.slice(0, 300)}`);
            }
            // A stale proposal is marked stale on purpose; every other refusal must write nothing.
            const writesAfter = storageWrites();
            if (answer.error.code !== 'stale' && writesAfter !== writesBefore) {
              tally.storeChangedByRejection++;
              failures.push(
                `${answer.error.code} wrote ${writesAfter - writesBefore} storage items for ${JSON.stringify(payload)?.slice(0, 300)}`,
              );
            }
            writesBefore = writesAfter;
          } else {
            tally.accepted++;
            await app.sandbox.idle(); // what it queued (an apply) settles before the next comparison
            writesBefore = storageWrites();
          }
        }),
        { numRuns: RUNS_PER_RESOLVER, seed: SEED, endOnFailure: true },
      );
      reportFigure(
        `fuzzing ${name}`,
        `${tally.payloads} payloads: ${tally.rejected} rejected (${[...tally.codes]
          .sort((a, b) => b[1] - a[1])
          .map(([code, count]) => `${code} ${count}`)
          .join(
            ', ',
          )}), ${tally.accepted} accepted, ${tally.thrown} thrown, ${tally.untyped} untyped, ${tally.internal} internal, ${tally.storeChangedByRejection} rejections that changed storage`,
      );
      expect(prototypeKeys()).toBe(prototypeBefore);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(failures.slice(0, 10)).toEqual([]);
      expect(tally.payloads).toBeGreaterThanOrEqual(RUNS_PER_RESOLVER);
    },
    120_000,
  );
});
