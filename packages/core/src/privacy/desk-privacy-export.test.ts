import { describe, expect, it } from 'vitest';
import { setupDesk } from '../desk/desk-test-setup';
import { PII, privacyScenarioOptions, seedPrivacyScenario } from '../testing/privacy-scenario';
import { type CustomerExportPart, writeCustomerExport } from './customer-export';

const customer = { kind: 'customer' as const, id: PII.customerId };
const admin = { kind: 'admin' as const, id: 'adm_zhao' };

async function collect(parts: AsyncIterable<CustomerExportPart>): Promise<CustomerExportPart[]> {
  const all: CustomerExportPart[] = [];
  for await (const part of parts) all.push(part);
  return all;
}

async function toDocument(parts: AsyncIterable<CustomerExportPart>) {
  let text = '';
  await writeCustomerExport(parts, (chunk) => {
    text += chunk;
  });
  return JSON.parse(text);
}

describe('desk.privacy.exportCustomer', () => {
  it('writes one versioned document with everything about the customer, notes left out', async () => {
    const { desk, clock } = await setupDesk(privacyScenarioOptions);
    const seeded = await seedPrivacyScenario(desk, clock);
    const doc = await toDocument(
      await desk.privacy.exportCustomer({ customerId: PII.customerId, actor: customer }),
    );
    expect(doc).toMatchObject({
      schema: 'kefu.customer-export',
      version: 1,
      customerId: PII.customerId,
      includeInternal: false,
      masked: false,
      customer: { id: PII.customerId, name: PII.name, contact: { phone: PII.phone } },
    });
    const conversationIds = doc.conversations.map(
      (c: { conversation: { id: string } }) => c.conversation.id,
    );
    expect(conversationIds.sort()).toEqual([seeded.closedId, seeded.openId].sort());
    const closed = doc.conversations.find(
      (c: { conversation: { id: string } }) => c.conversation.id === seeded.closedId,
    );
    expect(closed.messages.map((m: { seq: number }) => m.seq)).toEqual([1, 2]);
    expect(closed.messages[0].text).toContain(PII.phone);
    expect(JSON.stringify(doc)).not.toContain('内部备注');
    expect(doc.tickets).toHaveLength(1);
    expect(doc.tickets[0]).toMatchObject({ id: seeded.ticketId, description: `请打 ${PII.phone}` });
    expect(doc.tickets[0].history).toBeUndefined();
    expect(doc.surveys).toEqual([
      expect.objectContaining({ score: 5, comment: `${PII.name}很满意` }),
    ]);
    expect(doc.events.length).toBeGreaterThan(5);
    expect(doc.events.some((e: { type: string }) => e.type === 'customer.upserted')).toBe(true);
    expect(JSON.stringify(doc.events)).not.toContain('cus_other');
    expect(doc.counts).toMatchObject({ conversations: 2, messages: 3, tickets: 1, surveys: 1 });
    // The export itself was recorded, and is in the access log of the next export.
    expect(doc.accessLog).toEqual([expect.objectContaining({ action: 'customer.exported' })]);
  });

  it('streams in pages of pageSize and masks message text for anyone but the customer', async () => {
    const { desk, clock } = await setupDesk(privacyScenarioOptions);
    await seedPrivacyScenario(desk, clock);
    const parts = await collect(
      await desk.privacy.exportCustomer({
        customerId: PII.customerId,
        actor: admin,
        includeInternal: true,
        pageSize: 1,
      }),
    );
    const pages = parts.filter((p) => p.part === 'messages');
    expect(pages.length).toBe(4);
    for (const page of pages) expect(page.part === 'messages' && page.messages.length).toBe(1);
    const text = JSON.stringify(pages);
    expect(text).not.toContain(PII.phone);
    expect(text).toContain('139****5678');
    expect(text).toContain('内部备注');
    expect(parts.at(0)).toMatchObject({ part: 'header', masked: true, includeInternal: true });
    expect(parts.at(-1)).toMatchObject({ part: 'end', counts: { messages: 4 } });
  });

  it('refuses bad input, other customers and unknown customers, and records nothing then', async () => {
    const { desk, clock, storage } = await setupDesk(privacyScenarioOptions);
    await seedPrivacyScenario(desk, clock);
    const audit = () =>
      storage.read.privacy.listAudit({ actions: ['customer.exported'] }, { limit: 10 });
    await expect(
      desk.privacy.exportCustomer({ customerId: '', actor: customer } as never),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      desk.privacy.exportCustomer({
        customerId: PII.customerId,
        actor: { kind: 'robot', id: 'x' },
      } as never),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      desk.privacy.exportCustomer({ customerId: 'cus_other', actor: customer }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      desk.privacy.exportCustomer({
        customerId: PII.customerId,
        actor: customer,
        includeInternal: true,
      }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      desk.privacy.exportCustomer({ customerId: 'cus_nobody', actor: admin }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await audit()).toEqual([]);
  });
});
