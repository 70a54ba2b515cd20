import { describe, expect, it } from 'vitest';
import { ALWAYS_OPEN, createBusinessCalendar } from './business-calendar';
import {
  checkClock,
  elapsedAt,
  meetClock,
  nextCheckAt,
  pauseClock,
  rebudgetClock,
  resumeClock,
  startClock,
} from './sla-clock';

const MINUTE = 60_000;
const spec = {
  target: 'firstResponse' as const,
  policyId: 'p',
  budgetMs: 10 * MINUTE,
  hours: 'calendar' as const,
  calendarId: null,
};

describe('SLA clock', () => {
  it('runs, pauses, resumes where it stopped, and is met', () => {
    let clock = startClock(spec, 0, ALWAYS_OPEN);
    expect(clock).toMatchObject({ status: 'running', dueAt: 10 * MINUTE });
    clock = pauseClock(clock, 4 * MINUTE, ALWAYS_OPEN);
    expect(clock).toMatchObject({ status: 'paused', elapsedMs: 4 * MINUTE, dueAt: null });
    expect(elapsedAt(clock, 60 * MINUTE, ALWAYS_OPEN)).toBe(4 * MINUTE);
    clock = resumeClock(clock, 60 * MINUTE, ALWAYS_OPEN);
    expect(clock.dueAt).toBe(66 * MINUTE);
    clock = meetClock(clock, 61 * MINUTE, ALWAYS_OPEN);
    expect(clock).toMatchObject({ status: 'met', elapsedMs: 5 * MINUTE, metAt: 61 * MINUTE });
    expect(resumeClock(clock, 70 * MINUTE, ALWAYS_OPEN)).toBe(clock);
  });

  it('announces each warning and the breach once, dating the breach at the due instant', () => {
    const clock = startClock(spec, 0, ALWAYS_OPEN);
    expect(nextCheckAt(clock, ALWAYS_OPEN, [0.75, 0.9])).toBe(7.5 * MINUTE);
    const late = checkClock(clock, 12 * MINUTE, ALWAYS_OPEN, [0.9, 0.75]);
    expect(late.signals).toEqual([
      { kind: 'warning', threshold: 0.75 },
      { kind: 'warning', threshold: 0.9 },
      { kind: 'breached' },
    ]);
    expect(late.clock).toMatchObject({ status: 'breached', breachedAt: 10 * MINUTE });
    expect(checkClock(late.clock, 20 * MINUTE, ALWAYS_OPEN, [0.75, 0.9]).signals).toEqual([]);
    expect(meetClock(late.clock, 20 * MINUTE, ALWAYS_OPEN)).toMatchObject({
      status: 'met',
      breachedAt: 10 * MINUTE,
    });
  });

  it('takes a new budget from now on, keeping the time counted', () => {
    const clock = rebudgetClock(
      startClock(spec, 0, ALWAYS_OPEN),
      { ...spec, policyId: 'urgent', budgetMs: 5 * MINUTE },
      3 * MINUTE,
      ALWAYS_OPEN,
    );
    expect(clock).toMatchObject({
      policyId: 'urgent',
      elapsedMs: 3 * MINUTE,
      since: 3 * MINUTE,
      dueAt: 5 * MINUTE,
    });
  });

  it('counts business time only on a business calendar', () => {
    const calendar = createBusinessCalendar({
      timeZone: 'UTC',
      weekly: { mon: [{ start: '09:00', end: '10:00' }] },
    });
    const monday = Date.UTC(2026, 10, 16, 9, 50);
    const clock = startClock(
      { ...spec, budgetMs: 20 * MINUTE, hours: 'business', calendarId: 'c' },
      monday,
      calendar,
    );
    expect(clock.dueAt).toBe(Date.UTC(2026, 10, 23, 9, 10));
    expect(elapsedAt(clock, Date.UTC(2026, 10, 20), calendar)).toBe(10 * MINUTE);
  });
});
