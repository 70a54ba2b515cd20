import { describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../../desk/create-desk';
import { isKefuError } from '../../errors/kefu-error';
import type { StorageAdapter } from '../../storage/storage-adapter';
import { VirtualClock } from '../../time/virtual-clock';
import {
  dyingNode,
  ERASURE_REQUEST,
  expectNoPersonalValues,
  PII,
  privacyScenarioOptions,
  seedPrivacyScenario,
} from '../privacy-scenario';
import type { GetAdapter } from './conformance-helpers';

const ERASE_KEY = `privacy/erase/${PII.customerId}`;
const agent = { kind: 'agent' as const, id: 'agt_wang' };

/** Everything readable through the port about the customer, as one string. */
async function customerText(storage: StorageAdapter): Promise<string> {
  const conversations = await storage.read.conversations.list(
    { customerId: PII.customerId },
    { limit: 10_000 },
  );
  const parts: unknown[] = [
    await storage.read.customers.get(PII.customerId),
    conversations,
    await storage.read.tickets.list({ customerId: PII.customerId }, { limit: 10_000 }),
    await storage.events.read(0, 1_000_000),
  ];
  for (const c of conversations) parts.push(await storage.read.messages.listAfter(c.id, 0, 10_000));
  return JSON.stringify(parts);
}

/** One of each write that adds personal data about the customer; each either lands or is refused. */
function writes(desk: Desk, seeded: { openId: string; ticketId: string }, round: number) {
  return [
    () =>
      desk.messages.post({
        conversationId: seeded.openId,
        author: { kind: 'customer', id: PII.customerId },
        text: `第${round}次：我的电话 ${PII.phone}`,
      }),
    () =>
      desk.messages.post({
        conversationId: seeded.openId,
        author: agent,
        text: `好的${PII.name}，地址${PII.address}`,
      }),
    () =>
      desk.conversations.start({
        customerId: PII.customerId,
        topic: `${PII.name}的第${round}个问题`,
        message: { text: `身份证 ${PII.idCard}` },
      }),
    () =>
      desk.tickets.create({
        kind: 'delivery',
        subject: `${PII.name}的包裹 ${round}`,
        description: `请打 ${PII.phone}`,
        customerId: PII.customerId,
        by: agent,
      }),
    () =>
      desk.tickets.addNote({
        ticketId: seeded.ticketId,
        by: agent,
        text: `已联系 ${PII.email}`,
        visibility: 'internal',
      }),
    () =>
      desk.customers.upsert({
        id: PII.customerId,
        metadata: { address: `杭州市西湖区${PII.address}`, round },
      }),
  ];
}

/** Refusals a write racing an erasure may get: the guard's, or the closed conversation's. */
const REFUSED = ['FORBIDDEN', 'INVALID_TRANSITION'];

/** Fires rounds of writes until `stop()`, then one more; returns each round's refusal count. */
async function writeUntil(
  desk: Desk,
  seeded: { openId: string; ticketId: string },
  stop: () => boolean,
): Promise<{ landed: number; refused: number; lastRound: PromiseSettledResult<unknown>[] }> {
  let landed = 0;
  let refused = 0;
  for (let round = 0; ; round++) {
    const last = stop();
    const results = await Promise.allSettled(writes(desk, seeded, round).map((write) => write()));
    for (const result of results) {
      if (result.status === 'fulfilled') {
        landed++;
        continue;
      }
      const error = result.reason;
      // Anything else (a lost race surfacing as CONFLICT, an adapter error) fails the test.
      expect(isKefuError(error) ? error.code : error).toBeOneOf(REFUSED);
      refused++;
    }
    if (last) return { landed, refused, lastRound: results };
    // Traffic comes from I/O: let timers and the job loop have their turn between rounds.
    await new Promise((resolve) => setTimeout(resolve, 0));
  }
}

/** Runs due jobs until the erasure is done, moving the clock on when nothing is due. */
async function finishErasure(desk: Desk, storage: StorageAdapter, clock: VirtualClock) {
  for (let i = 0; i < 5000; i++) {
    if (!(await storage.jobs.findLive(ERASE_KEY))) return;
    if ((await desk.jobs.runDue()) === 0) await clock.advance(1000);
  }
  throw new Error('The erasure did not finish.');
}

async function scenario(storage: StorageAdapter) {
  const clock = new VirtualClock(Date.UTC(2026, 10, 11, 1, 0));
  const options = { ...privacyScenarioOptions, clock, erasure: { batchSize: 2 } };
  const desk = createDesk({ ...options, storage });
  const seeded = await seedPrivacyScenario(desk, clock);
  return { desk, clock, seeded, options };
}

/**
 * Writes about a customer racing their erasure, through a desk over the adapter: each write
 * either lands before the erasure job reaches its records (and ends erased) or is refused with a
 * typed error; none leaves personal data behind, also when the node running the job dies halfway.
 */
export function privacyErasureRaceConformance(adapter: GetAdapter): void {
  describe('privacy: writes racing an erasure', { timeout: 180_000 }, () => {
    it('erases or refuses every write that lands while the erasure runs', async () => {
      const storage = adapter();
      const { desk, clock, seeded } = await scenario(storage);
      let done = false;
      const [outcome] = await Promise.all([
        writeUntil(desk, seeded, () => done),
        (async () => {
          expect((await desk.privacy.eraseCustomer(ERASURE_REQUEST)).status).toBe('scheduled');
          await finishErasure(desk, storage, clock);
          done = true;
        })(),
      ]);
      expectNoPersonalValues(await customerText(storage), 'storage after the race');
      // After the erasure, every write about the customer is refused.
      expect(outcome.lastRound.map((r) => r.status)).toEqual(
        outcome.lastRound.map(() => 'rejected'),
      );
      expect(outcome.refused).toBeGreaterThan(0);
      expect((await storage.read.customers.get(PII.customerId))?.erasedAt).toBeDefined();
    });

    it('still erases or refuses every write when the node running the erasure dies halfway', async () => {
      const storage = adapter();
      const { desk, clock, seeded, options } = await scenario(storage);
      // Node A dies inside its third job transaction (see `dyingNode`).
      const node = dyingNode(storage, 3);
      const nodeA = createDesk({ ...options, storage: node.storage, onError: () => undefined });
      let done = false;
      const [outcome] = await Promise.all([
        writeUntil(desk, seeded, () => done),
        (async () => {
          expect((await desk.privacy.eraseCustomer(ERASURE_REQUEST)).status).toBe('scheduled');
          void (async () => {
            while (!node.dead()) await nodeA.jobs.runDue();
          })();
          for (let i = 0; i < 2000 && !node.dead(); i++) await new Promise((r) => setTimeout(r, 5));
          expect(node.dead()).toBe(true);
          expect((await storage.jobs.findLive(ERASE_KEY))?.status).toBe('claimed');
          // Node B takes the job over once A's lease runs out.
          await clock.advance(60_000);
          await finishErasure(desk, storage, clock);
          done = true;
        })(),
      ]);
      expectNoPersonalValues(await customerText(storage), 'storage after the race and the crash');
      expect(outcome.lastRound.map((r) => r.status)).toEqual(
        outcome.lastRound.map(() => 'rejected'),
      );
      const log = await storage.events.read(0, 1_000_000);
      expect(log.filter((e) => e.type === 'customer.erased')).toHaveLength(1);
    });
  });
}
