import { createMemoryAdapter } from '@kefu/adapter-memory';
import { describe, expect, it } from 'vitest';
import { type CreateDeskOptions, createDesk } from '../desk/create-desk';
import { setupDesk } from '../desk/desk-test-setup';
import type { DomainEvent } from '../events/domain-events';
import { VirtualClock } from '../time/virtual-clock';
import type { SlaPolicyInput } from './sla-policy';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const at = (iso: string) => Date.parse(iso);
const weekdays = [{ start: '09:00', end: '17:00' }];

const berlin = {
  timeZone: 'Europe/Berlin',
  weekly: { mon: weekdays, tue: weekdays, wed: weekdays, thu: weekdays, fri: weekdays },
};

function slaOptions(policies: SlaPolicyInput[], extra: Partial<CreateDeskOptions> = {}) {
  return {
    sla: { calendars: { berlin }, policies },
    jobs: { pollIntervalMs: 24 * HOUR },
    ...extra,
  } satisfies Partial<CreateDeskOptions>;
}

const slaEvents = (events: DomainEvent[]) =>
  events
    .filter((e) => e.type.startsWith('sla.'))
    .map((e) => {
      const data = e.data as {
        target?: string;
        threshold?: number;
        breached?: boolean;
        level?: number;
      };
      return [
        e.type,
        data.target ?? data.level,
        data.threshold ?? data.breached ?? null,
        new Date(e.at).toISOString(),
      ];
    });

describe('desk: SLA clocks', () => {
  it('dues a Friday 16:30 message with a one-hour business target on Monday 09:30, warning first', async () => {
    const clock = new VirtualClock(at('2026-11-13T16:30:00+01:00'));
    const { desk, events } = await setupDesk({
      clock,
      ...slaOptions([
        {
          id: 'standard',
          name: '标准',
          calendar: 'berlin',
          targets: { firstResponse: { withinMs: HOUR } },
        },
      ]),
    });
    await desk.jobs.start();
    const { id } = await desk.conversations.start({
      customerId: 'cus_amy',
      message: { text: 'Where is my order?' },
    });
    const sla = await desk.sla.clocks(id);
    expect(new Date(sla?.clocks.firstResponse?.dueAt ?? 0).toISOString()).toBe(
      '2026-11-16T08:30:00.000Z',
    );
    await clock.advanceTo(at('2026-11-16T09:30:00+01:00'));
    expect(slaEvents(events)).toEqual([
      ['sla.warning', 'firstResponse', 0.75, '2026-11-16T08:15:00.000Z'],
      ['sla.warning', 'firstResponse', 0.9, '2026-11-16T08:24:00.000Z'],
      ['sla.breached', 'firstResponse', null, '2026-11-16T08:30:00.000Z'],
    ]);
    const breached = events.find((e) => e.type === 'sla.breached');
    expect(breached?.type === 'sla.breached' && breached.data).toMatchObject({
      policyId: 'standard',
      dueAt: at('2026-11-16T09:30:00+01:00'),
      elapsedMs: HOUR,
    });
    await desk.stop();
  });

  it('records the breach even when the target is met later, and meets on the agent reply', async () => {
    const { desk, clock, events } = await setupDesk(
      slaOptions([
        {
          id: 'fast',
          name: 'fast',
          targets: { firstResponse: { withinMs: 10 * MINUTE, hours: 'calendar' } },
        },
      ]),
    );
    await desk.jobs.start();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    await clock.advance(12 * MINUTE);
    await desk.messages.post({
      conversationId: id,
      author: { kind: 'agent', id: 'agt_wang' },
      text: '抱歉久等',
    });
    expect(slaEvents(events).map(([type, , detail]) => [type, detail])).toEqual([
      ['sla.warning', 0.75],
      ['sla.warning', 0.9],
      ['sla.breached', null],
      ['sla.met', true],
    ]);
    const clocks = await desk.sla.clocks(id);
    expect(clocks?.clocks.firstResponse).toMatchObject({
      status: 'met',
      breachedAt: expect.any(Number),
      metAt: clock.now(),
    });
    await desk.stop();
  });

  it('pauses while waiting on the customer and resumes where it stopped', async () => {
    const { desk, clock, events } = await setupDesk(
      slaOptions([
        {
          id: 'resolve',
          name: 'resolve',
          targets: { resolution: { withinMs: HOUR, hours: 'calendar' } },
        },
      ]),
    );
    await desk.jobs.start();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    await clock.advance(20 * MINUTE);
    await desk.conversations.waitOnCustomer({ conversationId: id });
    expect((await desk.sla.clocks(id))?.clocks.resolution).toMatchObject({
      status: 'paused',
      elapsedMs: 20 * MINUTE,
    });
    await clock.advance(5 * HOUR);
    expect(events.filter((e) => e.type === 'sla.breached')).toHaveLength(0);
    await desk.messages.post({
      conversationId: id,
      author: { kind: 'customer', id: 'cus_lin' },
      text: '我回来了',
    });
    expect((await desk.sla.clocks(id))?.clocks.resolution?.dueAt).toBe(clock.now() + 40 * MINUTE);
    await clock.advance(40 * MINUTE);
    expect(events.filter((e) => e.type === 'sla.breached').map((e) => e.at)).toEqual([clock.now()]);
    await desk.stop();
  });

  it('applies the urgent targets from the moment a conversation is raised to urgent', async () => {
    const { desk, clock } = await setupDesk(
      slaOptions([
        {
          id: 'urgent',
          name: '紧急',
          conditions: { priority: ['urgent'] },
          targets: { firstResponse: { withinMs: 5 * MINUTE, hours: 'calendar' } },
        },
        {
          id: 'normal',
          name: '普通',
          targets: { firstResponse: { withinMs: HOUR, hours: 'calendar' } },
        },
      ]),
    );
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    expect((await desk.sla.clocks(id))?.policyId).toBe('normal');
    await clock.advance(3 * MINUTE);
    await desk.conversations.setPriority({ conversationId: id, priority: 'urgent' });
    const sla = await desk.sla.clocks(id);
    expect(sla?.policyId).toBe('urgent');
    expect(sla?.clocks.firstResponse).toMatchObject({
      budgetMs: 5 * MINUTE,
      elapsedMs: 3 * MINUTE,
      dueAt: clock.now() + 2 * MINUTE,
    });
  });

  it('measures the next response from the oldest unanswered customer message', async () => {
    const { desk, clock } = await setupDesk(
      slaOptions([
        {
          id: 'p',
          name: 'p',
          targets: { nextResponse: { withinMs: 10 * MINUTE, hours: 'calendar' } },
        },
      ]),
    );
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    await desk.messages.post({
      conversationId: id,
      author: { kind: 'agent', id: 'agt_wang' },
      text: '您好',
    });
    await clock.advance(MINUTE);
    await desk.messages.post({
      conversationId: id,
      author: { kind: 'customer', id: 'cus_lin' },
      text: '第一条',
    });
    const first = clock.now();
    await clock.advance(3 * MINUTE);
    await desk.messages.post({
      conversationId: id,
      author: { kind: 'customer', id: 'cus_lin' },
      text: '第二条',
    });
    expect((await desk.sla.clocks(id))?.clocks.nextResponse).toMatchObject({
      startedAt: first,
      dueAt: first + 10 * MINUTE,
    });
    await desk.messages.post({
      conversationId: id,
      author: { kind: 'agent', id: 'agt_wang' },
      text: '收到',
    });
    expect((await desk.sla.clocks(id))?.clocks.nextResponse?.status).toBe('met');
  });

  it('fires an overdue breach exactly once after a restart, with several desks on the storage', async () => {
    const clock = new VirtualClock(at('2026-11-16T10:00:00+01:00'));
    const storage = createMemoryAdapter();
    const options = slaOptions([
      {
        id: 'p',
        name: 'p',
        targets: { firstResponse: { withinMs: 30 * MINUTE } },
        calendar: 'berlin',
      },
    ]);
    const first = createDesk({ storage, clock, routing: { auto: false }, ...options });
    await first.customers.upsert({ id: 'cus_lin' });
    await first.conversations.start({ customerId: 'cus_lin' });
    // Nobody runs jobs while the deadline passes.
    await clock.advance(2 * HOUR);
    const nodes = [0, 1, 2].map(() =>
      createDesk({ storage, clock, routing: { auto: false }, ...options }),
    );
    await Promise.all(nodes.map((node) => node.jobs.start()));
    await clock.advance(HOUR);
    const log = await first.events.read({ limit: 1000 });
    expect(log.filter((e) => e.type === 'sla.breached')).toHaveLength(1);
    expect(log.filter((e) => e.type === 'sla.warning')).toHaveLength(2);
    await Promise.all(nodes.map((node) => node.stop()));
  });

  it('escalates level by level while the target stays unmet', async () => {
    const { desk, clock, events } = await setupDesk(
      slaOptions([
        {
          id: 'vip',
          name: 'VIP',
          conditions: { tier: ['vip'] },
          targets: { firstResponse: { withinMs: 10 * MINUTE, hours: 'calendar' } },
          warnAt: [0.5],
          escalation: [
            { on: 'warning', actions: [{ type: 'notify', to: 'supervisor@candy.example' }] },
            {
              on: 'breach',
              actions: [
                { type: 'raise-priority', to: 'urgent' },
                { type: 'assign-team', team: 'vip-care' },
              ],
            },
            {
              on: 'breach',
              afterMs: 10 * MINUTE,
              actions: [{ type: 'custom', name: 'call-the-manager' }],
            },
          ],
        },
      ]),
    );
    await desk.jobs.start();
    const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
    await clock.advance(30 * MINUTE);
    const escalations = events.filter((e) => e.type === 'sla.escalated');
    expect(
      escalations.map((e) => [
        e.type === 'sla.escalated' && e.data.level,
        e.at - (escalations[0]?.at ?? 0),
      ]),
    ).toEqual([
      [1, 0],
      [2, 5 * MINUTE],
      [3, 15 * MINUTE],
    ]);
    expect(await desk.conversations.get({ conversationId: id })).toMatchObject({
      priority: 'urgent',
      team: 'vip-care',
    });
    expect((await desk.sla.clocks(id))?.escalationLevel).toBe(3);
    await desk.stop();
  });

  it('tells the customer side when the team is next open', async () => {
    const { desk } = await setupDesk({
      clock: new VirtualClock(at('2026-11-14T12:00:00+01:00')),
      ...slaOptions([]),
    });
    expect(desk.sla.isOpen()).toBe(false);
    expect(desk.sla.nextOpening()).toBe(at('2026-11-16T09:00:00+01:00'));
    expect(desk.sla.isOpen({ at: at('2026-11-16T09:00:00+01:00') })).toBe(true);
    expect(() => desk.sla.isOpen({ calendarId: 'mars' })).toThrow('No calendar "mars"');
  });

  it('refuses a policy that names an undefined calendar', async () => {
    await expect(
      setupDesk({ sla: { policies: [{ id: 'x', name: 'x', calendar: 'nowhere', targets: {} }] } }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});
