import { describe, expect, it } from 'vitest';
import type { CreateDeskOptions } from '../desk/create-desk';
import { HOUR, setupDesk } from '../desk/desk-test-setup';
import type { DomainEvent } from '../events/domain-events';
import { candyShopOrders } from '../fixtures/candy-shop-orders';
import { createMemoryOrderLookup } from '../orders/order-lookup';
import type { Resolution, TicketKind } from './ticket';

const agent = { kind: 'agent' as const, id: 'agt_li' };
const lin = { kind: 'customer' as const, id: 'cus_lin' };

const ticketOptions: Partial<CreateDeskOptions> = {
  orders: createMemoryOrderLookup(candyShopOrders),
  jobs: { pollIntervalMs: 100 * HOUR },
  tickets: {
    categories: [
      { id: 'quality', name: '质量问题' },
      { id: 'melted', name: '融化', parentId: 'quality' },
      { id: 'late', name: '物流延误' },
      { id: 'double-charge', name: '重复扣款' },
    ],
    triage: [
      { match: { keywords: ['融化', 'melted'] }, department: 'after-sales', severity: 'high' },
      { match: { kinds: ['delivery'] }, department: 'logistics' },
      { match: { kinds: ['payment'] }, department: 'payment', severity: 'high' },
    ],
    reopenWindowMs: 48 * HOUR,
    repeatWindowMs: 30 * 24 * HOUR,
    spike: { windowMs: 4 * HOUR, threshold: 2, byRegion: true },
  },
};

const types = (events: DomainEvent[]) =>
  events.map((e) => (e.type === 'ticket.transitioned' ? `${e.type}:${e.data.action}` : e.type));

describe('desk: tickets', () => {
  it('settles a melted-chocolate complaint after a rejected first offer', async () => {
    const { desk, events } = await setupDesk(ticketOptions);
    await desk.jobs.start();
    const conversation = await desk.conversations.start({
      customerId: 'cus_lin',
      message: { text: '巧克力化了' },
    });
    const created = await desk.tickets.create({
      kind: 'complaint',
      categoryId: 'melted',
      subject: '巧克力到货融化',
      description: '牛奶巧克力夹心全部融化了，附照片',
      customerId: 'cus_lin',
      conversationId: conversation.id,
      orderRef: 'SO-20261112-0107',
      by: { kind: 'agent', id: 'agt_wang' },
    });
    expect(created).toMatchObject({
      status: 'triaged',
      department: 'after-sales',
      severity: 'high',
      region: '上海',
      conversationIds: [conversation.id],
      orderSnapshot: { orderRef: 'SO-20261112-0107', total: 12_800 },
    });
    const id = created.id;
    await desk.tickets.addNote({
      ticketId: id,
      by: agent,
      text: '老顾客，优先处理，可给优惠券',
      visibility: 'internal',
    });
    await desk.tickets.start({
      ticketId: id,
      by: agent,
      message: '已受理，售后专员李售后为您处理',
    });
    await desk.tickets.propose({
      ticketId: id,
      by: agent,
      resolution: { type: 'replacement', items: ['CHOC-MILK-BOX'] },
    });
    await desk.tickets.reject({ ticketId: id, by: lin, message: '冬天再寄也会化，我要退款' });
    await desk.tickets.propose({
      ticketId: id,
      by: agent,
      resolution: { type: 'refund', amount: 12_800, currency: 'CNY' },
      message: '全额退款 ¥128.00',
    });
    const resolved = await desk.tickets.accept({ ticketId: id, by: lin });
    expect(resolved).toMatchObject({
      status: 'resolved',
      rounds: 1,
      resolution: { type: 'refund', amount: 12_800 },
    });

    const view = await desk.tickets.customerView({ ticketId: id, customerId: 'cus_lin' });
    expect(view.timeline.map((line) => line.action)).toEqual([
      'created',
      'started',
      'resolution proposed',
      'resolution rejected',
      'resolution proposed',
      'resolution accepted',
    ]);
    const json = JSON.stringify(view);
    expect(json).not.toContain('老顾客');
    for (const field of [
      'ownerId',
      'severity',
      'department',
      'repeat',
      'history',
      'orderSnapshot',
    ]) {
      expect(view).not.toHaveProperty(field);
    }
    await expect(
      desk.tickets.customerView({ ticketId: id, customerId: 'cus_amy' }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });

    const { clock } = { clock: desk.clock as import('../time/virtual-clock').VirtualClock };
    await clock.advance(48 * HOUR);
    expect((await desk.tickets.get(id))?.status).toBe('closed');
    expect(types(events.filter((e) => e.subject.kind === 'ticket'))).toEqual([
      'ticket.created',
      'ticket.transitioned:triaged',
      'ticket.updated',
      'ticket.transitioned:started',
      'ticket.transitioned:resolution proposed',
      'ticket.transitioned:resolution rejected',
      'ticket.transitioned:resolution proposed',
      'ticket.transitioned:resolution accepted',
      'ticket.transitioned:closed',
    ]);
    await desk.stop();
  });

  const flows: [TicketKind, string, Resolution, boolean][] = [
    [
      'delivery',
      'SO-20261111-0042',
      { type: 'compensation', form: 'coupon', value: 2000, currency: 'CNY' },
      true,
    ],
    ['payment', 'SO-20261113-0300', { type: 'refund', amount: 5_600, currency: 'CNY' }, true],
    ['return', 'SO-20261112-0107', { type: 'refund', amount: 12_800, currency: 'CNY' }, false],
    [
      'exchange',
      'SO-20261111-0042',
      { type: 'exchange', items: ['CANDY-MILK-500'], for: ['CANDY-FRUIT-500'] },
      false,
    ],
    ['refund', 'SO-20261112-0107', { type: 'refund', amount: 6_400, currency: 'CNY' }, false],
    [
      'product-quality',
      'SO-20261112-0107',
      { type: 'replacement', items: ['CHOC-MILK-BOX'] },
      false,
    ],
    [
      'complaint',
      'SO-20261111-0042',
      { type: 'explanation', text: '快递延误是天气原因，已加急' },
      true,
    ],
  ];

  it.each(flows)(
    'runs a %s ticket from creation to closing',
    async (kind, orderRef, resolution, thirdParty) => {
      const { desk } = await setupDesk(ticketOptions);
      const customerId = orderRef === 'SO-20261113-0300' ? 'cus_amy' : 'cus_lin';
      const by = { kind: 'customer' as const, id: customerId };
      const ticket = await desk.tickets.create({
        kind,
        subject: `${kind} case`,
        customerId,
        orderRef,
        by,
      });
      const id = ticket.id;
      if (ticket.status === 'new')
        await desk.tickets.triage({ ticketId: id, by: agent, department: 'after-sales' });
      await desk.tickets.start({ ticketId: id, by: agent });
      if (thirdParty) {
        await desk.tickets.awaitThirdParty({
          ticketId: id,
          by: agent,
          message: '已联系快递/支付渠道核实',
        });
        await desk.tickets.resume({ ticketId: id, by: agent });
      }
      await desk.tickets.awaitCustomer({ ticketId: id, by: agent, message: '请提供照片' });
      await desk.tickets.resume({ ticketId: id, by: by });
      await desk.tickets.propose({ ticketId: id, by: agent, resolution });
      await desk.tickets.accept({ ticketId: id, by });
      const closed = await desk.tickets.close({ ticketId: id, by: agent });
      expect(closed).toMatchObject({ status: 'closed', kind, resolution });
      const statuses = closed.history.map((line) => line.toStatus);
      expect(statuses.at(0)).toBe('new');
      expect(statuses.at(-1)).toBe('closed');
    },
  );

  it('reopens a resolved ticket inside the window when the customer is not satisfied', async () => {
    const { desk, clock } = await setupDesk(ticketOptions);
    const { id } = await desk.tickets.create({
      kind: 'refund',
      subject: '退款未到账',
      customerId: 'cus_lin',
      by: lin,
    });
    await desk.tickets.triage({ ticketId: id, by: agent, department: 'payment' });
    await desk.tickets.start({ ticketId: id, by: agent });
    await desk.tickets.resolve({
      ticketId: id,
      by: agent,
      resolution: { type: 'explanation', text: '退款 3 个工作日到账' },
    });
    await clock.advance(47 * HOUR);
    expect(await desk.tickets.reopen({ ticketId: id, by: lin, message: '还没到账' })).toMatchObject(
      { status: 'in_progress' },
    );
    await desk.tickets.resolve({ ticketId: id, by: agent });
    await clock.advance(48 * HOUR);
    await expect(desk.tickets.reopen({ ticketId: id, by: lin })).rejects.toMatchObject({
      code: 'INVALID_TRANSITION',
    });
  });

  it('flags a repeat complaint and raises its severity, only inside the window', async () => {
    const { desk, clock } = await setupDesk(ticketOptions);
    const input = {
      kind: 'complaint',
      categoryId: 'late',
      subject: '又迟到了',
      customerId: 'cus_lin',
      by: lin,
      severity: 'medium' as const,
    };
    expect(await desk.tickets.create(input)).toMatchObject({ repeat: false, severity: 'medium' });
    expect(await desk.tickets.create(input)).toMatchObject({ repeat: true, severity: 'high' });
    await clock.advance(31 * 24 * HOUR);
    expect(await desk.tickets.create(input)).toMatchObject({ repeat: false, severity: 'medium' });
  });

  it('raises one tickets.spike when delivery complaints pile up in one city', async () => {
    const { desk, clock, events } = await setupDesk(ticketOptions);
    await desk.customers.upsert({ id: 'cus_zhou' });
    const create = (customerId: string, region: string) =>
      desk.tickets.create({
        kind: 'delivery',
        categoryId: 'late',
        subject: '快递没到',
        customerId,
        region,
        by: { kind: 'customer', id: customerId },
      });
    await create('cus_lin', '杭州');
    await clock.advance(HOUR);
    await create('cus_amy', '杭州');
    await create('cus_zhou', '上海');
    expect(events.filter((e) => e.type === 'tickets.spike')).toHaveLength(0);
    await create('cus_zhou', '杭州');
    await create('cus_lin', '杭州');
    const spikes = events.filter((e) => e.type === 'tickets.spike');
    expect(spikes.map((e) => e.data)).toEqual([
      { categoryId: 'late', region: '杭州', count: 3, threshold: 2, windowMs: 4 * HOUR },
    ]);
  });

  it('escalates to a supervisor, raising the level, with an internal history line', async () => {
    const { desk } = await setupDesk(ticketOptions);
    const { id } = await desk.tickets.create({
      kind: 'complaint',
      subject: '态度差',
      customerId: 'cus_lin',
      by: lin,
    });
    const escalated = await desk.tickets.escalate({
      ticketId: id,
      by: agent,
      toOwnerId: 'agt_wang',
      toDepartment: 'service-lead',
      reason: '顾客要求主管处理',
    });
    expect(escalated).toMatchObject({
      escalationLevel: 1,
      ownerId: 'agt_wang',
      department: 'service-lead',
    });
    expect(escalated.history.at(-1)).toMatchObject({ action: 'escalated', visibility: 'internal' });
    const view = await desk.tickets.customerView({ ticketId: id, customerId: 'cus_lin' });
    expect(JSON.stringify(view)).not.toContain('主管');
  });

  it('looks orders up for agents, only the customer’s own', async () => {
    const { desk } = await setupDesk(ticketOptions);
    expect(
      await desk.orders.lookup({ orderRef: 'SO-20261111-0042', customerId: 'cus_lin' }),
    ).toMatchObject({
      shipment: { carrier: '顺丰速运', city: '杭州' },
    });
    expect(
      await desk.orders.lookup({ orderRef: 'SO-20261111-0042', customerId: 'cus_amy' }),
    ).toBeNull();
  });

  it('rejects bad input and invalid steps, changing nothing', async () => {
    const { desk, events } = await setupDesk(ticketOptions);
    const { id } = await desk.tickets.create({
      kind: 'complaint',
      subject: '问题',
      customerId: 'cus_lin',
      by: lin,
    });
    const before = await desk.tickets.get(id);
    const heard = events.length;
    const failures: [Promise<unknown>, string][] = [
      [
        desk.tickets.create({ kind: 'teleport', subject: 'x', customerId: 'cus_lin', by: lin }),
        'VALIDATION',
      ],
      [
        desk.tickets.create({
          kind: 'complaint',
          subject: 'x',
          customerId: 'cus_lin',
          categoryId: 'nope',
          by: lin,
        }),
        'VALIDATION',
      ],
      [
        desk.tickets.create({
          kind: 'complaint',
          subject: 'x',
          customerId: 'cus_lin',
          orderRef: 'SO-NONE',
          by: lin,
        }),
        'VALIDATION',
      ],
      [
        desk.tickets.create({ kind: 'complaint', subject: 'x', customerId: 'cus_amy', by: lin }),
        'FORBIDDEN',
      ],
      [desk.tickets.accept({ ticketId: id, by: lin }), 'INVALID_TRANSITION'],
      [
        desk.tickets.propose({
          ticketId: id,
          by: agent,
          resolution: { type: 'refund', amount: -5, currency: 'CNY' },
        }),
        'VALIDATION',
      ],
      [desk.tickets.reject({ ticketId: id, by: { kind: 'customer', id: 'cus_amy' } }), 'FORBIDDEN'],
      [
        desk.tickets.addNote({ ticketId: id, by: lin, text: 'secret', visibility: 'internal' }),
        'VALIDATION',
      ],
      [desk.tickets.start({ ticketId: 'tkt_missing', by: agent }), 'NOT_FOUND'],
    ];
    for (const [promise, code] of failures) await expect(promise).rejects.toMatchObject({ code });
    expect(await desk.tickets.get(id)).toEqual(before);
    expect(events).toHaveLength(heard);
  });
});
