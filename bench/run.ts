/** `npm run bench`: runs every benchmark in turn. Figures, not tests: nothing here fails a build. */
import { runGoalRiskBench } from './goal-risk.bench';

async function main(): Promise<void> {
  await runGoalRiskBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
