import fc from 'fast-check';
import { CapacityForecast, chooseThroughput, simulateCapacity, type SprintProgress, type ThroughputModel } from '../../src/domain/forecast';
import { seededRandom } from '../../src/domain/random';
import type { SprintHistory } from '../../src/domain/sprint';

function closedSprint(sprintId: number, completedPoints: number, workingDays = 10): SprintHistory {
  return { sprintId, name: `ONB Sprint ${sprintId}`, committedPoints: 30, completedPoints, workingDays };
}

const MID_SPRINT: SprintProgress = { doneWork: 12, elapsedDays: 4, committedWork: 40, totalDays: 10 };
const FIRST_DAY: SprintProgress = { doneWork: 0, elapsedDays: 0, committedWork: 40, totalDays: 10 };

const mean = (values: readonly number[]): number => values.reduce((sum, value) => sum + value, 0) / values.length;

describe('seededRandom', () => {
  it('repeats its sequence for the same seed and stays in [0, 1)', () => {
    const first = seededRandom(42);
    const second = seededRandom(42);
    const draws = Array.from({ length: 1_000 }, () => first());
    expect(Array.from({ length: 1_000 }, () => second())).toEqual(draws);
    expect(draws.every((draw) => draw >= 0 && draw < 1)).toBe(true);
  });

  it('gives a different sequence for a different seed', () => {
    const first = seededRandom(1);
    const second = seededRandom(2);
    expect(Array.from({ length: 10 }, () => first())).not.toEqual(Array.from({ length: 10 }, () => second()));
  });
});

describe('chooseThroughput', () => {
  it('learns daily rates from closed sprints (completed points per working day)', () => {
    const model = chooseThroughput([closedSprint(1, 30), closedSprint(2, 20), closedSprint(3, 24, 8)], MID_SPRINT);
    expect(model).toEqual({ basis: 'history', dailyRates: [2, 3, 3] });
  });

  it('ignores closed sprints without working days', () => {
    const model = chooseThroughput([closedSprint(1, 30, 0)], MID_SPRINT);
    expect(model.basis).toBe('sprint-pace');
  });

  it('falls back to the sprint pace so far, spread evenly around it, without history', () => {
    const model = chooseThroughput([], MID_SPRINT);
    expect(model.basis).toBe('sprint-pace');
    expect(mean(model.dailyRates)).toBeCloseTo(12 / 4, 10);
    expect(Math.min(...model.dailyRates)).toBe(0);
    expect(Math.max(...model.dailyRates)).toBeCloseTo(2 * 3, 10);
  });

  it('falls back to the commitment spread over the sprint when nothing is done yet', () => {
    const model = chooseThroughput([], FIRST_DAY);
    expect(model.basis).toBe('none');
    expect(mean(model.dailyRates)).toBeCloseTo(40 / 10, 10);
  });

  it('does not depend on the order of the history', () => {
    const history = [closedSprint(1, 30), closedSprint(2, 20), closedSprint(3, 25)];
    expect(chooseThroughput([...history].reverse(), MID_SPRINT)).toEqual(chooseThroughput(history, MID_SPRINT));
  });
});

describe('simulateCapacity', () => {
  // Each day is 1 or 3 points, equally likely; over 4 days capacity is 4 + 2·Binomial(4, ½):
  // 4, 6, 8, 10, 12 points with probabilities 1, 4, 6, 4, 1 sixteenths.
  const coinFlipDays: ThroughputModel = { basis: 'history', dailyRates: [1, 3] };

  it('matches the hand-computed distribution of a coin-flip team', () => {
    const forecast = simulateCapacity(coinFlipDays, 4, 20_000, seededRandom(7));
    expect(forecast.probabilityOfCompleting(8)).toBeCloseTo(11 / 16, 1);
    expect(forecast.probabilityOfCompleting(10)).toBeCloseTo(5 / 16, 1);
    expect(forecast.probabilityOfCompleting(4)).toBe(1);
    expect(forecast.probabilityOfCompleting(12.5)).toBe(0);
    expect(forecast.capacityAt(0.5)).toBe(8);
    expect(forecast.capacityAt(0.85)).toBe(6);
  });

  it('gives every trial the same capacity when every day is the same', () => {
    const forecast = simulateCapacity({ basis: 'history', dailyRates: [2.5] }, 6, 500, seededRandom(1));
    expect(forecast.capacityAt(0.5)).toBe(15);
    expect(forecast.probabilityOfCompleting(15)).toBe(1);
    expect(forecast.probabilityOfCompleting(15.01)).toBe(0);
  });

  it('has no capacity with no working days left', () => {
    const forecast = simulateCapacity(coinFlipDays, 0, 100, seededRandom(1));
    expect(forecast.capacityAt(0.5)).toBe(0);
    expect(forecast.probabilityOfCompleting(0)).toBe(1);
    expect(forecast.probabilityOfCompleting(1)).toBe(0);
  });

  it('keeps the sprint-pace mean while spreading the outcomes', () => {
    const forecast = simulateCapacity(chooseThroughput([], MID_SPRINT), 5, 10_000, seededRandom(3));
    expect(forecast.capacityAt(0.5)).toBeCloseTo(15, 0);
    expect(forecast.capacityAt(0.85)).toBeLessThan(13);
  });

  it('gives the same forecast for the same seed', () => {
    const first = simulateCapacity(coinFlipDays, 6, 1_000, seededRandom(11));
    const second = simulateCapacity(coinFlipDays, 6, 1_000, seededRandom(11));
    expect([0.1, 0.5, 0.85, 0.99].map((c) => second.capacityAt(c))).toEqual([0.1, 0.5, 0.85, 0.99].map((c) => first.capacityAt(c)));
  });
});

describe('CapacityForecast', () => {
  // Few distinct values as well as many: bootstrapped capacities repeat a lot.
  const capacities = fc.oneof(
    fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 200 }),
    fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 200 }),
  );
  const confidence = fc.double({ min: 0.01, max: 1, noNaN: true });

  it('answers every quantile, asked in any order, with the trial value a full sort would give', () => {
    fc.assert(
      fc.property(capacities, fc.array(confidence, { minLength: 1, maxLength: 6 }), (values, asked) => {
        const sorted = [...values].sort((a, b) => a - b);
        const forecast = new CapacityForecast(Float64Array.from(values));
        for (const c of asked) {
          const needed = Math.max(1, Math.ceil(c * values.length - 1e-9));
          expect(forecast.capacityAt(c)).toBe(sorted[values.length - needed]);
        }
      }),
    );
  });

  it('promises at the quantile at least the confidence asked, and no more work than that', () => {
    fc.assert(
      fc.property(capacities, confidence, (values, c) => {
        const forecast = new CapacityForecast(Float64Array.from(values));
        const promised = forecast.capacityAt(c);
        expect(forecast.probabilityOfCompleting(promised)).toBeGreaterThanOrEqual(c - 1e-9);
        const larger = values.filter((value) => value > promised);
        if (larger.length > 0) expect(forecast.probabilityOfCompleting(Math.min(...larger))).toBeLessThan(c - 1e-9);
      }),
    );
  });

  it('answers the same after any number of quantile questions in any order', () => {
    fc.assert(
      fc.property(capacities, fc.array(confidence, { maxLength: 6 }), fc.double({ min: 0, max: 100, noNaN: true }), (values, asked, work) => {
        const untouched = new CapacityForecast(Float64Array.from(values));
        const questioned = new CapacityForecast(Float64Array.from(values));
        asked.forEach((c) => questioned.capacityAt(c));
        expect(questioned.probabilityOfCompleting(work)).toBe(untouched.probabilityOfCompleting(work));
        expect(questioned.capacityAt(0.5)).toBe(untouched.capacityAt(0.5));
      }),
    );
  });

  it('refuses a forecast without trials', () => {
    expect(() => new CapacityForecast(new Float64Array(0))).toThrow(RangeError);
  });
});
