import { createPostgresAdapter, type PostgresAdapter } from '@kefu/adapter-postgres';
import { createDesk, type Desk } from '@kefu/core';
import pg from 'pg';
import { type BenchResult, percentile } from './bench-result';

const NODES = 4;
/** Offered load, all nodes together: each node posts RATE / NODES events a second. */
const RATE = 1000;
const SECONDS = 4;
const WARM_UP_SECONDS = 1;
const CONVERSATIONS = 40;
/** A node's pool: its desk's transactions, the log reads after each notification. */
const POOL = 10;
const TICK_MS = 10;

const now = () => performance.now();
const ms = (value: number) => Number(value.toFixed(2));
const sleep = (duration: number) => new Promise((resolve) => setTimeout(resolve, duration));

/** When each node first held each key. */
function arrivals(nodes: number) {
  const at = Array.from({ length: nodes }, () => new Map<string, number>());
  return {
    arrived(node: number, key: string) {
      const map = at[node];
      if (map && !map.has(key)) map.set(key, now());
    },
    at,
  };
}

/**
 * A node that learns of new events only through its bus (LISTEN/NOTIFY) and reads them from the
 * log, as a desk or gateway does. Calls `seen` with each message's client id.
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
      .catch((error: unknown) => console.error('a node could not read the log:', error));
  });
}

/**
 * Open loop: every tick, each node starts the sends that fell due (RATE / NODES a second), not
 * waiting for earlier ones, so a slow commit shows up as latency rather than a lower rate.
 * Returns when all sends settled, with each key's start instant.
 */
async function drive(send: (node: number, key: string) => Promise<void>, prefix: string) {
  const started = new Map<string, number>();
  const committed = new Map<string, number>();
  const pending: Promise<void>[] = [];
  const total = RATE * SECONDS;
  const begin = now();
  let sent = 0;
  while (sent < total) {
    const due = Math.min(total, Math.floor(((now() - begin) / 1000) * RATE));
    for (; sent < due; sent++) {
      const key = `${prefix}_${sent}`;
      started.set(key, now());
      pending.push(send(sent % NODES, key).then(() => void committed.set(key, now())));
    }
    await sleep(TICK_MS);
  }
  await Promise.all(pending);
  const seconds = (now() - begin) / 1000;
  return { started, committed, achieved: total / seconds };
}

/** Waits until every node holds every key, or fails the run after 30 s. */
async function settled(at: Map<string, number>[], keys: Iterable<string>): Promise<void> {
  const wanted = [...keys];
  for (const deadline = now() + 30_000; now() < deadline; await sleep(20)) {
    if (at.every((map) => wanted.every((key) => map.has(key)))) return;
  }
  throw new Error('some node never heard some event');
}

/** Latency of every (event, other node) pair after the warm-up, sorted. */
function latencies(
  started: Map<string, number>,
  at: Map<string, number>[],
  origin: (key: string) => number,
) {
  const values: number[] = [];
  const warm = RATE * WARM_UP_SECONDS;
  let i = 0;
  for (const [key, start] of started) {
    if (i++ < warm) continue;
    at.forEach((map, node) => {
      if (node !== origin(key)) values.push((map.get(key) ?? Number.NaN) - start);
    });
  }
  return values.sort((a, b) => a - b);
}

const nodeOf = (key: string) => Number(key.slice(key.lastIndexOf('_') + 1)) % NODES;

/** Drives the load through `send`; times each event from its send and from its commit. */
async function timed(
  send: (node: number, key: string) => Promise<void>,
  prefix: string,
  at: Map<string, number>[],
) {
  const { started, committed, achieved } = await drive(send, prefix);
  await settled(at, started.keys());
  return {
    values: latencies(started, at, nodeOf),
    afterCommit: latencies(committed, at, nodeOf),
    achieved,
  };
}

/** The baseline: raw `pg`, NOTIFY with the key from each node's pool, LISTEN on every node. */
async function rawRun(pools: pg.Pool[], channel: string) {
  const heard = arrivals(NODES);
  const listeners = await Promise.all(pools.map((pool) => pool.connect()));
  for (const [node, listener] of listeners.entries()) {
    listener.on('notification', (message) => heard.arrived(node, message.payload ?? ''));
    await listener.query(`LISTEN "${channel}"`);
  }
  try {
    return await timed(
      async (node, key) => {
        await pools[node]?.query('SELECT pg_notify($1, $2)', [channel, key]);
      },
      'raw_bus',
      heard.at,
    );
  } finally {
    for (const listener of listeners) {
      await listener.query(`UNLISTEN "${channel}"`);
      listener.release();
    }
  }
}

/** Through Kefu: each node's desk posts; every node follows the log through its own bus. */
async function kefuRun(pools: pg.Pool[], schema: string) {
  const adapters = pools.map((pool) => createPostgresAdapter({ client: pool, schema }));
  await adapters[0]?.migrate();
  const desks: Desk[] = adapters.map((storage) =>
    createDesk({ storage, routing: { auto: false } }),
  );
  const first = desks[0] as Desk;
  await first.customers.upsert({ id: 'cus_lin' });
  await first.agents.upsert({ id: 'agt_wang', presence: 'online', capacity: 100 });
  const ids: string[] = [];
  for (let i = 0; i < CONVERSATIONS; i++) {
    const { id } = await first.conversations.start({ customerId: 'cus_lin' });
    await first.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    ids.push(id);
  }
  const heard = arrivals(NODES);
  const from = await first.events.lastPosition();
  const stops = adapters.map((adapter, node) =>
    follow(adapter, from, (key) => heard.arrived(node, key)),
  );
  try {
    // Every node's LISTEN is in place once a ping from node 0 reached each of them.
    for (let attempt = 0; attempt < 100; attempt++) {
      await first.messages.post({
        conversationId: ids[0] ?? '',
        author: { kind: 'customer', id: 'cus_lin' },
        text: 'ping',
        clientId: `bench_ping_${attempt}`,
      });
      await sleep(20);
      if (heard.at.every((map) => map.has(`bench_ping_${attempt}`))) break;
    }
    let n = 0;
    return await timed(
      async (node, key) => {
        await (desks[node] as Desk).messages.post({
          conversationId: ids[n++ % CONVERSATIONS] ?? '',
          author: { kind: 'customer', id: 'cus_lin' },
          text: '我的糖果什么时候到？',
          clientId: key,
        });
      },
      'kefu_bus',
      heard.at,
    );
  } finally {
    for (const stop of stops) stop();
    await Promise.all(desks.map((desk) => desk.stop()));
    for (const adapter of adapters) await adapter.close();
    await pools[0]?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  }
}

/**
 * "Every node sees every event": four nodes (own pool, adapter and desk each) on one schema post
 * 1,000 messages a second between them, and each node follows the log through its own bus. Each
 * event is timed from its `desk.messages.post` call to each of the three other nodes holding it.
 * Baseline in the same run: bare `pg` NOTIFY at the same rate from the four pools to a LISTEN
 * connection on each.
 */
export async function benchPostgresBusLatency(): Promise<BenchResult | null> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('postgres.bus-latency-p99-ms: skipped, set DATABASE_URL to a PostgreSQL server');
    return null;
  }
  const pools = Array.from({ length: NODES }, () => {
    const pool = new pg.Pool({ connectionString: url, max: POOL + 1 });
    pool.on('error', () => undefined);
    return pool;
  });
  const suffix = Math.random().toString(36).slice(2, 10);
  try {
    const raw = await rawRun(pools, `kefu_bench_raw_${suffix}`);
    const kefu = await kefuRun(pools, `kefu_bench_${suffix}`);
    const value = percentile(kefu.values, 99);
    const baseline = percentile(raw.values, 99);
    const version = await pools[0]?.query<{ server_version: string }>('SHOW server_version');
    return {
      name: 'postgres.bus-latency-p99-ms',
      value: ms(value),
      unit: 'ms',
      baseline: ms(baseline),
      ratio: Number((value / baseline).toFixed(2)),
      params: {
        nodes: NODES,
        offeredEventsPerSecond: RATE,
        achievedEventsPerSecond: Math.round(kefu.achieved),
        baselineAchievedEventsPerSecond: Math.round(raw.achieved),
        seconds: SECONDS,
        warmUpSeconds: WARM_UP_SECONDS,
        samples: kefu.values.length,
        p50Ms: ms(percentile(kefu.values, 50)),
        p90Ms: ms(percentile(kefu.values, 90)),
        maxMs: ms(kefu.values.at(-1) ?? Number.NaN),
        baselineP50Ms: ms(percentile(raw.values, 50)),
        // The bus alone: from the post's promise resolving (committed) to another node holding
        // the event. Can be below 0: a node may read the event before the commit's reply lands.
        afterCommitP50Ms: ms(percentile(kefu.afterCommit, 50)),
        afterCommitP99Ms: ms(percentile(kefu.afterCommit, 99)),
        baselineAfterSendP99Ms: ms(percentile(raw.afterCommit, 99)),
        measured:
          "a node's desk.messages.post called → each of the 3 other nodes (own pool, adapter, bus) has read the message.posted event from the log after its NOTIFY",
        baseline:
          'raw pg: SELECT pg_notify from each node’s pool → the notification on each other node’s LISTEN connection',
        statistic: 'p99 (nearest rank) over every (event, other node) pair after the warm-up',
        goal: 'value < 100',
        database: `PostgreSQL ${version?.rows[0]?.server_version ?? '?'} (DATABASE_URL)`,
        node: process.version,
      },
    };
  } finally {
    await Promise.all(pools.map((pool) => pool.end()));
  }
}
