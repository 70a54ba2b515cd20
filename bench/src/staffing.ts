import { createMemoryAdapter } from '@kefu/adapter-memory';
import { erlangC, simulate } from '@kefu/core/staffing';
import type { BenchResult } from './bench-result';
import { bareQueue } from './staffing-bare-queue';

/** An M/M/c desk as the bench describes it, and how long it runs. */
interface MmcCase {
  arrivalsPerHour: number;
  averageHandleSeconds: number;
  agents: number;
  answerWithinSeconds: number;
}

/** The case through a real desk on the memory adapter. */
const simulateCase = (c: MmcCase, run: { days: number; warmupMinutes: number; seed: number }) =>
  simulate({
    createStorage: () => createMemoryAdapter(),
    arrivalsPerHour: c.arrivalsPerHour,
    handleTime: { averageSeconds: c.averageHandleSeconds },
    agents: c.agents,
    answerWithinSeconds: c.answerWithinSeconds,
    ...run,
  });
const round = (value: number, digits = 4) => Number(value.toFixed(digits));

/**
 * `staffing.simulation-day-ms`: one day of 20,000 conversations through a real desk (memory
 * adapter, routing, SLA clocks, jobs, metrics report). Baseline, same run: the same customers
 * through the bare event-queue simulation, no desk.
 */
export async function benchSimulationDay(): Promise<BenchResult> {
  const day = {
    arrivalsPerHour: 20_000 / 24,
    averageHandleSeconds: 240,
    agents: 60,
    answerWithinSeconds: 20,
    seed: 2026,
  };
  // CPU time beside the wall clock: on a loaded machine it moves far less (see the params).
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = process.cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  let started = performance.now();
  let cpu = process.cpuUsage();
  const result = await simulateCase(day, { days: 1, warmupMinutes: 0, seed: day.seed });
  const deskMs = performance.now() - started;
  const deskCpuMs = cpuMs(cpu);
  started = performance.now();
  cpu = process.cpuUsage();
  const bare = bareQueue({
    ...day,
    servers: day.agents,
    hours: 24,
    warmupMinutes: 0,
    seed: day.seed,
  });
  const bareMs = performance.now() - started;
  const bareCpuMs = cpuMs(cpu);
  if (result.summary.conversations < 19_000) {
    throw new Error(
      `staffing.simulation-day-ms: only ${result.summary.conversations} conversations`,
    );
  }
  return {
    name: 'staffing.simulation-day-ms',
    value: Math.round(deskMs),
    unit: 'ms',
    baseline: round(bareMs, 1),
    ratio: round(deskMs / bareMs, 1),
    params: {
      ...day,
      goalMs: 5_000,
      deskCpuMs: Math.round(deskCpuMs),
      bareCpuMs: round(bareCpuMs, 1),
      conversations: result.summary.conversations,
      bareConversations: bare.conversations,
      serviceLevel: result.summary.serviceLevel,
      bareServiceLevel: round(bare.serviceLevel, 6),
      asaSeconds: result.summary.asaSeconds,
      bareAsaSeconds: round(bare.asaSeconds, 6),
    },
  };
}

/**
 * M/M/c cases, each run long enough for ≈ 0.7 % sampling error (root mean square) on its service
 * level — calibrated with the bare queue over 100 seeds — and on its utilisation (√(2/N) for N
 * conversations with exponential handle times), so the 2 % goal is about three standard errors:
 * a desk that distorts the queue fails it, luck alone does not.
 */
const GRID = [
  { arrivalsPerHour: 180, averageHandleSeconds: 60, agents: 6, answerWithinSeconds: 15, days: 10 },
  { arrivalsPerHour: 240, averageHandleSeconds: 60, agents: 6, answerWithinSeconds: 20, days: 11 },
  { arrivalsPerHour: 300, averageHandleSeconds: 30, agents: 4, answerWithinSeconds: 10, days: 9 },
  { arrivalsPerHour: 720, averageHandleSeconds: 30, agents: 9, answerWithinSeconds: 10, days: 2 },
];

/**
 * `staffing.erlang-agreement`: the largest relative error of the desk simulation's service level
 * and utilisation against Erlang C over the grid (goal ≤ 0.02). Baseline, same run: the largest
 * error of the bare event-queue simulation on the same customers — what sampling alone gives.
 */
export async function benchErlangAgreement(): Promise<BenchResult> {
  const cases: Record<string, unknown>[] = [];
  let worst = 0;
  let bareWorst = 0;
  for (const [index, c] of GRID.entries()) {
    const seed = 100 + index;
    const expected = erlangC(c);
    if (!expected.stable) throw new Error('staffing.erlang-agreement: an unstable grid case');
    const result = await simulateCase(c, { days: c.days, warmupMinutes: 30, seed });
    const bare = bareQueue({
      ...c,
      servers: c.agents,
      hours: c.days * 24,
      warmupMinutes: 30,
      seed,
    });
    const error = (measured: number | null, truth: number) =>
      Math.abs((measured ?? Number.NaN) / truth - 1);
    const slError = error(result.summary.serviceLevel, expected.serviceLevel);
    const utilError = error(result.summary.utilisation, expected.occupancy);
    const bareError = Math.max(
      error(bare.serviceLevel, expected.serviceLevel),
      error(bare.utilisation, expected.occupancy),
    );
    if (!Number.isFinite(slError) || !Number.isFinite(utilError)) {
      throw new Error('staffing.erlang-agreement: the simulation gave no service level');
    }
    worst = Math.max(worst, slError, utilError);
    bareWorst = Math.max(bareWorst, bareError);
    cases.push({
      ...c,
      conversations: result.summary.conversations,
      erlangServiceLevel: round(expected.serviceLevel),
      serviceLevel: round(result.summary.serviceLevel ?? 0),
      erlangOccupancy: round(expected.occupancy),
      utilisation: round(result.summary.utilisation ?? 0),
      erlangAsaSeconds: round(expected.asaSeconds, 2),
      asaSeconds: round(result.summary.asaSeconds ?? 0, 2),
      bareServiceLevel: round(bare.serviceLevel),
    });
  }
  return {
    name: 'staffing.erlang-agreement',
    value: round(worst),
    unit: 'max relative error',
    baseline: round(bareWorst),
    ratio: round(worst / bareWorst, 2),
    params: { goal: 0.02, metrics: ['serviceLevel', 'utilisation'], cases },
  };
}
