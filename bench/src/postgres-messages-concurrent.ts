import type { PostgresAdapter } from '@kefu/adapter-postgres';
import { type Conversation, createDesk, type Desk } from '@kefu/core';
import { makeConversation } from '@kefu/core/testing';
import pg from 'pg';
import { type BenchResult, median, percentile } from './bench-result';
import { freshBenchAdapter } from './bench-schema';

const CONVERSATIONS = 200;
const LEVELS = [1, 8, 32, 128] as const;
const POOL = 10;
/** Messages per chunk; the two sides take turns chunk by chunk (ABBA…), CHUNKS each. */
const MESSAGES = 150;
const CHUNKS = 6;
const TEXT = '我的糖果什么时候到？';

/** One side of the comparison: posts one message to a conversation, in one transaction. */
interface Poster {
  post(conversationId: string, i: number): Promise<void>;
  close(): Promise<void>;
}

interface Pass {
  perSecond: number;
  latencies: number[];
  statements: number;
}

/** A pool whose connections count the statements they send (BEGIN and COMMIT included). */
function countingPool(url: string): { pool: pg.Pool; statements: () => number } {
  let count = 0;
  const pool = new pg.Pool({ connectionString: url, max: POOL });
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      count++;
      return query(...args);
    };
  });
  return { pool, statements: () => count };
}

const ids = Array.from({ length: CONVERSATIONS }, (_, i) => `conv_${i}`);

/** A fresh schema with one customer, one agent and CONVERSATIONS active conversations. */
async function seeded(pool: pg.Pool): Promise<PostgresAdapter> {
  const storage = await freshBenchAdapter(pool);
  const desk = createDesk({ storage, routing: { auto: false } });
  await desk.customers.upsert({ id: 'cus_lin' });
  await desk.agents.upsert({ id: 'agt_wang', presence: 'online', capacity: 100 });
  await desk.stop();
  await storage.transaction(async (tx) => {
    for (const id of ids) {
      const conversation: Conversation = makeConversation({
        id,
        status: 'active',
        assigneeId: 'agt_wang',
        queuedAt: null,
      });
      await tx.conversations.insert(conversation);
    }
  });
  return storage;
}

async function dropped(pool: pg.Pool, storage: PostgresAdapter): Promise<void> {
  await storage.close();
  await pool.query(`DROP SCHEMA IF EXISTS "${storage.schema}" CASCADE`);
}

/** Through a desk: `desk.messages.post`, validation, machine and events included. */
async function deskSide(pool: pg.Pool): Promise<Poster> {
  const storage = await seeded(pool);
  const desk: Desk = createDesk({ storage, routing: { auto: false } });
  return {
    post: async (conversationId) => {
      await desk.messages.post({
        conversationId,
        author: { kind: 'customer', id: 'cus_lin' },
        text: TEXT,
      });
    },
    close: async () => {
      await desk.stop();
      await dropped(pool, storage);
    },
  };
}

/**
 * Raw `pg`, the statements of postgres.append-ratio's baseline on a pool: lock the conversation,
 * bump its seq, insert the message, take the next event position, insert the event.
 */
async function rawSide(pool: pg.Pool): Promise<Poster> {
  const storage = await seeded(pool);
  const s = `"${storage.schema}"`;
  return {
    post: async (conversationId, i) => {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const { rows } = await client.query<{ doc: Conversation }>(
          `SELECT doc FROM ${s}.conversations WHERE id = $1 FOR UPDATE`,
          [conversationId],
        );
        const current = rows[0]?.doc;
        if (!current) throw new Error(`no conversation ${conversationId}`);
        const seq = current.lastSeq + 1;
        const next = { ...current, lastSeq: seq, version: current.version + 1, updatedAt: i };
        await client.query(
          `UPDATE ${s}.conversations SET version = $3, doc = $4::jsonb, status = $5,
              assignee_id = $6 WHERE id = $1 AND version = $2`,
          [next.id, current.version, next.version, JSON.stringify(next), next.status, 'agt_wang'],
        );
        const message = {
          id: `msg_raw_${i}`,
          conversationId,
          seq,
          author: { kind: 'customer', id: 'cus_lin' },
          text: TEXT,
          attachments: [],
          internal: false,
          clientId: null,
          createdAt: i,
        };
        await client.query(
          `INSERT INTO ${s}.messages (conversation_id, seq, id, client_id, doc)
           VALUES ($1, $2, $3, NULL, $4::jsonb)`,
          [conversationId, seq, message.id, JSON.stringify(message)],
        );
        const counter = await client.query<{ last: number }>(
          `UPDATE ${s}.event_counter SET last_position = last_position + 1
            RETURNING last_position::float8 AS last`,
        );
        const position = counter.rows[0]?.last ?? 0;
        const event = {
          id: `evt_raw_${position}`,
          position,
          type: 'message.posted',
          at: i,
          subject: { kind: 'conversation', id: conversationId },
          data: { message },
        };
        await client.query(
          `INSERT INTO ${s}.events (position, id, type, subject_kind, subject_id, at, doc)
           VALUES ($1, $2, 'message.posted', 'conversation', $3, $4, $5::jsonb)`,
          [position, event.id, conversationId, i, JSON.stringify(event)],
        );
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      } finally {
        client.release();
      }
    },
    close: () => dropped(pool, storage),
  };
}

/** MESSAGES posts with `inFlight` of them outstanding at any time, round-robin over conversations. */
async function pass(
  side: Poster,
  inFlight: number,
  statements: () => number,
  offset: number,
): Promise<Pass> {
  let next = 0;
  const latencies: number[] = [];
  const before = statements();
  const start = performance.now();
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      for (let i = next++; i < MESSAGES; i = next++) {
        const began = performance.now();
        await side.post(ids[i % CONVERSATIONS] ?? '', offset + i);
        latencies.push(performance.now() - began);
      }
    }),
  );
  const seconds = (performance.now() - start) / 1000;
  return {
    perSecond: MESSAGES / seconds,
    latencies: latencies.sort((a, b) => a - b),
    statements: (statements() - before) / MESSAGES,
  };
}

const ms = (value: number) => Number(value.toFixed(2));

interface Level {
  inFlight: number;
  value: number;
  baseline: number;
  ratio: number;
  p50Ms: number;
  p99Ms: number;
  baselineP50Ms: number;
  baselineP99Ms: number;
  statementsPerMessage: number;
  baselineStatementsPerMessage: number;
  chunks: { value: number[]; baseline: number[] };
}

async function level(url: string, inFlight: number): Promise<Level> {
  const desk: Pass[] = [];
  const raw: Pass[] = [];
  // Each side on its own pool and tables, set up once per level; they take turns in short
  // chunks (desk, raw, raw, desk, …) so the load of a shared machine drifts over both alike.
  const sides = [] as { side: Poster; pool: pg.Pool; statements: () => number; into: Pass[] }[];
  try {
    for (const [create, into] of [
      [deskSide, desk],
      [rawSide, raw],
    ] as const) {
      const { pool, statements } = countingPool(url);
      sides.push({ side: await create(pool), pool, statements, into });
    }
    let offset = 0;
    for (const { side, statements } of sides) {
      await pass(side, inFlight, statements, offset); // warm: connections open, statements prepared
      offset += MESSAGES;
    }
    for (let chunk = 0; chunk < CHUNKS * 2; chunk++) {
      const turn = sides[(chunk + Math.floor(chunk / 2)) % 2];
      if (!turn) continue;
      turn.into.push(await pass(turn.side, inFlight, turn.statements, offset));
      offset += MESSAGES;
    }
  } finally {
    for (const { side, pool } of sides) {
      await side.close();
      await pool.end();
    }
  }
  const value = median(desk.map((p) => p.perSecond));
  const baseline = median(raw.map((p) => p.perSecond));
  const all = (passes: Pass[]) => passes.flatMap((p) => p.latencies).sort((a, b) => a - b);
  return {
    inFlight,
    value: Math.round(value),
    baseline: Math.round(baseline),
    ratio: Number((value / baseline).toFixed(3)),
    p50Ms: ms(percentile(all(desk), 50)),
    p99Ms: ms(percentile(all(desk), 99)),
    baselineP50Ms: ms(percentile(all(raw), 50)),
    baselineP99Ms: ms(percentile(all(raw), 99)),
    statementsPerMessage: Number(median(desk.map((p) => p.statements)).toFixed(2)),
    baselineStatementsPerMessage: Number(median(raw.map((p) => p.statements)).toFixed(2)),
    chunks: {
      value: desk.map((p) => Math.round(p.perSecond)),
      baseline: raw.map((p) => Math.round(p.perSecond)),
    },
  };
}

/**
 * A shop's write load: 200 conversations, 1/8/32/128 posts in flight on a pool of 10, through
 * `desk.messages.post` vs raw `pg` running the same transaction. One result per level; the
 * value is messages/s, with p50/p99 latency and statements per message in `params`.
 */
export async function benchPostgresMessagesConcurrent(): Promise<BenchResult[] | null> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('postgres.messages-concurrent: skipped, set DATABASE_URL to a PostgreSQL server');
    return null;
  }
  const results: BenchResult[] = [];
  const server = new pg.Pool({ connectionString: url, max: 1 });
  const { rows } = await server.query<{ server_version: string }>('SHOW server_version');
  await server.end();
  for (const inFlight of LEVELS) {
    const { value, baseline, ratio, ...params } = await level(url, inFlight);
    console.log(
      `  ${inFlight} in flight: ${value}/s vs raw ${baseline}/s (ratio ${ratio}), p50 ${params.p50Ms} ms, p99 ${params.p99Ms} ms; statements/message ${params.statementsPerMessage} vs ${params.baselineStatementsPerMessage}`,
    );
    results.push({
      name: `postgres.messages-concurrent-${inFlight}`,
      value,
      unit: 'messages/s',
      baseline,
      ratio,
      params: {
        ...params,
        conversations: CONVERSATIONS,
        pool: POOL,
        messagesPerChunk: MESSAGES,
        chunksPerSide: CHUNKS,
        statistic:
          'median of chunks (messages/s), the sides taking turns ABBA; latency percentiles over all chunks',
        value: 'desk.messages.post by the customer, round-robin over the conversations',
        baseline:
          "raw pg on the same pool: BEGIN, SELECT … FOR UPDATE, UPDATE conversation, INSERT message, UPDATE event_counter, INSERT event, COMMIT (postgres.append-ratio's baseline)",
        goal: 'ratio >= 0.8 at every level; messages/s rising up to 32 in flight',
        database: `PostgreSQL ${rows[0]?.server_version ?? '?'} (DATABASE_URL)`,
        node: process.version,
      },
    });
  }
  return results;
}
