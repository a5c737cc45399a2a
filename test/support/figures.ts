import { appendFileSync } from 'node:fs';

/**
 * The reliability and security suite (test/security/) prints what it proved, one line per figure,
 * in one format, so `npm test` output can be grepped for `[reliability]` and quoted in the README.
 */
export function reportFigure(area: string, figures: string): void {
  const line = `[reliability] ${area}: ${figures}`;
  console.log(line);
  // Collected across workers and printed together at the end of the run (figures-summary.js).
  const summaryFile = process.env.GOALKEEPER_FIGURES_FILE;
  if (summaryFile) appendFileSync(summaryFile, `${line}\n`);
}

export interface TestTally {
  readonly ran: number;
  readonly failed: number;
  /** Wraps a test body so that it counts as run when it starts and as passed when it ends without failing. */
  track<A extends unknown[]>(test: (...args: A) => Promise<void>): (...args: A) => Promise<void>;
}

/** How many of a file's tests ran and how many failed, so its figure line never claims more than was proven. */
export function testTally(): TestTally {
  let ran = 0;
  let passed = 0;
  return {
    get ran() {
      return ran;
    },
    get failed() {
      return ran - passed;
    },
    track:
      (test) =>
      async (...args) => {
        ran++;
        await test(...args);
        passed++;
      },
  };
}
