/**
 * `npm start`: the sandbox on http://localhost:5173 (PORT and HOST override), data kept in
 * .sandbox-data/ (SANDBOX_DATA_DIR overrides). Stops cleanly on Ctrl+C.
 */
import { DEFAULT_PORT, startSandbox } from './server';

async function main(): Promise<void> {
  const sandbox = await startSandbox({
    port: process.env.PORT ? Number(process.env.PORT) : DEFAULT_PORT,
    host: process.env.HOST,
    dataDir: process.env.SANDBOX_DATA_DIR,
  });
  console.log(`\nGoalkeeper sandbox running at ${sandbox.url}\n`);
  console.log(`  Backlog     ${sandbox.url}/jira/software/projects/ONB/boards/1/backlog`);
  console.log(`  Issue view  ${sandbox.url}/browse/ONB-39`);
  console.log(`  Dashboard   ${sandbox.url}/jira/dashboards/10000`);
  console.log(`  Settings    ${sandbox.url}/jira/software/projects/ONB/settings/apps`);
  console.log(`  Jira REST stand-in at ${sandbox.jira.url}\n`);
  console.log('Switch person, colour mode and licence in the top bar. Ctrl+C stops; `npm run sandbox:reset` restores the seed.');
  const stop = () => {
    sandbox.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') console.error(`Port ${process.env.PORT ?? DEFAULT_PORT} is in use: stop the other server or run PORT=5174 npm start.`);
  else console.error(error);
  process.exit(1);
});
