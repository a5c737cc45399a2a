import { doneByDay } from '../../src/domain/burn-up';
import type { SprintIssue } from '../../src/domain/sprint';

type Done = Pick<SprintIssue, 'points' | 'statusCategory' | 'doneAt'>;
const done = (points: number | null, doneAt?: string): Done => ({ points, statusCategory: 'done', ...(doneAt ? { doneAt } : {}) });

// ONB Sprint 7's shape: starts Monday 2026-11-16 09:00 UTC, two weeks; today is Thursday of week two.
const START = '2026-11-16T09:00:00.000Z';
const END = '2026-11-30T17:00:00.000Z';
const NOW = '2026-11-26T14:00:00.000Z';

describe('the burn-up’s done line', () => {
  it('gives the points done by the end of each working day so far, weekends left out, today included', () => {
    const days = doneByDay(
      [done(3, '2026-11-16T15:00:00.000Z'), done(2, '2026-11-18T10:00:00.000Z'), done(5, '2026-11-26T09:30:00.000Z')],
      START,
      END,
      NOW,
    );
    expect(days.map((day) => day.date)).toEqual([
      '2026-11-16',
      '2026-11-17',
      '2026-11-18',
      '2026-11-19',
      '2026-11-20',
      '2026-11-23',
      '2026-11-24',
      '2026-11-25',
      '2026-11-26',
    ]);
    expect(days.map((day) => day.donePoints)).toEqual([3, 3, 5, 5, 5, 5, 5, 5, 10]);
  });

  it('counts work done before the start on the first day and work done at the weekend on the Friday before', () => {
    const days = doneByDay([done(1, '2026-11-14T12:00:00.000Z'), done(2, '2026-11-22T12:00:00.000Z')], START, END, NOW);
    expect(days[0]).toEqual({ date: '2026-11-16', donePoints: 1 });
    expect(days.find((day) => day.date === '2026-11-20')?.donePoints).toBe(3);
    expect(days.find((day) => day.date === '2026-11-19')?.donePoints).toBe(1);
  });

  it('ends at the points done now: work not done is left out, and a done issue without a date counts today', () => {
    const issues: Done[] = [
      done(3, '2026-11-17T10:00:00.000Z'),
      done(4),
      { points: 8, statusCategory: 'in-progress' },
      done(null, '2026-11-17T11:00:00.000Z'),
    ];
    const days = doneByDay(issues, START, END, NOW);
    expect(days[days.length - 1]).toEqual({ date: '2026-11-26', donePoints: 7 });
    expect(days[days.length - 2]?.donePoints).toBe(3);
  });

  it('stops at the sprint’s end, and has no days before a sprint starts or without a start', () => {
    const after = doneByDay([done(2, '2026-11-20T10:00:00.000Z')], START, END, '2026-12-03T10:00:00.000Z');
    expect(after[after.length - 1]).toEqual({ date: '2026-11-30', donePoints: 2 });
    expect(after).toHaveLength(11);
    expect(doneByDay([done(2)], START, END, '2026-11-15T10:00:00.000Z')).toEqual([]);
    expect(doneByDay([done(2)], null, END, NOW)).toEqual([]);
  });

  it('follows the board’s working days', () => {
    const sundayToThursday = [7, 1, 2, 3, 4];
    const days = doneByDay([done(2, '2026-11-20T10:00:00.000Z')], START, END, '2026-11-23T10:00:00.000Z', sundayToThursday);
    expect(days.map((day) => day.date)).toEqual(['2026-11-16', '2026-11-17', '2026-11-18', '2026-11-19', '2026-11-22', '2026-11-23']);
    // Done on a Friday, a day off here: it counts on the Thursday before.
    expect(days.find((day) => day.date === '2026-11-19')?.donePoints).toBe(2);
  });

  it('places the days on the site’s clock: done on Monday evening in Los Angeles counts on Monday there', () => {
    // The same sprint in Los Angeles: Monday 16 November 09:00 PST to Monday 30 November.
    const start = '2026-11-16T17:00:00.000Z';
    const mondayEvening = done(3, '2026-11-17T03:00:00.000Z');
    const inLosAngeles = doneByDay([mondayEvening], start, END, '2026-11-17T20:00:00.000Z', undefined, 'America/Los_Angeles');
    expect(inLosAngeles).toEqual([
      { date: '2026-11-16', donePoints: 3 },
      { date: '2026-11-17', donePoints: 3 },
    ]);
    // On UTC's clock the same moment is Tuesday.
    expect(doneByDay([mondayEvening], start, END, '2026-11-17T20:00:00.000Z')).toEqual([
      { date: '2026-11-16', donePoints: 0 },
      { date: '2026-11-17', donePoints: 3 },
    ]);
  });
});
