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

/**
 * The instant at which the wall clock in `timeZone` shows `date` and `minutes` after midnight.
 * A time skipped by a DST change (02:30 when clocks jump from 02:00 to 03:00) maps to the instant
 * after the jump; a repeated time maps to its first occurrence.
 */
export function zonedInstant(date: LocalDate, minutes: number, timeZone: string): number {
  const naive = Date.UTC(date.year, date.month - 1, date.day, 0, minutes);
  const first = naive - offsetAt(naive, timeZone);
  const second = naive - offsetAt(first, timeZone);
  if (first === second) return first;
  // The offset changes around this time: take the earlier reading that shows the asked time,
  // or (in a gap) the later one.
  const earlier = Math.min(first, second);
  const later = Math.max(first, second);
  const shows = (at: number) => {
    const w = wallClock(at, timeZone);
    return w.hour * 60 + w.minute === minutes && w.day === date.day;
  };
  if (shows(earlier)) return earlier;
  if (shows(later)) return later;
  return later;
}

const QUARTER_HOUR = 15 * 60_000;
const localHours = new Map<string, Map<number, LocalDate & { hour: number }>>();

/**
 * Local date and hour of `at` in `timeZone`. Memoised per quarter hour: every zone's offset is a
 * multiple of 15 minutes, so a local hour never changes inside a quarter hour, and formatting with
 * `Intl` is the slow part of business-time arithmetic and of grouping by day.
 */
export function localHourOf(at: number, timeZone: string): LocalDate & { hour: number } {
  let byQuarter = localHours.get(timeZone);
  if (!byQuarter) {
    byQuarter = new Map();
    localHours.set(timeZone, byQuarter);
  }
  const quarter = Math.floor(at / QUARTER_HOUR);
  let value = byQuarter.get(quarter);
  if (!value) {
    const { year, month, day, hour } = wallClock(quarter * QUARTER_HOUR, timeZone);
    value = { year, month, day, hour };
    if (byQuarter.size > 50_000) byQuarter.clear();
    byQuarter.set(quarter, value);
  }
  return value;
}

/** The local date of `at` in `timeZone`. */
export function localDateOf(at: number, timeZone: string): LocalDate {
  const { year, month, day } = localHourOf(at, timeZone);
  return { year, month, day };
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
