import { createMemoryAdapter } from '@kefu/adapter-memory';
import { describe, expect, it } from 'vitest';
import type { CreateDeskOptions } from '../desk/create-desk';
import { setupDesk } from '../desk/desk-test-setup';
import { isKefuError } from '../errors/kefu-error';
import type { EventBus } from '../events/event-bus';
import type { Incident } from './incident';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const message = {
  'zh-CN': '物流系统故障，订单查询暂不可用。',
  en: 'Order tracking is down for now.',
};

/** One policy counting every hour: first response within an hour, resolution within eight. */
const sla: Partial<CreateDeskOptions> = {
  sla: {
    policies: [
      {
        id: 'standard',
        name: '标准',
        targets: {
          firstResponse: { withinMs: HOUR, hours: 'calendar' },
          resolution: { withinMs: 8 * HOUR, hours: 'calendar' },
        },
      },
    ],
  },
  jobs: { pollIntervalMs: 24 * HOUR },
};

const errorOf = async (work: Promise<unknown>) =>
  work.then(
    () => {
      throw new Error('expected a failure');
    },
    (error: unknown) => error,
  );

describe('desk.incidents', () => {
  it('refuses bad input with VALIDATION and changes nothing', async () => {
    const { desk, events } = await setupDesk();
    const before = events.length;
    for (const input of [
      { message: { 'zh-CN': '故障' } },
      { message: { 'zh-CN': ' ', en: 'Down' } },
      { message, mode: 'panic' },
    ]) {
      const error = await errorOf(desk.incidents.start(input as never));
      expect(isKefuError(error, 'VALIDATION')).toBe(true);
    }
    expect(await desk.incidents.current()).toBeNull();
    expect(events.length).toBe(before);
  });

  it('starts once, ends once, and records both in the log', async () => {
    const { desk, clock, events } = await setupDesk();
    const started = await desk.incidents.start({ message, mode: 'normal', by: 'agt_wang' });
    expect(started).toMatchObject({ mode: 'normal', source: 'manual', startedBy: 'agt_wang' });
    expect(await desk.incidents.current()).toEqual(started);
    expect(
      isKefuError(await errorOf(desk.incidents.start({ message })), 'INVALID_TRANSITION'),
    ).toBe(true);
    await clock.advance(30 * MINUTE);
    const ended = await desk.incidents.end({ by: 'agt_li' });
    expect(ended).toMatchObject({ id: started.id, endedAt: clock.now(), endedBy: 'agt_li' });
    expect(await desk.incidents.current()).toBeNull();
    expect(isKefuError(await errorOf(desk.incidents.end()), 'INVALID_TRANSITION')).toBe(true);
    expect(events.filter((e) => e.type.startsWith('incident.')).map((e) => e.type)).toEqual([
      'incident.started',
      'incident.ended',
    ]);
  });

  it('lets exactly one of two concurrent starts win', async () => {
    const { desk, events } = await setupDesk();
    const results = await Promise.allSettled([
      desk.incidents.start({ message, mode: 'bot-only' }),
      desk.incidents.start({ message, mode: 'leave-message' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const failed = results.find((r) => r.status === 'rejected');
    expect(isKefuError(failed?.reason, 'INVALID_TRANSITION')).toBe(true);
    expect(events.filter((e) => e.type === 'incident.started')).toHaveLength(1);
  });

  it('tells subscribers, with a stable snapshot', async () => {
    const { desk } = await setupDesk();
    const seen: (Incident | null)[] = [];
    const off = desk.incidents.subscribe(() => seen.push(desk.incidents.getSnapshot()));
    const started = await desk.incidents.start({ message });
    expect(desk.incidents.getSnapshot()).toBe(desk.incidents.getSnapshot());
    await desk.incidents.end();
    off();
    expect(seen).toEqual([started, null]);
  });

  it('pauses SLA clocks for its duration, with the reason recorded, and loses no time', async () => {
    const { desk, clock, events } = await setupDesk(sla);
    const conversation = await desk.conversations.start({
      customerId: 'cus_lin',
      message: { text: '我的糖果什么时候到？' },
    });
    await clock.advance(10 * MINUTE);
    await desk.incidents.start({ message });
    // The sweep is a durable job; it pauses every clock at the incident's start.
    await clock.advance(5 * MINUTE);
    await desk.jobs.runDue();
    const paused = await desk.conversations.get({ conversationId: conversation.id });
    const clockDuring = paused?.sla?.clocks.firstResponse;
    expect(clockDuring).toMatchObject({ status: 'paused', pauseReason: 'incident' });
    expect(clockDuring?.elapsedMs).toBe(10 * MINUTE);

    // Three hours of incident: far past the one-hour target, yet nothing breaches.
    await clock.advance(3 * HOUR);
    await desk.jobs.runDue();
    expect(events.some((e) => e.type === 'sla.breached')).toBe(false);

    await desk.incidents.end();
    await desk.jobs.runDue();
    const resumed = (await desk.conversations.get({ conversationId: conversation.id }))?.sla?.clocks
      .firstResponse;
    expect(resumed).toMatchObject({ status: 'running', pauseReason: null, since: clock.now() });
    expect(resumed?.elapsedMs).toBe(10 * MINUTE);
    expect(resumed?.dueAt).toBe(clock.now() + 50 * MINUTE);

    // It breaches 50 minutes after the end, not before.
    await clock.advance(49 * MINUTE);
    await desk.jobs.runDue();
    expect(events.some((e) => e.type === 'sla.breached')).toBe(false);
    await clock.advance(2 * MINUTE);
    await desk.jobs.runDue();
    expect(events.filter((e) => e.type === 'sla.breached')).toHaveLength(1);
  });

  it('pauses ticket SLA clocks too, and their due instant moves by the incident', async () => {
    const { desk, clock } = await setupDesk({
      jobs: { pollIntervalMs: 24 * HOUR },
      sla: {
        policies: [
          {
            id: 'complaints',
            name: '投诉',
            conditions: { ticketKind: ['complaint'] },
            targets: { resolution: { withinMs: 4 * HOUR, hours: 'calendar' } },
          },
        ],
      },
    });
    const ticket = await desk.tickets.create({
      kind: 'complaint',
      subject: '巧克力融化',
      customerId: 'cus_lin',
      by: { kind: 'customer', id: 'cus_lin' },
    });
    expect(ticket.dueAt).toBe(ticket.createdAt + 4 * HOUR);
    await clock.advance(HOUR);
    await desk.incidents.start({ message });
    await desk.jobs.runDue();
    const during = await desk.tickets.get(ticket.id);
    expect(during?.sla?.clocks.resolution).toMatchObject({
      status: 'paused',
      pauseReason: 'incident',
      elapsedMs: HOUR,
    });
    await clock.advance(2 * HOUR);
    await desk.incidents.end();
    await desk.jobs.runDue();
    const after = await desk.tickets.get(ticket.id);
    expect(after?.sla?.clocks.resolution?.status).toBe('running');
    expect(after?.dueAt).toBe(ticket.createdAt + 6 * HOUR);
  });

  it('starts clocks of new conversations paused during an incident', async () => {
    const { desk, clock } = await setupDesk(sla);
    await desk.incidents.start({ message });
    const conversation = await desk.conversations.start({ customerId: 'cus_amy' });
    expect(conversation.sla?.clocks.firstResponse).toMatchObject({
      status: 'paused',
      pauseReason: 'incident',
      elapsedMs: 0,
    });
    await clock.advance(2 * HOUR);
    await desk.incidents.end();
    await desk.jobs.runDue();
    const after = await desk.conversations.get({ conversationId: conversation.id });
    expect(after?.sla?.clocks.firstResponse).toMatchObject({ status: 'running', elapsedMs: 0 });
  });

  it('in leave-message mode takes new conversations as left messages and holds routing', async () => {
    const { desk } = await setupDesk();
    await desk.incidents.start({ message, mode: 'leave-message' });
    const left = await desk.conversations.start({
      customerId: 'cus_lin',
      message: { text: '订单 KF20261111-0042 还没发货' },
    });
    expect(left).toMatchObject({ status: 'queued', leftMessage: true });
    expect(await desk.routing.dispatch()).toEqual([]);
    expect(await desk.routing.claimNext({ agentId: 'agt_wang' })).toBeNull();
    expect((await desk.routing.availability()).acceptingNow).toBe(false);

    await desk.incidents.end();
    const assigned = await desk.routing.dispatch();
    expect(assigned.map((c) => c.id)).toEqual([left.id]);
    expect((await desk.routing.availability()).acceptingNow).toBe(true);
  });

  it('in bot-only mode gives new conversations to the bot, and queues them when it ends', async () => {
    const { desk } = await setupDesk();
    await desk.incidents.start({ message, mode: 'bot-only' });
    const during = await desk.conversations.start({ customerId: 'cus_amy', status: 'queued' });
    expect(during.status).toBe('bot');
    await desk.incidents.end();
    await desk.jobs.runDue();
    expect((await desk.conversations.get({ conversationId: during.id }))?.status).toBe('queued');
  });

  it('is read back from the log by a new desk on the same storage', async () => {
    const first = await setupDesk(sla);
    const started = await first.desk.incidents.start({ message, mode: 'leave-message' });
    const second = await setupDesk({ ...sla, storage: first.storage, clock: first.clock });
    expect(await second.desk.incidents.current()).toEqual(started);
    const conversation = await second.desk.conversations.start({ customerId: 'cus_amy' });
    expect(conversation).toMatchObject({ leftMessage: true });
    expect(conversation.sla?.clocks.firstResponse?.pauseReason).toBe('incident');
  });

  it('keeps a history of incidents, newest first, and refuses a bad limit', async () => {
    const { desk, clock } = await setupDesk();
    expect(await desk.incidents.history()).toEqual([]);
    const first = await desk.incidents.start({ message, mode: 'normal', by: 'agt_wang' });
    await clock.advance(MINUTE);
    const firstEnded = await desk.incidents.end({ by: 'agt_wang' });
    await clock.advance(MINUTE);
    const second = await desk.incidents.start({ message, mode: 'bot-only' });
    expect(await desk.incidents.history()).toEqual([second, firstEnded]);
    expect(await desk.incidents.history({ limit: 1 })).toEqual([second]);
    expect(firstEnded).toMatchObject({ id: first.id, endedBy: 'agt_wang' });
    await expect(desk.incidents.history({ limit: 0 })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });

  it('records each switch in storage in the same transaction as its event', async () => {
    const { desk, storage } = await setupDesk();
    const started = await desk.incidents.start({ message, mode: 'leave-message' });
    expect(await storage.read.incidents.latest()).toEqual(started);
    // A second start is refused and writes nothing.
    await expect(desk.incidents.start({ message })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
    expect(await storage.read.incidents.list({ limit: 10 })).toEqual([started]);
    const ended = await desk.incidents.end();
    expect(await storage.read.incidents.get(started.id)).toEqual(ended);
  });
});

describe('incidents across nodes: which bus notifications cost a read', () => {
  it('reads the incident record again only for notifications that may carry desk events', async () => {
    const base = createMemoryAdapter();
    const listeners: Parameters<EventBus['subscribe']>[0][] = [];
    const bus: EventBus = {
      async publish(position, subjectKinds) {
        for (const listener of listeners) listener(position, subjectKinds);
      },
      subscribe(listener) {
        listeners.push(listener);
        return () => {};
      },
      async close() {},
    };
    let reads = 0;
    const incidents = new Proxy(base.read.incidents, {
      get(target, key, receiver) {
        if (key === 'latest') reads++;
        return Reflect.get(target, key, receiver);
      },
    });
    const read = new Proxy(base.read, {
      get: (target, key, receiver) =>
        key === 'incidents' ? incidents : Reflect.get(target, key, receiver),
    });
    const storage = new Proxy(base, {
      get: (target, key, receiver) =>
        key === 'bus' ? bus : key === 'read' ? read : Reflect.get(target, key, receiver),
    });
    const { desk } = await setupDesk({ storage });
    await desk.incidents.current();
    await until(() => listeners.length > 0);
    const before = reads;
    await bus.publish(10, ['conversation']);
    await bus.publish(11, ['conversation', 'ticket']);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reads).toBe(before);
    await bus.publish(12, ['conversation', 'desk']);
    await until(() => reads === before + 1);
    // No kinds (an older node, a reconnect): anything may have changed.
    await bus.publish(13, undefined);
    await until(() => reads === before + 2);
  });
});

async function until(condition: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}
