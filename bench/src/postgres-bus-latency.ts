import { createPostgresAdapter, type PostgresAdapter } from '@kefu/adapter-postgres';
import { createDesk, type Desk } from '@kefu/core';
import pg from 'pg';
import type { BenchResult } from './bench-result';

const EVENTS = 500;
const WARM_UP = 50;

const now = () => performance.now();

/** Nearest-rank percentile (p in 0–100) of sorted values. */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? Number.NaN;
}

const ms = (value: number) => Number(value.toFixed(2));

/** Waits for `arrival`, but fails the run rather than hang when a notification never comes. */
function within(arrival: Promise<number>, key: string): Promise<number> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${key} never arrived`)), 10_000);
  });
  return Promise.race([arrival, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves waiters by key, also when the key arrived before anyone waited. */
function arrivals() {
  const at = new Map<string, number>();
  const waiting = new Map<string, (instant: number) => void>();
  return {
    arrived(key: string) {
      const instant = now();
      at.set(key, instant);
      waiting.get(key)?.(instant);
      waiting.delete(key);
    },
    when(key: string): Promise<number> {
      const known = at.get(key);
      if (known !== undefined) return Promise.resolve(known);
      return new Promise((resolve) => waiting.set(key, resolve));
    },
  };
}

/**
 * Node B: learns of new events only through its bus (LISTEN/NOTIFY) and reads them from the log,
 * as a desk or gateway on another node does. Calls `seen` with each message's client id.
 */
function follow(node: PostgresAdapter, after: number, seen: (clientId: string) => void) {
  let last = after;
  let reading = Promise.resolve();
  return node.bus.subscribe((position) => {
    reading = reading
      .then(async () => {
        while (last < position) {
          const page = await node.events.read(last, 500);
          if (page.length === 0) return;
          for (const event of page) {
            if (event.type === 'message.posted' && event.data.message.clientId) {
              seen(event.data.message.clientId);
            }
          }
          last = page.at(-1)?.position ?? last;
        }
      })
      .catch((error: unknown) => console.error('node B could not read the log:', error));
  });
}

/** Pings through `sender` until `heard()`: the LISTEN on the other side is in place. */
async function untilListening(sender: PostgresAdapter, heard: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 100 && !heard(); attempt++) {
    await sender.bus.publish(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  if (!heard()) throw new Error('node B never started listening');
}

/** The baseline: raw `pg`, NOTIFY on one connection, LISTEN on another. */
async function rawRoundTrip(sendPool: pg.Pool, listenPool: pg.Pool, channel: string) {
  const sender = await sendPool.connect();
  const listener = await listenPool.connect();
  const heard = arrivals();
  listener.on('notification', (message) => heard.arrived(message.payload ?? ''));
  await listener.query(`LISTEN "${channel}"`);
  return {
    async once(key: string): Promise<number> {
      const arrival = heard.when(key);
      const started = now();
      await sender.query('SELECT pg_notify($1, $2)', [channel, key]);
      return (await within(arrival, key)) - started;
    },
    async close() {
      await listener.query(`UNLISTEN "${channel}"`);
      listener.release();
      sender.release();
    },
  };
}

/** Through Kefu: node A's desk posts a message, node B sees its event through the bus. */
async function kefuRoundTrip(poolA: pg.Pool, poolB: pg.Pool, schema: string) {
  const nodeA = createPostgresAdapter({ client: poolA, schema });
  await nodeA.migrate();
  const nodeB = createPostgresAdapter({ client: poolB, schema });
  const desk: Desk = createDesk({ storage: nodeA, routing: { auto: false } });
  await desk.customers.upsert({ id: 'cus_lin' });
  await desk.agents.upsert({ id: 'agt_wang', presence: 'online' });
  const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
  await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });

  const heard = arrivals();
  let pinged = false;
  const stopPing = nodeB.bus.subscribe((position) => {
    if (position === 0) pinged = true;
  });
  const stopFollowing = follow(nodeB, await nodeB.events.lastPosition(), heard.arrived);
  await untilListening(nodeA, () => pinged);
  stopPing();
  const posts: number[] = [];
  return {
    posts,
    async once(key: string): Promise<number> {
      const arrival = heard.when(key);
      const started = now();
      await desk.messages.post({
        conversationId: id,
        author: { kind: 'customer', id: 'cus_lin' },
        text: '我的糖果什么时候到？',
        clientId: key,
      });
      posts.push(now() - started);
      return (await within(arrival, key)) - started;
    },
    async close() {
      stopFollowing();
      await desk.stop();
      await nodeB.close();
      await nodeA.close();
      await poolA.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    },
  };
}

/**
 * "Another node sees an event within 100 ms": from node A calling `desk.messages.post` (its
 * transaction, commit and NOTIFY included) to node B — its own pool and adapter — having read
 * the `message.posted` event from the log after the notification. Baseline: a bare `pg`
 * NOTIFY → LISTEN round trip on the same server, interleaved with it in the same run.
 */
export async function benchPostgresBusLatency(): Promise<BenchResult | null> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('postgres.bus-latency-p99-ms: skipped, set DATABASE_URL to a PostgreSQL server');
    return null;
  }
  const poolA = new pg.Pool({ connectionString: url, max: 4 });
  const poolB = new pg.Pool({ connectionString: url, max: 4 });
  const suffix = Math.random().toString(36).slice(2, 10);
  let raw: Awaited<ReturnType<typeof rawRoundTrip>> | null = null;
  let kefu: Awaited<ReturnType<typeof kefuRoundTrip>> | null = null;
  try {
    raw = await rawRoundTrip(poolA, poolB, `kefu_bench_raw_${suffix}`);
    kefu = await kefuRoundTrip(poolA, poolB, `kefu_bench_${suffix}`);
    const kefuMs: number[] = [];
    const rawMs: number[] = [];
    for (let i = 0; i < WARM_UP + EVENTS; i++) {
      const key = `bench_${suffix}_${i}`;
      const a = await raw.once(key);
      const b = await kefu.once(key);
      if (i < WARM_UP) continue;
      rawMs.push(a);
      kefuMs.push(b);
    }
    kefuMs.sort((x, y) => x - y);
    rawMs.sort((x, y) => x - y);
    const posts = kefu.posts.slice(WARM_UP).sort((x, y) => x - y);
    const value = percentile(kefuMs, 99);
    const baseline = percentile(rawMs, 99);
    const { rows } = await poolA.query<{ server_version: string }>('SHOW server_version');
    return {
      name: 'postgres.bus-latency-p99-ms',
      value: ms(value),
      unit: 'ms',
      baseline: ms(baseline),
      ratio: Number((value / baseline).toFixed(2)),
      params: {
        events: EVENTS,
        warmUp: WARM_UP,
        p50Ms: ms(percentile(kefuMs, 50)),
        maxMs: ms(kefuMs.at(-1) ?? Number.NaN),
        baselineP50Ms: ms(percentile(rawMs, 50)),
        postP50Ms: ms(percentile(posts, 50)),
        measured:
          "node A's desk.messages.post called → node B (own pool and adapter) has read the message.posted event after its NOTIFY",
        baseline:
          'raw pg: SELECT pg_notify on one connection → notification on a LISTEN connection',
        statistic: 'p99 (nearest rank), events one at a time, raw and Kefu interleaved',
        goal: 'value < 100',
        database: `PostgreSQL ${rows[0]?.server_version ?? '?'} (DATABASE_URL)`,
        node: process.version,
      },
    };
  } finally {
    await kefu?.close();
    await raw?.close();
    await Promise.all([poolA.end(), poolB.end()]);
  }
}
