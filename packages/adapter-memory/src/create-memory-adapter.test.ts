import { isKefuError } from '@kefu/core';
import { runStorageConformance } from '@kefu/core/testing';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from './create-memory-adapter';

runStorageConformance({ name: 'memory', createAdapter: () => createMemoryAdapter() });

describe('memory adapter', () => {
  it('refuses every call after close with UNAVAILABLE', async () => {
    const adapter = createMemoryAdapter();
    await adapter.close();
    const calls: (() => Promise<unknown>)[] = [
      () => adapter.read.customers.get('x'),
      () => adapter.transaction(async () => 1),
      () => adapter.events.read(0, 1),
      () => adapter.jobs.claimDue({ now: 0, leaseMs: 1, limit: 1 }),
    ];
    for (const call of calls) {
      const error = await Promise.resolve()
        .then(call)
        .catch((e: unknown) => e);
      expect(isKefuError(error, 'UNAVAILABLE')).toBe(true);
    }
  });

  it('runs concurrent read-modify-write transactions one after another', async () => {
    const adapter = createMemoryAdapter();
    await adapter.transaction((tx) =>
      tx.agents.insert({
        id: 'agt_wang',
        name: '王客服',
        skills: [],
        teams: [],
        capacity: 5,
        presence: 'online',
        metadata: {},
        createdAt: 0,
        updatedAt: 0,
        version: 1,
      }),
    );
    await Promise.all(
      Array.from({ length: 30 }, () =>
        adapter.transaction(async (tx) => {
          const agent = await tx.agents.get('agt_wang');
          if (!agent) throw new Error('missing');
          await new Promise((resolve) => setTimeout(resolve, 0));
          await tx.agents.update(
            { ...agent, capacity: agent.capacity + 1, version: agent.version + 1 },
            agent.version,
          );
        }),
      ),
    );
    expect(await adapter.read.agents.get('agt_wang')).toMatchObject({ capacity: 35, version: 31 });
  });
});

describe('memory adapter copies', () => {
  it('stores the current values when a caller changes its object between two writes', async () => {
    const adapter = createMemoryAdapter();
    const agent = {
      id: 'agt_li',
      name: '李售后',
      skills: ['after-sales'],
      teams: [],
      capacity: 3,
      presence: 'online' as const,
      metadata: {},
      createdAt: 0,
      updatedAt: 0,
      version: 1,
    };
    await adapter.transaction(async (tx) => {
      await tx.agents.insert(agent);
      agent.skills.push('refund');
      agent.version = 2;
      await tx.agents.update(agent, 1);
    });
    expect(await adapter.read.agents.get('agt_li')).toMatchObject({
      skills: ['after-sales', 'refund'],
      version: 2,
    });
  });
});
