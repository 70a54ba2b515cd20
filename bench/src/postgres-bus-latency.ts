import { createPostgresAdapter, type PostgresAdapter } from '@kefu/adapter-postgres';
import { createDesk, type Desk, type DomainEventDraft } from '@kefu/core';
import pg from 'pg';
import { type BenchResult, percentile } from './bench-result';
import {
  arrivals,
  follow,
  ms,
  NODES,
  RATE,
  SECONDS,
  type Send,
  sleep,
  summary,
  timed,
  WARM_UP_SECONDS,
} from './bus-timing';
import { TimedQueue } from './timed-queue';

const CONVERSATIONS = 40;
/** A node's pool: its desk's transactions, the log reads after each notification, its LISTEN. */
const POOL = 10;

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

/** Adapters for the nodes on one fresh schema, each following the log through its own bus. */
async function nodesOn(pools: pg.Pool[], schema: string) {
  const adapters = pools.map((pool) => createPostgresAdapter({ client: pool, schema }));
  await adapters[0]?.migrate();
  const heard = arrivals(NODES);
  const from = await (adapters[0] as PostgresAdapter).events.lastPosition();
  const stops = adapters.map((adapter, node) =>
    follow(adapter, from, (key) => heard.arrived(node, key)),
  );
  return {
    adapters,
    heard,
    /** Repeats `ping(key)` until every node heard it: then every LISTEN is in place. */
    async listening(ping: (key: string) => Promise<unknown>) {
      for (let attempt = 0; attempt < 100; attempt++) {
        await ping(`bench_ping_${attempt}`);
        await sleep(20);
        if (heard.at.every((map) => map.has(`bench_ping_${attempt}`))) return;
      }
      throw new Error('the nodes never all heard a ping');
    },
    async close() {
      for (const stop of stops) stop();
      for (const adapter of adapters) await adapter.close();
      await pools[0]?.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    },
  };
}

const CONVERSATION = 'conv_bus';
/** A `message.posted` event as a desk writes it, keyed by its client id. */
const posted = (key: string, seq: number): DomainEventDraft => {
  const at = Date.now();
  return {
    type: 'message.posted',
    at,
    subject: { kind: 'conversation', id: CONVERSATION },
    data: {
      message: {
        id: `msg_${key}`,
        conversationId: CONVERSATION,
        seq,
        author: { kind: 'customer', id: 'cus_lin' },
        text: '我的糖果什么时候到？',
        attachments: [],
        internal: false,
        clientId: key,
        createdAt: at,
      },
    },
  };
};

/**
 * The bus at the offered rate: each node appends the events that fell due to the log through its
 * adapter, as one transaction with whatever came due while the previous one committed (one
 * NOTIFY each), and every node follows the log through its own bus. Isolates what the bus
 * carries from what one database commits: a desk's post is one transaction per message.
 */
async function logRun(pools: pg.Pool[], schema: string) {
  const nodes = await nodesOn(pools, schema);
  let seq = 0;
  const append = (node: number, keys: readonly string[]) =>
    (nodes.adapters[node] as PostgresAdapter).transaction((tx) =>
      tx.events.append(keys.map((key) => posted(key, ++seq))),
    );
  type Due = { key: string; written: () => void };
  const lines = Array.from({ length: NODES }, () => new TimedQueue<Due>());
  const wakes: Array<(() => void) | null> = Array.from({ length: NODES }, () => null);
  let batches = 0;
  let open = true;
  const writers = lines.map(async (line, node) => {
    for (;;) {
      if (line.size === 0) {
        if (!open) return;
        await new Promise<void>((resolve) => {
          wakes[node] = resolve;
        });
        continue;
      }
      const batch = line.takeDue(Number.POSITIVE_INFINITY);
      await append(
        node,
        batch.map((entry) => entry.item.key),
      );
      batches++;
      for (const entry of batch) entry.item.written();
    }
  });
  try {
    await nodes.listening((key) => append(0, [key]));
    const send: Send = (node, key) =>
      new Promise<void>((written) => {
        lines[node]?.push(performance.now(), { key, written });
        wakes[node]?.();
        wakes[node] = null;
      });
    const result = await timed(send, 'kefu_log', nodes.heard.at);
    return { ...result, batches };
  } finally {
    open = false;
    for (const wake of wakes) wake?.();
    await Promise.all(writers);
    await nodes.close();
  }
}

/**
 * Whole posts at the offered rate: each node's desk posts (one transaction per message) with at
 * most POOL in flight; a post that falls due while all are busy is shed and counted, so the run
 * reports the rate the database committed rather than a queue growing without end.
 */
async function postRun(pools: pg.Pool[], schema: string) {
  const nodes = await nodesOn(pools, schema);
  const desks: Desk[] = nodes.adapters.map((storage) =>
    createDesk({ storage, routing: { auto: false } }),
  );
  try {
    const first = desks[0] as Desk;
    await first.customers.upsert({ id: 'cus_lin' });
    await first.agents.upsert({ id: 'agt_wang', presence: 'online', capacity: 100 });
    const ids: string[] = [];
    for (let i = 0; i < CONVERSATIONS; i++) {
      const { id } = await first.conversations.start({ customerId: 'cus_lin' });
      await first.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
      ids.push(id);
    }
    const post = (desk: Desk, key: string, n: number) =>
      desk.messages.post({
        conversationId: ids[n % CONVERSATIONS] ?? '',
        author: { kind: 'customer', id: 'cus_lin' },
        text: '我的糖果什么时候到？',
        clientId: key,
      });
    await nodes.listening((key) => post(first, key, 0));
    const inFlight = Array.from({ length: NODES }, () => 0);
    let n = 0;
    const send: Send = (node, key) => {
      if ((inFlight[node] ?? 0) >= POOL) return null;
      inFlight[node] = (inFlight[node] ?? 0) + 1;
      return post(desks[node] as Desk, key, n++).then(() => {
        inFlight[node] = (inFlight[node] ?? 1) - 1;
      });
    };
    return await timed(send, 'kefu_post', nodes.heard.at);
  } finally {
    await Promise.all(desks.map((desk) => desk.stop()));
    await nodes.close();
  }
}

/**
 * "Every node sees every event": four nodes (own pool and adapter each) on one schema, 1,000
 * events a second between them, each node following the log through its own bus. The value is
 * the bus at that rate: each event timed from the commit of its transaction (a node appends what
 * came due while its previous append committed) to each of the three other nodes holding it;
 * the params add the time from falling due, writing included. Besides: whole
 * `desk.messages.post` calls at the same offered rate (what the database commits of them, and
 * their latency), and the baseline in the same run, bare `pg` NOTIFY at the same rate from the
 * four pools to a LISTEN connection on each.
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
    const log = await logRun(pools, `kefu_bench_${suffix}`);
    const posts = await postRun(pools, `kefu_bench_post_${suffix}`);
    // The bus's part: from the commit of the event's transaction to the other nodes holding it.
    const value = percentile(log.fromCommit, 99);
    const baseline = percentile(raw.fromDue, 99);
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
        achievedEventsPerSecond: Math.round(log.achieved),
        eventsPerTransaction: Number(((RATE * SECONDS) / log.batches).toFixed(1)),
        seconds: SECONDS,
        warmUpSeconds: WARM_UP_SECONDS,
        samples: log.fromCommit.length,
        // The value's series. Can be below 0: a node may read the event before the commit's
        // reply reaches the writer.
        fromCommitMs: summary(log.fromCommit),
        // Writing included: from the event falling due (waiting for its node's previous batch,
        // its own transaction) to the other nodes holding it.
        fromDueMs: summary(log.fromDue),
        baselineMs: summary(raw.fromDue),
        baselineAchievedEventsPerSecond: Math.round(raw.achieved),
        posts: {
          offeredPerSecond: RATE,
          achievedPerSecond: Math.round(posts.achieved),
          shed: posts.shed,
          maxInFlightPerNode: POOL,
          fromCallMs: summary(posts.fromDue),
          fromCommitMs: summary(posts.fromCommit),
        },
        measured:
          'events fall due on a node at 1,000/s in all and are appended to the log with whatever else came due there (one transaction, one NOTIFY); value: from that transaction’s commit → each of the 3 other nodes (own pool, adapter, bus) has read the event from the log',
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
