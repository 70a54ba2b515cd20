import { createMemoryAdapter } from '@kefu/adapter-memory';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createDesk, type Desk } from '../desk/create-desk';
import { isKefuError } from '../errors/kefu-error';
import type { StorageAdapter } from '../storage/storage-adapter';
import { VirtualClock } from '../time/virtual-clock';

const AGENTS = 20;

async function seed(desk: Desk, conversations: number): Promise<string[]> {
  for (let i = 0; i < AGENTS; i++) {
    await desk.agents.upsert({ id: `agt_${i}`, capacity: 1 + (i % 5), presence: 'online' });
  }
  await desk.customers.upsert({ id: 'cus_lin', tier: 'vip' });
  const ids: string[] = [];
  for (let i = 0; i < conversations; i++) {
    ids.push((await desk.conversations.start({ customerId: 'cus_lin' })).id);
  }
  return ids;
}

/** Invariants that must hold whatever interleaving happened. */
async function checkInvariants(storage: StorageAdapter, desk: Desk): Promise<void> {
  const events = await desk.events.read({ after: 0, limit: 1000 });
  let after = events.at(-1)?.position ?? 0;
  const all = [...events];
  for (let page = events; page.length === 1000; after = page.at(-1)?.position ?? after) {
    page = await desk.events.read({ after, limit: 1000 });
    all.push(...page);
  }
  const active =
    (await storage.read.conversations.list({ status: ['active'] }, { limit: 10_000 })) ?? [];
  const perAgent = new Map<string, number>();
  for (const c of active)
    perAgent.set(c.assigneeId ?? '', (perAgent.get(c.assigneeId ?? '') ?? 0) + 1);
  for (const agent of await storage.read.agents.list()) {
    const open = perAgent.get(agent.id) ?? 0;
    expect(open, `${agent.id} over capacity`).toBeLessThanOrEqual(agent.capacity);
    expect(agent.load, `${agent.id} load`).toBe(open);
  }
  const assignments = new Map<string, number>();
  for (const event of all) {
    if (event.type !== 'conversation.assigned') continue;
    assignments.set(event.subject.id, (assignments.get(event.subject.id) ?? 0) + 1);
  }
  for (const [conversationId, count] of assignments) {
    expect(count, `${conversationId} assigned twice`).toBe(1);
  }
}

describe('routing under concurrency', () => {
  it('1,000 concurrent assignment attempts from four desks never exceed capacity nor assign twice', async () => {
    const storage = createMemoryAdapter();
    const clock = new VirtualClock();
    const desks = Array.from({ length: 4 }, () =>
      createDesk({ storage, clock, routing: { auto: false } }),
    );
    const [first] = desks;
    if (!first) throw new Error('no desk');
    const ids = await seed(first, 200);
    let refused = 0;
    await Promise.all(
      Array.from({ length: 1000 }, (_, i) => {
        const desk = desks[i % desks.length] as Desk;
        return desk.conversations
          .assign({
            conversationId: ids[(i * 7) % ids.length] ?? '',
            agentId: `agt_${(i * 13) % AGENTS}`,
          })
          .catch((error: unknown) => {
            if (isKefuError(error, 'CAPACITY') || isKefuError(error, 'INVALID_TRANSITION'))
              refused++;
            else throw error;
          });
      }),
    );
    await checkInvariants(storage, first);
    const totalCapacity = Array.from({ length: AGENTS }, (_, i) => 1 + (i % 5)).reduce(
      (a, b) => a + b,
      0,
    );
    const active = await storage.read.conversations.list({ status: ['active'] }, { limit: 1000 });
    expect(active).toHaveLength(totalCapacity);
    expect(refused).toBe(1000 - totalCapacity);
  });

  it('dispatching from four desks at once fills every place exactly once', async () => {
    const storage = createMemoryAdapter();
    const clock = new VirtualClock();
    const desks = Array.from({ length: 4 }, () =>
      createDesk({ storage, clock, routing: { auto: false } }),
    );
    await seed(desks[0] as Desk, 100);
    const results = await Promise.all(desks.map((desk) => desk.routing.dispatch()));
    const assigned = results.flat().map((c) => c.id);
    expect(new Set(assigned).size).toBe(assigned.length);
    expect(assigned).toHaveLength(60);
    await checkInvariants(storage, desks[0] as Desk);
  });

  it('keeps the invariants over random interleavings of arrivals, presence changes and resolutions', async () => {
    type Step =
      | { kind: 'arrive'; desk: number }
      | { kind: 'presence'; desk: number; agent: number; presence: 'online' | 'away' | 'offline' }
      | { kind: 'resolve'; desk: number; pick: number }
      | { kind: 'dispatch'; desk: number };
    const step: fc.Arbitrary<Step> = fc.oneof(
      fc.record({ kind: fc.constant('arrive' as const), desk: fc.nat(1) }),
      fc.record({
        kind: fc.constant('presence' as const),
        desk: fc.nat(1),
        agent: fc.nat(5),
        presence: fc.constantFrom('online' as const, 'away' as const, 'offline' as const),
      }),
      fc.record({ kind: fc.constant('resolve' as const), desk: fc.nat(1), pick: fc.nat(50) }),
      fc.record({ kind: fc.constant('dispatch' as const), desk: fc.nat(1) }),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(step, { minLength: 1, maxLength: 6 }), { maxLength: 12 }),
        async (batches) => {
          const storage = createMemoryAdapter();
          const clock = new VirtualClock();
          const desks = [0, 1].map(() => createDesk({ storage, clock, routing: { auto: true } }));
          const [a] = desks as [Desk, Desk];
          await a.customers.upsert({ id: 'cus_lin' });
          for (let i = 0; i < 6; i++)
            await a.agents.upsert({ id: `agt_${i}`, capacity: 1 + (i % 3), presence: 'online' });
          for (const batch of batches) {
            await Promise.all(
              batch.map(async (s) => {
                const desk = desks[s.desk] as Desk;
                if (s.kind === 'arrive') await desk.conversations.start({ customerId: 'cus_lin' });
                if (s.kind === 'presence')
                  await desk.agents.setPresence({
                    agentId: `agt_${s.agent}`,
                    presence: s.presence,
                  });
                if (s.kind === 'dispatch') await desk.routing.dispatch();
                if (s.kind === 'resolve') {
                  const active = await storage.read.conversations.list(
                    { status: ['active'] },
                    { limit: 100 },
                  );
                  const target = active[s.pick % Math.max(1, active.length)];
                  if (target) {
                    await desk.conversations
                      .resolve({ conversationId: target.id })
                      .catch((error: unknown) => {
                        if (!isKefuError(error, 'INVALID_TRANSITION')) throw error;
                      });
                  }
                }
              }),
            );
            await clock.advance(1000);
            await Promise.all(desks.map((desk) => desk.routing.idle()));
            await checkInvariants(storage, a);
          }
          // Nobody who could be served waits while an online agent has room.
          await a.routing.dispatch();
          const queued = await storage.read.conversations.list(
            { status: ['queued'] },
            { limit: 100 },
          );
          const agents = await storage.read.agents.list();
          const room = agents.some(
            (agent) => agent.presence === 'online' && agent.load < agent.capacity,
          );
          expect(queued.length > 0 && room).toBe(false);
        },
      ),
      { numRuns: 40 },
    );
  });
});
