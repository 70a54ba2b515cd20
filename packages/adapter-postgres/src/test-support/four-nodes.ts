import { type CreateDeskOptions, createDesk, type Desk, type StorageAdapter } from '@kefu/core';
import { VirtualClock } from '@kefu/core/testing';
import type pg from 'pg';
import { expect } from 'vitest';
import type { PostgresAdapter } from '../create-postgres-adapter';
import { createPostgresAdapter } from '../index';
import { createPool, freshAdapter, randomSchema } from './databases';

/** Four nodes on one database: each its own pool, adapter and desk, one schema. */
export async function fourNodes(
  options: Omit<Partial<CreateDeskOptions>, 'storage' | 'clock'> = {},
) {
  const schema = randomSchema();
  const clock = new VirtualClock(Date.UTC(2026, 10, 11, 1, 0));
  const pools: pg.Pool[] = [];
  const adapters: PostgresAdapter[] = [];
  const desks: Desk[] = [];
  for (let i = 0; i < 4; i++) {
    const pool = createPool(8);
    pools.push(pool);
    const adapter =
      i === 0 ? await freshAdapter(pool, schema) : createPostgresAdapter({ client: pool, schema });
    adapters.push(adapter);
    desks.push(createDesk({ routing: { auto: false }, ...options, storage: adapter, clock }));
  }
  const close = async () => {
    await Promise.all(desks.map((desk) => desk.stop()));
    for (const adapter of [...adapters].reverse()) await adapter.close();
    await Promise.all(pools.map((pool) => pool.end()));
  };
  return { schema, clock, pools, adapters, desks, close, first: desks[0] as Desk };
}

export type Nodes = Awaited<ReturnType<typeof fourNodes>>;

/** The whole event log, page by page. */
export async function allEvents(desk: Desk) {
  const all = [];
  for (let after = 0; ; ) {
    const page = await desk.events.read({ after, limit: 1000 });
    all.push(...page);
    if (page.length < 1000) return all;
    after = page.at(-1)?.position ?? after;
  }
}

/** The invariants of packages/core/src/routing/desk-routing-concurrency.test.ts. */
export async function checkRoutingInvariants(storage: StorageAdapter, desk: Desk): Promise<void> {
  const active = await storage.read.conversations.list({ status: ['active'] }, { limit: 10_000 });
  const perAgent = new Map<string, number>();
  for (const c of active) {
    perAgent.set(c.assigneeId ?? '', (perAgent.get(c.assigneeId ?? '') ?? 0) + 1);
  }
  for (const agent of await storage.read.agents.list()) {
    const open = perAgent.get(agent.id) ?? 0;
    expect(open, `${agent.id} over capacity`).toBeLessThanOrEqual(agent.capacity);
    expect(agent.load, `${agent.id} load`).toBe(open);
  }
  const assignments = new Map<string, number>();
  const events = await allEvents(desk);
  expect(events.map((e) => e.position)).toEqual(events.map((_, i) => i + 1));
  for (const event of events) {
    if (event.type !== 'conversation.assigned') continue;
    assignments.set(event.subject.id, (assignments.get(event.subject.id) ?? 0) + 1);
  }
  for (const [conversationId, count] of assignments) {
    expect(count, `${conversationId} assigned twice`).toBe(1);
  }
}
