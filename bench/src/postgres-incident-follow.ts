import { createPostgresAdapter, type PostgresAdapter } from '@kefu/adapter-postgres';
import { createDesk, type Desk, type StorageAdapter } from '@kefu/core';
import pg from 'pg';
import { type BenchResult, median } from './bench-result';
import { freshBenchAdapter } from './bench-schema';

const NODES = 4;
const CONVERSATIONS = 40;
const MESSAGES = 400;
const ROUNDS = 3;

/** Hides the bus from a desk: it then never reads the incident record again after start. */
const withoutBus = (storage: PostgresAdapter): StorageAdapter =>
  new Proxy(storage, {
    get: (target, key) => (key === 'bus' ? undefined : Reflect.get(target, key)),
  });

/**
 * Four desks on one database, posting MESSAGES messages at once across CONVERSATIONS
 * conversations: messages per second with every desk following incidents through the bus (one
 * read of the `incidents` row per burst of notifications), against the same desks without it.
 */
async function pass(follow: boolean): Promise<{ perSecond: number; reads: number }> {
  const url = process.env.DATABASE_URL;
  const pools = Array.from({ length: NODES }, () => new pg.Pool({ connectionString: url, max: 6 }));
  const first = await freshBenchAdapter(pools[0] as pg.Pool);
  const adapters = [
    first,
    ...pools.slice(1).map((pool) => createPostgresAdapter({ client: pool, schema: first.schema })),
  ];
  let reads = 0;
  for (const adapter of adapters) {
    const latest = adapter.read.incidents.latest.bind(adapter.read.incidents);
    adapter.read.incidents.latest = () => {
      reads++;
      return latest();
    };
  }
  const desks: Desk[] = adapters.map((adapter) =>
    createDesk({ storage: follow ? adapter : withoutBus(adapter), routing: { auto: false } }),
  );
  const [desk] = desks as [Desk];
  await desk.customers.upsert({ id: 'cus_lin' });
  const ids: string[] = [];
  for (let i = 0; i < CONVERSATIONS; i++) {
    ids.push((await desk.conversations.start({ customerId: 'cus_lin' })).id);
  }
  // Every desk has read the state (and, following, listens) before the clock starts.
  for (const d of desks) await d.incidents.current();
  await new Promise((resolve) => setTimeout(resolve, 200));
  reads = 0;
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: MESSAGES }, (_, i) =>
      (desks[i % NODES] as Desk).messages.post({
        conversationId: ids[i % CONVERSATIONS] ?? '',
        author: { kind: 'customer', id: 'cus_lin' },
        text: `第 ${i} 条`,
      }),
    ),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  // Let the last notifications land, so their reads are counted.
  await new Promise((resolve) => setTimeout(resolve, 300));
  const counted = reads;
  for (const d of desks) await d.stop();
  for (const adapter of [...adapters].reverse()) await adapter.close();
  await pools[0]?.query(`DROP SCHEMA IF EXISTS "${first.schema}" CASCADE`);
  await Promise.all(pools.map((pool) => pool.end()));
  return { perSecond: MESSAGES / seconds, reads: counted };
}

export async function benchPostgresIncidentFollow(): Promise<BenchResult | null> {
  if (!process.env.DATABASE_URL) return null;
  const following: number[] = [];
  const baseline: number[] = [];
  const reads: number[] = [];
  // ABBA… so warm-up and drift fall on both sides alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const follow of round % 2 === 0 ? [true, false] : [false, true]) {
      const result = await pass(follow);
      (follow ? following : baseline).push(result.perSecond);
      if (follow) reads.push(result.reads);
    }
  }
  const value = Math.round(median(following));
  const base = Math.round(median(baseline));
  return {
    name: 'postgres.incident-follow-ratio',
    value,
    unit: 'messages/s with desks following incidents',
    baseline: base,
    ratio: Math.round((value / base) * 1000) / 1000,
    params: {
      nodes: NODES,
      messages: MESSAGES,
      rounds: ROUNDS,
      following: following.map(Math.round),
      withoutBus: baseline.map(Math.round),
      incidentReadsPerPass: reads,
    },
  };
}
