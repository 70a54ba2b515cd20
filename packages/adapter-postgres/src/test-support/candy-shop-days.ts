import {
  createBusinessCalendar,
  createDesk,
  type Desk,
  type ReportQuery,
  ReportQuerySchema,
  type StorageAdapter,
} from '@kefu/core';
import { VirtualClock } from '@kefu/core/testing';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** Monday 09:00 in Shanghai. */
export const DAY_ONE = Date.parse('2026-11-16T09:00:00+08:00');

const periods = [
  { start: '09:00', end: '12:00' },
  { start: '13:30', end: '18:00' },
];
export const shanghai = {
  timeZone: 'Asia/Shanghai',
  weekly: { mon: periods, tue: periods, wed: periods, thu: periods, fri: periods },
};
/** The calendar the desk counts business time on (its first, so also its metrics calendar). */
export const calendar = createBusinessCalendar(shanghai);

type Person = 'cus_lin' | 'cus_amy' | 'agt_wang' | 'agt_li';

/**
 * Two days at the candy shop through a desk, every instant known: SLA clocks met and breached
 * (the deadlines fire as jobs), transfers, a priority change, an abandoned chat, a reopened one,
 * complaints (one a repeat), CSAT answers, presence changes. Stops its desk when done.
 */
export async function playCandyShopDays(storage: StorageAdapter): Promise<void> {
  const clock = new VirtualClock(DAY_ONE);
  const desk: Desk = createDesk({
    storage,
    clock,
    routing: { auto: false },
    sla: {
      calendars: { shanghai },
      policies: [
        {
          id: 'standard',
          name: '标准',
          calendar: 'shanghai',
          targets: {
            firstResponse: { withinMs: 5 * MINUTE },
            resolution: { withinMs: 2 * HOUR },
          },
        },
      ],
    },
    surveys: { enabled: true, delayMs: 0 },
    jobs: { pollIntervalMs: 1000 * HOUR },
  });
  const at = (minutes: number) => clock.advanceTo(DAY_ONE + minutes * MINUTE);
  const say = (conversationId: string, who: Person, text: string, internal = false) =>
    desk.messages.post({
      conversationId,
      author: who.startsWith('cus') ? { kind: 'customer', id: who } : { kind: 'agent', id: who },
      text,
      ...(internal ? { internal } : {}),
    });
  const complaint = (customerId: Person, conversationId: string, subject: string) =>
    desk.tickets.create({
      kind: 'complaint',
      categoryId: 'billing',
      subject,
      customerId,
      conversationId,
      by: { kind: 'agent', id: 'agt_wang' },
    });

  await desk.jobs.start();
  await desk.customers.upsert({ id: 'cus_lin', tier: 'vip' });
  await desk.customers.upsert({ id: 'cus_amy' });
  await desk.agents.upsert({ id: 'agt_wang', capacity: 3, presence: 'online', teams: ['vip'] });
  await desk.agents.upsert({ id: 'agt_li', capacity: 2, presence: 'online' });

  const c1 = await desk.conversations.start({
    customerId: 'cus_lin',
    topic: 'delivery',
    team: 'vip',
    message: { text: '快递到哪了' },
  });
  await at(1);
  const c2 = await desk.conversations.start({
    customerId: 'cus_amy',
    channel: 'mini-program',
    topic: 'payment',
    priority: 'high',
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
  await say(c1.id, 'agt_wang', '查一下物流', true);
  await at(8);
  await say(c1.id, 'agt_wang', '不客气');
  await at(9); // c2's first response is late: its deadline fires as a job
  await say(c2.id, 'agt_li', 'Checking the payment');
  await at(10);
  await desk.conversations.resolve({ conversationId: c1.id });
  await desk.conversations.transfer({ conversationId: c2.id, toAgentId: 'agt_wang' });
  await complaint('cus_amy', c2.id, '重复扣款');
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
  await desk.agents.upsert({ id: 'agt_li', presence: 'offline' });
  await at(180);
  const c4 = await desk.conversations.start({
    customerId: 'cus_amy',
    channel: 'app',
    message: { text: 'Lunch break?' },
  });
  await at(181);
  await desk.conversations.assign({ conversationId: c4.id, agentId: 'agt_wang' });
  await desk.conversations.setPriority({ conversationId: c4.id, priority: 'urgent' });
  await complaint('cus_amy', c4.id, 'Again');
  await at(280); // lunch: business time stands still, calendar time does not
  await say(c4.id, 'agt_wang', 'Sorry for the wait');
  await at(300);
  await desk.conversations.resolve({ conversationId: c4.id });
  await at(310);
  await desk.conversations.reopen({ conversationId: c4.id, by: 'customer' });
  await say(c4.id, 'cus_amy', 'Still not refunded');
  await at(315);
  await say(c4.id, 'agt_wang', 'Refund sent');
  await desk.conversations.resolve({ conversationId: c4.id });

  // Day two: agt_li back, a conversation still open at the end.
  await at(24 * 60 + 30);
  await desk.agents.upsert({ id: 'agt_li', presence: 'online' });
  const c5 = await desk.conversations.start({
    customerId: 'cus_lin',
    channel: 'app',
    topic: 'delivery',
    message: { text: '糖果化了' },
  });
  await at(24 * 60 + 33);
  await desk.conversations.assign({ conversationId: c5.id, agentId: 'agt_li' });
  await say(c5.id, 'agt_li', '抱歉，马上处理');
  await at(24 * 60 + 200);
  await desk.stop();
}

const GROUPINGS: ReportQuery['groupBy'][] = [
  [],
  ['agent'],
  ['team'],
  ['channel'],
  ['priority'],
  ['category'],
  ['day'],
  ['hour'],
  ['agent', 'day'],
];

/** Every grouping over the two days, the first, a morning, and an hour with nothing. */
export function candyShopQueries(): ReportQuery[] {
  const ranges = [
    { from: DAY_ONE - HOUR, to: DAY_ONE + 2 * 24 * HOUR },
    { from: DAY_ONE - HOUR, to: DAY_ONE + 15 * HOUR },
    { from: DAY_ONE + MINUTE, to: DAY_ONE + 3 * HOUR + 1 },
    { from: DAY_ONE + 3 * 24 * HOUR, to: DAY_ONE + 3 * 24 * HOUR + HOUR },
  ];
  return ranges.flatMap((range) =>
    GROUPINGS.map((groupBy) =>
      ReportQuerySchema.parse({ ...range, groupBy, timeZone: 'Asia/Shanghai' }),
    ),
  );
}
