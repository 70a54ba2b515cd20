import { createMemoryAdapter } from '@kefu/adapter-memory';
import { describe, expect, it } from 'vitest';
import { createDesk } from '../index';
import { VirtualClock } from '../testing/index';
import { toWireConversation } from './wire-views';

const MINUTE = 60_000;
const weekdays = [{ start: '09:00', end: '17:00' }];
const shanghai = {
  timeZone: 'Asia/Shanghai',
  weekly: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays },
};

describe('toWireConversation: the SLA clock behind dueAt', () => {
  it('names the earliest running target, its budget and its hours, for agents only', async () => {
    // Friday 16:58 in Shanghai: the first reply is due Monday 09:01 (closed hours excluded).
    const clock = new VirtualClock(Date.parse('2026-11-13T16:58:00+08:00'));
    const standard = {
      id: 'standard',
      name: '标准',
      calendar: 'shanghai',
      targets: {
        firstResponse: { withinMs: 3 * MINUTE },
        resolution: { withinMs: 72 * 60 * MINUTE, hours: 'calendar' as const },
      },
    };
    const storage = createMemoryAdapter();
    const sla = { calendars: { shanghai }, policies: [standard] };
    const desk = createDesk({ storage, clock, routing: { auto: false }, sla });
    await desk.customers.upsert({ id: 'cus_lin', name: '林小糖' });
    const { id } = await desk.conversations.start({
      customerId: 'cus_lin',
      message: { text: '我的订单还没到' },
    });
    const conversation = await desk.conversations.get({ conversationId: id });
    if (!conversation) throw new Error('no conversation');
    const { details } = toWireConversation(conversation, { forAgent: true });
    expect(details?.dueClock).toEqual({
      target: 'firstResponse',
      budgetMs: 3 * MINUTE,
      hours: 'business',
    });
    expect(new Date(details?.dueAt ?? 0).toISOString()).toBe('2026-11-16T01:01:00.000Z');
    expect(toWireConversation(conversation).details).toBeUndefined();
    await desk.stop();
  });

  it('has no clock when no SLA applies', async () => {
    const desk = createDesk({ storage: createMemoryAdapter(), routing: { auto: false } });
    await desk.customers.upsert({ id: 'cus_lin', name: '林小糖' });
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    const conversation = await desk.conversations.get({ conversationId: id });
    if (!conversation) throw new Error('no conversation');
    const { details } = toWireConversation(conversation, { forAgent: true });
    expect(details).toMatchObject({ dueAt: null, dueClock: null, slaState: 'ok' });
    await desk.stop();
  });
});
