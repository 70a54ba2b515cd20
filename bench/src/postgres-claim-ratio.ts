import type { PostgresAdapter } from '@kefu/adapter-postgres';
import { createDesk } from '@kefu/core';
import pg from 'pg';
import { type BenchResult, median } from './bench-result';
import { freshBenchAdapter } from './bench-schema';

const AGENTS = 50;
const CAPACITY = 20;
const CONVERSATIONS = AGENTS * CAPACITY;
const ROUNDS = 5;

/** A fresh schema with AGENTS online agents and CONVERSATIONS queued conversations. */
async function seeded(pool: pg.Pool): Promise<PostgresAdapter> {
  const storage = await freshBenchAdapter(pool);
  const desk = createDesk({ storage, routing: { auto: false } });
  for (let i = 0; i < AGENTS; i++) {
    await desk.agents.upsert({ id: `agt_${i}`, capacity: CAPACITY, presence: 'online' });
  }
  await desk.customers.upsert({ id: 'cus_lin' });
  await Promise.all(
    Array.from({ length: 8 }, async (_, worker) => {
      for (let i = worker; i < CONVERSATIONS; i += 8) {
        await desk.conversations.start({ customerId: 'cus_lin' });
      }
    }),
  );
  await desk.stop();
  return storage;
}

async function timed(work: () => Promise<number>): Promise<number> {
  const start = process.hrtime.bigint();
  const count = await work();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (count !== CONVERSATIONS) throw new Error(`assigned ${count} of ${CONVERSATIONS}`);
  return count / seconds;
}

const stillQueued = async (storage: PostgresAdapter) =>
  (await storage.read.conversations.list({ status: ['queued'] }, { limit: 1 })).length > 0;

/** Four desks dispatching the queue at once. */
async function deskSide(pool: pg.Pool): Promise<number> {
  const storage = await seeded(pool);
  const desks = Array.from({ length: 4 }, () => createDesk({ storage, routing: { auto: false } }));
  try {
    return await timed(async () => {
      let total = 0;
      await Promise.all(
        desks.map(async (desk) => {
          for (;;) {
            const assigned = await desk.routing.dispatch();
            total += assigned.length;
            // A pass that assigned nothing may have met only rows the others held at the time
            // (or an agent it saw with room filled up meanwhile): stop once nothing is queued,
            // as the raw workers do.
            if (assigned.length === 0 && !(await stillQueued(storage))) return;
          }
        }),
      );
      return total;
    });
  } finally {
    await Promise.all(desks.map((desk) => desk.stop()));
    await storage.close();
    await pool.query(`DROP SCHEMA "${storage.schema}" CASCADE`);
  }
}

/**
 * Four workers in a raw claim loop: one transaction per assignment that takes the oldest queued
 * conversation and an agent with room, both `FOR UPDATE SKIP LOCKED`, updates both and appends
 * the event — the same rows a desk writes, with no routing decision and no domain machine.
 */
async function rawSide(pool: pg.Pool): Promise<number> {
  const storage = await seeded(pool);
  const s = `"${storage.schema}"`;
  const claimOne = async (client: pg.PoolClient): Promise<boolean> => {
    await client.query('BEGIN');
    const conversation = await client.query<{ id: string; doc: Record<string, unknown> }>(
      `SELECT id, doc FROM ${s}.conversations WHERE status = 'queued'
        ORDER BY created_at, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    const agent = await client.query<{ id: string; doc: { load: number; capacity: number } }>(
      `SELECT id, doc FROM ${s}.agents
        WHERE (doc->>'load')::int < (doc->>'capacity')::int
        ORDER BY (doc->>'load')::int, id LIMIT 1 FOR UPDATE SKIP LOCKED`,
    );
    const c = conversation.rows[0];
    const a = agent.rows[0];
    if (!c || !a) {
      // Nothing assigned: the conversation (if any) stays queued for the next try. Counting it
      // made the total 1,001 when the last agent with room was locked by another worker.
      await client.query('ROLLBACK');
      return false;
    }
    const assigned = { ...c.doc, status: 'active', assigneeId: a.id };
    await client.query(
      `UPDATE ${s}.conversations SET status = 'active', assignee_id = $2, doc = $3::jsonb,
          version = version + 1 WHERE id = $1`,
      [c.id, a.id, JSON.stringify(assigned)],
    );
    await client.query(
      `UPDATE ${s}.agents SET doc = $2::jsonb, version = version + 1 WHERE id = $1`,
      [a.id, JSON.stringify({ ...a.doc, load: a.doc.load + 1 })],
    );
    const counter = await client.query<{ last: string }>(
      `UPDATE ${s}.event_counter SET last_position = last_position + 1
        RETURNING last_position AS last`,
    );
    const position = Number(counter.rows[0]?.last);
    await client.query(
      `INSERT INTO ${s}.events (position, id, type, subject_kind, subject_id, at, doc)
       VALUES ($1, $2, 'conversation.assigned', 'conversation', $3, 0, $4::jsonb)`,
      [
        position,
        `evt_raw_${position}`,
        c.id,
        JSON.stringify({ type: 'conversation.assigned', data: { conversation: assigned } }),
      ],
    );
    await client.query('COMMIT');
    return true;
  };
  try {
    return await timed(async () => {
      let total = 0;
      await Promise.all(
        Array.from({ length: 4 }, async () => {
          const client = await pool.connect();
          try {
            // A worker that found everything locked retries; it stops when nothing is queued.
            for (;;) {
              const left = await pool.query(
                `SELECT 1 FROM ${s}.conversations WHERE status = 'queued' LIMIT 1`,
              );
              if (left.rowCount === 0) return;
              if (await claimOne(client)) total++;
            }
          } finally {
            client.release();
          }
        }),
      );
      return total;
    });
  } finally {
    await storage.close();
    await pool.query(`DROP SCHEMA "${storage.schema}" CASCADE`);
  }
}

/** Assignments per second through four desks vs a raw SKIP LOCKED claim loop, on DATABASE_URL. */
export async function benchPostgresClaimRatio(): Promise<BenchResult | null> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('postgres.claim-ratio: skipped, set DATABASE_URL to a PostgreSQL server');
    return null;
  }
  const pool = new pg.Pool({ connectionString: url, max: 12 });
  try {
    const desk: number[] = [];
    const raw: number[] = [];
    const ratios: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      // Alternate which side goes first: on a shared machine the load drifts within a round.
      const [first, second] = round % 2 ? [rawSide, deskSide] : [deskSide, rawSide];
      const a = await first(pool);
      const b = await second(pool);
      const [d, r] = round % 2 ? [b, a] : [a, b];
      desk.push(d);
      raw.push(r);
      ratios.push(d / r);
    }
    const value = median(desk);
    const baseline = median(raw);
    const round3 = (x: number) => Number(x.toFixed(3));
    return {
      name: 'postgres.claim-ratio',
      value: Math.round(value),
      unit: 'assignments/s',
      baseline: Math.round(baseline),
      // Each round's sides ran back to back under the same load: the median of their ratios.
      ratio: round3(median(ratios)),
      params: {
        ratioMin: round3(Math.min(...ratios)),
        ratioMax: round3(Math.max(...ratios)),
        roundRatios: ratios.map(round3),
        agents: AGENTS,
        capacity: CAPACITY,
        conversations: CONVERSATIONS,
        workers: 4,
        rounds: ROUNDS,
        statistic: 'median of the per-round ratios (value, baseline: medians of each side)',
        value: 'four desks running routing.dispatch() until the queue is empty',
        baseline:
          'four raw pg workers: claim a queued conversation and an agent with room (SKIP LOCKED), update both, append the event',
        node: process.version,
      },
    };
  } finally {
    await pool.end();
  }
}
