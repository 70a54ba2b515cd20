import { createMemoryOrderLookup, type StoredOrder } from '@kefu/core';
import { describe, expect, it } from 'vitest';
import {
  agent,
  codeOf,
  customer,
  type GatewayFixture,
  gatewayPerTest,
  SECRET,
  until,
} from './gateway-test-setup';
import { signCustomerId } from './identity';

const gateway = gatewayPerTest();
const connect = gateway.connect;
let fixture: GatewayFixture;
const PHONE = '13812345678';
const ADDRESS = '杭州市西湖区文三路88号';
const TRACKING = 'SF1234567890';

const order = {
  orderRef: 'SO-20261111-0042',
  customerId: 'cus_lin',
  status: 'shipped',
  paymentStatus: 'paid',
  items: [{ sku: 'CHOC-DARK-200', name: '黑巧克力礼盒 200g', quantity: 1, price: 6800 }],
  total: 6800,
  currency: 'CNY',
  shipment: { carrier: '顺丰速运', trackingNo: TRACKING, status: 'in_transit', city: '杭州' },
  placedAt: Date.UTC(2026, 10, 10),
  receiver: { name: '林小糖', phone: PHONE, address: ADDRESS },
} as StoredOrder;

type Masked = { masked: { path: string; index: number; kind: string }[] };

describe('gateway: personal data', () => {
  it('masks personal data for agents, not for the customer, and audits a reveal', async () => {
    fixture = await gateway.start();
    const lin = connect(customer('cus_lin'));
    const started = await lin.startConversation({ text: `我的手机 ${PHONE}` });
    const wang = connect(agent('token-wang'));
    wang.watch(started.id);
    const seen = await until(() => wang.getSnapshot().conversations[started.id]?.messages[0]);
    expect(seen.text).toBe('我的手机 138****5678');
    expect(seen.masked).toEqual([{ index: 0, start: 5, end: 16, kind: 'mobile' }]);
    expect(lin.getSnapshot().conversations[started.id]?.messages[0]?.text).toBe(
      `我的手机 ${PHONE}`,
    );

    // Live messages too, and the HTTP history.
    lin.send(started.id, `备用 ${PHONE}`);
    const live = await until(() => wang.getSnapshot().conversations[started.id]?.messages[1]);
    expect(live.text).toBe('备用 138****5678');
    const history = await fetch(`${fixture.httpUrl}/conversations/${started.id}/messages`, {
      headers: { authorization: 'Bearer token-wang' },
    }).then((r) => r.json());
    expect(JSON.stringify(history)).not.toContain(PHONE);

    expect(
      await wang.call('privacy.reveal', { conversationId: started.id, seq: 1, span: 0 }),
    ).toEqual({
      kind: 'mobile',
      value: PHONE,
    });
    const [entry] = await fixture.desk.privacy.audit
      .list({
        actions: ['value.revealed'],
        actor: { kind: 'admin', id: 'adm_test' },
      })
      .then((page) => page.entries);
    expect(entry).toMatchObject({
      actor: { kind: 'agent', id: 'agt_wang' },
      customerId: 'cus_lin',
      origin: { via: 'gateway', ip: '127.0.0.1' },
    });
  });

  it('keeps erasure and the audit log to admins authorizeCall allows; audits profile reads', async () => {
    fixture = await gateway.start();
    const wang = connect(agent('token-wang'));
    await wang.call('customers.get', { customerId: 'cus_lin' });
    expect(
      await codeOf(wang.call('privacy.erase', { customerId: 'cus_lin', reason: '申请删除' })),
    ).toBe('FORBIDDEN');
    expect(await codeOf(wang.call('privacy.audit', {}))).toBe('FORBIDDEN');
    expect((await fixture.desk.customers.get('cus_lin'))?.erasedAt).toBeUndefined();
    await gateway
      .start({
        authorizeCall: (agentId) => agentId === 'agt_li',
      })
      .then((next) => {
        fixture = next;
      });
    // With roles (the default) privileged calls need an admin, and then the policy decides too.
    await fixture.desk.agents.upsert({ id: 'agt_li', name: '李售后', role: 'admin' });
    const li = connect(agent('token-li'));
    const denied = connect(agent('token-wang'));
    expect(await codeOf(denied.call('privacy.erase', { customerId: 'cus_lin', reason: 'x' }))).toBe(
      'FORBIDDEN',
    );
    await li.call('customers.get', { customerId: 'cus_lin' });
    const page = await li.call<{ entries: { action: string; actor: { id: string } }[] }>(
      'privacy.audit',
      {
        customerId: 'cus_lin',
      },
    );
    expect(page.entries.map((e) => [e.action, e.actor.id])).toEqual([['customer.read', 'agt_li']]);
    expect(await codeOf(li.call('privacy.erase', { customerId: 'cus_lin', reason: '' }))).toBe(
      'VALIDATION',
    );
    expect(
      await li.call('privacy.erase', { customerId: 'cus_lin', reason: 'PIPL 申请 #7' }),
    ).toMatchObject({
      status: 'scheduled',
    });
  });

  it('lets a signed customer download their own export, and nobody else', async () => {
    fixture = await gateway.start();
    const lin = connect(customer('cus_lin'));
    await lin.startConversation({ text: `我的手机 ${PHONE}` });
    const url = `${fixture.httpUrl}/privacy/export`;
    const response = await fetch(url, {
      headers: {
        'x-kefu-customer-id': 'cus_lin',
        'x-kefu-signature': signCustomerId('cus_lin', SECRET),
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toContain('kefu-export-cus_lin.json');
    const doc = (await response.json()) as {
      conversations: { messages: { text: string }[] }[];
    };
    expect(doc).toMatchObject({
      schema: 'kefu.customer-export',
      version: 1,
      customerId: 'cus_lin',
    });
    expect(doc.conversations[0]?.messages[0]?.text).toBe(`我的手机 ${PHONE}`);
    const forged = await fetch(url, {
      headers: { 'x-kefu-customer-id': 'cus_lin', 'x-kefu-signature': 'bad' },
    });
    expect(forged.status).toBe(401);
    const asAgent = await fetch(url, { headers: { authorization: 'Bearer token-wang' } });
    expect(asAgent.status).toBe(403);
  });

  it('masks profiles, tickets and order snapshots for agents, live too, and audits field reveals', async () => {
    fixture = await gateway.start(
      { authorizeAgent: (agentId) => agentId === 'agt_wang' },
      { orders: createMemoryOrderLookup([order]) },
    );
    await fixture.desk.customers.upsert({
      id: 'cus_lin',
      contact: { phone: PHONE, email: 'lin@example.cn' },
      metadata: { address: ADDRESS, visitor: false },
    });
    const lin = connect(customer('cus_lin'));
    const started = await lin.startConversation({ text: '巧克力化了' });
    const wang = connect(agent('token-wang'));
    wang.watch(started.id);
    await until(() => wang.getSnapshot().conversations[started.id]?.messages[0]);

    const profile = await wang.call<Record<string, unknown> & Masked>('customers.get', {
      customerId: 'cus_lin',
    });
    expect(profile).toMatchObject({
      name: '林**',
      contact: { phone: '138****5678', email: 'l**@example.cn' },
      metadata: { address: `杭${'*'.repeat(ADDRESS.length - 1)}`, visitor: false },
    });
    expect(profile.masked.map((m) => m.path)).toEqual([
      'name',
      'contact.email',
      'contact.phone',
      'metadata.address',
    ]);
    const looked = await wang.call('orders.lookup', {
      orderRef: order.orderRef,
      customerId: 'cus_lin',
    });
    expect(JSON.stringify(looked)).not.toMatch(new RegExp(`${PHONE}|${ADDRESS}`));
    expect(looked).toMatchObject({ shipment: { trackingNo: TRACKING } });

    const created = await wang.call<{ id: string } & Masked>('tickets.create', {
      kind: 'delivery',
      subject: '包裹里的巧克力化了',
      description: `请打 ${PHONE} 联系我`,
      customerId: 'cus_lin',
      conversationId: started.id,
      orderRef: order.orderRef,
    });
    const leaks = new RegExp(`${PHONE}|${ADDRESS}|林小糖`);
    for (const seen of [
      created,
      await wang.call('tickets.get', { ticketId: created.id }),
      await wang.call('tickets.list', { customerId: 'cus_lin' }),
      await wang.call('tickets.addNote', {
        ticketId: created.id,
        text: `已致电 ${PHONE}`,
        visibility: 'internal',
      }),
      // The live frame to agents on the ticket's conversation.
      await until(() => wang.getSnapshot().agentTickets[created.id]?.history[1]),
    ]) {
      expect(JSON.stringify(seen)).not.toMatch(leaks);
    }
    expect(created).toMatchObject({
      description: '请打 138****5678 联系我',
      orderSnapshot: {
        orderRef: order.orderRef,
        total: 6800,
        shipment: { carrier: '顺丰速运', trackingNo: TRACKING, city: '杭州' },
        receiver: { name: '林**', phone: '138****5678' },
      },
    });
    expect(created.masked).toContainEqual({
      path: 'orderSnapshot.receiver.phone',
      index: 0,
      start: 0,
      end: 11,
      kind: 'mobile',
    });

    expect(
      await wang.call('privacy.reveal', {
        ticketId: created.id,
        path: 'orderSnapshot.receiver.address',
      }),
    ).toEqual({ kind: 'address', value: ADDRESS });
    expect(
      await wang.call('privacy.reveal', { customerId: 'cus_lin', path: 'contact.phone' }),
    ).toEqual({ kind: 'phone', value: PHONE });
    expect(await codeOf(wang.call('privacy.reveal', { customerId: 'cus_lin', path: 'tier' }))).toBe(
      'NOT_FOUND',
    );
    // An agent who may not see the customer reveals nothing, and nothing is audited for them.
    const li = connect(agent('token-li'));
    expect(
      await codeOf(
        li.call('privacy.reveal', { ticketId: created.id, path: 'description', span: 0 }),
      ),
    ).toBe('FORBIDDEN');
    const reveals = await fixture.desk.privacy.audit.list({
      actions: ['value.revealed'],
      actor: { kind: 'admin', id: 'adm_test' },
    });
    expect(reveals.entries.map((e) => [e.actor.id, e.target, e.details.path])).toEqual([
      ['agt_wang', { kind: 'ticket', id: created.id }, 'orderSnapshot.receiver.address'],
      ['agt_wang', { kind: 'customer', id: 'cus_lin' }, 'contact.phone'],
    ]);
    // The customer sees their own ticket as written.
    const own = await fixture.desk.tickets.customerView({
      ticketId: created.id,
      customerId: 'cus_lin',
    });
    expect(own.subject).toBe('包裹里的巧克力化了');
  });

  it('refuses a customer new conversations once their erasure is requested', async () => {
    fixture = await gateway.start();
    const lin = connect(customer('cus_lin'));
    const first = await lin.startConversation({ text: `我的手机 ${PHONE}` });
    await fixture.desk.privacy.eraseCustomer({
      customerId: 'cus_lin',
      reason: 'PIPL 申请 #9',
      actor: { kind: 'admin', id: 'adm_zhao' },
    });
    expect(await codeOf(lin.startConversation({ text: `新号码 ${PHONE}` }))).toBe('FORBIDDEN');
    for (let i = 0; i < 100 && !(await fixture.desk.customers.get('cus_lin'))?.erasedAt; i++) {
      await fixture.desk.jobs.runDue();
    }
    expect((await fixture.desk.customers.get('cus_lin'))?.erasedAt).toBeDefined();
    expect(await codeOf(lin.startConversation({ text: `新号码 ${PHONE}` }))).toBe('FORBIDDEN');
    const messages = await fixture.desk.messages.list({ conversationId: first.id });
    expect(JSON.stringify(messages)).not.toContain(PHONE);
  });

  it("forgets an erased customer's rate-limit buckets in its own store", async () => {
    fixture = await gateway.start({ limits: { conversationsPerHour: 1 } });
    const lin = connect(customer('cus_lin'));
    await lin.startConversation({ text: '你好' });
    expect(await codeOf(lin.startConversation({ text: '再来' }))).toBe('RATE_LIMITED');
    await fixture.desk.privacy.eraseCustomer({
      customerId: 'cus_lin',
      reason: 'PIPL 申请 #10',
      actor: { kind: 'admin', id: 'adm_zhao' },
    });
    for (let i = 0; i < 100 && !(await fixture.desk.customers.get('cus_lin'))?.erasedAt; i++) {
      await fixture.desk.jobs.runDue();
    }
    // The bucket is gone with the customer: the desk's refusal comes through, not the limit's.
    expect(await codeOf(lin.startConversation({ text: '又来' }))).toBe('FORBIDDEN');
  });
});
