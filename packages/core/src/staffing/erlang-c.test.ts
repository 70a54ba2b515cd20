import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isKefuError } from '../errors/kefu-error';
import { erlangB, erlangC } from './erlang-c';

const failure = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure');
};

describe('erlangB', () => {
  it('matches the Erlang B table: 10 lines carry 4.461 Erlangs at 1 % blocking', () => {
    // Standard Erlang B traffic table (e.g. ITU-T E.520 / any telephony handbook): N = 10, B = 0.01 → 4.461 E.
    expect(erlangB(4.461, 10)).toBeCloseTo(0.01, 4);
    // And 30 lines at 25 Erlangs block about 5 % (N = 30, B = 0.05 → 24.80 E in the same tables).
    expect(erlangB(24.8, 30)).toBeCloseTo(0.05, 3);
  });
});

describe('erlangC', () => {
  const base = { arrivalsPerHour: 360, averageHandleSeconds: 240, answerWithinSeconds: 20 };

  it('gives the textbook answer: 360/h, 240 s, 28 agents, 20 s → P(wait) 0.333, ASA 20.0 s, SL 76.1 %', () => {
    const figures = erlangC({ ...base, agents: 28 });
    if (!figures.stable) throw new Error('expected a stable queue');
    expect(figures.offeredLoad).toBe(24);
    expect(figures.pWait).toBeCloseTo(0.3331, 4);
    expect(figures.asaSeconds).toBeCloseTo(19.99, 2);
    expect(figures.serviceLevel).toBeCloseTo(0.7613, 4);
    expect(figures.occupancy).toBeCloseTo(24 / 28, 10);
  });

  it('treats capacity as servers: 14 agents holding 2 chats each are 28 servers', () => {
    expect(erlangC({ ...base, agents: 14, capacity: 2 })).toEqual(erlangC({ ...base, agents: 28 }));
  });

  it('says the queue is unstable, not NaN, when agents do not exceed the load', () => {
    expect(erlangC({ ...base, agents: 24 })).toEqual({
      stable: false,
      offeredLoad: 24,
      servers: 24,
      minimumAgents: 25,
    });
    expect(erlangC({ ...base, agents: 3 }).stable).toBe(false);
  });

  it('stays finite up to 2,000 agents (no factorials)', () => {
    const figures = erlangC({
      arrivalsPerHour: 1990 * 15,
      averageHandleSeconds: 240,
      agents: 2000,
      answerWithinSeconds: 20,
    });
    if (!figures.stable) throw new Error('expected a stable queue');
    expect(figures.pWait).toBeGreaterThan(0);
    expect(figures.pWait).toBeLessThan(1);
    expect(Number.isFinite(figures.asaSeconds)).toBe(true);
  });

  it('answers every conversation at once when nothing arrives', () => {
    expect(erlangC({ ...base, arrivalsPerHour: 0, agents: 1 })).toMatchObject({
      pWait: 0,
      serviceLevel: 1,
      asaSeconds: 0,
    });
  });

  it('refuses bad input with VALIDATION', () => {
    for (const bad of [
      { ...base, agents: 0 },
      { ...base, agents: 2.5 },
      { ...base, agents: 28, arrivalsPerHour: -1 },
      { ...base, agents: 28, averageHandleSeconds: Number.NaN },
      { ...base, agents: 28, answerWithinSeconds: Number.POSITIVE_INFINITY },
    ]) {
      const error = failure(() => erlangC(bad));
      expect(isKefuError(error, 'VALIDATION')).toBe(true);
    }
  });

  it('service level never falls as agents are added, and is never NaN', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 20_000, noNaN: true }),
        fc.double({ min: 1, max: 3_600, noNaN: true }),
        fc.integer({ min: 1, max: 400 }),
        fc.double({ min: 0, max: 600, noNaN: true }),
        (arrivalsPerHour, averageHandleSeconds, agents, answerWithinSeconds) => {
          const input = { arrivalsPerHour, averageHandleSeconds, answerWithinSeconds };
          const fewer = erlangC({ ...input, agents });
          const more = erlangC({ ...input, agents: agents + 1 });
          if (!more.stable) {
            expect(fewer.stable).toBe(false);
            return;
          }
          for (const value of Object.values(more)) expect(Number.isNaN(value)).toBe(false);
          expect(more.serviceLevel).toBeGreaterThanOrEqual(0);
          expect(more.serviceLevel).toBeLessThanOrEqual(1);
          if (fewer.stable) {
            expect(more.serviceLevel).toBeGreaterThanOrEqual(fewer.serviceLevel - 1e-12);
            expect(more.asaSeconds).toBeLessThanOrEqual(fewer.asaSeconds + 1e-9);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
