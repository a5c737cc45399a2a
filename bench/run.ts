/** `npm run bench`: runs every benchmark in turn. Figures, not tests: nothing here fails a build. */
import { runGoalRiskBench } from './goal-risk.bench';
import { runJiraCallsBench } from './jira-calls';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (!args.includes('--calls-only')) await runGoalRiskBench();
  await runJiraCallsBench(args);
  // The sandbox's servers and timers are closed; anything left (a Forge SDK keep-alive agent) must not hold the process.
  process.exit(process.exitCode ?? 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
