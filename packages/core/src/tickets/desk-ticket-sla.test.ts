import { describe, expect, it } from 'vitest';
import { HOUR, setupDesk } from '../desk/desk-test-setup';

const MINUTE = 60_000;
const agent = { kind: 'agent' as const, id: 'agt_li' };

describe('desk: ticket SLA', () => {
  it('gives every step a due instant, pauses while waiting, escalates on breach', async () => {
    const { desk, clock, events } = await setupDesk({
      jobs: { pollIntervalMs: 100 * HOUR },
      sla: {
        policies: [
          {
            id: 'complaints',
            name: '投诉',
            conditions: { ticketKind: ['complaint'] },
            targets: {
              firstResponse: { withinMs: 30 * MINUTE, hours: 'calendar' },
              resolution: { withinMs: 4 * HOUR, hours: 'calendar' },
            },
            escalation: [
              {
                on: 'breach',
                actions: [
                  { type: 'raise-priority', to: 'urgent' },
                  { type: 'assign-agent', agentId: 'agt_wang' },
                  { type: 'notify', to: 'after-sales-lead' },
                ],
              },
            ],
          },
        ],
      },
    });
    await desk.jobs.start();
    const created = await desk.tickets.create({
      kind: 'complaint',
      subject: '巧克力融化',
      customerId: 'cus_lin',
      by: { kind: 'customer', id: 'cus_lin' },
    });
    const id = created.id;
    expect(created.dueAt).toBe(created.createdAt + 30 * MINUTE);
    await clock.advance(10 * MINUTE);
    const started = await desk.tickets.start({ ticketId: id, by: agent });
    expect(started.sla?.clocks.firstResponse?.status).toBe('met');
    expect(started.dueAt).toBe(created.createdAt + 4 * HOUR);

    await clock.advance(HOUR);
    await desk.tickets.awaitCustomer({ ticketId: id, by: agent, message: '请上传照片' });
    await clock.advance(10 * HOUR);
    expect(events.filter((e) => e.type === 'sla.breached')).toHaveLength(0);
    const resumed = await desk.tickets.resume({ ticketId: id, by: agent });
    // 70 minutes were counted before the pause; 170 remain.
    expect(resumed.dueAt).toBe(clock.now() + 170 * MINUTE);

    await clock.advance(170 * MINUTE);
    const breached = events.filter((e) => e.type === 'sla.breached');
    expect(
      breached.map((e) => e.type === 'sla.breached' && [e.data.target, e.data.ticket?.id]),
    ).toEqual([['resolution', id]]);
    expect(await desk.tickets.get(id)).toMatchObject({
      severity: 'critical',
      ownerId: 'agt_wang',
      escalationLevel: 1,
    });
    expect(events.filter((e) => e.type === 'sla.escalated')).toHaveLength(1);
    await desk.stop();
  });

  it('leaves tickets without a matching policy without clocks', async () => {
    const { desk } = await setupDesk({
      sla: {
        policies: [
          {
            id: 'p',
            name: 'p',
            conditions: { ticketKind: ['payment'] },
            targets: { resolution: { withinMs: HOUR, hours: 'calendar' } },
          },
        ],
      },
    });
    const ticket = await desk.tickets.create({
      kind: 'return',
      subject: '退货',
      customerId: 'cus_lin',
      by: agent,
    });
    expect(ticket).toMatchObject({ dueAt: null, sla: { policyId: null, clocks: {} } });
    const conversation = await desk.conversations.start({ customerId: 'cus_lin' });
    expect(conversation.sla?.policyId).toBeNull();
  });
});
