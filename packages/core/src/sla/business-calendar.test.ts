import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKefuError } from '../errors/kefu-error';
import {
  ALWAYS_OPEN,
  type BusinessCalendarInput,
  createBusinessCalendar,
} from './business-calendar';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const nineToFive = [{ start: '09:00', end: '17:00' }];
const weekdays = (periods: { start: string; end: string }[]) => ({
  mon: periods,
  tue: periods,
  wed: periods,
  thu: periods,
  fri: periods,
});

const calendars: Record<string, BusinessCalendarInput> = {
  shanghai: {
    timeZone: 'Asia/Shanghai',
    weekly: weekdays([
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '18:00' },
    ]),
    holidays: ['2026-10-01', '2026-10-02'],
    specialDays: [{ date: '2026-10-10', periods: [{ start: '10:00', end: '16:00' }] }],
  },
  berlin: { timeZone: 'Europe/Berlin', weekly: weekdays(nineToFive), holidays: ['2026-12-25'] },
  newYork: {
    timeZone: 'America/New_York',
    weekly: { ...weekdays(nineToFive), sat: [{ start: '10:00', end: '14:00' }] },
  },
};

// [calendar, start (ISO with offset), business duration, expected due (ISO with offset)]
const addCases: [string, string, number, string][] = [
  // The known answer: Friday 16:30 plus one business hour is Monday 09:30.
  ['berlin', '2026-11-13T16:30:00+01:00', HOUR, '2026-11-16T09:30:00+01:00'],
  ['shanghai', '2026-11-13T11:30:00+08:00', HOUR, '2026-11-13T14:00:00+08:00'],
  ['shanghai', '2026-11-13T07:00:00+08:00', 30 * MINUTE, '2026-11-13T09:30:00+08:00'],
  ['shanghai', '2026-11-13T12:30:00+08:00', 10 * MINUTE, '2026-11-13T13:40:00+08:00'],
  ['shanghai', '2026-11-13T17:30:00+08:00', 2 * HOUR, '2026-11-16T10:30:00+08:00'],
  ['shanghai', '2026-09-30T17:00:00+08:00', 2 * HOUR, '2026-10-05T10:00:00+08:00'],
  ['shanghai', '2026-10-09T17:30:00+08:00', HOUR, '2026-10-10T10:30:00+08:00'],
  ['shanghai', '2026-11-13T09:00:00+08:00', 0, '2026-11-13T09:00:00+08:00'],
  ['shanghai', '2026-11-14T09:00:00+08:00', 0, '2026-11-16T09:00:00+08:00'],
  // Berlin leaves summer time on 25 October 2026 (Sunday): Friday 16:00 +02:00 → Monday 10:00 +01:00.
  ['berlin', '2026-10-23T16:00:00+02:00', 2 * HOUR, '2026-10-26T10:00:00+01:00'],
  // Berlin enters summer time on 29 March 2026.
  ['berlin', '2026-03-27T16:00:00+01:00', 2 * HOUR, '2026-03-30T10:00:00+02:00'],
  ['berlin', '2026-12-24T16:00:00+01:00', 2 * HOUR, '2026-12-28T10:00:00+01:00'],
  // New York: DST starts 8 March and ends 1 November 2026; Saturdays 10–14.
  ['newYork', '2026-03-06T16:00:00-05:00', 2 * HOUR, '2026-03-07T11:00:00-05:00'],
  ['newYork', '2026-03-07T13:00:00-05:00', 2 * HOUR, '2026-03-09T10:00:00-04:00'],
  ['newYork', '2026-10-31T13:00:00-04:00', 2 * HOUR, '2026-11-02T10:00:00-05:00'],
  ['newYork', '2026-11-02T08:00:00-05:00', 8 * HOUR + 30 * MINUTE, '2026-11-03T09:30:00-05:00'],
];

describe('business calendar: addBusinessTime and businessTimeBetween', () => {
  it.each(addCases)('%s: %s + %d ms → %s', (name, start, duration, due) => {
    const calendar = createBusinessCalendar(calendars[name] as BusinessCalendarInput);
    expect(new Date(calendar.addBusinessTime(Date.parse(start), duration)).toISOString()).toBe(
      new Date(Date.parse(due)).toISOString(),
    );
    expect(calendar.businessTimeBetween(Date.parse(start), Date.parse(due))).toBe(duration);
  });
});

describe('business calendar: isOpen and nextOpening', () => {
  const shanghai = createBusinessCalendar(calendars.shanghai as BusinessCalendarInput);
  it.each([
    ['2026-11-13T09:00:00+08:00', true, '2026-11-13T09:00:00+08:00'],
    ['2026-11-13T08:59:59+08:00', false, '2026-11-13T09:00:00+08:00'],
    ['2026-11-13T12:00:00+08:00', false, '2026-11-13T13:30:00+08:00'],
    ['2026-11-13T18:00:00+08:00', false, '2026-11-16T09:00:00+08:00'],
    ['2026-10-01T10:00:00+08:00', false, '2026-10-05T09:00:00+08:00'],
    ['2026-10-10T10:30:00+08:00', true, '2026-10-10T10:30:00+08:00'],
  ])('at %s open=%s, next opening %s', (at, open, next) => {
    expect(shanghai.isOpen(Date.parse(at))).toBe(open);
    expect(new Date(shanghai.nextOpening(Date.parse(at)) ?? 0).toISOString()).toBe(
      new Date(Date.parse(next)).toISOString(),
    );
  });

  it('says null for a calendar that never opens, and refuses to add time on it', () => {
    const closed = createBusinessCalendar({ timeZone: 'UTC', weekly: {} });
    expect(closed.nextOpening(0)).toBeNull();
    let error: unknown;
    try {
      closed.addBusinessTime(0, 1);
    } catch (e) {
      error = e;
    }
    expect(isKefuError(error, 'VALIDATION')).toBe(true);
  });

  it('refuses bad configuration with VALIDATION', () => {
    for (const bad of [
      { timeZone: 'Mars/Olympus', weekly: {} },
      { timeZone: 'UTC', weekly: { mon: [{ start: '09:00', end: '09:00' }] } },
      { timeZone: 'UTC', weekly: { mon: [{ start: '24:00', end: '06:00' }] } },
      { timeZone: 'UTC', weekly: { mon: [{ start: '09:00', end: '24:01' }] } },
      { timeZone: 'UTC', weekly: {}, holidays: [{ from: '2027-02-11', to: '2027-02-05' }] },
      { timeZone: 'UTC', weekly: {}, holidays: [{ from: '2027-02-05' }] },
      { timeZone: 'UTC', weekly: {}, holidays: [{ from: '2027-02-05', to: '2027-02-30' }] },
      { timeZone: 'UTC', weekly: { mon: [{ start: '9am', end: '17:00' }] } },
      { timeZone: 'UTC', weekly: {}, holidays: ['1 Oct'] },
    ]) {
      let error: unknown;
      try {
        createBusinessCalendar(bad as BusinessCalendarInput);
      } catch (e) {
        error = e;
      }
      expect(isKefuError(error, 'VALIDATION')).toBe(true);
    }
  });

  it('calendar hours are every hour', () => {
    expect(ALWAYS_OPEN.addBusinessTime(5, 10)).toBe(15);
    expect(ALWAYS_OPEN.businessTimeBetween(5, 15)).toBe(10);
  });
});

describe('business calendar properties', () => {
  const start = Date.parse('2026-01-01T00:00:00Z');
  const instant = fc.integer({ min: start, max: start + 400 * 24 * HOUR });
  const duration = fc.integer({ min: 0, max: 200 * HOUR });
  for (const name of Object.keys(calendars)) {
    const calendar = createBusinessCalendar(calendars[name] as BusinessCalendarInput);
    it(`${name}: businessTimeBetween(a, addBusinessTime(a, d)) === d`, () => {
      fc.assert(
        fc.property(instant, duration, (a, d) => {
          expect(calendar.businessTimeBetween(a, calendar.addBusinessTime(a, d))).toBe(d);
        }),
        { numRuns: 200 },
      );
    });
    it(`${name}: both are monotonic`, () => {
      fc.assert(
        fc.property(instant, duration, duration, (a, d1, d2) => {
          const [small, large] = d1 <= d2 ? [d1, d2] : [d2, d1];
          expect(calendar.addBusinessTime(a, small)).toBeLessThanOrEqual(
            calendar.addBusinessTime(a, large),
          );
          const b = a + small;
          const c = a + large;
          expect(calendar.businessTimeBetween(a, b)).toBeLessThanOrEqual(
            calendar.businessTimeBetween(a, c),
          );
        }),
        { numRuns: 200 },
      );
    });
  }
});
