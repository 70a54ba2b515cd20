import { z } from 'zod';
import { KefuError } from '../errors/kefu-error';
import { parseInput } from '../validation/parse-input';
import {
  addDays,
  assertTimeZone,
  isoDate,
  type LocalDate,
  localDateOf,
  weekdayOf,
  zonedInstant,
} from './zoned-time';

const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'must be HH:MM, 00:00 to 24:00')
  .transform((value) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3)))
  .refine((minutes) => minutes <= 24 * 60, 'must be at most 24:00');

const PeriodSchema = z
  .object({ start: TimeOfDay, end: TimeOfDay })
  .refine((period) => period.start < period.end, 'a period must end after it starts');

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

export const BusinessCalendarSchema = z.object({
  /** IANA time zone, e.g. `Asia/Shanghai`. */
  timeZone: z.string().refine((zone) => {
    try {
      assertTimeZone(zone);
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Asia/Shanghai'),
  /** Opening periods per weekday, e.g. `mon: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '18:00' }]`. */
  weekly: z.object(
    Object.fromEntries(
      WEEKDAYS.map((day) => [day, z.array(PeriodSchema).max(8).default([])]),
    ) as Record<(typeof WEEKDAYS)[number], z.ZodDefault<z.ZodArray<typeof PeriodSchema>>>,
  ),
  /** Closed all day (节假日). */
  holidays: z.array(DateSchema).default([]),
  /** Days with their own periods, overriding the week and holidays (调休 working days). */
  specialDays: z
    .array(z.object({ date: DateSchema, periods: z.array(PeriodSchema).max(8) }))
    .default([]),
});

export type BusinessCalendarInput = z.input<typeof BusinessCalendarSchema>;

/** Business-hours arithmetic in one time zone. Durations are in ms of open time. */
export interface BusinessCalendar {
  readonly timeZone: string;
  isOpen(at: number): boolean;
  /** `at` itself when open, else the next opening instant; null if it never opens again. */
  nextOpening(at: number): number | null;
  /** The instant when `durationMs` of open time has passed after `start`. */
  addBusinessTime(start: number, durationMs: number): number;
  /** Open time between `a` and `b` (negative when `b` is before `a`). */
  businessTimeBetween(a: number, b: number): number;
}

type Interval = readonly [start: number, end: number];

// How far to look for an opening before deciding a calendar never opens (two years).
const SEARCH_DAYS = 731;

/**
 * Creates a business calendar. DST-correct: periods are wall-clock times in the calendar's zone.
 *
 * @example
 * const shanghai = createBusinessCalendar({
 *   timeZone: 'Asia/Shanghai',
 *   weekly: { mon: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '18:00' }] },
 *   holidays: ['2026-10-01'],
 * });
 * shanghai.addBusinessTime(Date.parse('2026-11-13T16:30:00+08:00'), 3_600_000);
 */
export function createBusinessCalendar(input: BusinessCalendarInput): BusinessCalendar {
  const config = parseInput(BusinessCalendarSchema, input, 'business calendar');
  const { timeZone } = config;
  const holidays = new Set(config.holidays);
  const special = new Map(config.specialDays.map((day) => [day.date, day.periods]));
  const cache = new Map<string, Interval[]>();

  function intervalsOn(date: LocalDate): Interval[] {
    const key = isoDate(date);
    const cached = cache.get(key);
    if (cached) return cached;
    const periods =
      special.get(key) ??
      (holidays.has(key)
        ? []
        : config.weekly[WEEKDAYS[weekdayOf(date)] as (typeof WEEKDAYS)[number]]);
    const intervals: Interval[] = [];
    for (const period of [...periods].sort((x, y) => x.start - y.start)) {
      const start = zonedInstant(date, period.start, timeZone);
      const end = zonedInstant(date, period.end, timeZone);
      const last = intervals.at(-1);
      // Overlapping or touching periods count once.
      if (last && start <= last[1])
        intervals[intervals.length - 1] = [last[0], Math.max(last[1], end)];
      else intervals.push([start, end]);
    }
    if (cache.size > 4096) cache.clear();
    cache.set(key, intervals);
    return intervals;
  }

  /** Open intervals that end after `from`, in time order, day by day. */
  function* intervalsFrom(from: number): Generator<Interval> {
    // Start a day early: a period of the previous local day may still be running.
    let date = addDays(localDateOf(from, timeZone), -1);
    for (let day = 0; day < SEARCH_DAYS; day++, date = addDays(date, 1)) {
      for (const interval of intervalsOn(date)) {
        if (interval[1] > from) yield interval;
      }
    }
  }

  const calendar: BusinessCalendar = {
    timeZone,
    isOpen(at) {
      for (const [start, end] of intervalsFrom(at)) return start <= at && at < end;
      return false;
    },
    nextOpening(at) {
      for (const [start] of intervalsFrom(at)) return Math.max(start, at);
      return null;
    },
    addBusinessTime(start, durationMs) {
      if (durationMs < 0) throw new RangeError('addBusinessTime takes a non-negative duration');
      let left = durationMs;
      for (const [open, close] of intervalsFrom(start)) {
        const from = Math.max(open, start);
        if (left === 0) return from;
        if (close - from >= left) return from + left;
        left -= close - from;
      }
      throw new KefuError('VALIDATION', 'The calendar does not open again within two years.');
    },
    businessTimeBetween(a, b) {
      if (b < a) return -calendar.businessTimeBetween(b, a);
      let total = 0;
      for (const [open, close] of intervalsFrom(a)) {
        if (open >= b) break;
        total += Math.min(close, b) - Math.max(open, a);
      }
      return total;
    },
  };
  return calendar;
}

/** Every instant open: "calendar hours". */
export const ALWAYS_OPEN: BusinessCalendar = {
  timeZone: 'UTC',
  isOpen: () => true,
  nextOpening: (at) => at,
  addBusinessTime: (start, durationMs) => start + durationMs,
  businessTimeBetween: (a, b) => b - a,
};
