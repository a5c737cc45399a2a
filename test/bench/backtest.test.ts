/**
 * The backtest as a test (issue 13): on the backtest's own synthetic worlds (a truth process that
 * is not the engine's model; two worlds mixed differently, so a model tuned to one is caught on
 * the other), with a fixed seed, the engine's P(goal) must score better than both baselines and
 * must not claim certainty it does not have. `npm run backtest` prints the full figures on
 * larger worlds.
 */
import { runBacktest, type BacktestReport } from '../../bench/backtest/backtest';
import { CAUTIOUS_WORLD, PRIMARY_WORLD } from '../../bench/backtest/world';
import { assessChange } from '../../src/domain/goal-risk';

const SEED = 4_242;
const TEAMS = 300;
const TRIALS = 2_000;
/** Sized for a loaded 2-core box: each world's run takes a few seconds. */
const TIMEOUT_MS = 120_000;

describe.each([
  { world: PRIMARY_WORLD, seed: SEED },
  { world: CAUTIOUS_WORLD, seed: SEED + 1 },
])('backtest on the $world.name synthetic world, whose truth is known', ({ world, seed }) => {
  let report: BacktestReport;
  beforeAll(() => {
    report = runBacktest(assessChange, seed, TEAMS, TRIALS, world);
  }, TIMEOUT_MS);

  it('scores a better Brier than the base rate and than the capacity line fitted to the same world', () => {
    expect(report.engine.brier).toBeLessThan(report.baseRateBrier);
    expect(report.engine.brier).toBeLessThan(report.capacityLine.brier);
  });

  it('ranks sprints better than the capacity line does', () => {
    expect(report.engine.auc).toBeGreaterThan(report.capacityLine.auc);
  });

  it('answers exactly 0% or 100% in at most 10% of the sprints where it is not certain by arithmetic', () => {
    expect(report.engine.atCertaintyForecast).toBeLessThanOrEqual(0.1);
  });
});
