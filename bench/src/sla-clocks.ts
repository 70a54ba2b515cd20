import { createMemoryAdapter } from '@kefu/adapter-memory';
import { createBusinessCalendar, createDesk, type StorageAdapter } from '@kefu/core';
import { VirtualClock } from '@kefu/core/testing';
import { Temporal } from 'temporal-polyfill';
import { type BenchResult, collectGarbage } from './bench-result';

const CONVERSATIONS = 100_000;
const START = Date.parse('2026-11-16T08:00:00+08:00');

const shanghai = {
  timeZone: 'Asia/Shanghai',
  weekly: Object.fromEntries(
    ['mon', 'tue', 'wed', 'thu', 'fri'].map((day) => [
      day,
      [
        { start: '09:00', end: '12:00' },
        { start: '13:30', end: '18:00' },
      ],
    ]),
  ),
};

function heapUsed(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed;
}

/** Runs every job due in the virtual day, in batches, and times it. */
async function processDay(
  storage: StorageAdapter,
  clock: VirtualClock,
  runDue: () => Promise<number>,
) {
  const started = performance.now();
  let jobs = 0;
  for (let hour = 1; hour <= 24; hour++) {
    await clock.advanceTo(START + hour * 3_600_000);
    jobs += await runDue();
  }
  void storage;
  return { ms: performance.now() - started, jobs };
}

async function deskWith(withSla: boolean) {
  const clock = new VirtualClock(START);
  const storage = createMemoryAdapter();
  const desk = createDesk({
    storage,
    clock,
    routing: { auto: false },
    jobs: { batchSize: 1000 },
    sla: withSla
      ? {
          calendars: { shanghai },
          policies: [
            {
              id: 'standard',
              name: '标准',
              calendar: 'shanghai',
              warnAt: [0.75],
              targets: { firstResponse: { withinMs: 30 * 60_000 } },
            },
          ],
        }
      : {},
  });
  await desk.customers.upsert({ id: 'cus_lin' });
  await desk.agents.upsert({ id: 'agt_wang', capacity: 100 });
  return { clock, storage, desk };
}

export async function benchSlaClocks(): Promise<BenchResult> {
  const before = heapUsed();
  const sla = await deskWith(true);
  for (let i = 0; i < CONVERSATIONS; i++)
    await sla.desk.conversations.start({ customerId: 'cus_lin' });
  const bytesPerConversation = (heapUsed() - before) / CONVERSATIONS;
  const slaDay = await processDay(sla.storage, sla.clock, () => sla.desk.jobs.runDue());
  const breaches = (await sla.desk.events.read({ after: 0, limit: 1 })).length;

  // Baseline: the same number of durable jobs without SLA work (idle closes), same machinery.
  const base = await deskWith(false);
  const baseBefore = heapUsed();
  const jobsWanted = slaDay.jobs;
  for (let i = 0; i < jobsWanted; i += 1000) {
    await base.storage.transaction(async (tx) => {
      for (let j = i; j < Math.min(jobsWanted, i + 1000); j++) {
        await tx.jobs.schedule(
          {
            key: `bench/${j}`,
            kind: 'conversation.close-idle',
            dueAt: START + 3_600_000 + (j % 3_600) * 1000,
            payload: { conversationId: `conv_missing_${j}`, pendingSince: 0 },
          },
          START,
        );
      }
    });
  }
  const baseBytesPerConversation = (heapUsed() - baseBefore) / jobsWanted;
  const baseDay = await processDay(base.storage, base.clock, () => base.desk.jobs.runDue());

  return {
    name: 'sla.clocks',
    value: Math.round(slaDay.ms),
    unit: 'ms per virtual day',
    baseline: Math.round(baseDay.ms),
    ratio: Number((slaDay.ms / baseDay.ms).toFixed(2)),
    params: {
      conversations: CONVERSATIONS,
      activeClocks: CONVERSATIONS,
      slaJobsRun: slaDay.jobs,
      baselineJobsRun: baseDay.jobs,
      baseline: 'the same number of durable jobs with a no-op handler through the same runner',
      heapBytesPerConversationWithSla: Math.round(bytesPerConversation),
      heapBytesPerScheduledJobBaseline: Math.round(baseBytesPerConversation),
      gcExposed: typeof (globalThis as { gc?: unknown }).gc === 'function',
      eventsSeen: breaches > 0,
      node: process.version,
    },
  };
}

const newYork = {
  timeZone: 'America/New_York',
  weekly: Object.fromEntries(
    ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'].map((day) => [
      day,
      [
        // 00:00–06:00 and 22:00–24:00 rather than one overnight period, so that the calendar
        // before overnight periods existed runs the same benchmark.
        { start: '00:00', end: '06:00' },
        { start: '01:30', end: '03:30' },
        { start: '09:00', end: '17:00' },
        { start: '22:00', end: '24:00' },
      ],
    ]),
  ),
};
// Both of New York's 2026 clock changes, starts spread over three days either side.
const DST_STARTS = [Date.parse('2026-03-05T00:00:00Z'), Date.parse('2026-10-29T00:00:00Z')];

type Add = (start: number, ms: number) => number;

/** Additions per second, starts spread over a week from `from` (or each of `from`'s instants). */
function additionsPerSecond(add: Add, n: number, from: number[]): number {
  let sink = 0;
  const started = performance.now();
  for (let i = 0; i < n; i++)
    sink += add((from[i % from.length] ?? 0) + (i % 10_000) * 61_000, ((i % 97) + 1) * 600_000);
  const seconds = (performance.now() - started) / 1000;
  if (sink === 0) throw new Error('unreachable');
  return n / seconds;
}

/**
 * What a maintained Temporal implementation would cost: each local day's wall times (midnight,
 * the next midnight, and each period's ends) resolved to instants, by a fresh calendar (cold
 * cache: the hand-written resolution) and by temporal-polyfill with the same "compatible" rule.
 */
function coldDaysPerSecond(days: number) {
  const first = Date.parse('2026-01-01T12:00:00Z');
  const started = performance.now();
  const calendar = createBusinessCalendar(newYork);
  const open = calendar.businessTimeBetween(first, first + days * 86_400_000);
  const handWritten = days / ((performance.now() - started) / 1000);
  const times = ['00:00', '06:00', '01:30', '03:30', '09:00', '17:00', '22:00'];
  const polyfillStarted = performance.now();
  let sink = 0;
  for (let day = 0; day < days; day++) {
    const date = Temporal.PlainDate.from('2026-01-01').add({ days: day });
    for (const time of [...times, '24:00']) {
      const wall =
        time === '24:00'
          ? date.add({ days: 1 }).toPlainDateTime()
          : date.toPlainDateTime(Temporal.PlainTime.from(time));
      sink += wall.toZonedDateTime(newYork.timeZone, {
        disambiguation: 'compatible',
      }).epochMilliseconds;
    }
  }
  const polyfill = days / ((performance.now() - polyfillStarted) / 1000);
  if (sink === 0 || open <= 0) throw new Error('unreachable');
  return { handWritten, polyfill };
}

export async function benchAddBusinessTime(): Promise<BenchResult> {
  const calendar = createBusinessCalendar(shanghai);
  const acrossDst = createBusinessCalendar(newYork);
  const calendarHours: Add = (start, ms) => start + ms;
  additionsPerSecond((s, d) => calendar.addBusinessTime(s, d), 20_000, [START]);
  additionsPerSecond((s, d) => acrossDst.addBusinessTime(s, d), 20_000, DST_STARTS);
  const business = additionsPerSecond((s, d) => calendar.addBusinessTime(s, d), 200_000, [START]);
  const dst = additionsPerSecond((s, d) => acrossDst.addBusinessTime(s, d), 200_000, DST_STARTS);
  const plain = additionsPerSecond(calendarHours, 2_000_000, [START]);
  coldDaysPerSecond(200);
  const cold = coldDaysPerSecond(2_000);
  return {
    name: 'sla.add-business-time-per-second',
    value: Math.round(business),
    unit: 'additions/s',
    baseline: Math.round(plain),
    ratio: Number((business / plain).toFixed(4)),
    params: {
      calendar: 'Asia/Shanghai, Mon–Fri 09:00–12:00 and 13:30–18:00',
      durations: '10 minutes to 16 hours',
      baseline: 'calendar-hours addition (start + duration)',
      newYorkAcrossDstPerSecond: Math.round(dst),
      newYorkAcrossDstRatioToShanghai: Number((dst / business).toFixed(3)),
      newYorkCalendar:
        'every day 00:00–06:00, 01:30–03:30, 09:00–17:00 and 22:00–24:00, starts within 3 days of both 2026 clock changes',
      coldDaysPerSecondHandWritten: Math.round(cold.handWritten),
      coldDaysPerSecondTemporalPolyfill: Math.round(cold.polyfill),
      coldRatioHandWrittenToPolyfill: Number((cold.handWritten / cold.polyfill).toFixed(2)),
      cold: 'each local day of 2026–2031 resolved once: 8 wall times per day to instants (New York)',
      node: process.version,
    },
  };
}
