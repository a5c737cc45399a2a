import fc from 'fast-check';
import { countWorkingDays, sprintWorkingDays, sprintWorkingTime, workingTimeBetween } from '../../src/domain/working-days';

// A two-week sprint: Monday 6 May 2024, 09:00 UTC, to Friday 17 May 2024, 17:00 UTC.
const START = '2024-05-06T09:00:00.000Z';
const END = '2024-05-17T17:00:00.000Z';

describe('sprintWorkingDays', () => {
  it('counts today as a day left and the week behind as elapsed on the second Monday', () => {
    expect(sprintWorkingDays(START, END, '2024-05-13T10:00:00.000Z')).toEqual({ elapsed: 5, left: 5, total: 10 });
  });

  it('still counts the last day as left on the afternoon of the last day', () => {
    expect(sprintWorkingDays(START, END, '2024-05-17T15:00:00.000Z')).toEqual({ elapsed: 9, left: 1, total: 10 });
  });

  it('counts no elapsed days on the first morning', () => {
    expect(sprintWorkingDays(START, END, '2024-05-06T08:00:00.000Z')).toEqual({ elapsed: 0, left: 10, total: 10 });
  });

  it('skips the weekend: on Saturday the first week is elapsed and five days are left', () => {
    expect(sprintWorkingDays(START, END, '2024-05-11T12:00:00.000Z')).toEqual({ elapsed: 5, left: 5, total: 10 });
  });

  it('leaves no days once the sprint has ended', () => {
    expect(sprintWorkingDays(START, END, '2024-05-18T09:00:00.000Z')).toEqual({ elapsed: 10, left: 0, total: 10 });
  });

  it('does not give a sprint ending at midnight the date it ends on', () => {
    expect(sprintWorkingDays(START, '2024-05-20T00:00:00.000Z', START).total).toBe(10);
  });

  it('follows the configured working week (Sunday to Thursday)', () => {
    const sundayToThursday = [7, 1, 2, 3, 4];
    expect(sprintWorkingDays('2024-05-05T06:00:00.000Z', '2024-05-16T15:00:00.000Z', '2024-05-09T08:00:00.000Z', sundayToThursday)).toEqual(
      {
        elapsed: 4,
        left: 6,
        total: 10,
      },
    );
  });

  it('has no days to count for a sprint without dates', () => {
    expect(sprintWorkingDays(null, END, START)).toEqual({ elapsed: 0, left: 0, total: 0 });
    expect(sprintWorkingDays(START, null, START)).toEqual({ elapsed: 0, left: 0, total: 0 });
  });

  it('splits the sprint exactly into elapsed and left at any moment inside it', () => {
    const startMs = Date.parse(START);
    const endMs = Date.parse(END);
    fc.assert(
      fc.property(fc.integer({ min: startMs, max: endMs - 1 }), (nowMs) => {
        const days = sprintWorkingDays(START, END, new Date(nowMs).toISOString());
        expect(days.elapsed + days.left).toBe(days.total);
      }),
    );
  });
});

describe('countWorkingDays', () => {
  it('counts five working days in any seven consecutive dates', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), (dayNumber) => {
        const from = dayNumber * 86_400_000;
        expect(countWorkingDays(from, from + 7 * 86_400_000)).toBe(5);
      }),
    );
  });

  it('counts nothing for an empty or reversed range', () => {
    expect(countWorkingDays(Date.parse(END), Date.parse(START))).toBe(0);
    expect(countWorkingDays(Date.parse(START), Date.parse(START))).toBe(0);
  });
});

describe('sprintWorkingTime', () => {
  it('counts working hours (09:00–17:00) as parts of a working day: half a day left at 13:00', () => {
    expect(sprintWorkingTime(START, END, '2024-05-13T13:00:00.000Z')).toEqual({ elapsed: 5.5, left: 4.5, total: 10, pastEnd: false });
  });

  it('stands still over the weekend: Friday evening, Saturday and Monday morning read alike', () => {
    for (const now of ['2024-05-10T17:30:00.000Z', '2024-05-11T12:00:00.000Z', '2024-05-12T23:00:00.000Z', '2024-05-13T08:59:00.000Z']) {
      expect(sprintWorkingTime(START, END, now)).toEqual({ elapsed: 5, left: 5, total: 10, pastEnd: false });
    }
  });

  it('gives a sprint starting on a Saturday the same ten days as one starting on a Monday', () => {
    expect(sprintWorkingTime('2024-05-04T09:00:00.000Z', '2024-05-18T09:00:00.000Z', '2024-05-11T12:00:00.000Z')).toEqual({
      elapsed: 5,
      left: 5,
      total: 10,
      pastEnd: false,
    });
  });

  it('says when the sprint is past its end date, with no time left', () => {
    expect(sprintWorkingTime(START, END, '2024-05-20T10:00:00.000Z')).toEqual({ elapsed: 10, left: 0, total: 10, pastEnd: true });
  });

  it('never jumps: working time left falls by at most the time that passed', () => {
    const startMs = Date.parse(START);
    const endMs = Date.parse(END);
    fc.assert(
      fc.property(fc.integer({ min: startMs, max: endMs }), fc.integer({ min: 0, max: 3 * 86_400_000 }), (nowMs, step) => {
        const earlier = sprintWorkingTime(START, END, new Date(nowMs).toISOString());
        const later = sprintWorkingTime(START, END, new Date(nowMs + step).toISOString());
        expect(earlier.left - later.left).toBeGreaterThanOrEqual(-1e-9);
        expect(earlier.left - later.left).toBeLessThanOrEqual(step / (8 * 3_600_000) + 1e-9);
        expect(workingTimeBetween(nowMs, Math.min(endMs, nowMs + step))).toBeCloseTo(earlier.left - later.left, 9);
      }),
    );
  });
});
