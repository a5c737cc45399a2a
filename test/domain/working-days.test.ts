import fc from 'fast-check';
import { countWorkingDays, sprintWorkingDays } from '../../src/domain/working-days';

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
    expect(sprintWorkingDays('2024-05-05T06:00:00.000Z', '2024-05-16T15:00:00.000Z', '2024-05-09T08:00:00.000Z', sundayToThursday)).toEqual({
      elapsed: 4,
      left: 6,
      total: 10,
    });
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
