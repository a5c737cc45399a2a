/**
 * The seed's sprint reads the same whenever the sandbox starts: browser tests run on the real
 * clock, and a sprint anchored on the calendar read from 31% to 63% over one week's hours.
 */
import { onWorkingDay, sprintDates } from '../../sandbox/jira/seed';
import { countWorkingDays, workingTimeBetween } from '../../src/domain/working-days';

const MOMENTS = [
  '2026-11-25T12:00:00.000Z', // Wednesday noon: the tests' pinned clock
  '2026-12-07T09:30:00.000Z', // Monday morning
  '2026-12-09T16:30:00.000Z', // Wednesday, late
  '2026-12-11T16:59:00.000Z', // Friday, a minute before closing
  '2026-12-12T10:00:00.000Z', // Saturday
  '2026-12-06T08:00:00.000Z', // Sunday, before the working day would open
];

describe('the seed’s sprint dates', () => {
  it.each(MOMENTS)('has run 5⅜ of its 10 working days at %s', (moment) => {
    const now = new Date(moment);
    const { start, end } = sprintDates(now, 0);
    expect(workingTimeBetween(start.getTime(), now.getTime())).toBeCloseTo(5.375, 9);
    expect(workingTimeBetween(start.getTime(), end.getTime())).toBeCloseTo(10, 9);
    // The closed sprint before it ends where it starts: sprints back to back.
    expect(sprintDates(now, -1).end).toEqual(start);
  });

  it.each(MOMENTS)('places a sprint’s working day inside that day’s working hours at %s', (moment) => {
    const { start } = sprintDates(new Date(moment), 0);
    for (const day of [0, 1, 4, 5, 9]) {
      const at = Date.parse(onWorkingDay(start, day));
      // The day-th working date from the start's date (0 = the start's own), and after the start.
      expect(countWorkingDays(start.getTime(), at)).toBe(day + 1);
      expect(workingTimeBetween(start.getTime(), at)).toBeCloseTo(day + 1 / 480, 9);
    }
  });
});
