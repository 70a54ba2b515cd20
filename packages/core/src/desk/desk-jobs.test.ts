import { describe, expect, it } from 'vitest';
import { createDesk } from './create-desk';
import { HOUR, setupDesk } from './desk-test-setup';

const closedEvents = (events: { type: string }[]) =>
  events.filter((e) => e.type === 'conversation.closed');

describe('desk: durable jobs', () => {
  it('closes a resolved conversation exactly when its reopen window ends, once', async () => {
    const { desk, clock, events } = await setupDesk({
      reopenWindowMs: HOUR,
      jobs: { pollIntervalMs: 10 * HOUR },
    });
    await desk.jobs.start();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    const resolved = await desk.conversations.resolve({ conversationId: id });

    await clock.advance(HOUR - 1);
    expect((await desk.conversations.get({ conversationId: id }))?.status).toBe('resolved');
    await clock.advance(1);
    const closed = await desk.conversations.get({ conversationId: id });
    expect(closed).toMatchObject({ status: 'closed', closeReason: 'reopen-window-ended' });
    expect(closed?.closedAt).toBe((resolved.resolvedAt ?? 0) + HOUR);

    await clock.advance(5 * HOUR);
    expect(await desk.jobs.runDue()).toBe(0);
    expect(closedEvents(events)).toHaveLength(1);
    await desk.stop();
  });

  it('does not close a conversation reopened before its window ended', async () => {
    const { desk, clock } = await setupDesk({
      reopenWindowMs: HOUR,
      jobs: { pollIntervalMs: 10 * HOUR },
    });
    await desk.jobs.start();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    await desk.conversations.resolve({ conversationId: id });
    await clock.advance(HOUR / 2);
    await desk.messages.post({
      conversationId: id,
      author: { kind: 'customer', id: 'cus_lin' },
      text: '又坏了一盒',
    });
    await clock.advance(2 * HOUR);
    expect((await desk.conversations.get({ conversationId: id }))?.status).toBe('active');
    await desk.stop();
  });

  it('closes a pending conversation left idle', async () => {
    const { desk, clock } = await setupDesk({
      pendingIdleCloseMs: 2 * HOUR,
      jobs: { pollIntervalMs: 10 * HOUR },
    });
    await desk.jobs.start();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    await desk.conversations.waitOnCustomer({ conversationId: id });
    await clock.advance(2 * HOUR);
    expect(await desk.conversations.get({ conversationId: id })).toMatchObject({
      status: 'closed',
      closeReason: 'idle',
    });
    await desk.stop();
  });

  it('fires an overdue job once after a restart, even with two desks starting on the storage', async () => {
    const { desk, clock, storage } = await setupDesk({ reopenWindowMs: HOUR });
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    await desk.conversations.resolve({ conversationId: id });
    // The first node goes away before the job is due; nothing runs it.
    await clock.advance(3 * HOUR);
    expect((await desk.conversations.get({ conversationId: id }))?.status).toBe('resolved');

    const nodeA = createDesk({ storage, clock });
    const nodeB = createDesk({ storage, clock });
    await Promise.all([nodeA.jobs.start(), nodeB.jobs.start()]);
    expect(await nodeA.conversations.get(id)).toMatchObject({
      status: 'closed',
      closedAt: clock.now(),
    });
    const log = await nodeA.events.read({ limit: 1000 });
    expect(closedEvents(log)).toHaveLength(1);
    await Promise.all([nodeA.stop(), nodeB.stop()]);
  });

  it('retries a job whose handler failed, later', async () => {
    const errors: unknown[] = [];
    const { desk, clock, storage } = await setupDesk({
      reopenWindowMs: HOUR,
      onError: (e) => errors.push(e),
    });
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    await desk.conversations.resolve({ conversationId: id });
    await clock.advance(HOUR);
    const original = storage.transaction.bind(storage);
    let failures = 1;
    storage.transaction = (work) =>
      failures-- > 0 ? Promise.reject(new Error('database blinked')) : original(work);
    expect(await desk.jobs.runDue()).toBe(1);
    expect(errors).toHaveLength(1);
    expect((await desk.conversations.get({ conversationId: id }))?.status).toBe('resolved');
    await clock.advance(2000);
    expect(await desk.jobs.runDue()).toBe(1);
    expect((await desk.conversations.get({ conversationId: id }))?.status).toBe('closed');
  });
});
