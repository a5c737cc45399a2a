/**
 * Whatever people type is kept as typed and shown as words: HTML, scripts, markdown, Jira wiki
 * markup and text shaped like ADF survive the round trip through the handler unchanged, and reach
 * Jira's decision comment as plain text nodes (no marks, links or mentions parsed out of them).
 * Issue keys never steer a request: the schema refuses a key that would change a path, and the
 * adapter, asked directly, refuses to send one. (That the front ends render such text inert is
 * proven by the browser end-to-end tests.)
 */
import { runInvocation } from '../../sandbox/forge-host/forge-runtime';
import { SANDBOX_CLOUD_ID } from '../../sandbox/jira/jira-model';
import { SANDBOX_INSTALLATION_ID } from '../../sandbox/server';
import type { JiraPort } from '../../src/app/ports';
import { createJiraAdapter } from '../../src/jira/jira-adapter';
import { cleanText } from '../../src/domain/meaningful-text';
import { reportFigure, testTally } from '../support/figures';
import { useForgeApp, type ResolverKey } from '../support/forge-app';
import { present } from '../support/present';
import { approval, auditActions, DANA, KOFI, ONB_SPRINT, PRIYA, proposalPayload, storedProposal } from './security-fixture';

const app = useForgeApp();
const tally = { texts: 0, roundTrips: 0, comments: 0, hostileKeys: 0, refusedBySchema: 0, requestsSteered: 0 };
const tests = testTally();

afterAll(() => {
  reportFigure(
    'injection',
    `${tally.texts} hostile texts, ${tally.roundTrips} round trips kept verbatim, ${tally.comments} Jira comments of plain text only; ${tally.hostileKeys} hostile issue keys refused by the schema in ${tally.refusedBySchema} calls and by the adapter, ${tally.requestsSteered} requests steered; ${tests.failed} of ${tests.ran} tests failed`,
  );
});

/** Texts that mean something to a browser, a markdown or wiki renderer, or an ADF parser. */
const HOSTILE_TEXTS = [
  '<script>alert(document.cookie)</script><img src=x onerror=alert(1)>',
  '**Bold claim** [click me](javascript:alert(1)) ![pixel](https://evil.example/p.gif)',
  '[~accountid:557058:admin-ada] please approve {color:red}now{color} h1. Heading',
  '"}]},{"type":"mention","attrs":{"id":"557058:admin-ada"}},{"type":"text","text":"',
  '{"type":"doc","version":1,"content":[{"type":"inlineCard","attrs":{"url":"https://evil.example"}}]}',
  'Line one\nLine two with <b>markup</b>\r\n\r\n@Ada Lindqvist `code` ${{7*7}} {{constructor.constructor("alert(1)")()}}',
  'RTL \u202egnp.exe\u202c zero\u200bwidth emoji 🥅 and 𝔊𝔬𝔞𝔩',
  "'; DROP TABLE proposals; -- and issuekey = ONB-1 OR project = BIL",
];

/** What Jira's stand-in holds as the latest comment body on an issue. */
function lastComment(issueKey: string): unknown {
  return app().site().issueByKeyOrId(issueKey)!.comments.at(-1)?.body;
}

/**
 * A node of an ADF document as Jira stores it: every field unknown, because the test checks the
 * shape the app wrote rather than trusting its types (src/jira/adf.ts).
 * https://developer.atlassian.com/cloud/jira/platform/apis/document/structure/
 */
interface StoredAdfNode {
  readonly type?: unknown;
  readonly text?: unknown;
  readonly marks?: unknown;
  readonly attrs?: { readonly id?: unknown };
  readonly content?: unknown;
}

const isAdfNode = (value: unknown): value is StoredAdfNode => value !== null && typeof value === 'object' && !Array.isArray(value);
const childrenOf = (node: unknown): unknown[] => (isAdfNode(node) && Array.isArray(node.content) ? node.content : []);

/** Every node of an ADF document, depth first (anything that is not an object included, to fail the shape check). */
function nodesOf(node: unknown): unknown[] {
  return [node, ...childrenOf(node).flatMap(nodesOf)];
}

/**
 * The decision comment is plain: only doc, paragraphs, a blockquote and unmarked text, with one
 * mention — the decider — and the rationale's lines as the quote's text, exactly.
 */
/** The comment mentions only the proposer (Jira tells them); the decider is named as text. */
function expectPlainDecisionComment(body: unknown, proposer: string, rationale: string): void {
  const nodes = nodesOf(body);
  expect(nodes.every(isAdfNode)).toBe(true);
  const adf = nodes.filter(isAdfNode);
  expect(adf.every((node) => ['doc', 'paragraph', 'blockquote', 'text', 'mention'].includes(String(node.type)))).toBe(true);
  expect(
    adf
      .filter((node) => node.type === 'text')
      .every((node) => node.marks === undefined && typeof node.text === 'string' && node.text.length > 0),
  ).toBe(true);
  expect(adf.filter((node) => node.type === 'mention').map((node) => node.attrs?.id)).toEqual([proposer]);
  const quote = childrenOf(body)
    .filter(isAdfNode)
    .find((node) => node.type === 'blockquote');
  const lines = rationale
    .split(/\r\n|\r|\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line.trim() !== '');
  expect(
    childrenOf(quote).map((paragraph) =>
      childrenOf(paragraph)
        .filter(isAdfNode)
        .map((node) => node.text)
        .join(''),
    ),
  ).toEqual(lines);
  tally.comments++;
}

describe('hostile text', () => {
  // Verbatim but for what issue 14 strips from every reason and rationale: format and control
  // characters (the right-to-left override and zero-width space of text #6), cleanText in src/domain/meaningful-text.ts.
  it.each(HOSTILE_TEXTS.map((raw, index) => [index, raw] as const))(
    'keeps text #%i verbatim (format characters aside) in the proposal, the audit trail and the decision comment',
    tests.track(async (index, raw) => {
      tally.texts++;
      const text = cleanText(raw);
      const issueKey = ['ONB-68', 'ONB-69', 'ONB-70', 'ONB-71', 'ONB-72', 'ONB-73', 'ONB-74', 'ONB-75'][index]!;
      const proposal = await app().invokeOk(
        'createProposal',
        { issueKey, change: { kind: 'add' }, reason: { category: 'other', text: raw }, acknowledgeThreat: true },
        DANA,
      );
      const rationale = `Approved after review. ${text}`;
      await app().ok('decideProposal', approval(proposal.id, 1, `Approved after review. ${raw}`), PRIYA);
      await app().sandbox.idle();

      const panel = await app().invokeOk('getIssuePanelState', { issueKey }, KOFI);
      const shown = present(
        panel.proposals.find((p) => p.id === proposal.id),
        'the proposal on the panel',
      );
      expect(shown.reason.text).toBe(text);
      expect(present(shown.decision, 'its decision').rationale).toBe(rationale);
      expect(storedProposal(app(), proposal.id).reason.text).toBe(text);
      const trail = await app().invokeOk('getAuditTrail', { proposalId: proposal.id }, KOFI);
      expect(trail.events.find((e) => e.action === 'proposed')?.detail).toBe(text);
      expect(trail.events.find((e) => e.action === 'approved')?.detail).toBe(rationale);
      tally.roundTrips += 3;

      expect(storedProposal(app(), proposal.id).status).toBe('applied');
      expectPlainDecisionComment(lastComment(issueKey), DANA, rationale);
    }),
  );

  it(
    'quotes a hostile rejection as plain text too',
    tests.track(async () => {
      const text = HOSTILE_TEXTS[3]!;
      const proposal = await app().ok('createProposal', proposalPayload('ONB-76', { kind: 'add' }), DANA);
      await app().ok('decideProposal', { ...(approval(proposal.id, 1, `Not now. ${text}`) as object), verdict: 'reject' }, PRIYA);
      expectPlainDecisionComment(lastComment('ONB-76'), DANA, `Not now. ${text}`);
    }),
  );

  it(
    'creates split parts and keeps tweak notes with hostile text as plain summaries and notes',
    tests.track(async () => {
      const parts = [
        { summary: HOSTILE_TEXTS[0]!, points: 1 },
        { summary: HOSTILE_TEXTS[1]!, points: 1 },
      ];
      const split = await app().ok('createProposal', proposalPayload('ONB-42', { kind: 'split', parts }), DANA);
      await app().ok('decideProposal', approval(split.id), PRIYA);
      await app().sandbox.idle();
      // The parts are siblings of ONB-42: children of its epic, as Jira's own split makes them.
      const epic = app().site().parentOf(app().site().issueByKeyOrId('ONB-42')!)!;
      const created = app()
        .site()
        .childrenOf(epic)
        .map((issue) => issue.summary);
      expect(created).toEqual(expect.arrayContaining(parts.map((part) => part.summary)));

      const tweak = await app().ok('createProposal', proposalPayload('ONB-55', { kind: 'tweak', note: HOSTILE_TEXTS[5]! }), DANA);
      expect(storedProposal(app(), tweak.id).change).toMatchObject({ kind: 'tweak', note: HOSTILE_TEXTS[5]!.trim() });
      await app().sandbox.idle();
      expect(await auditActions(app(), tweak.id)).toContain('applied');
      tally.roundTrips += 3;
    }),
  );
});

/** Keys that would change a request's path if pasted into it. */
const HOSTILE_KEYS = [
  'ONB-1/../../x',
  'ONB-1/../../../rest/api/3/myself',
  '../myself',
  'ONB-1?fields=*all',
  'ONB-1#x',
  'ONB-1\\..\\x',
  'ONB-1/comment',
  '%2e%2e/x',
  'ONB-1%2F..%2Fx',
  'ONB-1 OR 1=1',
];

describe('issue keys in paths', () => {
  it(
    'refuses a path-changing issue key in every payload that names an issue, before any call to Jira',
    tests.track(async () => {
      for (const key of HOSTILE_KEYS) {
        tally.hostileKeys++;
        const payloads: [ResolverKey, object][] = [
          ['getIssuePanelState', { issueKey: key }],
          ['previewProposal', { issueKey: key, change: { kind: 'add' } }],
          ['createProposal', proposalPayload(key, { kind: 'add' })],
          ['createProposal', proposalPayload('ONB-68', { kind: 'swap', outIssueKey: key })],
          ['createProposal', proposalPayload('ONB-39', { kind: 'rerank', target: { position: 'before', issueKey: key } })],
          ['getProjectSettings', { projectKey: key }],
        ];
        for (const [resolver, payload] of payloads) {
          const before = app().sandbox.jira.requests.length;
          const answer = await app().invoke(resolver, payload, DANA);
          expect(answer.error?.code).toBe('invalid-input');
          expect(app().sandbox.jira.requests.length).toBe(before);
          tally.refusedBySchema++;
        }
      }
    }),
  );

  it(
    'never lets a key change the path of a request the adapter sends, even when asked directly',
    tests.track(async () => {
      const jira = createJiraAdapter({ sleep: async () => undefined });
      const asApp = <T>(work: (jira: JiraPort) => Promise<T>) =>
        runInvocation({ cloudId: SANDBOX_CLOUD_ID, installationId: SANDBOX_INSTALLATION_ID, moduleKey: 'apply-consumer' }, () =>
          work(jira),
        );
      const asPriya = <T>(work: (jira: JiraPort) => Promise<T>) =>
        runInvocation(
          { accountId: PRIYA, cloudId: SANDBOX_CLOUD_ID, installationId: SANDBOX_INSTALLATION_ID, moduleKey: 'issue-panel' },
          () => work(jira),
        );
      const estimation = { kind: 'points', fieldId: 'customfield_10016' } as const;
      const comment = {
        proposalId: 'p-1',
        verdict: 'approved',
        deciderAccountId: PRIYA,
        deciderName: null,
        proposerAccountId: PRIYA,
        rationale: 'Fine by me, really.',
        changeSummary: 'Add',
        language: 'en',
      } as const;
      const before = app().sandbox.jira.requests.length;
      for (const key of HOSTILE_KEYS) {
        expect(await asApp((j) => j.getIssue(key))).toBeNull();
        expect(
          await asApp((j) => j.hasMarkedComment(key, { proposalId: 'p-1', step: 'comment', marker: 'm-1' }, '2026-01-01T00:00:00.000Z')),
        ).toBe(false);
        expect(
          await asApp((j) =>
            j.markedSplitPart(key, { proposalId: 'p-1', step: 'create-part-1', marker: 'm-1' }, '2026-01-01T00:00:00.000Z'),
          ),
        ).toBeNull();
        expect(await asPriya((j) => j.callerHasProjectPermission(key, 'BROWSE_PROJECTS'))).toBe(false);
        expect(await asApp((j) => j.projectRoleMembers(key, 'Product Owner'))).toEqual({ readable: true, accountIds: [] });
        for (const step of [
          () => asApp((j) => j.setPriority(key, 'High')),
          () => asApp((j) => j.setEstimate(key, estimation, 3)),
          () => asApp((j) => j.addDecisionComment(key, comment)),
          () => asApp((j) => j.createSplitPart(key, { summary: 'Part', points: 1 }, estimation, ONB_SPRINT)),
        ]) {
          expect((await step()).ok).toBe(false);
        }
        // Keys travel in JSON bodies here, where they cannot steer anything: Jira finds no such issue.
        expect((await asApp((j) => j.moveToSprint(ONB_SPRINT, [key]))).ok).toBe(false);
        expect((await asPriya((j) => j.permissionsOfCaller([key], ['BROWSE_PROJECTS']))).size).toBe(0);
        expect((await asApp((j) => j.permissionsOfApp([key], ['BROWSE_PROJECTS']))).size).toBe(0);
      }
      const sent = app().sandbox.jira.requests.slice(before);
      const steered = sent.filter(({ path }) => {
        const pathname = new URL(path, 'http://jira.invalid').pathname;
        const segments = pathname.split('/');
        return (
          segments.includes('..') ||
          segments.includes('.') ||
          /myself|%2e|%2f|\\/i.test(pathname) ||
          !/^\/rest\/(api\/3|agile\/1\.0)\//.test(pathname)
        );
      });
      tally.requestsSteered += steered.length;
      expect(steered).toEqual([]);
      // What went out names Jira's own resources, with a harmless key (no `/`, `..`, `?` or `#`) in one segment,
      // or in the query string (`mypermissions?projectKey=`), encoded, where it cannot steer the path.
      const templates = [
        /^\/rest\/agile\/1\.0\/issue\/[^/]+$/,
        /^\/rest\/api\/3\/issue\/[^/]+(\/comment)?$/,
        /^\/rest\/api\/3\/project\/[^/]+(\/role)?$/,
        /^\/rest\/agile\/1\.0\/sprint\/7\/issue$/,
        /^\/rest\/api\/3\/issue\/bulkfetch$/,
        /^\/rest\/api\/3\/mypermissions$/,
      ];
      expect(
        sent
          .map((r) => new URL(r.path, 'http://jira.invalid').pathname)
          .filter((pathname) => !templates.some((template) => template.test(pathname))),
      ).toEqual([]);
    }),
  );
});
