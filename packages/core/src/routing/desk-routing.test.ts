import { describe, expect, it } from 'vitest';
import type { Desk } from '../desk/create-desk';
import { setupDesk } from '../desk/desk-test-setup';

const MINUTE = 60_000;

async function loads(desk: Desk) {
  const agents = await desk.agents.list();
  return Object.fromEntries(agents.map((agent) => [agent.id, agent.load]));
}

describe('desk: agent load and capacity', () => {
  it('counts open, non-pending conversations through the lifecycle', async () => {
    const { desk } = await setupDesk({ reopenWindowMs: 60 * MINUTE });
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    expect(await loads(desk)).toEqual({ agt_li: 0, agt_wang: 1 });
    await desk.conversations.waitOnCustomer({ conversationId: id });
    expect((await loads(desk)).agt_wang).toBe(0);
    await desk.messages.post({
      conversationId: id,
      author: { kind: 'customer', id: 'cus_lin' },
      text: '还在吗',
    });
    expect((await loads(desk)).agt_wang).toBe(1);
    await desk.conversations.transfer({ conversationId: id, toAgentId: 'agt_li' });
    expect(await loads(desk)).toEqual({ agt_li: 1, agt_wang: 0 });
    await desk.conversations.resolve({ conversationId: id });
    expect((await loads(desk)).agt_li).toBe(0);
    await desk.conversations.reopen({ conversationId: id });
    expect((await loads(desk)).agt_li).toBe(1);
    await desk.conversations.close({ conversationId: id });
    expect(await loads(desk)).toEqual({ agt_li: 0, agt_wang: 0 });
    expect((await desk.agents.get('agt_li'))?.lastAssignedAt).not.toBeNull();
  });

  it('refuses an assignment beyond capacity with CAPACITY and changes nothing', async () => {
    const { desk } = await setupDesk();
    await desk.agents.upsert({ id: 'agt_wang', capacity: 1 });
    const first = await desk.conversations.start({ customerId: 'cus_lin' });
    const second = await desk.conversations.start({ customerId: 'cus_amy' });
    await desk.conversations.assign({ conversationId: first.id, agentId: 'agt_wang' });
    await expect(
      desk.conversations.assign({ conversationId: second.id, agentId: 'agt_wang' }),
    ).rejects.toMatchObject({
      code: 'CAPACITY',
    });
    expect((await desk.conversations.get({ conversationId: second.id }))?.status).toBe('queued');
    expect((await loads(desk)).agt_wang).toBe(1);
  });

  it('takes the reply away from the previous assignee after a transfer', async () => {
    const { desk } = await setupDesk();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    await desk.conversations.transfer({
      conversationId: id,
      toAgentId: 'agt_li',
      reason: '退款',
      note: '顾客要求退款，订单 SO-20261111-0042',
    });
    await expect(
      desk.messages.post({
        conversationId: id,
        author: { kind: 'agent', id: 'agt_wang' },
        text: '我还在',
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const history = await desk.messages.list({ conversationId: id });
    expect(history).toMatchObject([{ internal: true, author: { kind: 'agent', id: 'agt_wang' } }]);
    expect(await desk.messages.list({ conversationId: id, includeInternal: false })).toEqual([]);
  });
});

/** Requeue after 5 minutes away; agt_li offline, so cus_lin's conversation goes to agt_wang. */
async function withWangServingLin() {
  const { desk, clock } = await setupDesk({
    routing: { auto: true, whenAgentLeaves: { action: 'requeue', graceMs: 5 * MINUTE } },
    jobs: { pollIntervalMs: 60 * MINUTE },
  });
  await desk.jobs.start();
  await desk.agents.setPresence({ agentId: 'agt_li', presence: 'offline' });
  const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
  await desk.routing.idle();
  return { desk, clock, id };
}

describe('desk: automatic routing', () => {
  it('assigns a new conversation to the least busy online agent with the skills', async () => {
    const { desk, clock } = await setupDesk({ routing: { auto: true } });
    const orders = await desk.conversations.start({ customerId: 'cus_lin', skills: ['orders'] });
    await desk.routing.idle();
    await clock.advance(1000);
    const refund = await desk.conversations.start({
      customerId: 'cus_amy',
      skills: ['after-sales'],
    });
    await desk.routing.idle();
    await clock.advance(1000);
    const any = await desk.conversations.start({ customerId: 'cus_amy' });
    await desk.routing.idle();
    expect((await desk.conversations.get({ conversationId: orders.id }))?.assigneeId).toBe(
      'agt_wang',
    );
    expect((await desk.conversations.get({ conversationId: refund.id }))?.assigneeId).toBe(
      'agt_li',
    );
    // Both have one; agt_li was assigned last, so agt_wang has waited longer.
    expect((await desk.conversations.get({ conversationId: any.id }))?.assigneeId).toBe('agt_wang');
  });

  it('queues when nobody fits, shows position and wait, and routes when an agent frees up', async () => {
    const { desk, clock } = await setupDesk({
      routing: { auto: true, defaultHandleTimeMs: 4 * MINUTE },
    });
    await desk.agents.upsert({ id: 'agt_wang', capacity: 1 });
    await desk.agents.upsert({ id: 'agt_li', capacity: 1 });
    const started = [];
    for (const customerId of ['cus_lin', 'cus_amy', 'cus_lin', 'cus_amy']) {
      started.push(await desk.conversations.start({ customerId }));
      await clock.advance(1000);
    }
    await desk.routing.idle();
    const snapshots: number[] = [];
    desk.routing.subscribe(() => snapshots.push(desk.routing.getSnapshot().entries.length));
    const queue = await desk.routing.refreshQueue();
    // cus_lin is VIP, so their later conversation goes first.
    expect(queue.entries.map((e) => [e.conversationId, e.position, e.estimatedWaitMs])).toEqual([
      [started[2]?.id, 1, 2 * MINUTE],
      [started[3]?.id, 2, 4 * MINUTE],
    ]);
    expect(desk.routing.position(started[3]?.id ?? '')?.position).toBe(2);
    expect(desk.routing.getSnapshot()).toBe(queue);

    const busy = (await desk.conversations.list({ status: 'active' })).items;
    const first = busy.find((c) => c.assigneeId === 'agt_wang');
    await desk.conversations.resolve({ conversationId: first?.id ?? '' });
    await desk.routing.idle();
    expect(
      (await desk.conversations.get({ conversationId: started[2]?.id ?? '' }))?.assigneeId,
    ).toBe('agt_wang');
    expect(desk.routing.position(started[3]?.id ?? '')?.position).toBe(1);
    expect(snapshots.at(-1)).toBe(1);
  });

  it("routes again after a manual close, not after a close by the desk's timers", async () => {
    const { desk, clock } = await setupDesk({ routing: { auto: true }, reopenWindowMs: MINUTE });
    await desk.jobs.start();
    const resolved = await desk.conversations.start({ customerId: 'cus_lin' });
    const queued = await desk.conversations.start({ customerId: 'cus_amy', skills: ['vip-desk'] });
    await desk.routing.idle();
    await desk.conversations.resolve({ conversationId: resolved.id });
    await desk.routing.idle();
    // Each routing pass publishes a queue snapshot.
    let passes = 0;
    desk.routing.subscribe(() => passes++);
    // The reopen window ends: a resolved conversation closes, queue and loads stay as they were.
    await clock.advance(2 * MINUTE);
    await desk.routing.idle();
    expect((await desk.conversations.get({ conversationId: resolved.id }))?.status).toBe('closed');
    expect(passes).toBe(0);
    await desk.conversations.close({ conversationId: queued.id });
    await desk.routing.idle();
    expect(passes).toBe(1);
    expect(desk.routing.getSnapshot().entries).toEqual([]);
  });

  it('widens to the fallback team after the overflow wait', async () => {
    const { desk, clock } = await setupDesk({
      routing: { auto: true, overflow: { afterMs: 2 * MINUTE, team: 'after-sales' } },
      jobs: { pollIntervalMs: 60 * MINUTE },
    });
    await desk.agents.upsert({ id: 'agt_wang', teams: ['service'], presence: 'away' });
    await desk.agents.upsert({ id: 'agt_li', teams: ['after-sales'] });
    await desk.jobs.start();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin', team: 'service' });
    await desk.routing.idle();
    await clock.advance(2 * MINUTE - 1);
    await desk.routing.idle();
    expect((await desk.conversations.get({ conversationId: id }))?.status).toBe('queued');
    await clock.advance(1);
    await desk.routing.idle();
    expect(await desk.conversations.get({ conversationId: id })).toMatchObject({
      assigneeId: 'agt_li',
      overflowedAt: clock.now(),
    });
    await desk.stop();
  });

  it('cancels the overflow job of a conversation assigned before it overflowed', async () => {
    const { desk, storage } = await setupDesk({
      routing: { overflow: { afterMs: 2 * MINUTE, team: 'after-sales' } },
    });
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    const key = `conversation/${id}/overflow`;
    expect(await storage.jobs.findLive(key)).toMatchObject({ kind: 'conversation.overflow' });
    await desk.routing.dispatch();
    expect((await desk.conversations.get({ conversationId: id }))?.status).toBe('active');
    expect(await storage.jobs.findLive(key)).toBeNull();
  });

  it('schedules no overflow job without overflow settings, and assigns all the same', async () => {
    const { desk, storage } = await setupDesk();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    expect(await storage.jobs.findLive(`conversation/${id}/overflow`)).toBeNull();
    expect((await desk.routing.dispatch()).map((c) => c.id)).toEqual([id]);
    expect(await storage.jobs.nextDueAt()).toBeNull();
  });

  it('offers "leave a message" when nobody is online, and serves left messages first', async () => {
    const { desk } = await setupDesk({ routing: { auto: true } });
    await desk.agents.setPresence({ agentId: 'agt_wang', presence: 'offline' });
    await desk.agents.setPresence({ agentId: 'agt_li', presence: 'offline' });
    expect(await desk.routing.availability()).toEqual({ agentsOnline: 0, acceptingNow: false });
    const urgent = await desk.conversations.start({ customerId: 'cus_lin', priority: 'urgent' });
    const left = await desk.conversations.start({
      customerId: 'cus_amy',
      leftMessage: true,
      message: { text: 'Please call me back about my order.' },
    });
    await desk.routing.idle();
    expect(
      desk.routing.getSnapshot().entries.map((e) => [e.conversationId, e.estimatedWaitMs]),
    ).toEqual([
      [left.id, null],
      [urgent.id, null],
    ]);
    await desk.agents.upsert({ id: 'agt_wang', capacity: 1 });
    await desk.agents.setPresence({ agentId: 'agt_wang', presence: 'online' });
    await desk.routing.idle();
    expect((await desk.conversations.get({ conversationId: left.id }))?.assigneeId).toBe(
      'agt_wang',
    );
    expect((await desk.conversations.get({ conversationId: urgent.id }))?.status).toBe('queued');
  });

  it('returns a departed agent’s conversations to the queue after the grace period', async () => {
    const { desk, clock, id } = await withWangServingLin();
    expect((await desk.conversations.get({ conversationId: id }))?.assigneeId).toBe('agt_wang');
    await desk.agents.setPresence({ agentId: 'agt_li', presence: 'online' });
    await desk.agents.setPresence({ agentId: 'agt_wang', presence: 'away' });
    await clock.advance(5 * MINUTE);
    await desk.routing.idle();
    expect(await desk.conversations.get({ conversationId: id })).toMatchObject({
      status: 'active',
      assigneeId: 'agt_li',
      transferCount: 1,
    });
    expect((await desk.agents.get('agt_wang'))?.load).toBe(0);
    await desk.stop();
  });

  it('keeps conversations with an agent who comes back within the grace period', async () => {
    const { desk, clock, id } = await withWangServingLin();
    await desk.agents.setPresence({ agentId: 'agt_wang', presence: 'away' });
    await clock.advance(4 * MINUTE);
    await desk.agents.setPresence({ agentId: 'agt_wang', presence: 'online' });
    await clock.advance(10 * MINUTE);
    expect(await desk.conversations.get({ conversationId: id })).toMatchObject({
      assigneeId: 'agt_wang',
      transferCount: 0,
    });
    await desk.stop();
  });

  it('manual routing: nothing is assigned until an agent claims, in queue order and by skills', async () => {
    const { strategies } = await import('./strategies');
    const { desk } = await setupDesk({ routing: { auto: true, strategy: strategies.manual() } });
    const refund = await desk.conversations.start({
      customerId: 'cus_amy',
      skills: ['after-sales'],
    });
    const order = await desk.conversations.start({ customerId: 'cus_lin', skills: ['orders'] });
    await desk.routing.idle();
    expect((await desk.conversations.list({ status: 'queued' })).items).toHaveLength(2);
    expect((await desk.routing.claimNext({ agentId: 'agt_wang' }))?.id).toBe(order.id);
    expect(await desk.routing.claimNext({ agentId: 'agt_wang' })).toBeNull();
    expect((await desk.routing.claimNext({ agentId: 'agt_li' }))?.id).toBe(refund.id);
  });

  it('sticky routing gives a returning customer their previous agent', async () => {
    const { strategies } = await import('./strategies');
    const { desk } = await setupDesk({
      routing: { auto: true, strategy: strategies.sticky(60 * MINUTE) },
    });
    const first = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.routing.idle();
    const agentId = (await desk.conversations.get({ conversationId: first.id }))?.assigneeId;
    await desk.conversations.resolve({ conversationId: first.id });
    // The other agent is less recently assigned, so without stickiness they would win.
    const again = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.routing.idle();
    expect((await desk.conversations.get({ conversationId: again.id }))?.assigneeId).toBe(agentId);
  });

  it('transfers to a team queue, recording who, from, to and why, and routes within the team', async () => {
    const { desk, events } = await setupDesk({ routing: { auto: true } });
    await desk.agents.upsert({ id: 'agt_wang', teams: ['service'] });
    await desk.agents.upsert({ id: 'agt_li', teams: ['after-sales'], presence: 'away' });
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.routing.idle();
    expect((await desk.conversations.get({ conversationId: id }))?.assigneeId).toBe('agt_wang');
    await desk.conversations.transfer({
      conversationId: id,
      toAgentId: null,
      toTeam: 'after-sales',
      reason: '巧克力化了，需要售后',
      byAgentId: 'agt_wang',
    });
    await desk.routing.idle();
    expect(await desk.conversations.get({ conversationId: id })).toMatchObject({
      status: 'queued',
      team: 'after-sales',
    });
    await desk.agents.setPresence({ agentId: 'agt_li', presence: 'online' });
    await desk.routing.idle();
    expect((await desk.conversations.get({ conversationId: id }))?.assigneeId).toBe('agt_li');
    const transfer = events.find((e) => e.type === 'conversation.transferred');
    expect(transfer?.type === 'conversation.transferred' && transfer.data).toMatchObject({
      by: 'agt_wang',
      fromAgentId: 'agt_wang',
      toAgentId: null,
      toTeam: 'after-sales',
      reason: '巧克力化了，需要售后',
    });
  });

  it('keeps the wait of a customer who leaves the queue', async () => {
    const { desk, clock } = await setupDesk();
    const { id, queuedAt } = await desk.conversations.start({ customerId: 'cus_lin' });
    await clock.advance(3 * MINUTE);
    const abandoned = await desk.conversations.abandon({ conversationId: id });
    expect(abandoned.queuedAt).toBe(queuedAt);
    expect((abandoned.abandonedAt ?? 0) - (abandoned.queuedAt ?? 0)).toBe(3 * MINUTE);
  });
});
