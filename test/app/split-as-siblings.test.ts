/**
 * A split applied as Jira's own "Split issue" makes it (issue 15), through the handler
 * manifest.yml names against the Jira stand-in: sibling issues of the same type under the same
 * epic, in the proposal's sprint, each with the points the proposer gave it; the issue keeps the
 * rest. The audit trail records each step as facts the apps word in the reader's language.
 */
import { SEED_ACCOUNTS, SEED_FACTS } from '../../sandbox/jira/seed';
import { approveAndSettle } from '../support/decisions';
import { useForgeApp } from '../support/forge-app';
import { present } from '../support/present';

const { productOwner: PRIYA, devDana: DANA } = SEED_ACCOUNTS;
const RATIONALE = 'Splitting keeps the staging tenant in this sprint and the callback for the next.';
const PARTS = [
  { summary: 'Entra ID: register the staging tenant', points: 1 },
  { summary: 'Entra ID: sign-up callback', points: 2 },
];

const app = useForgeApp();
const site = () => app().site();
const issue = (key: string) => site().issueByKeyOrId(key)!;

/** Dana proposes splitting ONB-42 into PARTS, Priya approves, and the sandbox's queue and triggers settle. */
async function splitApprovedAndApplied() {
  const proposal = await app().invokeOk(
    'createProposal',
    {
      issueKey: 'ONB-42',
      change: { kind: 'split', parts: PARTS },
      reason: { category: 'estimate-learned', text: 'Entra needs two separate pieces of work.' },
      acknowledgeThreat: true,
    },
    DANA,
  );
  await approveAndSettle(app(), proposal, RATIONALE, PRIYA);
  return proposal;
}

describe('splitting an issue', () => {
  it('creates sibling issues like Jira’s own split: same type, same epic, in the sprint, with the points given; the issue keeps the rest', async () => {
    const source = issue('ONB-42');
    const [type, epic, pointsBefore, subtasksBefore] = [
      site().typeOf(source).name,
      site().parentOf(source)!.key,
      source.points!,
      site().childrenOf(source).length,
    ];
    const proposal = await splitApprovedAndApplied();

    const stored = await app().invokeOk('getIssuePanelState', { issueKey: 'ONB-42' }, DANA);
    const applied = present(
      stored.proposals.find((shown) => shown.id === proposal.id),
      'the proposal on the panel',
    );
    expect(applied.status).toBe('applied');
    const createdKeys = present(applied.apply, 'its apply').steps.flatMap((step) => step.createdKeys ?? []);
    expect(createdKeys).toHaveLength(2);
    expect(createdKeys.map((key: string) => issue(key))).toEqual(
      PARTS.map((part) => expect.objectContaining({ summary: part.summary, points: part.points, sprintIds: [SEED_FACTS.activeSprintId] })),
    );
    for (const key of createdKeys) {
      expect(site().typeOf(issue(key)).name).toBe(type);
      expect(site().parentOf(issue(key))?.key).toBe(epic);
    }
    expect(issue('ONB-42').points).toBe(Math.max(0, pointsBefore - 3));
    expect(site().childrenOf(issue('ONB-42'))).toHaveLength(subtasksBefore);
  });

  it('records each step in the trail as facts, without the journal’s marker', async () => {
    const proposal = await splitApprovedAndApplied();

    const { events } = await app().invokeOk('getAuditTrail', { proposalId: proposal.id }, DANA);
    const done = events.flatMap((event) => (event.action === 'apply-step' && event.step?.status === 'done' ? [event.step] : []));
    expect(done.map((step) => step.facts)).toEqual(
      expect.arrayContaining([
        { kind: 'create-split-part', sourceKey: 'ONB-42', summary: PARTS[0]!.summary, points: 1, sprintId: SEED_FACTS.activeSprintId },
        { kind: 'create-split-part', sourceKey: 'ONB-42', summary: PARTS[1]!.summary, points: 2, sprintId: SEED_FACTS.activeSprintId },
        expect.objectContaining({ kind: 'set-estimate', issueKey: 'ONB-42' }),
        { kind: 'comment', issueKey: 'ONB-42' },
      ]),
    );
    expect(done.every((step) => step.marker === undefined)).toBe(true);
    expect(events.find((event) => event.action === 'applied')).toMatchObject({ attempt: 1 });
  });
});
