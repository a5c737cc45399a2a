/**
 * Goal-risk benchmark: one full assessment (before and after, 10,000 trials) on sprints of
 * growing size, against a bare loop making the same number of draws from the same generator.
 * Budget (issue 4), at 1,000 issues: ≤ 10 ms, and ≤ 3× the bare loop. The other sizes are shown
 * for the trend: the assessment's work grows with the sprint while the bare loop's does not.
 */
import type { AssessmentInput } from '../src/domain/assessment';
import { DEFAULT_TRIALS } from '../src/domain/forecast';
import { assessChange, DEFAULT_SEED } from '../src/domain/goal-risk';
import { seededRandom, type Random } from '../src/domain/random';
import type { SprintHistory, SprintIssue } from '../src/domain/sprint';

const SPRINT_SIZES = [10, 100, 1_000, 5_000];
const HISTORY_SPRINTS = 6;
const BUDGET_SIZE = 1_000;
const BUDGET_MS = 10;
const BUDGET_RATIO = 3;
const WARM_UP_RUNS = 20;
const TIMED_RUNS = 101;
const FIBONACCI_POINTS = [1, 2, 3, 5, 8];

/** Keeps the bare loop's sum observable so the JIT cannot drop the draws. */
let sink = 0;

function pick<T>(random: Random, options: readonly T[]): T {
  return options[Math.floor(random() * options.length)]!;
}

function benchIssue(index: number, random: Random, size: number): SprintIssue {
  const share = index / size;
  return {
    key: `BEN-${index + 1}`,
    id: String(10_000 + index),
    summary: `Benchmark issue ${index + 1}`,
    points: pick(random, FIBONACCI_POINTS),
    // The top fifth is done and the next tenth in progress, as on a board mid-sprint; goal work is
    // ranked in the top half, as teams rank it.
    statusCategory: share < 0.2 ? 'done' : share < 0.3 ? 'in-progress' : 'todo',
    goalCritical: share < 0.5 && random() < 0.4,
    labels: [],
    epicKey: null,
    priorityName: 'Medium',
    issueType: 'Story',
  };
}

/**
 * A two-week sprint on its third day (8 working days left), history scaled to its size so the
 * goal is likely before the change; the change adds a goal-critical issue at the bottom, which
 * exercises every step: the line moves, the level is a threat, deferrals are searched.
 */
function benchInput(size: number): AssessmentInput {
  const random = seededRandom(size);
  const issues = Array.from({ length: size }, (_, index) => benchIssue(index, random, size));
  const committed = issues.reduce((sum, issue) => sum + (issue.points ?? 0), 0);
  const history: SprintHistory[] = Array.from({ length: HISTORY_SPRINTS }, (_, index) => ({
    sprintId: index + 1,
    name: `Sprint ${index + 1}`,
    committedPoints: committed,
    completedPoints: Math.round(committed * (0.8 + 0.3 * random())),
    workingDays: 10,
  }));
  return {
    snapshot: {
      sprint: {
        id: 99,
        boardId: 1,
        name: 'Bench sprint',
        state: 'active',
        goal: 'Ship the benchmark',
        startDate: '2024-05-06T09:00:00.000Z',
        endDate: '2024-05-17T17:00:00.000Z',
      },
      issues,
      estimation: 'points',
    },
    history,
    issueKey: 'BEN-NEW',
    change: { kind: 'add' },
    incoming: { ...benchIssue(size, random, size), key: 'BEN-NEW', points: 5, statusCategory: 'todo', goalCritical: true },
    now: '2024-05-08T10:00:00.000Z',
    trials: DEFAULT_TRIALS,
    seed: DEFAULT_SEED,
  };
}

function elapsedMs(run: () => void): number {
  const started = process.hrtime.bigint();
  run();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/**
 * Median times of two workloads, run alternately so that a noisy neighbour or a GC pause slows
 * both alike instead of skewing their ratio.
 */
function medianMsSideBySide(first: () => void, second: () => void): [number, number] {
  for (let i = 0; i < WARM_UP_RUNS; i++) {
    first();
    second();
  }
  const firstTimes: number[] = [];
  const secondTimes: number[] = [];
  for (let i = 0; i < TIMED_RUNS; i++) {
    firstTimes.push(elapsedMs(first));
    secondTimes.push(elapsedMs(second));
  }
  return [median(firstTimes), median(secondTimes)];
}

function bareDraws(draws: number): void {
  const random = seededRandom(DEFAULT_SEED);
  let sum = 0;
  for (let i = 0; i < draws; i++) sum += random();
  sink += sum;
}

const verdict = (ok: boolean): string => (ok ? 'PASS' : 'FAIL');

export async function runGoalRiskBench(): Promise<void> {
  console.log(`goal-risk: one assessment (before + after, ${DEFAULT_TRIALS.toLocaleString('en')} trials), ${HISTORY_SPRINTS} sprints of history`);
  console.log('  issues      draws   assessment   bare loop    ratio');
  let budgeted: { assessmentMs: number; ratio: number } | null = null;
  for (const size of SPRINT_SIZES) {
    const input = benchInput(size);
    const { workingDaysLeft, trials } = assessChange(input);
    const draws = workingDaysLeft * trials;
    const [assessmentMs, bareMs] = medianMsSideBySide(
      () => assessChange(input),
      () => bareDraws(draws),
    );
    const ratio = assessmentMs / bareMs;
    if (size === BUDGET_SIZE) budgeted = { assessmentMs, ratio };
    const columns = [
      size.toLocaleString('en').padStart(8),
      draws.toLocaleString('en').padStart(8),
      `${assessmentMs.toFixed(2).padStart(7)} ms`,
      `${bareMs.toFixed(2).padStart(6)} ms`,
      `${ratio.toFixed(2).padStart(5)}×`,
    ];
    console.log(columns.join('   '));
  }
  if (budgeted === null) throw new Error(`The budget is set at ${BUDGET_SIZE} issues, which the bench did not run`);
  const fast = budgeted.assessmentMs <= BUDGET_MS;
  const lean = budgeted.ratio <= BUDGET_RATIO;
  console.log(
    `goal-risk budget at ${BUDGET_SIZE.toLocaleString('en')} issues: ${budgeted.assessmentMs.toFixed(2)} ms ≤ ${BUDGET_MS} ms ${verdict(fast)}; ` +
      `${budgeted.ratio.toFixed(2)}× ≤ ${BUDGET_RATIO}× the bare loop ${verdict(lean)}; overall ${verdict(fast && lean)}`,
  );
}
