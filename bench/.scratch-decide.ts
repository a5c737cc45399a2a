import { measureApply, measureCall, openMeteredBoard } from './jira-calls';
import { SEED_ACCOUNTS } from '../sandbox/jira/seed';
async function main() {
  const board = await openMeteredBoard(Number(process.argv[2] ?? 1000));
  const show = (name: string, cost: any) => { console.log(`\n== ${name}: ${cost.jira} jira / ${cost.storage} storage / ${cost.modelledMs} ms`); const counts = new Map<string, number>(); for (const c of cost.calls) { const k = `${c.kind} ${c.what.split('?')[0]}`; counts.set(k, (counts.get(k) ?? 0) + 1); } for (const [k, n] of counts) console.log(`  ${n}× ${k}`); };
  await measureCall(board, 'getIssuePanelState', { issueKey: board.sprintKey }, SEED_ACCOUNTS.devDana);
  const proposed = await measureCall<any>(board, 'createProposal', { issueKey: board.backlogKeys[1], change: { kind: 'add' }, reason: { category: 'stakeholder-request', text: 'A customer escalation needs this in the sprint.' }, acknowledgeThreat: true }, SEED_ACCOUNTS.devDana);
  show('propose', proposed.cost);
  const d = await measureApply(board, () => board.app.ok('decideProposal', { proposalId: proposed.data.id, verdict: 'approve', rationale: 'Approved: the escalation outweighs the risk to the goal.', expectedVersion: proposed.data.version }, SEED_ACCOUNTS.productOwner));
  show('decide', d.decide); show('apply', d.apply);
  await board.close(); process.exit(0);
}
main();
