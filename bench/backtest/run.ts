/**
 * `npm run backtest [-- --teams N --seed S]`: the engine's calibration on the backtest's own
 * synthetic world (bench/backtest/world.ts), against the base rate and the capacity line.
 */
import { assessChange } from '../../src/domain/goal-risk';
import { formatReport, runBacktest } from './backtest';

const DEFAULT_TEAMS = 2_000;
const DEFAULT_SEED = 20_250_303;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`--${name} must be a positive whole number`);
  return value;
}

console.log(formatReport(runBacktest(assessChange, option('seed', DEFAULT_SEED), option('teams', DEFAULT_TEAMS))));
