import { describe, expect, it } from 'vitest';
import { HOUR, setupDesk } from '../desk/desk-test-setup';
import { isKefuError } from '../errors/kefu-error';

describe('desk: a conversation through its lifecycle', () => {
  it('goes bot → queued → active → pending → active → resolved → closed with typed events', async () => {
    const { desk, clock, events } = await setupDesk();
    const started = await desk.conversations.start({
      customerId: 'cus_lin',
      status: 'bot',
      topic: 'delivery',
      message: { text: '我的糖果什么时候到？' },
    });
    expect(started).toMatchObject({ status: 'bot', lastSeq: 1, version: 2 });
    const id = started.id;

    await desk.messages.post({
      conversationId: id,
      author: { kind: 'bot', id: 'bot' },
      text: '订单已发货',
    });
    await desk.messages.post({
      conversationId: id,
      author: { kind: 'customer', id: 'cus_lin' },
      text: '转人工',
    });
    await desk.conversations.handoff({ conversationId: id });
    await clock.advance(20_000);
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    await clock.advance(5_000);
    const replied = await desk.messages.post({
      conversationId: id,
      author: { kind: 'agent', id: 'agt_wang' },
      text: '您好，包裹明天送达。',
    });
    expect(replied.seq).toBe(4);
    expect((await desk.conversations.get({ conversationId: id }))?.firstResponseAt).toBe(
      clock.now(),
    );

    await desk.conversations.waitOnCustomer({ conversationId: id });
    await desk.messages.post({
      conversationId: id,
      author: { kind: 'customer', id: 'cus_lin' },
      text: '好的谢谢',
    });
    expect((await desk.conversations.get({ conversationId: id }))?.status).toBe('active');
    await desk.conversations.resolve({ conversationId: id });
    const closed = await desk.conversations.close({ conversationId: id });
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'manual' });

    expect(events.map((event) => event.type)).toEqual([
      'conversation.started',
      'message.posted',
      'message.posted',
      'message.posted',
      'conversation.handed_off',
      'conversation.assigned',
      'message.posted',
      'conversation.pending',
      'conversation.reactivated',
      'message.posted',
      'conversation.resolved',
      'conversation.closed',
    ]);
    const positions = events.map((event) => event.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const log = await desk.events.read({ after: 0, limit: 1000 });
    expect(log.slice(-events.length)).toEqual(events);
    const closedEvent = events.at(-1);
    expect(closedEvent?.type === 'conversation.closed' && closedEvent.data.conversation).toEqual(
      closed,
    );
  });

  it('reopens within the window and refuses afterwards', async () => {
    const { desk, clock } = await setupDesk({ reopenWindowMs: HOUR });
    const { id } = await desk.conversations.start({ customerId: 'cus_amy' });
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    await desk.conversations.resolve({ conversationId: id });
    await clock.advance(HOUR - 1);
    const reopened = await desk.conversations.reopen({ conversationId: id, by: 'agent' });
    expect(reopened).toMatchObject({ status: 'active', reopenCount: 1 });
    await desk.conversations.resolve({ conversationId: id });
    await clock.advance(HOUR);
    const late = desk.conversations.reopen({ conversationId: id });
    await expect(late).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
  });

  it('transfers between agents and back to the queue', async () => {
    const { desk, events } = await setupDesk();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    const moved = await desk.conversations.transfer({
      conversationId: id,
      toAgentId: 'agt_li',
      reason: '退款',
    });
    expect(moved).toMatchObject({ assigneeId: 'agt_li', transferCount: 1 });
    const queued = await desk.conversations.transfer({ conversationId: id, toAgentId: null });
    expect(queued).toMatchObject({ status: 'queued', assigneeId: null });
    const transfers = events.filter((event) => event.type === 'conversation.transferred');
    expect(
      transfers.map((event) => event.type === 'conversation.transferred' && event.data.fromAgentId),
    ).toEqual(['agt_wang', 'agt_li']);
    await expect(
      desk.conversations.transfer({ conversationId: id, toAgentId: 'agt_nobody' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('changes priority and tags, and refuses changes once closed', async () => {
    const { desk } = await setupDesk();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin', tags: ['vip'] });
    const urgent = await desk.conversations.setPriority({ conversationId: id, priority: 'urgent' });
    expect(urgent.priority).toBe('urgent');
    const tagged = await desk.conversations.tag({
      conversationId: id,
      add: ['melted', 'chocolate'],
      remove: ['vip'],
    });
    expect(tagged.tags).toEqual(['melted', 'chocolate']);
    await desk.conversations.close({ conversationId: id });
    await expect(
      desk.conversations.tag({ conversationId: id, add: ['late'] }),
    ).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });

  it('abandons a queued conversation and refuses new messages in it', async () => {
    const { desk } = await setupDesk();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    expect(await desk.conversations.abandon({ conversationId: id })).toMatchObject({
      status: 'abandoned',
    });
    const error = await desk.messages
      .post({ conversationId: id, author: { kind: 'customer', id: 'cus_lin' }, text: '还在吗' })
      .catch((e: unknown) => e);
    expect(isKefuError(error, 'INVALID_TRANSITION')).toBe(true);
  });

  it('returns the first conversation when start is repeated with the same client id', async () => {
    const { desk } = await setupDesk();
    const input = { customerId: 'cus_lin', clientId: 'start_8fJ2kq1x', message: { text: '你好' } };
    const [first, second] = await Promise.all([
      desk.conversations.start(input),
      desk.conversations.start(input),
    ]);
    expect(second.id).toBe(first.id);
    expect((await desk.conversations.list({ customerId: 'cus_lin' })).items).toHaveLength(1);
  });

  it('lists with filters and cursor pages, newest first', async () => {
    const { desk, clock } = await setupDesk();
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const c = await desk.conversations.start({
        customerId: i % 2 ? 'cus_lin' : 'cus_amy',
        channel: 'mini-program',
      });
      ids.push(c.id);
      if (i % 3 === 0)
        await desk.conversations.assign({ conversationId: c.id, agentId: 'agt_wang' });
      await clock.advance(1000);
    }
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await desk.conversations.list({ limit: 5, cursor });
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual([...ids].reverse());
    const mine = await desk.conversations.list({ assigneeId: 'agt_wang', status: 'active' });
    expect(mine.items.map((c) => c.id)).toEqual([ids[9], ids[6], ids[3], ids[0]]);
    const unassigned = await desk.conversations.list({ assigneeId: null, customerId: 'cus_lin' });
    expect(unassigned.items).toHaveLength(4);
    await expect(desk.conversations.list({ cursor: 'not-a-cursor' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('keeps a failing listener from failing the command', async () => {
    const errors: unknown[] = [];
    const { desk } = await setupDesk({ onError: (error) => errors.push(error) });
    const off = desk.on('conversation.started', () => {
      throw new Error('listener bug');
    });
    await desk.conversations.start({ customerId: 'cus_lin' });
    off();
    await desk.conversations.start({ customerId: 'cus_lin' });
    expect(errors).toHaveLength(1);
  });
});
