import { createMemoryAdapter } from '@kefu/adapter-memory';
import { describe, expect, it } from 'vitest';
import { setupDesk } from '../desk/desk-test-setup';
import type { StorageAdapter } from '../storage/storage-adapter';
import {
  drainJobs,
  expectNoPersonalValues,
  PII,
  privacyScenarioOptions,
  seedPrivacyScenario,
} from '../testing/privacy-scenario';

const admin = { kind: 'admin' as const, id: 'adm_zhao' };
const erase = { customerId: PII.customerId, reason: 'PIPL request #118', actor: admin };
const REPORT = { from: 0, to: Date.UTC(2030, 0, 1), groupBy: [], timeZone: 'Asia/Shanghai' };

/** Everything readable through the port about the scenario, as one string. */
async function dump(storage: StorageAdapter, ids: string[]): Promise<string> {
  const parts: unknown[] = [
    await storage.read.customers.get(PII.customerId),
    await storage.events.read(0, 100_000),
    await storage.read.tickets.list({ customerId: PII.customerId }, { limit: 100 }),
  ];
  for (const id of ids) {
    parts.push(await storage.read.conversations.get(id));
    parts.push(await storage.read.messages.listAfter(id, 0, 1000));
  }
  return JSON.stringify(parts);
}

describe('desk.privacy.eraseCustomer', () => {
  it('removes every personal value, closes the open conversation, emits customer.erased once', async () => {
    const { desk, clock, storage, events } = await setupDesk({
      ...privacyScenarioOptions,
      erasure: { batchSize: 2 },
    });
    const seeded = await seedPrivacyScenario(desk, clock);
    const ids = [seeded.closedId, seeded.openId];
    expect(await dump(storage, ids)).toContain(PII.phone);
    const otherBefore = await storage.read.messages.listAfter(seeded.otherId, 0, 10);

    expect(await desk.privacy.eraseCustomer(erase)).toEqual({
      status: 'scheduled',
      customerId: PII.customerId,
    });
    expect((await desk.privacy.eraseCustomer(erase)).status).toBe('in-progress');
    await drainJobs(desk, storage);

    expectNoPersonalValues(await dump(storage, ids), 'storage after erasure');
    const customer = await desk.customers.get(PII.customerId);
    expect(customer).toMatchObject({ contact: {}, metadata: {}, erasedAt: clock.now() });
    expect(customer?.name).toBeUndefined();
    expect((await desk.conversations.get({ conversationId: seeded.openId }))?.status).toBe(
      'closed',
    );
    const [first] = await storage.read.messages.listAfter(seeded.closedId, 0, 1);
    expect(first).toMatchObject({ text: '[erased]', attachments: [], seq: 1 });
    const ticket = await desk.tickets.get(seeded.ticketId);
    expect(ticket?.orderSnapshot).toMatchObject({ orderRef: 'SO-PII-0001', total: 6800 });
    expect(ticket?.orderSnapshot).not.toHaveProperty('receiver');
    expect(
      ticket?.survey ?? (await desk.surveys.get({ conversationId: seeded.closedId })),
    ).toMatchObject({
      score: 5,
    });
    expect(events.filter((e) => e.type === 'customer.erased')).toHaveLength(1);
    expect(await storage.read.messages.listAfter(seeded.otherId, 0, 10)).toEqual(otherBefore);

    expect((await desk.privacy.eraseCustomer(erase)).status).toBe('already-erased');
    await drainJobs(desk, storage);
    const log = await storage.events.read(0, 100_000);
    expect(log.filter((e) => e.type === 'customer.erased')).toHaveLength(1);
    const audit = await storage.read.privacy.listAudit(
      { customerId: PII.customerId },
      { limit: 50 },
    );
    expect(audit.map((e) => e.action)).toEqual(['customer.erasure_requested', 'customer.erased']);
  });

  it('leaves metrics reports over the past exactly as they were', async () => {
    const { desk, clock, storage } = await setupDesk(privacyScenarioOptions);
    const seeded = await seedPrivacyScenario(desk, clock);
    await desk.conversations.close({ conversationId: seeded.openId });
    const before = await desk.metrics.report(REPORT);
    await desk.privacy.eraseCustomer(erase);
    await drainJobs(desk, storage);
    expect(await desk.metrics.report(REPORT)).toEqual(before);
  });

  it('finishes exactly once after a crash halfway, when a restarted desk takes over', async () => {
    const inner = createMemoryAdapter();
    let transactions = 0;
    let dead = false;
    const never = new Promise<never>(() => undefined);
    // The first desk's process "dies" inside its 4th erasure batch: that transaction rolls back
    // and nothing it does afterwards (releasing the job, anything) reaches storage.
    const crashing: StorageAdapter = {
      ...inner,
      async transaction(work) {
        if (dead) return never;
        return inner.transaction(async (tx) => {
          const result = await work(tx);
          if (crashAt !== null && ++transactions >= crashAt) {
            dead = true;
            throw new Error('process killed');
          }
          return result;
        });
      },
      jobs: {
        ...inner.jobs,
        release: (...args) => (dead ? never : inner.jobs.release(...args)),
        claimDue: (...args) => (dead ? never : inner.jobs.claimDue(...args)),
      },
    };
    let crashAt: number | null = null;
    const first = await setupDesk({
      ...privacyScenarioOptions,
      storage: crashing,
      erasure: { batchSize: 1 },
      onError: () => undefined,
    });
    const seeded = await seedPrivacyScenario(first.desk, first.clock);
    await first.desk.privacy.eraseCustomer(erase);
    crashAt = 4;
    void (async () => {
      while (!dead) await first.desk.jobs.runDue();
    })();
    for (let i = 0; i < 100 && !dead; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(dead).toBe(true);
    const job = await inner.jobs.findLive(`privacy/erase/${PII.customerId}`);
    expect(job?.status).toBe('claimed');
    // Halfway: the open conversation's message is erased, the profile and the rest are not yet.
    expect(await inner.read.customers.get(PII.customerId)).toMatchObject({ name: PII.name });
    expect((await inner.read.messages.listAfter(seeded.openId, 0, 1))[0]?.text).toBe('[erased]');
    expect(await dump(inner, [seeded.closedId])).toContain(PII.phone);

    const second = await setupDesk({
      ...privacyScenarioOptions,
      storage: inner,
      clock: first.clock,
      erasure: { batchSize: 1 },
    });
    await first.clock.advance(60_000);
    await drainJobs(second.desk, inner);
    const log = await inner.events.read(0, 100_000);
    expect(log.filter((e) => e.type === 'customer.erased')).toHaveLength(1);
    expectNoPersonalValues(
      await dump(inner, [seeded.closedId, seeded.openId]),
      'storage after restart',
    );
    expect(await inner.jobs.findLive(`privacy/erase/${PII.customerId}`)).toBeNull();
  });

  it('erases once when requests arrive concurrently', async () => {
    const { desk, clock, storage } = await setupDesk(privacyScenarioOptions);
    await seedPrivacyScenario(desk, clock);
    const results = await Promise.all([1, 2, 3, 4].map(() => desk.privacy.eraseCustomer(erase)));
    expect(results.map((r) => r.status)).toContain('scheduled');
    await Promise.all([drainJobs(desk, storage), drainJobs(desk, storage)]);
    const log = await storage.events.read(0, 100_000);
    expect(log.filter((e) => e.type === 'customer.erased')).toHaveLength(1);
    expect((await desk.customers.get(PII.customerId))?.erasedAt).toBe(clock.now());
  });

  it('refuses bad input and unknown customers without scheduling anything', async () => {
    const { desk, clock, storage } = await setupDesk(privacyScenarioOptions);
    await seedPrivacyScenario(desk, clock);
    await expect(desk.privacy.eraseCustomer({ ...erase, reason: ' ' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    await expect(
      desk.privacy.eraseCustomer({ ...erase, customerId: 'cus_nobody' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await storage.jobs.findLive(`privacy/erase/${PII.customerId}`)).toBeNull();
    expect(await storage.read.privacy.listAudit({}, { limit: 10 })).toEqual([]);
  });
});
