/**
 * `npm run backtest [-- --teams N --seed S]`: the engine's calibration on the backtest's own
 * synthetic worlds (bench/backtest/world.ts: the primary one and a second, differently mixed one),
 * against the base rate and the capacity line.
 */
import { assessChange } from '../../src/domain/goal-risk';
import { formatReport, runBacktest } from './backtest';
import { CAUTIOUS_WORLD, PRIMARY_WORLD } from './world';

const DEFAULT_TEAMS = 2_000;
const DEFAULT_SEED = 20_250_303;
/** The second world takes another seed as well as another mix, so it shares no draw with the first. */
const SECOND_WORLD_SEED_OFFSET = 7_919;

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value <= 0) throw new RangeError(`--${name} must be a positive whole number`);
  return value;
}

const seed = option('seed', DEFAULT_SEED);
const teams = option('teams', DEFAULT_TEAMS);
console.log(formatReport(runBacktest(assessChange, seed, teams, undefined, PRIMARY_WORLD)));
console.log();
console.log(formatReport(runBacktest(assessChange, seed + SECOND_WORLD_SEED_OFFSET, teams, undefined, CAUTIOUS_WORLD)));
