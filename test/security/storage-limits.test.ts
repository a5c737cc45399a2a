/**
 * Forge storage's limits, from the app's side: every free text is bounded, so even a proposal
 * made of the longest, most expensive-to-encode text stays well under Forge's 240 KiB value limit
 * through its whole life; a long audit trail is read a page at a time; and throttled (429) or
 * failing storage calls are retried, with nothing stored twice and nothing half-stored.
 */
import { onJiraEvent } from '../../src/index';
import { FORGE_VALUE_MAX_BYTES } from '../../src/store/forge-storage-limits';
import { AUDIT_PAGE_SIZE } from '../../src/store/proposal-store';
import {
  RATIONALE_MAX_CHARS,
  REASON_MAX_CHARS,
  SPLIT_MAX_PARTS,
  SPLIT_SUMMARY_MAX_CHARS,
  TWEAK_NOTE_MAX_CHARS,
} from '../../src/domain/text-limits';
import type { Fault } from '../../sandbox/jira/faults';
import { reportFigure, testTally } from '../support/figures';
import { useForgeApp, type ResolverKey } from '../support/forge-app';
import { approval, DANA, KOFI, ONB_SPRINT, PRIYA, proposalPayload, storedProposal, storeOf } from './security-fixture';

const app = useForgeApp();
const tally = { bounds: 0, largestRecordBytes: 0, auditEvents: 0, auditPages: 0, storageFaults: 0 };
const tests = testTally();

afterAll(() => {
  reportFigure(
    'storage limits',
    `${tally.bounds} text bounds held; largest proposal record ${(tally.largestRecordBytes / 1024).toFixed(1)} KiB of ${FORGE_VALUE_MAX_BYTES / 1024} KiB; an audit trail of ${tally.auditEvents} events read in ${tally.auditPages} pages; ${tally.storageFaults} storage faults injected (429, 5xx, lost answers); ${tests.failed} of ${tests.ran} tests failed`,
  );
});

/** The most bytes a character can cost in stored JSON: a control character is written as \\u0001. */
const costly = (length: number) => '\u0001'.repeat(length);
/**
 * Reasons and rationales are cleaned of control characters and refused as filler when one
 * character repeats (issue 14): the costliest text they keep is varied 3-byte UTF-8 characters.
 */
const costlyMeaningful = (length: number) => '目標'.repeat(length).slice(0, length);

function proposalRecordBytes(proposalId: string): number {
  const bytes = Buffer.byteLength(JSON.stringify(storeOf(app()).entities.proposal?.[proposalId]));
  tally.largestRecordBytes = Math.max(tally.largestRecordBytes, bytes);
  return bytes;
}

/** Matches storage calls to `path` and counts those it failed. */
class CountedCalls extends RegExp {
  constructor(private readonly pathname: string) {
    super('');
  }

  override test(path: string): boolean {
    const hit = path === this.pathname;
    if (hit) tally.storageFaults++;
    return hit;
  }
}

describe('text bounds', () => {
  it(
    'accepts every free text at its limit and refuses one character more, storing nothing',
    tests.track(async () => {
      const issue = app().site().issueByKeyOrId('ONB-16')!;
      await app().asApp(() =>
        onJiraEvent({
          eventType: 'avi:jira:updated:issue',
          atlassianId: KOFI,
          issue: { id: issue.id, key: issue.key },
          changelog: { id: '92001', items: [{ field: 'Sprint', from: '', to: '7' }] },
        }),
      );
      await app().asApp(() => onJiraEvent({ eventType: 'avi:jira-software:closed:sprint', sprint: { id: 6 } }));
      const open = await app().ok('createProposal', proposalPayload('ONB-68', { kind: 'add' }), DANA);
      const part = (summary: string) => ({ summary, points: 1 });
      // Varied letters: one letter repeated is filler, refused for that before its length counts (issue 14).
      const text = (n: number) => 'abc'.repeat(n).slice(0, n);
      const bounds: [string, (length: number) => [ResolverKey, object, string], number][] = [
        [
          'reason',
          (n) => [
            'createProposal',
            { ...proposalPayload('ONB-55', { kind: 'tweak', note: 'Clarify.' }), reason: { category: 'other', text: text(n) } },
            DANA,
          ],
          REASON_MAX_CHARS,
        ],
        ['tweak note', (n) => ['createProposal', proposalPayload('ONB-55', { kind: 'tweak', note: text(n) }), DANA], TWEAK_NOTE_MAX_CHARS],
        [
          'split part summary',
          (n) => ['previewProposal', { issueKey: 'ONB-42', change: { kind: 'split', parts: [part(text(n)), part('Second part')] } }, DANA],
          SPLIT_SUMMARY_MAX_CHARS,
        ],
        [
          'split parts',
          (n) => [
            'previewProposal',
            { issueKey: 'ONB-42', change: { kind: 'split', parts: Array.from({ length: n }, (_, i) => part(`Part ${i + 1}`)) } },
            DANA,
          ],
          SPLIT_MAX_PARTS,
        ],
        [
          'decision rationale',
          (n) => [
            'decideProposal',
            { ...(approval(open.id) as object), verdict: 'reject', rationale: text(n), expectedVersion: 99 },
            PRIYA,
          ],
          RATIONALE_MAX_CHARS,
        ],
        [
          'bypass review note',
          (n) => ['reviewBypassedChange', { changeId: `event:${issue.id}:92001:7:ONB-16:added`, verdict: 'noted', note: text(n) }, PRIYA],
          RATIONALE_MAX_CHARS,
        ],
        [
          'sprint outcome note',
          (n) => ['recordSprintOutcome', { boardId: 1, sprintId: 6, outcome: 'met', note: text(n), expectedVersion: 1 }, PRIYA],
          RATIONALE_MAX_CHARS,
        ],
      ];
      for (const [name, payloadOf, limit] of bounds) {
        const [resolver, atLimit, caller] = payloadOf(limit);
        const [, overLimit] = payloadOf(limit + 1);
        // At the limit the text is not what stops the call (a later rule may: a stale version, a missing role).
        const accepted = await app().invoke(resolver, atLimit, caller);
        expect([name, accepted.error?.code === 'invalid-input' ? accepted.error.message : 'not refused for its length']).toEqual([
          name,
          'not refused for its length',
        ]);
        const before = storeOf(app());
        const refused = await app().invoke(resolver, overLimit, caller);
        expect([name, refused.error?.code]).toEqual([name, 'invalid-input']);
        expect(storeOf(app())).toEqual(before);
        tally.bounds++;
      }
      await app().sandbox.idle();
    }),
  );

  it(
    `keeps the largest possible proposal under Forge's ${FORGE_VALUE_MAX_BYTES / 1024} KiB through its whole life`,
    tests.track(async () => {
      // Ten parts of the longest summaries and the longest reason and rationale, all in the costliest characters.
      const parts = Array.from({ length: SPLIT_MAX_PARTS }, (_, i) => ({
        summary: `${i}${costly(SPLIT_SUMMARY_MAX_CHARS - 1)}`,
        points: 0.5,
      }));
      const proposal = await app().ok(
        'createProposal',
        {
          ...proposalPayload('ONB-42', { kind: 'split', parts }),
          reason: { category: 'other', text: `R${costlyMeaningful(REASON_MAX_CHARS - 1)}` },
        },
        DANA,
      );
      const sizes = [proposalRecordBytes(proposal.id)];
      // The first attempt fails half-way, so the journal holds both done and failed steps with Jira's words.
      app().sandbox.jira.faults.inject(
        { kind: 'server-error', status: 400 },
        { times: 1, method: 'PUT', path: '/rest/api/3/issue/ONB-42' },
      );
      await app().ok('decideProposal', approval(proposal.id, 1, `D${costlyMeaningful(RATIONALE_MAX_CHARS - 1)}`), PRIYA);
      sizes.push(proposalRecordBytes(proposal.id));
      await app().sandbox.idle();
      sizes.push(proposalRecordBytes(proposal.id));
      expect(storedProposal(app(), proposal.id).status).toBe('apply-failed');
      await app().invokeOk('retryApply', { proposalId: proposal.id }, PRIYA);
      await app().sandbox.idle();
      sizes.push(proposalRecordBytes(proposal.id));
      expect(storedProposal(app(), proposal.id).status).toBe('applied');
      for (const size of sizes) expect(size).toBeLessThan(FORGE_VALUE_MAX_BYTES);
      // Every other value too: audit events and the rest.
      for (const [entity, records] of Object.entries(storeOf(app()).entities)) {
        for (const record of Object.values(records))
          expect([entity, Buffer.byteLength(JSON.stringify(record)) < FORGE_VALUE_MAX_BYTES]).toEqual([entity, true]);
      }
    }),
  );
});

describe('the audit trail', () => {
  it(
    `is read ${AUDIT_PAGE_SIZE} events at a time, in order, with nothing missing or repeated`,
    tests.track(async () => {
      // Jira refuses the move each time: every retry adds a request, an attempt and its failure.
      app().sandbox.jira.faults.inject(
        { kind: 'server-error', status: 400 },
        { times: 20, method: 'POST', path: `/rest/agile/1.0/sprint/${ONB_SPRINT}/issue` },
      );
      const proposal = await app().ok('createProposal', proposalPayload('ONB-70', { kind: 'add' }), DANA);
      await app().ok('decideProposal', approval(proposal.id), PRIYA);
      await app().sandbox.idle();
      for (let retry = 0; retry < 17; retry++) {
        await app().invokeOk('retryApply', { proposalId: proposal.id }, PRIYA);
        await app().sandbox.idle();
      }
      const version = storedProposal(app(), proposal.id).version;
      expect(version).toBeGreaterThan(AUDIT_PAGE_SIZE);

      const pages: { events: { sequence: number }[]; nextCursor?: string }[] = [];
      let cursor: string | undefined;
      do {
        const page = await app().invokeOk('getAuditTrail', { proposalId: proposal.id, ...(cursor ? { cursor } : {}) }, KOFI);
        pages.push(page);
        cursor = page.nextCursor;
      } while (cursor);
      expect(pages.map((page) => page.events.length)).toEqual([AUDIT_PAGE_SIZE, version - AUDIT_PAGE_SIZE]);
      expect(pages.flatMap((page) => page.events.map((event) => event.sequence))).toEqual(Array.from({ length: version }, (_, i) => i + 1));
      expect((await app().invoke('getAuditTrail', { proposalId: proposal.id, cursor: 'not-a-cursor' }, KOFI)).error).toMatchObject({
        code: 'invalid-input',
        fields: { cursor: 'invalid' },
      });
      tally.auditEvents = version;
      tally.auditPages = pages.length;
    }),
  );
});

describe('throttled and failing storage', () => {
  const proposalRecords = () => Object.keys(storeOf(app()).entities.proposal ?? {}).length;

  it.each<[string, Fault, number, string]>([
    ['429s', { kind: 'rate-limit', retryAfterSeconds: 1 }, 3, '/api/v1/transaction'],
    ['503s', { kind: 'server-error', status: 503 }, 3, '/api/v1/transaction'],
    ['429s on reads', { kind: 'rate-limit', retryAfterSeconds: 1 }, 3, '/api/v1/entity/get'],
  ])('retries %s, then stores the proposal once and applies it once', async (_, fault, times, path) => {
    app().sandbox.kvs.faults.inject(fault, { times, path: new CountedCalls(path) });
    const proposal = await app().ok('createProposal', proposalPayload('ONB-71', { kind: 'add' }), DANA);
    expect(proposalRecords()).toBe(1);
    app().sandbox.kvs.faults.inject(fault, { times, path: new CountedCalls(path) });
    await app().ok('decideProposal', approval(proposal.id), PRIYA);
    app().sandbox.kvs.faults.inject(fault, { times, path: new CountedCalls(path) });
    await app().sandbox.idle();
    expect(storedProposal(app(), proposal.id).status).toBe('applied');
    expect(app().sandbox.kvs.faults.armed()).toEqual([]);
  });

  it(
    'settles a write whose answer was lost as written, once',
    tests.track(async () => {
      app().sandbox.kvs.lostAnswers.inject(
        { kind: 'server-error', status: 503 },
        { times: 1, path: new CountedCalls('/api/v1/transaction') },
      );
      const proposal = await app().ok('createProposal', proposalPayload('ONB-72', { kind: 'add' }), DANA);
      expect(Object.keys(storeOf(app()).entities.proposal ?? {})).toEqual([proposal.id]);
      expect(Object.keys(storeOf(app()).entities['audit-event'] ?? {})).toEqual([`${proposal.id}:1`]);
    }),
  );

  it(
    'gives up after its retries with a typed error, storing nothing',
    tests.track(async () => {
      // The team's closed-sprint history is kept the first time any view reads it; read it first,
      // so what is compared is only what the failed proposal could have written.
      await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-73' }, DANA);
      const before = storeOf(app());
      app().sandbox.kvs.faults.inject(
        { kind: 'rate-limit', retryAfterSeconds: 1 },
        { times: 4, path: new CountedCalls('/api/v1/transaction') },
      );
      const answer = await app().call('createProposal', proposalPayload('ONB-73', { kind: 'add' }), DANA);
      expect(answer.error).toEqual({
        code: 'internal',
        message: 'Goalkeeper could not reach its storage just now. Please try again in a moment.',
      });
      expect(storeOf(app())).toEqual(before);
    }),
  );
});
