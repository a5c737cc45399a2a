/**
 * Wall-clock days in a time zone (issue 13: working days count "in the site's time zone").
 * A team in San Francisco starts its day when it is 17:00 in UTC; counted in UTC, its whole
 * working day would read as over before it began. Offsets come from the runtime's time-zone
 * database (Intl, with daylight saving time); nothing here reads the clock.
 */

export const UTC = 'UTC';
const MS_PER_DAY = 86_400_000;

const formatters = new Map<string, Intl.DateTimeFormat | null>();

/** The zone's wall clock, or null for a name the time-zone database does not know. */
function formatterOf(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat('en-US', {
        timeZone,
        hourCycle: 'h23',
        year: 'numeric',
        month: 'numeric',
        day: 'numeric',
        hour: 'numeric',
        minute: 'numeric',
        second: 'numeric',
      });
    } catch {
      formatter = null;
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Whether the time-zone database knows `timeZone` (an IANA name such as "Europe/Berlin"). */
export function isKnownTimeZone(timeZone: string): boolean {
  return timeZone === UTC || formatterOf(timeZone) !== null;
}

const MS_PER_HOUR = 3_600_000;
/**
 * Offsets already read, by zone and UTC hour: asking Intl costs tens of microseconds, and an
 * assessment asks for the same few hours (working days' openings and closings) again and again.
 * Zones change offset on the hour (the few that change on a half hour are read at the hour's start).
 */
const offsetsByHour = new Map<string, Map<number, number>>();
/** Hours kept per zone before the zone's offsets are read afresh: bounds the memory. */
const MAX_HOURS_KEPT = 20_000;

/** How far the zone's wall clock is ahead of UTC at `instantMs` (negative west of Greenwich); 0 for an unknown zone. */
export function zoneOffsetMs(instantMs: number, timeZone: string): number {
  if (timeZone === UTC) return 0;
  const formatter = formatterOf(timeZone);
  if (!formatter) return 0;
  const hour = Math.floor(instantMs / MS_PER_HOUR);
  let offsets = offsetsByHour.get(timeZone);
  if (!offsets || offsets.size >= MAX_HOURS_KEPT) {
    offsets = new Map();
    offsetsByHour.set(timeZone, offsets);
  }
  const known = offsets.get(hour);
  if (known !== undefined) return known;
  const part: Record<string, number> = {};
  for (const { type, value } of formatter.formatToParts(hour * MS_PER_HOUR)) part[type] = Number(value);
  const offset = Date.UTC(part.year!, part.month! - 1, part.day!, part.hour!, part.minute!, part.second!) - hour * MS_PER_HOUR;
  offsets.set(hour, offset);
  return offset;
}

/** The zone's calendar date of an instant, as a day number (days since 1970-01-01). */
export function localDayOf(instantMs: number, timeZone: string): number {
  return Math.floor((instantMs + zoneOffsetMs(instantMs, timeZone)) / MS_PER_DAY);
}

/**
 * The instant the zone's clock reads `msIntoDay` into day number `day`. A wall time that a change
 * of daylight saving time skips or repeats (night hours, in nearly every zone) gives an instant
 * within the change's hour: working hours never fall there.
 */
export function instantAt(day: number, msIntoDay: number, timeZone: string): number {
  const wallClock = day * MS_PER_DAY + msIntoDay;
  const guess = wallClock - zoneOffsetMs(wallClock, timeZone);
  return wallClock - zoneOffsetMs(guess, timeZone);
}
