import { createMemoryAdapter } from '@kefu/adapter-memory';
import { describe, expect, it } from 'vitest';
import { createDesk } from '../desk/create-desk';
import { isKefuError } from '../errors/kefu-error';
import { VirtualClock } from '../time/virtual-clock';
import { forecastArrivals } from './forecast-arrivals';
import { localMidnight } from './local-time';
import { planStaffing } from './plan-staffing';
import { createSeededRandom } from './seeded-random';

const HOUR = 3_600_000;
const WEEK = 168 * HOUR;
const ZONE = 'Asia/Shanghai';
const START = localMidnight('2026-09-07', ZONE); // a Monday

/** The truth: a candy shop's week — quiet nights, a lunch and an evening peak, busier weekends. */
function truth(hourOfWeek: number): number {
  const hour = hourOfWeek % 24;
  const weekend = hourOfWeek >= 120 ? 1.5 : 1;
  const daily =
    hour < 8 ? 2 : hour < 12 ? 30 : hour < 14 ? 60 : hour < 19 ? 40 : hour < 23 ? 80 : 10;
  return daily * weekend;
}

/** Poisson arrivals at the true rate, hour by hour, for `weeks` weeks; a 5× spike on `spikeDay`. */
function seasonalLog(weeks: number, spikeDay: number | null, seed = 1) {
  const random = createSeededRandom(seed);
  const events: { type: string; at: number }[] = [];
  for (let k = 0; k < weeks * 168; k++) {
    const rate = truth(k % 168) * (spikeDay !== null && Math.floor(k / 24) === spikeDay ? 5 : 1);
    for (
      let at = random.exponential(HOUR / rate);
      at < HOUR;
      at += random.exponential(HOUR / rate)
    ) {
      events.push({ type: 'conversation.started', at: Math.floor(START + k * HOUR + at) });
    }
    events.push({ type: 'message.posted', at: START + k * HOUR });
  }
  return events;
}

describe('forecastArrivals', () => {
  it('recovers a known seasonal week, and scores itself on the held-out last week', async () => {
    const forecast = await forecastArrivals({
      events: seasonalLog(8, null),
      from: START,
      to: START + 8 * WEEK,
      timeZone: ZONE,
    });
    expect(forecast.weeks).toBe(8);
    expect(forecast.hourOfWeek).toHaveLength(168);
    // Against the truth: smoothing ~3 weeks of Poisson counts leaves ~10 % noise on a 60/h hour.
    const errors = forecast.hourOfWeek.map((value, h) => Math.abs(value - truth(h)) / truth(h));
    const busy = errors.filter((_, h) => truth(h) >= 30);
    expect(busy.reduce((a, b) => a + b, 0) / busy.length).toBeLessThan(0.15);
    // Held out: the error of a forecast against one week of Poisson counts (√60 / 60 ≈ 13 %).
    expect(forecast.error.hours).toBe(168);
    expect(forecast.error.wape).toBeGreaterThan(0.05);
    expect(forecast.error.wape).toBeLessThan(0.25);
    expect(forecast.error.mape).not.toBeNull();
    expect(forecast.hours).toHaveLength(7 * 24);
    expect(forecast.hours[13]?.arrivals).toBe(forecast.hourOfWeek[13]);
  });

  it('is exact on a log with no noise: MAPE 0', async () => {
    const events: { type: string; at: number }[] = [];
    for (let k = 0; k < 3 * 168; k++) {
      for (let i = 0; i < truth(k % 168); i++) {
        events.push({ type: 'conversation.started', at: START + k * HOUR + i * 1000 });
      }
    }
    const forecast = await forecastArrivals({
      events,
      from: START,
      to: START + 3 * WEEK,
      timeZone: ZONE,
    });
    expect(forecast.hourOfWeek).toEqual(Array.from({ length: 168 }, (_, h) => truth(h)));
    expect(forecast.error.mape).toBe(0);
    expect(forecast.error.wape).toBe(0);
  });

  it('leaves holidays of the calendar out of the history', async () => {
    // A sale day (Wednesday of week 3) with five times the chats.
    const events = seasonalLog(4, 7 * 2 + 2);
    const query = { events, from: START, to: START + 4 * WEEK, timeZone: ZONE };
    const naive = await forecastArrivals(query);
    const holiday = new Date(START + (7 * 2 + 2) * 24 * HOUR + 12 * HOUR)
      .toISOString()
      .slice(0, 10);
    const calendar = { timeZone: ZONE, weekly: {}, holidays: [holiday] };
    const aware = await forecastArrivals({ ...query, calendar });
    const wednesdayNoon = 2 * 24 + 12;
    expect(naive.hourOfWeek[wednesdayNoon]).toBeGreaterThan(1.5 * truth(wednesdayNoon));
    expect(
      Math.abs((aware.hourOfWeek[wednesdayNoon] ?? 0) / truth(wednesdayNoon) - 1),
    ).toBeLessThan(0.3);
  });

  it('reads a desk’s own event log', async () => {
    const clock = new VirtualClock(START);
    const desk = createDesk({ storage: createMemoryAdapter(), clock, routing: { auto: false } });
    await desk.customers.upsert({ id: 'cus_lin', name: '林小糖' });
    for (let week = 0; week < 2; week++) {
      for (let i = 0; i < 3; i++) {
        // Three chats every Monday 10:00–11:00.
        await clock.advanceTo(START + week * WEEK + 10 * HOUR + i * 60_000);
        await desk.conversations.start({ customerId: 'cus_lin' });
      }
    }
    const forecast = await forecastArrivals({
      desk,
      from: START,
      to: START + 2 * WEEK,
      timeZone: ZONE,
    });
    expect(forecast.hourOfWeek[10]).toBe(3);
    expect(forecast.error.mape).toBe(0);
    await desk.stop();
  });

  it('refuses a history shorter than two weeks, or two sources, with VALIDATION', async () => {
    for (const bad of [
      { events: [], from: START, to: START + WEEK },
      { events: [], desk: { events: {} }, from: START, to: START + 2 * WEEK },
      { from: START, to: START + 2 * WEEK },
      { events: [], from: START, to: START + 2 * WEEK, timeZone: 'Nowhere/Land' },
    ]) {
      const error = await forecastArrivals(bad as never).catch((e) => e);
      expect(isKefuError(error, 'VALIDATION')).toBe(true);
    }
  });
});

describe('planStaffing', () => {
  it('staffs each forecast hour for the target, and nobody for an empty hour', () => {
    const hours = [
      { start: START, hourOfWeek: 0, arrivals: 0, holiday: false },
      { start: START + HOUR, hourOfWeek: 1, arrivals: 360, holiday: false },
    ];
    const plan = planStaffing(
      { hours },
      {
        averageHandleSeconds: 240,
        answerWithinSeconds: 20,
        targetServiceLevel: 0.8,
        shrinkage: 0.3,
      },
    );
    expect(plan[0]).toMatchObject({ agents: 0, scheduledAgents: 0, serviceLevel: 1 });
    expect(plan[1]).toMatchObject({ agents: 29, scheduledAgents: 42 });
    expect(plan[1]?.serviceLevel).toBeGreaterThanOrEqual(0.8);
    const kept = planStaffing(
      { hours },
      {
        averageHandleSeconds: 240,
        answerWithinSeconds: 20,
        targetServiceLevel: 0.8,
        minimumAgents: 2,
      },
    );
    expect(kept[0]?.agents).toBe(2);
    expect(kept[1]?.agents).toBe(29);
  });

  it('refuses bad targets with VALIDATION', () => {
    let error: unknown;
    try {
      planStaffing(
        { hours: [] },
        { averageHandleSeconds: -1, answerWithinSeconds: 20, targetServiceLevel: 0.8 },
      );
    } catch (caught) {
      error = caught;
    }
    expect(isKefuError(error, 'VALIDATION')).toBe(true);
  });
});
