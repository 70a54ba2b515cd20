/** A calendar date in some time zone. Months are 1–12; weekday 0 = Sunday. */
export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

/** Throws a RangeError for a time zone `Intl` does not know. */
export function assertTimeZone(timeZone: string): void {
  formatter(timeZone);
}

/** The wall-clock fields of `at` in `timeZone`. */
export function wallClock(at: number, timeZone: string) {
  const fields: Record<string, number> = {};
  for (const part of formatter(timeZone).formatToParts(at)) {
    if (part.type !== 'literal') fields[part.type] = Number(part.value);
  }
  return {
    year: fields.year ?? 0,
    month: fields.month ?? 1,
    day: fields.day ?? 1,
    hour: fields.hour ?? 0,
    minute: fields.minute ?? 0,
    second: fields.second ?? 0,
  };
}

/** Offset of `timeZone` from UTC at `at`, in ms (Asia/Shanghai: +8 h). */
function offsetAt(at: number, timeZone: string): number {
  const w = wallClock(at, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(at / 1000) * 1000;
}

const DAY = 86_400_000;

/**
 * The instant at which the wall clock in `timeZone` shows `date` and `minutes` after midnight
 * (1440 is the next day's midnight). Wall times that do not exist or exist twice follow Temporal's
 * "compatible" disambiguation: a time skipped by a clock change (02:30 when clocks jump from 02:00
 * to 03:00) moves forward by the length of the gap (03:30); a repeated time (01:30 when clocks go
 * back from 02:00 to 01:00) takes its first occurrence.
 *
 * @example
 * // New York springs forward on 8 March 2026: 02:30 does not exist and reads as 03:30 EDT.
 * zonedInstant({ year: 2026, month: 3, day: 8 }, 150, 'America/New_York'); // 2026-03-08T07:30Z
 */
export function zonedInstant(date: LocalDate, minutes: number, timeZone: string): number {
  const naive = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  // The offsets in force a day either side: no zone changes its clocks twice within two days, so
  // every instant that shows this wall time is `naive` minus one of them.
  const before = offsetAt(naive - DAY, timeZone);
  const after = offsetAt(naive + DAY, timeZone);
  if (before === after) return naive - before;
  // A change near this wall time. Both readings may show it (a repeated time: take the earlier,
  // which uses the larger offset), one may, or neither (a skipped time: read it with the offset
  // from before the gap, which lands the gap's length later).
  const earlier = naive - Math.max(before, after);
  const later = naive - Math.min(before, after);
  if (offsetAt(earlier, timeZone) === naive - earlier) return earlier;
  if (offsetAt(later, timeZone) === naive - later) return later;
  return naive - before;
}

type LocalHour = LocalDate & { hour: number };

const QUARTER_HOUR = 15 * 60_000;
/** Per zone, per quarter hour since the epoch: the local hour all of it shows, or null. */
const steadyHours = new Map<string, Map<number, LocalHour | null>>();

/**
 * Local date and hour of `at` in `timeZone`. Formatting with `Intl` is the slow part of
 * business-time arithmetic and of grouping a report by day, so the answer is memoised per quarter
 * hour — but only for a quarter hour that shows one local hour all through (see
 * {@link steadyLocalHour}); any other instant is formatted exactly.
 */
export function localHourOf(at: number, timeZone: string): LocalHour {
  let byQuarter = steadyHours.get(timeZone);
  if (!byQuarter) {
    byQuarter = new Map();
    steadyHours.set(timeZone, byQuarter);
  }
  const quarter = Math.floor(at / QUARTER_HOUR);
  let steady = byQuarter.get(quarter);
  if (steady === undefined) {
    steady = steadyLocalHour(quarter * QUARTER_HOUR, timeZone);
    if (byQuarter.size > 50_000) byQuarter.clear();
    byQuarter.set(quarter, steady);
  }
  return steady ?? exactLocalHour(at, timeZone);
}

/**
 * The local hour shown all through the quarter hour starting at `start`, or null if the local
 * hour changes inside it. Today's zones have offsets in whole quarter hours that change on quarter
 * hours, so nearly every quarter is steady; but Newfoundland moved its clocks at 00:01 until 2011
 * and local mean times (Dublin's −00:25:21 before 1916) put the hour change mid-quarter. The
 * quarter is steady when its first and last second show the same local hour, 14:59 apart: the
 * offset did not change in between (no zone changes it twice within 15 minutes).
 */
function steadyLocalHour(start: number, timeZone: string): LocalHour | null {
  const first = wallClock(start, timeZone);
  const last = wallClock(start + QUARTER_HOUR - 1000, timeZone);
  const sameHour =
    first.year === last.year &&
    first.month === last.month &&
    first.day === last.day &&
    first.hour === last.hour;
  const secondsApart = last.minute * 60 + last.second - (first.minute * 60 + first.second);
  if (!sameHour || secondsApart !== QUARTER_HOUR / 1000 - 1) return null;
  return { year: first.year, month: first.month, day: first.day, hour: first.hour };
}

function exactLocalHour(at: number, timeZone: string): LocalHour {
  const { year, month, day, hour } = wallClock(at, timeZone);
  return { year, month, day, hour };
}

/** The local date of `at` in `timeZone`. */
export function localDateOf(at: number, timeZone: string): LocalDate {
  const { year, month, day } = localHourOf(at, timeZone);
  return { year, month, day };
}

/** Days since 1970-01-01 of a calendar date (a plain count, no time zone). */
export function epochDay(date: LocalDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY;
}

/** The calendar date `epochDay` days after 1970-01-01. */
export function dateOfEpochDay(day: number): LocalDate {
  const moved = new Date(day * DAY);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

export function weekdayOf(date: LocalDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

export function isoDate(date: LocalDate): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.year}-${pad(date.month)}-${pad(date.day)}`;
}
