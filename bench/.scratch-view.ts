import { measureCall, openMeteredBoard } from './jira-calls';
import { BIG_BOARD } from '../sandbox/jira/big-board-seed';
import { SEED_ACCOUNTS } from '../sandbox/jira/seed';
async function main() {
  const board = await openMeteredBoard(Number(process.argv[2] ?? 1000));
  const show = (name: string, cost: any) => { console.log(`\n== ${name}: ${cost.jira} jira / ${cost.storage} storage / ${cost.modelledMs} ms`); const counts = new Map<string, number>(); for (const c of cost.calls) { const k = `${c.kind} ${c.what.split('?')[0]}`; counts.set(k, (counts.get(k) ?? 0) + 1); } for (const [k, n] of counts) console.log(`  ${n}× ${k}`); };
  show('panel first', (await measureCall(board, 'getIssuePanelState', { issueKey: board.sprintKey }, SEED_ACCOUNTS.devDana)).cost);
  show('view first', (await measureCall(board, 'getSprintViewState', { boardId: BIG_BOARD.boardId }, SEED_ACCOUNTS.devDana)).cost);
  await board.close(); process.exit(0);
}
main();
