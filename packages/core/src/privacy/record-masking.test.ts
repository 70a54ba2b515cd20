import { describe, expect, it } from 'vitest';
import { setupDesk } from '../desk/desk-test-setup';
import {
  PII,
  PII_VALUES,
  privacyScenarioOptions,
  seedPrivacyScenario,
} from '../testing/privacy-scenario';
import { writeCustomerExport } from './customer-export';

const agent = { kind: 'agent' as const, id: 'agt_wang' };
const admin = { kind: 'admin' as const, id: 'adm_zhao' };
const leaked = (value: unknown) => PII_VALUES.filter((pii) => JSON.stringify(value).includes(pii));

async function scenario(options = {}) {
  const setup = await setupDesk({ ...privacyScenarioOptions, ...options });
  const seeded = await seedPrivacyScenario(setup.desk, setup.clock);
  const customer = await setup.desk.customers.get(PII.customerId);
  const ticket = await setup.desk.tickets.get(seeded.ticketId);
  if (!customer || !ticket) throw new Error('scenario not seeded');
  return { ...setup, seeded, customer, ticket };
}

describe('masked profiles and tickets', () => {
  it('masks every personal value of a profile and lists where each one was', async () => {
    const { desk, customer } = await scenario();
    const view = desk.privacy.maskCustomer(customer);
    expect(leaked(view)).toEqual([]);
    expect(view).toMatchObject({
      id: PII.customerId,
      tier: customer.tier,
      name: '欧***',
      contact: { phone: '139****5678', email: 'x******@example.cn' },
    });
    expect(view.masked.map((m) => [m.path, m.kind])).toEqual([
      ['name', 'name'],
      ['contact.email', 'email'],
      ['contact.phone', 'phone'],
      ['metadata.address', 'address'],
    ]);
    // The stored record is untouched.
    expect(customer.contact.phone).toBe(PII.phone);
  });

  it('masks a ticket’s texts and everything in its order snapshot but the order’s own facts', async () => {
    const { desk, ticket } = await scenario();
    const view = desk.privacy.maskTicket(ticket);
    // The subject holds the customer's name as typed: only detected values are masked in text.
    expect(leaked({ ...view, subject: '' })).toEqual([]);
    expect(view.description).toBe('请打 139****5678');
    expect(view.orderSnapshot).toMatchObject({
      orderRef: 'SO-PII-0001',
      status: 'shipped',
      total: 6800,
      items: [{ sku: 'CHOC-DARK-200', quantity: 1, price: 6800 }],
      shipment: { carrier: '顺丰速运', trackingNo: 'SF9988776655', city: '杭州' },
      receiver: { name: '欧***', phone: '139****5678' },
    });
    expect(view.masked).toContainEqual({
      path: 'orderSnapshot.receiver.address',
      index: 0,
      start: 0,
      end: `杭州市西湖区${PII.address}`.length,
      kind: 'address',
    });
  });

  it('reveals one masked field by path, audited, and refuses what is not masked', async () => {
    const { desk, storage, ticket } = await scenario();
    const reveal = (input: Record<string, unknown>) =>
      desk.privacy.reveal({ actor: agent, ...input } as never);
    expect(await reveal({ customerId: PII.customerId, path: 'contact.email' })).toEqual({
      kind: 'email',
      value: PII.email,
    });
    expect(await reveal({ ticketId: ticket.id, path: 'orderSnapshot.receiver.phone' })).toEqual({
      kind: 'mobile',
      value: PII.phone,
    });
    expect(await reveal({ ticketId: ticket.id, path: 'description', span: 0 })).toEqual({
      kind: 'mobile',
      value: PII.phone,
    });
    const before = await storage.read.privacy.listAudit({}, { limit: 100 });
    await expect(reveal({ customerId: PII.customerId, path: 'tier' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      reveal({ ticketId: ticket.id, path: 'description', span: 1 }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(reveal({ ticketId: ticket.id, path: '' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(reveal({ customerId: 'cus_nobody', path: 'name' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await storage.read.privacy.listAudit({}, { limit: 100 })).toEqual(before);
    expect(before.map((e) => [e.action, e.target?.kind, e.details.path])).toEqual([
      ['value.revealed', 'customer', 'contact.email'],
      ['value.revealed', 'ticket', 'orderSnapshot.receiver.phone'],
      ['value.revealed', 'ticket', 'description'],
    ]);
  });

  it('masks profiles, tickets and messages in an admin’s export and in webhook events', async () => {
    const { desk, storage } = await scenario();
    let text = '';
    await writeCustomerExport(
      await desk.privacy.exportCustomer({ customerId: PII.customerId, actor: admin }),
      (chunk) => {
        text += chunk;
      },
    );
    const doc = JSON.parse(text);
    expect(doc.masked).toBe(true);
    expect(leaked(doc.customer)).toEqual([]);
    expect(leaked(doc.tickets.map((t: { orderSnapshot: unknown }) => t.orderSnapshot))).toEqual([]);
    const created = (await storage.events.read(0, 1000)).find((e) => e.type === 'ticket.created');
    const masked = created && desk.privacy.maskEvent(created);
    expect(masked && 'ticket' in masked.data && masked.data.ticket.orderSnapshot).toMatchObject({
      receiver: { phone: '139****5678' },
    });
    expect(JSON.stringify(masked)).not.toContain('"masked"');
  });

  it('masks nothing when masking is off', async () => {
    const { desk, customer, ticket } = await scenario({ masking: { enabled: false } });
    expect(desk.privacy.maskCustomer(customer)).toEqual({ ...customer, masked: [] });
    expect(desk.privacy.maskTicket(ticket)).toEqual({ ...ticket, masked: [] });
    await expect(
      desk.privacy.reveal({ customerId: PII.customerId, path: 'name', actor: agent }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('writes about a customer whose erasure was requested', () => {
  it('are refused with FORBIDDEN naming the erasure, and change nothing', async () => {
    const { desk, storage, seeded } = await scenario();
    await desk.privacy.eraseCustomer({ customerId: PII.customerId, reason: '#118', actor: admin });
    const before = await storage.events.lastPosition();
    const refusals = await Promise.allSettled([
      desk.conversations.start({ customerId: PII.customerId, message: { text: PII.phone } }),
      desk.tickets.create({
        kind: 'delivery',
        subject: 'x',
        customerId: PII.customerId,
        by: agent,
      }),
      desk.tickets.addNote({
        ticketId: seeded.ticketId,
        by: agent,
        text: PII.phone,
        visibility: 'internal',
      }),
      desk.customers.upsert({ id: PII.customerId, name: '新名字' }),
    ]);
    for (const refusal of refusals) {
      expect(refusal).toMatchObject({
        status: 'rejected',
        reason: {
          code: 'FORBIDDEN',
          details: { customerId: PII.customerId, erasure: 'in-progress' },
        },
      });
    }
    expect(await storage.events.lastPosition()).toBe(before);
    // A step that adds no text still goes through (the ticket can be worked to its end).
    await expect(
      desk.tickets.assign({ ticketId: seeded.ticketId, by: agent, ownerId: 'agt_wang' }),
    ).resolves.toMatchObject({ ownerId: 'agt_wang' });
  });
});
