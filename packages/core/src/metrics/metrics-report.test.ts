import { createMemoryAdapter } from '@kefu/adapter-memory';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../desk/create-desk';
import type { DomainEvent } from '../events/domain-events';
import { createBusinessCalendar } from '../sla/business-calendar';
import { VirtualClock } from '../time/virtual-clock';
import { readAllEvents } from './metrics-api';
import { collectFacts } from './metrics-facts';
import { computeReport } from './metrics-report';
import { ReportQuerySchema } from './report-shape';

const MINUTE = 60_000;
const T0 = Date.parse('2026-11-16T09:00:00+08:00');
const periods = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '18:00' },
];
const shanghai = {
  timeZone: 'Asia/Shanghai',
  weekly: { mon: periods, tue: periods, wed: periods, thu: periods, fri: periods },
};

/** A morning at the candy shop, with every instant known. */
async function morning(): Promise<{ desk: Desk; clock: VirtualClock; ids: string[] }> {
  const clock = new VirtualClock(T0);
  const desk = createDesk({
    storage: createMemoryAdapter(),
    clock,
    routing: { auto: false },
    sla: { calendars: { shanghai } },
    surveys: { enabled: true, delayMs: 0 },
    jobs: { pollIntervalMs: 1000 * MINUTE },
  });
  await desk.jobs.start();
  await desk.customers.upsert({ id: 'cus_lin', tier: 'vip' });
  await desk.customers.upsert({ id: 'cus_amy' });
  await desk.agents.upsert({ id: 'agt_wang', capacity: 3, presence: 'online' });
  await desk.agents.upsert({ id: 'agt_li', capacity: 3, presence: 'online' });
  const at = (minutes: number) => clock.advanceTo(T0 + minutes * MINUTE);
  const say = (
    conversationId: string,
    who: 'cus_lin' | 'cus_amy' | 'agt_wang' | 'agt_li',
    text: string,
  ) =>
    desk.messages.post({
      conversationId,
      author: who.startsWith('cus') ? { kind: 'customer', id: who } : { kind: 'agent', id: who },
      text,
    });

  const c1 = await desk.conversations.start({
    customerId: 'cus_lin',
    topic: 'delivery',
    message: { text: '快递到哪了' },
  });
  await at(1);
  const c2 = await desk.conversations.start({
    customerId: 'cus_amy',
    channel: 'mini-program',
    topic: 'payment',
    message: { text: 'charged twice' },
  });
  await at(2);
  await desk.conversations.assign({ conversationId: c1.id, agentId: 'agt_wang' });
  const c3 = await desk.conversations.start({ customerId: 'cus_lin', message: { text: '在吗' } });
  await at(3);
  await say(c1.id, 'agt_wang', '明天到');
  await at(4);
  await desk.conversations.assign({ conversationId: c2.id, agentId: 'agt_li' });
  await desk.conversations.abandon({ conversationId: c3.id });
  await at(5);
  await say(c1.id, 'cus_lin', '好的');
  await at(6);
  await say(c1.id, 'agt_wang', '不客气');
  await at(9);
  await say(c2.id, 'agt_li', 'Checking the payment');
  await at(10);
  await desk.conversations.resolve({ conversationId: c1.id });
  await desk.conversations.transfer({ conversationId: c2.id, toAgentId: 'agt_wang' });
  const ticket = await desk.tickets.create({
    kind: 'complaint',
    categoryId: 'billing',
    subject: '重复扣款',
    customerId: 'cus_amy',
    conversationId: c2.id,
    by: { kind: 'agent', id: 'agt_wang' },
  });
  await at(12);
  await desk.surveys.answer({
    conversationId: c1.id,
    customerId: 'cus_lin',
    answers: { overall: 5 },
  });
  await at(20);
  await desk.conversations.resolve({ conversationId: c2.id });
  await at(21);
  await desk.surveys.answer({
    conversationId: c2.id,
    customerId: 'cus_amy',
    answers: { overall: 2 },
  });
  await at(180);
  const c4 = await desk.conversations.start({
    customerId: 'cus_amy',
    message: { text: 'Lunch break?' },
  });
  await at(181);
  await desk.conversations.assign({ conversationId: c4.id, agentId: 'agt_wang' });
  await desk.tickets.create({
    kind: 'complaint',
    categoryId: 'billing',
    subject: 'Again',
    customerId: 'cus_amy',
    conversationId: c4.id,
    by: { kind: 'agent', id: 'agt_wang' },
  });
  await at(280);
  await say(c4.id, 'agt_wang', 'Sorry for the wait');
  await desk.stop();
  expect(ticket.repeat).toBe(false);
  return { desk, clock, ids: [c1.id, c2.id, c3.id, c4.id] };
}

const day = { from: T0 - 60 * MINUTE, to: T0 + 24 * 60 * MINUTE };

describe('metrics report: known answers', () => {
  it('computes every metric of a known morning', async () => {
    const { desk } = await morning();
    const { total } = await desk.metrics.report(day);
    expect(total).toEqual({
      conversations: 4,
      firstResponseTime: { count: 3, avg: 37 * MINUTE, p50: 8 * MINUTE, p90: 100 * MINUTE },
      firstResponseBusinessTime: { count: 3, avg: 7 * MINUTE, p50: 8 * MINUTE, p90: 10 * MINUTE },
      responseTime: { count: 4, avg: 28 * MINUTE, p50: 3 * MINUTE, p90: 100 * MINUTE },
      resolutionTime: { count: 2, avg: 14.5 * MINUTE, p50: 10 * MINUTE, p90: 19 * MINUTE },
      speedOfAnswer: { count: 3, avg: 2 * MINUTE, p50: 2 * MINUTE, p90: 3 * MINUTE },
      firstContactResolution: 0.5,
      resolutionRate: 0.5,
      abandonmentRate: 0.25,
      slaAttainment: {},
      csat: { score: 0.5, responseRate: 1, responses: 2 },
      nps: { score: null, responses: 0 },
      ces: { average: null, responses: 0 },
      complaintRate: 0.5,
      repeatComplaintRate: 0.5,
      handled: 2,
      handleTime: { count: 2, avg: 12 * MINUTE, p50: 8 * MINUTE, p90: 16 * MINUTE },
      utilisation: null,
      backlog: 1,
    });
  });

  it('groups by agent and by channel, with utilisation per agent', async () => {
    const { desk } = await morning();
    const byAgent = await desk.metrics.report({ ...day, groupBy: ['agent'] });
    expect(
      byAgent.rows.map((row) => [row.group.agent, row.metrics.conversations, row.metrics.handled]),
    ).toEqual([
      ['agt_wang', 3, 2],
      ['unassigned', 1, 0],
    ]);
    const wang = byAgent.rows[0]?.metrics;
    // 24 minutes of handling (8 + 16) over 24 hours online at capacity 3.
    expect(wang?.utilisation).toBeCloseTo((24 * MINUTE) / (24 * 60 * MINUTE * 3), 10);
    const byChannel = await desk.metrics.report({
      ...day,
      groupBy: ['channel', 'hour'],
      timeZone: 'Asia/Shanghai',
    });
    expect(
      byChannel.rows.map((row) => [row.group.channel, row.group.hour, row.metrics.conversations]),
    ).toEqual([
      ['mini-program', '09', 1],
      ['web', '09', 2],
      ['web', '12', 1],
    ]);
  });

  it('gives the same report through the storage hook and through the event log', async () => {
    const { desk } = await morning();
    const query = ReportQuerySchema.parse({ ...day, groupBy: ['agent', 'day'] });
    const viaHook = await desk.metrics.report(query);
    const events = await readAllEvents(
      (desk as unknown as { storage?: never }).storage ?? (await storageOf(desk)),
    );
    const viaLog = computeReport(collectFacts(events), query, createBusinessCalendar(shanghai));
    expect(viaHook).toEqual(viaLog);
  });

  it('refuses a query whose range is empty or reversed, or whose time zone is unknown', async () => {
    const { desk } = await morning();
    await expect(desk.metrics.report({ from: day.to, to: day.from })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(
      desk.metrics.report({ ...day, groupBy: ['day'], timeZone: 'Mars/Olympus_Mons' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

// The desk does not expose its storage; the event log it exposes is the same data.
async function storageOf(desk: Desk) {
  return {
    events: {
      read: (after: number, limit: number) =>
        desk.events.read({ after, limit: Math.min(limit, 1000) }),
    },
  } as never;
}

describe('metrics report: properties', () => {
  it('does not depend on the order of events with equal timestamps, and never gives NaN', async () => {
    const { desk } = await morning();
    const events = await desk.events.read({ after: 0, limit: 1000 });
    const query = ReportQuerySchema.parse({ ...day, groupBy: ['agent'] });
    const calendar = createBusinessCalendar(shanghai);
    const expected = computeReport(collectFacts(events), query, calendar);
    expect(JSON.stringify(expected)).not.toMatch(/NaN|Infinity/);
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
          minLength: events.length,
          maxLength: events.length,
        }),
        (keys) => {
          // Shuffle inside each group of equal timestamps, keeping time order between groups.
          const shuffled: DomainEvent[] = events
            .map((event, i) => ({ event, key: keys[i] ?? 0 }))
            .sort((a, b) => a.event.at - b.event.at || a.key - b.key)
            .map(({ event }) => event);
          expect(computeReport(collectFacts(shuffled), query, calendar)).toEqual(expected);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('gives nulls, not NaN, for an empty period', () => {
    const query = ReportQuerySchema.parse({ from: 0, to: 1 });
    const report = computeReport(collectFacts([]), query, createBusinessCalendar(shanghai));
    expect(report.total).toMatchObject({
      conversations: 0,
      resolutionRate: null,
      firstResponseTime: { avg: null },
    });
    expect(JSON.stringify(report)).not.toMatch(/NaN/);
  });
});
