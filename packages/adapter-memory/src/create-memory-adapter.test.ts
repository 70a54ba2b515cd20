import { type Agent, type Customer, isKefuError } from '@kefu/core';
import { makeAgent, runStorageConformance } from '@kefu/core/testing';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from './create-memory-adapter';

runStorageConformance({ name: 'memory', createAdapter: () => createMemoryAdapter() });

const customer = (overrides: Partial<Customer> = {}): Customer => ({
  id: 'cus_lin',
  name: '林小糖',
  contact: { phone: '13800000000' },
  tier: 'vip',
  locale: 'zh-CN',
  metadata: { lastOrder: 'SO-20261111-0042', points: 0 },
  createdAt: 0,
  updatedAt: 0,
  version: 1,
  ...overrides,
});

const agent = (id: string, overrides: Partial<Agent> = {}) =>
  makeAgent({ id, presence: 'offline', ...overrides });

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => null,
    (e: unknown) => e,
  );

describe('memory adapter', () => {
  it('refuses every call after close with UNAVAILABLE, as a rejected promise', async () => {
    const adapter = createMemoryAdapter({ name: 'candy-shop' });
    expect(adapter.name).toBe('candy-shop');
    await adapter.close();
    const calls: (() => Promise<unknown>)[] = [
      () => adapter.read.customers.get('cus_lin'),
      () => adapter.read.agents.list(),
      () => adapter.read.conversations.list({}, { limit: 1 }),
      () => adapter.read.messages.listAfter('conv_1', 0, 1),
      () => adapter.transaction(async () => 1),
      () => adapter.events.read(0, 1),
      () => adapter.events.lastPosition(),
      () => adapter.jobs.claimDue({ now: 0, leaseMs: 1, limit: 1 }),
      () =>
        adapter.jobs.release({ jobId: 'job_1', claimToken: 't', retryAt: 0, error: 'x', now: 0 }),
      () => adapter.jobs.findLive('key'),
      () => adapter.jobs.nextDueAt(),
    ];
    for (const call of calls) {
      const error = await failure(call());
      expect(isKefuError(error, 'UNAVAILABLE')).toBe(true);
      expect((error as Error).message).toContain('candy-shop');
    }
  });

  it('lets a running transaction finish on close, and fails the queued ones', async () => {
    const adapter = createMemoryAdapter();
    let proceed: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      proceed = resolve;
    });
    let started: () => void = () => undefined;
    const inside = new Promise<void>((resolve) => {
      started = resolve;
    });
    const running = adapter.transaction(async (tx) => {
      started();
      await gate;
      await tx.customers.insert(customer());
      return 'committed';
    });
    await inside;
    const queued = adapter.transaction(async () => 'never runs');
    const closing = adapter.close();
    proceed();
    expect(await running).toBe('committed');
    expect(isKefuError(await failure(queued), 'UNAVAILABLE')).toBe(true);
    await closing;
    expect(isKefuError(await failure(adapter.read.customers.get('cus_lin')), 'UNAVAILABLE')).toBe(
      true,
    );
  });

  it('runs concurrent read-modify-write transactions one after another', async () => {
    const adapter = createMemoryAdapter();
    await adapter.transaction((tx) => tx.customers.insert(customer()));
    await Promise.all(
      Array.from({ length: 30 }, () =>
        adapter.transaction(async (tx) => {
          const current = await tx.customers.get('cus_lin', { forUpdate: true });
          if (!current) throw new Error('the customer vanished');
          await new Promise((resolve) => setTimeout(resolve, 0));
          const points = Number(current.metadata.points) + 10;
          await tx.customers.update(
            { ...current, metadata: { ...current.metadata, points }, version: current.version + 1 },
            current.version,
          );
        }),
      ),
    );
    expect(await adapter.read.customers.get('cus_lin')).toMatchObject({
      metadata: { points: 300 },
      version: 31,
    });
  });

  it('hands out its stored, deeply frozen records without copying them per read', async () => {
    const adapter = createMemoryAdapter();
    await adapter.transaction((tx) => tx.customers.insert(customer()));
    const first = await adapter.read.customers.get('cus_lin');
    expect(await adapter.read.customers.get('cus_lin')).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first?.contact)).toBe(true);
    expect(Object.isFrozen(first?.metadata)).toBe(true);
  });

  it('stores the current values when a caller changes its object between two writes', async () => {
    const adapter = createMemoryAdapter();
    const record = customer({ metadata: { cart: ['奶糖'] } });
    await adapter.transaction(async (tx) => {
      await tx.customers.insert(record);
      (record.metadata.cart as string[]).push('巧克力');
      record.version = 2;
      await tx.customers.update(record, 1);
    });
    expect(await adapter.read.customers.get('cus_lin')).toMatchObject({
      metadata: { cart: ['奶糖', '巧克力'] },
      version: 2,
    });
  });

  it('lists agents by id after every committed change, and not after a rolled-back one', async () => {
    const adapter = createMemoryAdapter();
    const ids = async () => (await adapter.read.agents.list()).map((a) => [a.id, a.presence]);
    await adapter.transaction(async (tx) => {
      await tx.agents.insert(agent('agt_wang'));
      await tx.agents.insert(agent('agt_li'));
    });
    expect(await ids()).toEqual([
      ['agt_li', 'offline'],
      ['agt_wang', 'offline'],
    ]);
    // The caller's array is its own: changing it changes no later list.
    (await adapter.read.agents.list()).pop();
    await adapter.transaction(async (tx) => {
      await tx.agents.update(agent('agt_wang', { presence: 'online', version: 2 }), 1);
      await tx.agents.insert(agent('agt_chen'));
    });
    expect(await ids()).toEqual([
      ['agt_chen', 'offline'],
      ['agt_li', 'offline'],
      ['agt_wang', 'online'],
    ]);
    const rolledBack = adapter.transaction(async (tx) => {
      await tx.agents.insert(agent('agt_zhao'));
      throw new Error('changed my mind');
    });
    await expect(rolledBack).rejects.toThrow('changed my mind');
    expect((await ids()).map(([id]) => id)).toEqual(['agt_chen', 'agt_li', 'agt_wang']);
  });

  it("keeps a metadata key named __proto__ as data, not as the stored copy's prototype", async () => {
    const adapter = createMemoryAdapter();
    const metadata = JSON.parse('{"__proto__": {"isAdmin": true}, "points": 3}');
    await adapter.transaction((tx) => tx.customers.insert(customer({ metadata })));
    const stored = (await adapter.read.customers.get('cus_lin'))?.metadata ?? {};
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
    expect(Object.keys(stored)).toEqual(['__proto__', 'points']);
    expect((stored as { isAdmin?: boolean }).isAdmin).toBeUndefined();
  });
});
