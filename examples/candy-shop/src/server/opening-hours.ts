import type { BusinessCalendarInput } from '@kefu/core';
import type { OpeningHours } from './config';

const daily = (periods: { start: string; end: string }[]) => ({
  mon: periods,
  tue: periods,
  wed: periods,
  thu: periods,
  fri: periods,
  sat: periods,
  sun: periods,
});

/**
 * The candy shop's service hours (营业时间) in Shanghai: every day 09:00–22:00, closed on the
 * Spring Festival days, with a make-up working day (调休). `always` keeps the desk open around the
 * clock, for demos at night and for tests that must not depend on the hour they run at.
 *
 * @example
 * createDesk({ storage, sla: { calendars: { shanghai: openingHours('shop') }, policies } });
 */
export function openingHours(hours: OpeningHours): BusinessCalendarInput {
  if (hours === 'always') {
    return { timeZone: 'Asia/Shanghai', weekly: daily([{ start: '00:00', end: '24:00' }]) };
  }
  return {
    timeZone: 'Asia/Shanghai',
    weekly: daily([{ start: '09:00', end: '22:00' }]),
    // 除夕 and the first two days of the 2027 Spring Festival.
    holidays: ['2027-02-05', '2027-02-06', '2027-02-07'],
    specialDays: [{ date: '2027-02-08', periods: [{ start: '10:00', end: '18:00' }] }],
  };
}
