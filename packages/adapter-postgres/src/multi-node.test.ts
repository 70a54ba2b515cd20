import {
  type CreateDeskOptions,
  createDesk,
  type Desk,
  isKefuError,
  type StorageAdapter,
} from '@kefu/core';
import { VirtualClock } from '@kefu/core/testing';
import type pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import type { PostgresAdapter } from './create-postgres-adapter';
import { createPostgresAdapter } from './index';
import { followThroughBus, untilListening, waitFor } from './test-support/bus';
import { createPool, DATABASE_URL, freshAdapter, randomSchema } from './test-support/databases';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const AGENTS = 20;

/** Four nodes on one database: each its own pool, adapter and desk, one schema. */
async function fourNodes(options: Omit<Partial<CreateDeskOptions>, 'storage' | 'clock'> = {}) {
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

type Nodes = Awaited<ReturnType<typeof fourNodes>>;

async function allEvents(desk: Desk) {
  const all = [];
  for (let after = 0; ; ) {
    const page = await desk.events.read({ after, limit: 1000 });
    all.push(...page);
    if (page.length < 1000) return all;
    after = page.at(-1)?.position ?? after;
  }
}

/** The invariants of packages/core/src/routing/desk-routing-concurrency.test.ts. */
async function checkRoutingInvariants(storage: StorageAdapter, desk: Desk): Promise<void> {
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

describe.skipIf(!DATABASE_URL)('four desks on one PostgreSQL server (DATABASE_URL)', () => {
  let nodes: Nodes | null = null;
  afterEach(async () => {
    await nodes?.close();
    nodes = null;
  });

  it('1,000 concurrent assignment attempts never exceed capacity nor assign twice', async () => {
    nodes = await fourNodes();
    const { first, desks, adapters } = nodes;
    for (let i = 0; i < AGENTS; i++) {
      await first.agents.upsert({ id: `agt_${i}`, capacity: 1 + (i % 5), presence: 'online' });
    }
    await first.customers.upsert({ id: 'cus_lin', tier: 'vip' });
    const ids: string[] = [];
    for (let i = 0; i < 200; i++) {
      ids.push((await first.conversations.start({ customerId: 'cus_lin' })).id);
    }
    let refused = 0;
    await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        (desks[i % 4] as Desk).conversations
          .assign({
            conversationId: ids[(i * 7) % ids.length] ?? '',
            agentId: `agt_${(i * 13) % AGENTS}`,
          })
          .catch((error: unknown) => {
            if (isKefuError(error, 'CAPACITY') || isKefuError(error, 'INVALID_TRANSITION')) {
              refused++;
            } else throw error;
          }),
      ),
    );
    const storage = adapters[0] as PostgresAdapter;
    await checkRoutingInvariants(storage, first);
    const totalCapacity = Array.from({ length: AGENTS }, (_, i) => 1 + (i % 5)).reduce(
      (a, b) => a + b,
      0,
    );
    const active = await storage.read.conversations.list({ status: ['active'] }, { limit: 1000 });
    expect(active).toHaveLength(totalCapacity);
    expect(refused).toBe(1000 - totalCapacity);
  }, 120_000);

  it('1,000 concurrent posts to one conversation from four desks get seqs 1..1000', async () => {
    nodes = await fourNodes();
    const { first, desks } = nodes;
    await first.customers.upsert({ id: 'cus_lin' });
    await first.agents.upsert({ id: 'agt_wang', presence: 'online' });
    const { id } = await first.conversations.start({ customerId: 'cus_lin' });
    await first.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    const posted = await Promise.all(
      Array.from({ length: 1000 }, (_, i) =>
        (desks[i % 4] as Desk).messages.post({
          conversationId: id,
          author: i % 2 ? { kind: 'customer', id: 'cus_lin' } : { kind: 'agent', id: 'agt_wang' },
          text: `第 ${i} 条`,
        }),
      ),
    );
    const seqs = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(posted.map((m) => m.seq).sort((a, b) => a - b)).toEqual(seqs);
    const stored = [];
    for (let after = 0; stored.length < 1000; after = stored.at(-1)?.seq ?? after) {
      const page = await first.messages.list({ conversationId: id, afterSeq: after, limit: 500 });
      if (page.length === 0) break;
      stored.push(...page);
    }
    expect(stored.map((m) => m.seq)).toEqual(seqs);
    expect(new Set(stored.map((m) => m.text)).size).toBe(1000);
    expect((await first.conversations.get(id))?.lastSeq).toBe(1000);
    const events = await allEvents(first);
    expect(events.map((e) => e.position)).toEqual(events.map((_, i) => i + 1));
    expect(events.filter((e) => e.type === 'message.posted')).toHaveLength(1000);
  }, 120_000);

  it("fires a resolved conversation's close job once when four desks poll at the same time", async () => {
    nodes = await fourNodes({ reopenWindowMs: HOUR });
    const { first, desks, clock } = nodes;
    await first.customers.upsert({ id: 'cus_lin' });
    await first.agents.upsert({ id: 'agt_wang', presence: 'online' });
    const { id } = await first.conversations.start({ customerId: 'cus_lin' });
    await first.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    await first.conversations.resolve({ conversationId: id });
    await clock.advance(HOUR + 1);
    const ran = await Promise.all(desks.map((desk) => desk.jobs.runDue()));
    expect(ran.reduce((a, b) => a + b, 0)).toBe(1);
    expect(await first.conversations.get(id)).toMatchObject({
      status: 'closed',
      closeReason: 'reopen-window-ended',
    });
    const closed = (await allEvents(first)).filter((e) => e.type === 'conversation.closed');
    expect(closed).toHaveLength(1);
    expect(await Promise.all(desks.map((desk) => desk.jobs.runDue()))).toEqual([0, 0, 0, 0]);
  });

  it('fires each SLA deadline once when four desks poll at the same time', async () => {
    nodes = await fourNodes({
      sla: {
        policies: [
          {
            id: 'fast',
            name: '10 分钟首响',
            targets: { firstResponse: { withinMs: 10 * MINUTE, hours: 'calendar' } },
            warnAt: [],
            escalation: [{ on: 'breach', actions: [{ type: 'raise-priority', to: 'urgent' }] }],
          },
        ],
      },
      // Small batches: the four runners come back for more and meet each other's claims.
      jobs: { batchSize: 2 },
    });
    const { first, desks, clock } = nodes;
    await first.customers.upsert({ id: 'cus_lin' });
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      ids.push((await first.conversations.start({ customerId: 'cus_lin', priority: 'low' })).id);
    }
    const dueAt = clock.now() + 10 * MINUTE;
    await clock.advance(10 * MINUTE + 1);
    const ran = await Promise.all(desks.map((desk) => desk.jobs.runDue()));
    // One sla.check job per conversation, each run by exactly one of the four runners.
    expect(ran.reduce((a, b) => a + b, 0)).toBe(ids.length);
    const events = await allEvents(first);
    for (const id of ids) {
      const about = events.filter((e) => e.subject.id === id);
      const breached = about.filter((e) => e.type === 'sla.breached');
      expect(breached, `${id} breached`).toHaveLength(1);
      expect(breached[0]?.data).toMatchObject({ target: 'firstResponse', dueAt });
      expect(
        about.filter((e) => e.type === 'sla.escalated'),
        `${id} escalated`,
      ).toHaveLength(1);
      // Started (1), the breach recorded (2), the escalation (3): a second run would add one.
      expect(await first.conversations.get(id)).toMatchObject({
        priority: 'urgent',
        version: 3,
        sla: { escalationLevel: 1, clocks: { firstResponse: { breachedAt: dueAt } } },
      });
    }
    expect(await Promise.all(desks.map((desk) => desk.jobs.runDue()))).toEqual([0, 0, 0, 0]);
  });

  it('lets a fourth node see every event three desks commit, through LISTEN/NOTIFY alone', async () => {
    nodes = await fourNodes();
    const { first, desks, adapters } = nodes;
    const watcher = followThroughBus(adapters[3] as PostgresAdapter);
    try {
      const sender = (adapters[0] as PostgresAdapter).bus;
      expect(await untilListening(sender, () => watcher.announced.includes(0))).toBe(true);
      await first.customers.upsert({ id: 'cus_lin' });
      await first.agents.upsert({ id: 'agt_wang', presence: 'online' });
      const { id } = await first.conversations.start({ customerId: 'cus_lin' });
      await first.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
      const posted = await Promise.all(
        Array.from({ length: 60 }, (_, i) =>
          (desks[i % 3] as Desk).messages.post({
            conversationId: id,
            author: { kind: 'customer', id: 'cus_lin' },
            text: `第 ${i} 条`,
          }),
        ),
      );
      const last = await first.events.lastPosition();
      // Delivery, not speed (that is bench/src/postgres-bus-latency.ts): the bound only ends a
      // failing run.
      const caughtUp = () => (watcher.events.at(-1)?.position ?? 0) >= last;
      expect(await waitFor(caughtUp, 10_000)).toBe(true);
      expect(watcher.errors).toEqual([]);
      expect(watcher.events.map((e) => e.position)).toEqual(
        Array.from({ length: last }, (_, i) => i + 1),
      );
      const seen = new Set(
        watcher.events.flatMap((e) => (e.type === 'message.posted' ? [e.data.message.id] : [])),
      );
      expect(posted.filter((m) => !seen.has(m.id))).toEqual([]);
    } finally {
      watcher.stop();
    }
  });

  it('completes, after the lease, a job whose node died holding it', async () => {
    nodes = await fourNodes({ reopenWindowMs: HOUR });
    const { first, desks, clock, adapters } = nodes;
    await first.customers.upsert({ id: 'cus_lin' });
    await first.agents.upsert({ id: 'agt_wang', presence: 'online' });
    const { id } = await first.conversations.start({ customerId: 'cus_lin' });
    await first.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    await first.conversations.resolve({ conversationId: id });
    await clock.advance(HOUR);
    // Node 0 claims the job and dies: it never completes nor releases it.
    const lease = 30_000;
    const [held] = await (adapters[0] as PostgresAdapter).jobs.claimDue({
      now: clock.now(),
      leaseMs: lease,
      limit: 10,
    });
    expect(held).toMatchObject({ kind: 'conversation.close-resolved', status: 'claimed' });
    const survivor = desks[1] as Desk;
    expect(await survivor.jobs.runDue()).toBe(0);
    expect((await survivor.conversations.get(id))?.status).toBe('resolved');
    await clock.advance(lease);
    expect(await survivor.jobs.runDue()).toBe(1);
    expect(await survivor.conversations.get(id)).toMatchObject({ status: 'closed' });
    // The dead node's claim is void: completing it now is a conflict, not a second close.
    const late = (adapters[0] as PostgresAdapter).transaction((tx) =>
      tx.jobs.complete(held?.id ?? '', held?.claimToken ?? '', clock.now()),
    );
    await expect(late).rejects.toMatchObject({ code: 'CONFLICT' });
    const closed = (await allEvents(first)).filter((e) => e.type === 'conversation.closed');
    expect(closed).toHaveLength(1);
  });
});

describe.skipIf(!DATABASE_URL)('connection loss (DATABASE_URL)', () => {
  it('maps pg_terminate_backend mid-transaction to UNAVAILABLE, writes nothing, and recovers', async () => {
    const application = `kefu_fault_${Math.random().toString(36).slice(2, 10)}`;
    const { default: pgModule } = await import('pg');
    const pool = new pgModule.Pool({
      connectionString: DATABASE_URL,
      application_name: application,
      max: 4,
    });
    pool.on('error', () => undefined);
    const admin = createPool(1);
    const adapter = await freshAdapter(pool);
    const desk = createDesk({ storage: adapter });
    try {
      const attempt = adapter.transaction(async (tx) => {
        await tx.customers.insert({
          ...(await import('@kefu/core/testing')).makeCustomer({ id: 'cus_half' }),
        });
        const { rows } = await admin.query(
          `SELECT pg_terminate_backend(pid) AS killed FROM pg_stat_activity
            WHERE application_name = $1 AND state = 'idle in transaction'`,
          [application],
        );
        expect(rows).toHaveLength(1);
        await tx.customers.get('cus_half');
      });
      await expect(attempt).rejects.toMatchObject({
        code: 'UNAVAILABLE',
        details: { retryable: true, reason: 'connection-lost' },
      });
      expect(await adapter.read.customers.get('cus_half')).toBeNull();
      const customer = await desk.customers.upsert({ id: 'cus_after', name: '林小糖' });
      expect(await adapter.read.customers.get('cus_after')).toEqual(customer);
    } finally {
      await desk.stop();
      await adapter.close();
      await Promise.all([pool.end(), admin.end()]);
    }
  });

  it('maps an unreachable server to UNAVAILABLE', async () => {
    const { default: pgModule } = await import('pg');
    const pool = new pgModule.Pool({
      connectionString: 'postgres://postgres@127.0.0.1:1/test',
      connectionTimeoutMillis: 2000,
    });
    const adapter = createPostgresAdapter({ client: pool, schema: 'kefu_unreachable' });
    await expect(adapter.read.customers.get('cus_x')).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      details: { retryable: true },
    });
    await expect(adapter.transaction(async () => 1)).rejects.toMatchObject({
      code: 'UNAVAILABLE',
    });
    await pool.end();
  });
});
