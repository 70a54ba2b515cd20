import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BusinessCalendarInput, createBusinessCalendar } from './business-calendar';

// Invariants of business time over random zones, years and calendars, with starts concentrated
// near clock changes, checked against an oracle that shares no code with the calendar: it steps
// real time minute by minute through `Intl.DateTimeFormat` and applies the written rule (a
// skipped wall time moves forward by the gap, a repeated one takes its first occurrence).

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY_MINUTES = 1440;
const ZONES = [
  'America/New_York',
  'Australia/Sydney',
  'Europe/London',
  'Europe/Berlin',
  'Australia/Lord_Howe',
  'Pacific/Apia',
  'Asia/Shanghai',
  'Asia/Kathmandu',
  'UTC',
  'America/St_Johns',
  'America/Santiago',
] as const;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

// ---- the oracle --------------------------------------------------------------------------

// Swedish dates read like ISO 8601: "2026-03-08 03:00".
const swedish = (timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone,
    dateStyle: 'short',
    timeStyle: 'short',
    hourCycle: 'h23',
  });
const formats = new Map<string, Intl.DateTimeFormat>();
/** The wall clock of real minute `minute` (since the epoch) as minutes since the epoch. */
function wallMinute(minute: number, timeZone: string): number {
  const format = formats.get(timeZone) ?? swedish(timeZone);
  formats.set(timeZone, format);
  const text = format.format(minute * MINUTE);
  const match = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})$/.exec(text);
  if (!match) throw new Error(`unexpected format in ${timeZone}: ${text}`);
  const [, year, month, day, hour, min] = match.map(Number) as number[];
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour, min) / MINUTE;
}

/**
 * Every real minute of [from, to) with its wall clock; wall times resolved by the written rule.
 * The wall clock is read at every whole hour and at every minute of an hour whose offset differs
 * at its two ends (no zone changes its clocks twice within an hour), which gives every minute's
 * reading at a fraction of the cost of formatting each one.
 */
function oracleWindow(timeZone: string, fromMinute: number, toMinute: number) {
  const walls: number[] = [];
  const first = new Map<number, number>();
  for (let hour = fromMinute; hour < toMinute; hour += 60) {
    const offset = wallMinute(hour, timeZone) - hour;
    const steady = wallMinute(hour + 60, timeZone) - (hour + 60) === offset;
    for (let m = hour; m < Math.min(hour + 60, toMinute); m++) {
      const wall = steady ? m + offset : wallMinute(m, timeZone);
      walls.push(wall);
      if (!first.has(wall)) first.set(wall, m);
    }
  }
  /** The real minute at which wall time `wall` (minutes since the epoch) is read. */
  function resolve(wall: number): number {
    const seen = first.get(wall);
    if (seen !== undefined) return seen;
    // Skipped: find the jump over it and read it with the offset from before the jump.
    for (let i = 0; i + 1 < walls.length; i++) {
      const [before, after] = [walls[i] as number, walls[i + 1] as number];
      if (before < wall && wall < after) return fromMinute + i + (wall - before);
    }
    throw new Error('wall time outside the oracle window');
  }
  return { walls, resolve };
}

type Period = { start: number; end: number };
interface Plan {
  weekly: Period[][];
  holidays: [from: number, to: number][];
  special: Map<number, Period[]>;
}

/** Open intervals (real minutes) of the periods starting on local days `fromDay`..`toDay`. */
function oracleIntervals(
  plan: Plan,
  resolve: (wall: number) => number,
  fromDay: number,
  toDay: number,
) {
  const intervals: [number, number][] = [];
  for (let day = fromDay; day <= toDay; day++) {
    const start = resolve(day * DAY_MINUTES);
    const end = resolve((day + 1) * DAY_MINUTES);
    if (end <= start) continue;
    const periods =
      plan.special.get(day) ??
      (plan.holidays.some(([a, b]) => a <= day && day <= b)
        ? []
        : (plan.weekly[new Date(day * 86_400_000).getUTCDay()] ?? []));
    for (const p of periods) {
      const open = Math.max(start, resolve(day * DAY_MINUTES + p.start));
      const close =
        p.end > p.start
          ? Math.min(end, resolve(day * DAY_MINUTES + p.end))
          : resolve((day + 1) * DAY_MINUTES + p.end);
      if (close > open) intervals.push([open, close]);
    }
  }
  return (minute: number) => intervals.some(([open, close]) => open <= minute && minute < close);
}

// ---- clock changes to start near -------------------------------------------------------

const changes = new Map<string, number[]>();
/** Real minutes at which the offset of `timeZone` changes in `year` (day scan, then hour, then minute). */
function clockChanges(timeZone: string, year: number): number[] {
  const key = `${timeZone} ${year}`;
  const cached = changes.get(key);
  if (cached) return cached;
  const offset = (m: number) => wallMinute(m, timeZone) - m;
  const found: number[] = [];
  const narrow = (from: number, to: number, step: number): void => {
    for (let m = from; m < to; m += step) {
      if (offset(m) === offset(m + step)) continue;
      if (step === 1) found.push(m + 1);
      else narrow(m, m + step, step === DAY_MINUTES ? 60 : 1);
    }
  };
  const start = Date.UTC(year, 0, 1) / MINUTE;
  narrow(start, Date.UTC(year + 1, 0, 1) / MINUTE, DAY_MINUTES);
  changes.set(key, found);
  return found;
}

// ---- random calendars -------------------------------------------------------------------

const NEAR_CHANGES = [0, 30, 60, 90, 105, 120, 150, 165, 180, 210, 240, 1380, 1410];
const timeOfDay = fc.oneof(
  fc.constantFrom(...NEAR_CHANGES),
  fc.integer({ min: 0, max: 95 }).map((q) => q * 15),
);
// Ends before starts are overnight periods; 24:00 ends a day.
const period = fc
  .tuple(timeOfDay, fc.oneof(timeOfDay, fc.constant(DAY_MINUTES)))
  .filter(([start, end]) => start !== end)
  .map(([start, end]): Period => ({ start, end }));
const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

const sample = (zones: readonly string[], years: { min: number; max: number }) =>
  fc.record({
    zone: fc.constantFrom(...zones),
    year: fc.integer(years),
    pick: fc.nat(),
    // Within 40 hours either side of a clock change, to the millisecond; or anywhere in the year.
    offsetMs: fc.integer({ min: -40 * HOUR, max: 40 * HOUR }),
    anywhere: fc.boolean(),
    weekly: fc.array(fc.array(period, { maxLength: 3 }), { minLength: 7, maxLength: 7 }),
    holidayDays: fc.array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.nat({ max: 3 })), {
      maxLength: 2,
    }),
    specialDays: fc.array(
      fc.tuple(fc.integer({ min: -3, max: 3 }), fc.array(period, { maxLength: 2 })),
      {
        maxLength: 1,
      },
    ),
    durationMs: fc.integer({ min: 0, max: 60 * HOUR }),
  });

type Sample = ReturnType<typeof sample> extends fc.Arbitrary<infer S> ? S : never;

function check(s: Sample): void {
  const found = clockChanges(s.zone, s.year);
  const yearStart = Date.UTC(s.year, 0, 1);
  const anchorMs =
    s.anywhere || found.length === 0
      ? yearStart + (s.pick % 365) * 86_400_000 + s.offsetMs
      : (found[s.pick % found.length] as number) * MINUTE + s.offsetMs;
  const anchor = Math.floor(anchorMs / MINUTE);
  // Wall times from three days before the anchor's day to three days after, with room for offsets.
  const before = 4 * DAY_MINUTES + 120;
  const window = oracleWindow(s.zone, anchor - before, anchor + 3 * DAY_MINUTES + 120);
  const today = Math.floor((window.walls[before] as number) / DAY_MINUTES);

  const plan: Plan = {
    weekly: s.weekly,
    holidays: s.holidayDays.map(([from, length]) => [today + from, today + from + length]),
    special: new Map(s.specialDays.map(([day, periods]) => [today + day, periods])),
  };
  const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
  const toInput = (periods: Period[]) =>
    periods.map((p) => ({ start: hhmm(p.start), end: hhmm(p.end) }));
  const input: BusinessCalendarInput = {
    timeZone: s.zone,
    weekly: Object.fromEntries(WEEKDAYS.map((name, i) => [name, toInput(s.weekly[i] ?? [])])),
    holidays: plan.holidays.map(([from, to]) => ({ from: isoDay(from), to: isoDay(to) })),
    specialDays: [...plan.special].map(([day, periods]) => ({
      date: isoDay(day),
      periods: toInput(periods),
    })),
  };
  const calendar = createBusinessCalendar(input);
  const open = oracleIntervals(plan, window.resolve, today - 3, today + 1);

  // Counting a day equals the sum of its real open minutes; a skipped day has none.
  for (let day = today - 1; day <= today + 1; day++) {
    const start = window.resolve(day * DAY_MINUTES);
    const end = window.resolve((day + 1) * DAY_MINUTES);
    let minutes = 0;
    for (let m = start; m < end; m++) if (open(m)) minutes++;
    expect(calendar.businessTimeBetween(start * MINUTE, end * MINUTE), `${isoDay(day)}`).toBe(
      minutes * MINUTE,
    );
  }
  const a = anchorMs;
  expect(calendar.isOpen(a)).toBe(open(anchor));
  // Never negative, in either order's sign convention.
  const b = a + s.durationMs;
  expect(calendar.businessTimeBetween(a, b)).toBeGreaterThanOrEqual(0);
  expect(calendar.businessTimeBetween(b, a)).toBeLessThanOrEqual(0);
  // nextOpening is open, by the calendar and by the oracle.
  const next = calendar.nextOpening(a);
  if (next !== null) {
    expect(calendar.isOpen(next)).toBe(true);
    if (next < (today + 2) * DAY_MINUTES * MINUTE - 14 * HOUR)
      expect(open(Math.floor(next / MINUTE))).toBe(true);
    // Adding time lands where exactly that much open time has passed.
    const due = calendar.addBusinessTime(a, s.durationMs);
    expect(calendar.businessTimeBetween(a, due)).toBe(s.durationMs);
  }
}

describe('business calendar invariants against a minute-stepping Intl oracle', () => {
  it('hold in eleven zones, 2005–2030, near clock changes', () => {
    fc.assert(fc.property(sample(ZONES, { min: 2005, max: 2030 }), check), { numRuns: 100 });
  });

  it('hold around the day Samoa skipped (30 December 2011) and its DST changes', () => {
    fc.assert(fc.property(sample(['Pacific/Apia'], { min: 2011, max: 2012 }), check), {
      numRuns: 30,
    });
  });
});
