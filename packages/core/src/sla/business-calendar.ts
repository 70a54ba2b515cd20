import { z } from 'zod';
import { KefuError } from '../errors/kefu-error';
import { parseInput } from '../validation/parse-input';
import { assertTimeZone, dateOfEpochDay, epochDay, localDateOf, zonedInstant } from './zoned-time';

const TimeOfDay = z
  .string()
  .regex(/^([01]\d|2[0-4]):[0-5]\d$/, 'must be HH:MM, 00:00 to 24:00')
  .transform((value) => Number(value.slice(0, 2)) * 60 + Number(value.slice(3)))
  .refine((minutes) => minutes <= 24 * 60, 'must be at most 24:00');

const PeriodSchema = z
  .object({ start: TimeOfDay, end: TimeOfDay })
  .refine((period) => period.start < 24 * 60, 'a period cannot start at 24:00; start it at 00:00')
  .refine(
    (period) => period.start !== period.end,
    'a period must not end when it starts (an end before the start runs into the next day)',
  );

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD');
const DAY_MS = 86_400_000;
/** Day number of a YYYY-MM-DD date; NaN for one that is not on the calendar (2026-02-30). */
const epochDayOf = (iso: string) => {
  const at = Date.parse(`${iso}T00:00:00Z`);
  return new Date(at).toISOString().startsWith(iso) ? at / DAY_MS : Number.NaN;
};
// Single dates keep their old leniency (a date not on the calendar closes nothing); ranges are new
// and must name real days.
const RealDateSchema = DateSchema.refine(
  (iso) => !Number.isNaN(epochDayOf(iso)),
  'must be a date on the calendar',
);

const HolidayRangeSchema = z
  .object({
    /** First closed day. */
    from: RealDateSchema,
    /** Last closed day, inclusive. */
    to: RealDateSchema,
    /** What the break is called, e.g. 春节. */
    name: z.string().max(100).optional(),
  })
  // YYYY-MM-DD strings sort like the dates they name.
  .refine((range) => range.from <= range.to, {
    message: 'a holiday range must end on or after its first day',
    path: ['to'],
  });

const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

/**
 * A business calendar: a time zone, weekly opening periods, holidays and special days (调休).
 *
 * @example
 * ```ts
 * const input = BusinessCalendarSchema.parse({
 *   timeZone: 'Asia/Shanghai',
 *   weekly: { mon: [{ start: '09:00', end: '21:00' }], sat: [{ start: '10:00', end: '18:00' }] },
 *   holidays: ['2026-10-01'],
 * });
 * ```
 */
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
  /**
   * Opening periods per weekday, e.g. `mon: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '18:00' }]`.
   * A period whose end is before its start runs overnight into the next day (`22:00`–`06:00`).
   */
  weekly: z.object(
    Object.fromEntries(
      WEEKDAYS.map((day) => [day, z.array(PeriodSchema).max(8).default([])]),
    ) as Record<(typeof WEEKDAYS)[number], z.ZodDefault<z.ZodArray<typeof PeriodSchema>>>,
  ),
  /** Closed all day (节假日): single dates, or ranges such as `{ from: '2027-02-05', to: '2027-02-11', name: '春节' }`. */
  holidays: z.array(z.union([DateSchema, HolidayRangeSchema])).default([]),
  /** Days with their own periods, overriding the week and holidays (调休 working days). */
  specialDays: z
    .array(z.object({ date: DateSchema, periods: z.array(PeriodSchema).max(8) }))
    .default([]),
});

/**
 * What {@link BusinessCalendarSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const shopHours: BusinessCalendarInput = {
 *   timeZone: 'Asia/Shanghai',
 *   weekly: { mon: [{ start: '09:00', end: '21:00' }], sat: [{ start: '10:00', end: '18:00' }] },
 *   holidays: ['2026-10-01'],
 * };
 * const calendar = createBusinessCalendar(shopHours);
 * ```
 */
export type BusinessCalendarInput = z.input<typeof BusinessCalendarSchema>;

/**
 * Business-hours arithmetic in one time zone. Durations are in ms of open time.
 *
 * @example
 * ```ts
 * const calendar: BusinessCalendar = createBusinessCalendar(shopHours);
 * const due = calendar.addBusinessTime(Date.now(), 4 * 3_600_000);
 * const open = calendar.isOpen(Date.now());
 * ```
 */
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
type Period = { start: number; end: number };
/** One local day: the instants it spans (empty when the day was skipped) and the open intervals of the periods that start on it. */
type Day = { start: number; end: number; intervals: Interval[] };

// How far to look for an opening before deciding a calendar never opens (two years).
const SEARCH_DAYS = 731;

/**
 * Creates a business calendar. Periods are wall-clock times in the calendar's zone; a period whose
 * end is before its start runs overnight into the next day and belongs to the day it starts on.
 * Wall times that a clock change skips or repeats follow Temporal's "compatible" rule: a skipped
 * time moves forward by the gap, a repeated time is its first occurrence; a period that is left
 * with no time (02:00–03:00 on a spring-forward night) is closed, and so is a day the zone skipped.
 *
 * @example
 * const shanghai = createBusinessCalendar({
 *   timeZone: 'Asia/Shanghai',
 *   weekly: { mon: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '18:00' }] },
 *   holidays: ['2026-10-01', { from: '2027-02-05', to: '2027-02-11', name: '春节' }],
 *   specialDays: [{ date: '2027-02-13', periods: [{ start: '09:00', end: '18:00' }] }],
 * });
 * shanghai.addBusinessTime(Date.parse('2026-11-13T16:30:00+08:00'), 3_600_000);
 */
export function createBusinessCalendar(input: BusinessCalendarInput): BusinessCalendar {
  const config = parseInput(BusinessCalendarSchema, input, 'business calendar');
  const { timeZone } = config;
  const dayOf = epochDayOf;
  const holidays = config.holidays.map((holiday): [from: number, to: number] =>
    typeof holiday === 'string'
      ? [dayOf(holiday), dayOf(holiday)]
      : [dayOf(holiday.from), dayOf(holiday.to)],
  );
  const special = new Map(config.specialDays.map((day) => [dayOf(day.date), day.periods]));
  const cache = new Map<number, Day>();

  function periodsOn(day: number): Period[] {
    const periods = special.get(day);
    if (periods) return periods;
    if (holidays.some(([from, to]) => from <= day && day <= to)) return [];
    const weekday = WEEKDAYS[(((day + 4) % 7) + 7) % 7] as (typeof WEEKDAYS)[number];
    return config.weekly[weekday];
  }

  function dayAt(day: number): Day {
    const cached = cache.get(day);
    if (cached) return cached;
    const date = dateOfEpochDay(day);
    const next = dateOfEpochDay(day + 1);
    const start = zonedInstant(date, 0, timeZone);
    const end = zonedInstant(next, 0, timeZone);
    const intervals: Interval[] = [];
    // A day the zone skipped (Samoa's 30 December 2011) has no time to open in.
    if (end > start) {
      for (const period of periodsOn(day)) {
        const open = Math.max(start, zonedInstant(date, period.start, timeZone));
        const close =
          period.end > period.start
            ? Math.min(end, zonedInstant(date, period.end, timeZone))
            : zonedInstant(next, period.end, timeZone);
        // Both ends inside one skipped hour: the period has no time.
        if (close > open) intervals.push([open, close]);
      }
      intervals.sort((x, y) => x[0] - y[0]);
    }
    const result: Day = { start, end, intervals };
    if (cache.size > 4096) cache.clear();
    cache.set(day, result);
    return result;
  }

  /**
   * Open intervals that end after `from`, in time order, day by day. Overlapping or touching
   * intervals (a night period running into the next morning's) are merged, so none is counted twice.
   */
  function* intervalsFrom(from: number): Generator<Interval> {
    // Start two days early: an overnight period of an earlier day may still be running, even
    // across a skipped day.
    const first = epochDay(localDateOf(from, timeZone)) - 2;
    let open = 0;
    let close = Number.NEGATIVE_INFINITY;
    for (let day = first; day < first + SEARCH_DAYS; day++) {
      const { start, intervals } = dayAt(day);
      // Every interval of this day starts at or after `start`: one that closed before cannot grow.
      if (close < start && close > from) {
        yield [open, close];
        close = Number.NEGATIVE_INFINITY;
      }
      for (const [s, e] of intervals) {
        if (s <= close) close = Math.max(close, e);
        else {
          if (close > from) yield [open, close];
          open = s;
          close = e;
        }
      }
    }
    if (close > from) yield [open, close];
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

/**
 * Every instant open: "calendar hours".
 *
 * @example
 * ```ts
 * ALWAYS_OPEN.addBusinessTime(start, 30_000) === start + 30_000; // true
 * ```
 */
export const ALWAYS_OPEN: BusinessCalendar = {
  timeZone: 'UTC',
  isOpen: () => true,
  nextOpening: (at) => at,
  addBusinessTime: (start, durationMs) => start + durationMs,
  businessTimeBetween: (a, b) => b - a,
};
