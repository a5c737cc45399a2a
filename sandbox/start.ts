/**
 * `npm start`: the sandbox on http://localhost:5173 (PORT and HOST override), data kept in
 * .sandbox-data/ (SANDBOX_DATA_DIR overrides). Stops cleanly on Ctrl+C. `npm start -- --big-board`
 * (or `--big-board=N`, or GOALKEEPER_BIG_BOARD=N) adds the SCL board with an N-item sprint.
 */
import { BIG_BOARD, DEFAULT_BIG_BOARD_ITEMS } from './jira/big-board-seed';
import { DEFAULT_PORT, startSandbox } from './server';

/** `--big-board` → the default size; `--big-board=N` → N; else GOALKEEPER_BIG_BOARD; else none. */
function bigBoardItems(args: readonly string[], env: string | undefined): number | undefined {
  const flag = args.find((arg) => arg === '--big-board' || arg.startsWith('--big-board='));
  const raw = flag ? (flag.includes('=') ? flag.split('=')[1] : String(DEFAULT_BIG_BOARD_ITEMS)) : env;
  if (raw === undefined || raw === '') return undefined;
  const items = Number(raw);
  if (!Number.isInteger(items) || items < 1)
    throw new Error(`--big-board / GOALKEEPER_BIG_BOARD takes a whole number of items, at least 1 (got "${raw}").`);
  return items;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({
    port: process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT,
    host: process.env.HOST,
    dataDir: process.env.SANDBOX_DATA_DIR,
    bigBoardItems: bigBoardItems(process.argv.slice(2), process.env.GOALKEEPER_BIG_BOARD),
  });
  console.log(`\nGoalkeeper sandbox running at ${sandbox.url}\n`);
  console.log(`  Backlog     ${sandbox.url}/jira/software/projects/ONB/boards/1/backlog`);
  console.log(`  Issue view  ${sandbox.url}/browse/ONB-39`);
  console.log(`  Dashboard   ${sandbox.url}/jira/dashboards/10000`);
  console.log(`  Settings    ${sandbox.url}/jira/software/projects/ONB/settings/apps`);
  if (sandbox.jira.model.site().projects.has(BIG_BOARD.projectId))
    console.log(`  Big board   ${sandbox.url}/jira/software/projects/SCL/boards/${BIG_BOARD.boardId}/backlog`);
  console.log(`  Jira REST stand-in at ${sandbox.jira.url}\n`);
  console.log('Switch person, colour mode and licence in the top bar. Ctrl+C stops; `npm run sandbox:reset` restores the seed.');
  const stop = () => {
    sandbox.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE')
    console.error(`Port ${process.env.PORT ?? DEFAULT_PORT} is in use: stop the other server or run PORT=5174 npm start.`);
  else console.error(error);
  process.exit(1);
});
