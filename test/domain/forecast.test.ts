import fc from 'fast-check';
import {
  CapacityForecast,
  chooseThroughput as chooseFromUsable,
  effectiveDaysLeft,
  simulateCapacity,
  usableHistoryOf,
  type SprintProgress,
} from '../../src/domain/forecast';
import { seededRandom } from '../../src/domain/random';
import type { SprintHistory } from '../../src/domain/sprint';

function closedSprint(sprintId: number, completedPoints: number, workingDays = 10, dailyCompletedPoints?: number[]): SprintHistory {
  return {
    sprintId,
    name: `ONB Sprint ${sprintId}`,
    committedPoints: 30,
    completedPoints,
    workingDays,
    ...(dailyCompletedPoints ? { dailyCompletedPoints } : {}),
  };
}

/** The throughput model of a history as the assessment builds it: its usable sprints read once, then chosen from. */
const chooseThroughput = (history: readonly SprintHistory[], progress: SprintProgress) =>
  chooseFromUsable(usableHistoryOf(history), progress);

const MID_SPRINT: SprintProgress = { doneWork: 12, elapsedDays: 4, committedWork: 40, totalDays: 10 };
const FIRST_DAY: SprintProgress = { doneWork: 0, elapsedDays: 0, committedWork: 40, totalDays: 10 };

const mean = (values: ArrayLike<number>): number => Array.from(values).reduce((sum, value) => sum + value, 0) / values.length;
const spreadOf = (values: ArrayLike<number>): number => {
  const m = mean(values);
  return Math.sqrt(Array.from(values).reduce((sum, value) => sum + (value - m) ** 2, 0) / values.length);
};
/** Not yet started: this sprint's pace says nothing, so the history alone speaks. */
const NOT_STARTED: SprintProgress = { doneWork: 0, elapsedDays: 0, committedWork: 40, totalDays: 10 };

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
  it('learns from the closed sprints’ days when Jira’s history has them, else from their totals', () => {
    const model = chooseThroughput([closedSprint(1, 20, 10, [0, 4, 2, 0, 6, 2, 0, 4, 2, 0]), closedSprint(2, 30)], MID_SPRINT);
    expect(model.basis).toBe('history');
    expect(model.sprints).toEqual([
      { kind: 'days', days: [0, 4, 2, 0, 6, 2, 0, 4, 2, 0] },
      { kind: 'total', dailyRate: 3, workingDays: 10 },
    ]);
    expect(model.meanDailyRate).toBe(2.5);
  });

  it('sets aside a sprint with no completed work and one closed within 2 working days, naming why', () => {
    const model = chooseThroughput([closedSprint(1, 0), closedSprint(2, 13, 1), closedSprint(3, 20)], MID_SPRINT);
    expect(model.setAside).toEqual([
      { name: 'ONB Sprint 1', why: 'no-points' },
      { name: 'ONB Sprint 2', why: 'too-short' },
    ]);
    expect(model.sprints).toHaveLength(1);
  });

  it('widens the sprint-level spread when history is thin: 1/√n of a prior spread', () => {
    const one = chooseThroughput([closedSprint(1, 20)], MID_SPRINT);
    const four = chooseThroughput(
      [1, 2, 3, 4].map((id) => closedSprint(id, 20)),
      MID_SPRINT,
    );
    expect(one.levelSpread).toBeCloseTo(2 * four.levelSpread, 10);
  });

  it('falls back to the sprint pace so far without history, and to the commitment when nothing is done yet', () => {
    expect(chooseThroughput([], MID_SPRINT)).toMatchObject({ basis: 'sprint-pace', meanDailyRate: 3 });
    expect(chooseThroughput([], FIRST_DAY)).toMatchObject({ basis: 'none', meanDailyRate: 4 });
  });

  it('does not depend on the order of the history', () => {
    const history = [closedSprint(1, 30), closedSprint(2, 20), closedSprint(3, 25)];
    expect(chooseThroughput([...history].reverse(), MID_SPRINT)).toEqual(chooseThroughput(history, MID_SPRINT));
  });
});

describe('simulateCapacity', () => {
  const lumpyDays = [0, 5, 0, 0, 5, 0, 5, 0, 0, 5];
  const lumpy = chooseThroughput(
    Array.from({ length: 6 }, (_, i) => closedSprint(i + 1, 20, 10, lumpyDays)),
    NOT_STARTED,
  );

  it('keeps the team’s mean pace while spreading the outcomes: thin history never yields certainty', () => {
    const forecast = simulateCapacity(
      chooseThroughput([closedSprint(1, 20, 10, [2, 2, 2, 2, 2, 2, 2, 2, 2, 2])], NOT_STARTED),
      5,
      NOT_STARTED,
      20_000,
      seededRandom(7),
    );
    expect(mean(forecast.capacities)).toBeCloseTo(10, 0);
    expect(forecast.probabilityOfCompleting(10)).toBeGreaterThan(0.2);
    expect(forecast.probabilityOfCompleting(10)).toBeLessThan(0.8);
  });

  it('draws contiguous blocks of a sprint’s days weighed against its even pace: lumps keep half their spread', () => {
    const forecast = simulateCapacity(lumpy, 2, NOT_STARTED, 20_000, seededRandom(3));
    // Two days of a 0/5 sprint are 0 (2 blocks in 10) or 5, a spread of 2; half of that block plus
    // half the even pace (2 a day) gives 2 or 4.5: never the flat 4 in every trial, nor the raw lumps.
    expect(forecast.probabilityOfCompleting(3)).toBeLessThan(0.9);
    expect(forecast.probabilityOfCompleting(1.5)).toBeGreaterThan(0.95);
    expect(spreadOf(forecast.capacities)).toBeGreaterThan(0.8);
    expect(spreadOf(forecast.capacities)).toBeLessThan(1.5);
  });

  it('moves the forecast towards this sprint’s own pace as the sprint goes on', () => {
    const slow: SprintProgress = { doneWork: 4, elapsedDays: 5, committedWork: 40, totalDays: 10 };
    const onPace: SprintProgress = { doneWork: 10, elapsedDays: 5, committedWork: 40, totalDays: 10 };
    const slowModel = chooseThroughput(
      Array.from({ length: 6 }, (_, i) => closedSprint(i + 1, 20, 10, lumpyDays)),
      slow,
    );
    const slowForecast = simulateCapacity(slowModel, 5, slow, 10_000, seededRandom(5));
    const onPaceForecast = simulateCapacity(slowModel, 5, onPace, 10_000, seededRandom(5));
    expect(mean(slowForecast.capacities)).toBeLessThan(0.8 * mean(onPaceForecast.capacities));
  });

  it('has no capacity with no working time left', () => {
    const forecast = simulateCapacity(lumpy, 0, NOT_STARTED, 100, seededRandom(1));
    expect(forecast.capacityAt(0.5)).toBe(0);
    expect(forecast.probabilityOfCompleting(1)).toBe(0);
  });

  it('gives the same forecast for the same seed', () => {
    const first = simulateCapacity(lumpy, 6, NOT_STARTED, 1_000, seededRandom(11));
    const second = simulateCapacity(lumpy, 6, NOT_STARTED, 1_000, seededRandom(11));
    expect(second.capacities).toEqual(first.capacities);
  });
});

describe('effectiveDaysLeft', () => {
  it('takes days off and then availability off the working time left, never below zero', () => {
    expect(effectiveDaysLeft(5, undefined)).toBe(5);
    expect(effectiveDaysLeft(5, { availability: 0.8, daysOff: 1 })).toBeCloseTo(3.2, 10);
    expect(effectiveDaysLeft(2, { availability: 1, daysOff: 3 })).toBe(0);
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

  it('keeps the trials in their order whatever quantiles are asked, so trials stay paired with other draws', () => {
    const forecast = new CapacityForecast(Float64Array.from([5, 1, 4, 2, 3]));
    forecast.capacityAt(0.5);
    forecast.capacityAt(0.9);
    expect(Array.from(forecast.capacities)).toEqual([5, 1, 4, 2, 3]);
  });

  it('answers the same after any number of quantile questions in any order', () => {
    fc.assert(
      fc.property(
        capacities,
        fc.array(confidence, { maxLength: 6 }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        (values, asked, work) => {
          const untouched = new CapacityForecast(Float64Array.from(values));
          const questioned = new CapacityForecast(Float64Array.from(values));
          asked.forEach((c) => questioned.capacityAt(c));
          expect(questioned.probabilityOfCompleting(work)).toBe(untouched.probabilityOfCompleting(work));
          expect(questioned.capacityAt(0.5)).toBe(untouched.capacityAt(0.5));
        },
      ),
    );
  });

  it('refuses a forecast without trials', () => {
    expect(() => new CapacityForecast(new Float64Array(0))).toThrow(RangeError);
  });
});
