import { instantAt, isKnownTimeZone, localDayOf, zoneOffsetMs } from '../../src/domain/time-zone';
import { countWorkingDays, sprintWorkingTime, workingTimeBetween } from '../../src/domain/working-days';

const at = (iso: string) => Date.parse(iso);
const HOUR = 3_600_000;

describe('a time zone’s wall clock', () => {
  it('reads the zone’s offset from the time-zone database, with daylight saving time', () => {
    expect(zoneOffsetMs(at('2024-01-15T12:00:00Z'), 'America/Los_Angeles')).toBe(-8 * HOUR);
    expect(zoneOffsetMs(at('2024-07-15T12:00:00Z'), 'America/Los_Angeles')).toBe(-7 * HOUR);
    expect(zoneOffsetMs(at('2024-07-15T12:00:00Z'), 'Europe/Berlin')).toBe(2 * HOUR);
    expect(zoneOffsetMs(at('2024-07-15T12:00:00Z'), 'Asia/Kolkata')).toBe(5.5 * HOUR);
    expect(zoneOffsetMs(at('2024-07-15T12:00:00Z'), 'UTC')).toBe(0);
  });

  it('knows the database’s names and nothing else; an unknown one reads as UTC', () => {
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(zoneOffsetMs(at('2024-07-15T12:00:00Z'), 'Mars/Olympus_Mons')).toBe(0);
  });

  it('gives the zone’s date of an instant, and the instant of a wall time on a date', () => {
    // Monday 13 May 2024, 23:30 in Los Angeles is already Tuesday in UTC.
    const lateMonday = at('2024-05-14T06:30:00Z');
    expect(localDayOf(lateMonday, 'America/Los_Angeles')).toBe(localDayOf(at('2024-05-13T12:00:00Z'), 'UTC'));
    expect(instantAt(localDayOf(lateMonday, 'America/Los_Angeles'), 9 * HOUR, 'America/Los_Angeles')).toBe(at('2024-05-13T16:00:00Z'));
  });
});

describe('working days on the site’s clock', () => {
  const LA = 'America/Los_Angeles';
  const WEEKDAYS = [1, 2, 3, 4, 5];

  it('counts a Los Angeles working day, 09:00–17:00 there, as one whole day (in UTC hours it would read as an eighth)', () => {
    const from = at('2024-05-13T16:00:00Z');
    const to = at('2024-05-14T00:00:00Z');
    expect(workingTimeBetween(from, to, WEEKDAYS, LA)).toBeCloseTo(1, 9);
    expect(workingTimeBetween(from, to, WEEKDAYS)).toBeCloseTo(1 / 8, 9);
  });

  it('puts a late evening on the zone’s date: Friday 20:00 in Los Angeles is no Saturday', () => {
    const fridayEvening = at('2024-05-18T03:00:00Z');
    expect(countWorkingDays(fridayEvening, fridayEvening + 1, WEEKDAYS, LA)).toBe(1);
    expect(countWorkingDays(fridayEvening, fridayEvening + 1, WEEKDAYS)).toBe(0);
  });

  it('reads a Los Angeles sprint half-way through at its own Monday 09:00, not at Monday 09:00 UTC', () => {
    // Two weeks from Monday 6 May, 09:00 PDT, to Friday 17 May, 17:00 PDT.
    const sprint = ['2024-05-06T16:00:00.000Z', '2024-05-18T00:00:00.000Z'] as const;
    const mondayMorningThere = sprintWorkingTime(...sprint, '2024-05-13T16:00:00.000Z', WEEKDAYS, LA);
    expect(mondayMorningThere).toMatchObject({ total: 10, pastEnd: false });
    expect(mondayMorningThere.elapsed).toBeCloseTo(5, 9);
    expect(mondayMorningThere.left).toBeCloseTo(5, 9);
  });

  it('keeps a working day whole across the spring change to daylight saving time', () => {
    // Monday 11 March 2024 in Los Angeles, the day after clocks went forward: 09:00–17:00 PDT.
    expect(workingTimeBetween(at('2024-03-10T00:00:00Z'), at('2024-03-12T12:00:00Z'), WEEKDAYS, LA)).toBeCloseTo(1, 9);
  });
});
