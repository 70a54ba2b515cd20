import { describe, expect, it } from 'vitest';
import { type BusinessCalendarInput, createBusinessCalendar } from './business-calendar';

const HOUR = 3_600_000;
const MINUTE = 60_000;
const at = (iso: string) => Date.parse(iso);
const iso = (instant: number | null) => (instant === null ? null : new Date(instant).toISOString());

type Periods = { start: string; end: string }[];
const daily = (periods: Periods) =>
  Object.fromEntries(
    ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((day) => [day, periods]),
  );
const weekdays = (periods: Periods) => ({
  mon: periods,
  tue: periods,
  wed: periods,
  thu: periods,
  fri: periods,
});
const calendar = (timeZone: string, weekly: BusinessCalendarInput['weekly'], more = {}) =>
  createBusinessCalendar({ timeZone, weekly, ...more });

// The five cases of issue 27, each with the instants the "compatible" rule gives.
describe('clock changes follow one rule: skipped times move forward by the gap, repeated times take their first occurrence', () => {
  it('1. a period straddling the spring-forward gap is never negative and adds no late time', () => {
    // 02:45 is skipped and reads as 03:45 EDT, after the period's 03:30 close: no time that night.
    const newYork = calendar('America/New_York', daily([{ start: '02:45', end: '03:30' }]));
    const midnight = at('2026-03-08T00:00:00-05:00');
    expect(newYork.businessTimeBetween(midnight, at('2026-03-08T07:00:00-04:00'))).toBe(0);
    expect(iso(newYork.addBusinessTime(midnight, MINUTE))).toBe(
      iso(at('2026-03-09T02:46:00-04:00')),
    );
    expect(newYork.isOpen(at('2026-03-08T03:15:00-04:00'))).toBe(false);
    // The day before and after count their 45 minutes.
    expect(newYork.businessTimeBetween(at('2026-03-07T00:00:00-05:00'), midnight)).toBe(
      45 * MINUTE,
    );
  });

  it('1b. a period starting before the gap runs to its wall-clock end', () => {
    const newYork = calendar('America/New_York', daily([{ start: '01:30', end: '03:30' }]));
    const day = [at('2026-03-08T00:00:00-05:00'), at('2026-03-09T00:00:00-04:00')] as const;
    // 01:30 EST to 03:30 EDT is one real hour.
    expect(newYork.businessTimeBetween(...day)).toBe(HOUR);
    expect(iso(newYork.addBusinessTime(day[0], 45 * MINUTE))).toBe(
      iso(at('2026-03-08T03:15:00-04:00')),
    );
  });

  it('2. a period entirely inside the gap never opens, so nextOpening is always open', () => {
    const newYork = calendar(
      'America/New_York',
      daily([
        { start: '02:00', end: '03:00' },
        { start: '09:00', end: '17:00' },
      ]),
    );
    const saturdayNight = at('2026-03-07T22:00:00-05:00');
    const next = newYork.nextOpening(saturdayNight);
    expect(iso(next)).toBe(iso(at('2026-03-08T09:00:00-04:00')));
    expect(newYork.isOpen(next ?? 0)).toBe(true);
  });

  it.each([
    // [zone, period, the night the clocks go back, its local midnight, real open time]
    ['Australia/Sydney', '02:00', '03:00', '2026-04-05', '+11:00', 2 * HOUR],
    ['Europe/London', '01:00', '02:00', '2026-10-25', '+01:00', 2 * HOUR],
    ['Europe/Berlin', '02:00', '03:00', '2026-10-25', '+02:00', 2 * HOUR],
    // Lord Howe goes back half an hour, 02:00 → 01:30.
    ['Australia/Lord_Howe', '01:30', '02:00', '2026-04-05', '+11:00', HOUR],
    // Samoa's last clock change, 04:00 → 03:00 on 4 April 2021.
    ['Pacific/Apia', '03:00', '04:00', '2021-04-04', '+14:00', 2 * HOUR],
    ['America/New_York', '01:00', '02:00', '2026-11-01', '-04:00', 2 * HOUR],
  ])(
    '3. %s %s–%s on %s: a repeated hour counts both times',
    (zone, start, end, date, offset, open) => {
      const fallBack = calendar(zone, daily([{ start, end }]));
      const midnight = at(`${date}T00:00:00${offset}`);
      expect(fallBack.businessTimeBetween(midnight, midnight + 12 * HOUR)).toBe(open);
      // Opens at the first occurrence of the start.
      expect(iso(fallBack.nextOpening(midnight))).toBe(iso(at(`${date}T${start}:00${offset}`)));
    },
  );

  it('4. a day ending at 24:00 the night before a fall-back counts each real hour once', () => {
    const sydney = calendar('Australia/Sydney', daily([{ start: '00:00', end: '24:00' }]));
    const from = at('2026-04-04T12:00:00Z');
    expect(sydney.businessTimeBetween(from, from + 6 * HOUR)).toBe(6 * HOUR);
    expect(sydney.addBusinessTime(from, 6 * HOUR)).toBe(from + 6 * HOUR);
    // 5 April has 25 real hours.
    const day = [at('2026-04-05T00:00:00+11:00'), at('2026-04-06T00:00:00+10:00')] as const;
    expect(sydney.businessTimeBetween(...day)).toBe(25 * HOUR);
  });

  it('5. a skipped calendar day contributes nothing and shifts nothing onto the next', () => {
    // Samoa skipped Friday 30 December 2011: Thursday 23:59 (−10:00) was followed by Saturday 00:00 (+14:00).
    const apia = calendar('Pacific/Apia', weekdays([{ start: '09:00', end: '17:00' }]));
    const thursdayClose = at('2011-12-29T17:00:00-10:00');
    const mondayOpen = at('2012-01-02T09:00:00+14:00');
    expect(apia.isOpen(at('2011-12-31T10:00:00+14:00'))).toBe(false);
    expect(apia.businessTimeBetween(thursdayClose, mondayOpen)).toBe(0);
    expect(iso(apia.nextOpening(thursdayClose))).toBe(iso(mondayOpen));
    expect(iso(apia.addBusinessTime(at('2011-12-29T16:00:00-10:00'), 2 * HOUR))).toBe(
      iso(at('2012-01-02T10:00:00+14:00')),
    );
  });
});

describe('overnight periods', () => {
  const nights = calendar('Asia/Shanghai', {
    fri: [{ start: '22:00', end: '06:00' }],
    sat: [{ start: '05:00', end: '09:00' }],
  });

  it('run from the evening into the next morning, merging with a period they touch', () => {
    expect(nights.isOpen(at('2026-11-14T03:00:00+08:00'))).toBe(true);
    expect(iso(nights.addBusinessTime(at('2026-11-13T23:00:00+08:00'), 3 * HOUR))).toBe(
      iso(at('2026-11-14T02:00:00+08:00')),
    );
    // 22:00 to 09:00 once, though Friday's night and Saturday's morning overlap 05:00–06:00.
    expect(
      nights.businessTimeBetween(at('2026-11-13T20:00:00+08:00'), at('2026-11-14T12:00:00+08:00')),
    ).toBe(11 * HOUR);
  });

  it('belong to the day they start on: a holiday closes its own night, not the night before', () => {
    const withHoliday = calendar(
      'Asia/Shanghai',
      { fri: [{ start: '22:00', end: '06:00' }], sat: [{ start: '22:00', end: '06:00' }] },
      { holidays: ['2026-11-14'] },
    );
    expect(withHoliday.isOpen(at('2026-11-14T03:00:00+08:00'))).toBe(true);
    expect(withHoliday.isOpen(at('2026-11-15T03:00:00+08:00'))).toBe(false);
  });

  it.each([
    [
      'the spring-forward night (7 real hours)',
      '2026-03-07T22:00:00-05:00',
      '2026-03-08T06:00:00-04:00',
      7,
    ],
    [
      'the fall-back night (9 real hours)',
      '2026-10-31T22:00:00-04:00',
      '2026-11-01T06:00:00-05:00',
      9,
    ],
  ])('count real time across %s', (_night, from, to, hours) => {
    const newYork = calendar('America/New_York', { sat: [{ start: '22:00', end: '06:00' }] });
    expect(newYork.businessTimeBetween(at(from) - HOUR, at(to) + HOUR)).toBe(hours * HOUR);
    expect(iso(newYork.addBusinessTime(at(from), hours * HOUR))).toBe(iso(at(to)));
  });
});

describe('holiday ranges', () => {
  const nineToSix = weekdays([{ start: '09:00', end: '18:00' }]);
  const springFestival = { from: '2027-02-05', to: '2027-02-11', name: '春节' };

  it('close every day of the range, first and last included', () => {
    const shanghai = calendar('Asia/Shanghai', nineToSix, { holidays: [springFestival] });
    expect(iso(shanghai.addBusinessTime(at('2027-02-04T17:00:00+08:00'), 2 * HOUR))).toBe(
      iso(at('2027-02-12T10:00:00+08:00')),
    );
    expect(shanghai.isOpen(at('2027-02-11T10:00:00+08:00'))).toBe(false);
    expect(shanghai.isOpen(at('2027-02-12T09:00:00+08:00'))).toBe(true);
  });

  it('give way to special working days (调休), even inside the range', () => {
    const shanghai = calendar('Asia/Shanghai', nineToSix, {
      holidays: ['2027-01-01', springFestival],
      specialDays: [{ date: '2027-02-07', periods: [{ start: '09:00', end: '18:00' }] }],
    });
    expect(iso(shanghai.addBusinessTime(at('2027-02-04T17:00:00+08:00'), 2 * HOUR))).toBe(
      iso(at('2027-02-07T10:00:00+08:00')),
    );
    expect(shanghai.isOpen(at('2027-01-01T10:00:00+08:00'))).toBe(false);
  });

  it('leave calendars written with single dates as they were', () => {
    const single = calendar('Asia/Shanghai', nineToSix, { holidays: ['2027-02-05'] });
    const range = calendar('Asia/Shanghai', nineToSix, {
      holidays: [{ from: '2027-02-05', to: '2027-02-05' }],
    });
    const friday = at('2027-02-05T08:00:00+08:00');
    expect(single.nextOpening(friday)).toBe(range.nextOpening(friday));
    expect(iso(single.nextOpening(friday))).toBe(iso(at('2027-02-08T09:00:00+08:00')));
    // As before, a single date that is not on the calendar closes nothing (not 2 March).
    const lenient = calendar('Asia/Shanghai', nineToSix, { holidays: ['2026-02-30'] });
    expect(lenient.isOpen(at('2026-03-02T10:00:00+08:00'))).toBe(true);
  });
});
