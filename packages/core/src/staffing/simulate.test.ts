import { createMemoryAdapter } from '@kefu/adapter-memory';
import { describe, expect, it } from 'vitest';
import { isKefuError } from '../errors/kefu-error';
import { erlangA } from './erlang-a';
import { erlangC } from './erlang-c';
import { simulate } from './simulate';

const createStorage = () => createMemoryAdapter();

/**
 * An M/M/c case whose figures settle quickly enough to check 2 % on a unit-test budget:
 * 180 chats/h, 60 s handle, 6 agents, 15 s target (Erlang C: SL 0.953, occupancy 0.5).
 * Calibration: over 100 seeds, a bare event-queue run of the same 8,000 conversations missed
 * Erlang C's service level by 0.61 % (root mean square), so 2 % is over three of those — a real
 * check, which a desk that routed late or left agents idle would fail. The bench runs a wider grid.
 */
const MMC = {
  arrivalsPerHour: 180,
  handleTime: { averageSeconds: 60 },
  agents: 6,
  answerWithinSeconds: 15,
  days: 2,
  warmupMinutes: 30,
  seed: 20261111,
};

describe('simulate', () => {
  it('agrees with Erlang C within 2 % on an M/M/c desk (capacity 1, nobody leaves)', async () => {
    const result = await simulate({ createStorage, ...MMC });
    const expected = erlangC({
      arrivalsPerHour: 180,
      averageHandleSeconds: 60,
      agents: 6,
      answerWithinSeconds: 15,
    });
    if (!expected.stable) throw new Error('expected a stable queue');
    const { summary } = result;
    expect(summary.conversations).toBeGreaterThan(8_000);
    expect(summary.answered).toBeGreaterThan(summary.conversations - 10);
    expect(Math.abs((summary.serviceLevel ?? 0) / expected.serviceLevel - 1)).toBeLessThan(0.02);
    expect(Math.abs((summary.utilisation ?? 0) / expected.occupancy - 1)).toBeLessThan(0.02);
    expect(Math.abs((summary.averageHandleSeconds ?? 0) / 60 - 1)).toBeLessThan(0.03);
    // The figures are the desk's own report, hour by hour.
    expect(result.report.rows).toHaveLength(24);
    expect(result.hours.map((hour) => hour.agents)).toEqual(new Array(24).fill(6));
    expect(result.report.total.speedOfAnswer.count).toBe(summary.answered);
  }, 60_000);

  it('gives the same result for the same seed, and another for another seed', async () => {
    const small = { createStorage, ...MMC, days: 1, arrivalsPerHour: 30 };
    const first = await simulate(small);
    const again = await simulate(small);
    const other = await simulate({ ...small, seed: 7 });
    expect(again.summary).toEqual(first.summary);
    expect(again.hours).toEqual(first.hours);
    expect(other.summary).not.toEqual(first.summary);
  });

  it('treats an agent holding two chats like two servers, until chats slow each other down', async () => {
    const shape = { createStorage, ...MMC, days: 1, arrivalsPerHour: 90 };
    const single = await simulate({ ...shape, agents: 6 });
    const doubled = await simulate({ ...shape, agents: 3, capacity: 2 });
    // The same customers, six slots either way, first come first served: the same waits.
    expect(doubled.summary.serviceLevel).toBe(single.summary.serviceLevel);
    expect(doubled.summary.asaSeconds).toBe(single.summary.asaSeconds);
    const slower = await simulate({ ...shape, agents: 3, capacity: 2, concurrencySlowdown: 0.5 });
    expect(slower.summary.serviceLevel ?? 1).toBeLessThan(single.summary.serviceLevel ?? 0);
    expect(slower.summary.averageHandleSeconds ?? 0).toBeGreaterThan(
      single.summary.averageHandleSeconds ?? 0,
    );
  });

  it('lets impatient customers abandon, about as often as Erlang A predicts', async () => {
    const result = await simulate({
      createStorage,
      ...MMC,
      days: 1,
      agents: 3,
      patience: { averageSeconds: 60 },
    });
    const expected = erlangA({
      arrivalsPerHour: 180,
      averageHandleSeconds: 60,
      agents: 3,
      answerWithinSeconds: 15,
      averagePatienceSeconds: 60,
    });
    // One day of 4,300 chats: abandonment (≈ 12 %) is measured to within a few percent of itself.
    expect(result.summary.abandoned).toBeGreaterThan(300);
    expect(Math.abs((result.summary.abandonmentRate ?? 0) / expected.pAbandon - 1)).toBeLessThan(
      0.1,
    );
    expect(Math.abs((result.summary.asaSeconds ?? 0) / expected.asaSeconds - 1)).toBeLessThan(0.15);
  });

  it('follows hourly staffing and business hours: nobody online and nothing arrives while closed', async () => {
    const result = await simulate({
      createStorage,
      arrivalsPerHour: 60,
      handleTime: { averageSeconds: 120, distribution: 'lognormal', cv: 0.8 },
      agents: [...new Array(12).fill(2), ...new Array(12).fill(4)],
      calendar: {
        timeZone: 'Asia/Shanghai',
        weekly: { mon: [{ start: '09:00', end: '18:00' }] },
      },
      seed: 3,
    });
    const hours = result.hours.map((hour) => Number(hour.hour));
    expect(Math.min(...hours)).toBeGreaterThanOrEqual(9);
    expect(Math.max(...hours)).toBeLessThan(18);
    const afternoon = result.hours.find((hour) => hour.hour === '15');
    expect(afternoon?.agents).toBe(4);
    expect(result.hours.find((hour) => hour.hour === '10')?.agents).toBe(2);
  });

  it('refuses bad options with VALIDATION before creating any storage', async () => {
    let created = 0;
    const counting = () => {
      created++;
      return createMemoryAdapter();
    };
    for (const bad of [
      { agents: -1 },
      { agents: [1, 2, 3] },
      { arrivalsPerHour: Number.NaN },
      { handleTime: { averageSeconds: 0 } },
      { timeZone: 'Mars/Olympus' },
    ]) {
      const error = await simulate({ ...MMC, createStorage: counting, ...bad }).catch((e) => e);
      expect(isKefuError(error, 'VALIDATION')).toBe(true);
    }
    expect(created).toBe(0);
  });
});
