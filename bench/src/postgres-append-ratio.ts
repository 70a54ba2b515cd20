import { PGlite } from '@electric-sql/pglite';
import { createPostgresAdapter, type PostgresAdapter } from '@kefu/adapter-postgres';
import type { Conversation, Message } from '@kefu/core';
import { makeConversation } from '@kefu/core/testing';
import pg from 'pg';
import { type BenchResult, median, opsPerSecond } from './bench-result';
import { customerMessage, postedEvent } from './message-rows';

const MESSAGES = 500;
const ROUNDS = 9;

/** What both sides run per message: the transaction of a post, one message at a time. */
interface Appender {
  append(n: number): Promise<void>;
  close(): Promise<void>;
}

const message = (conversationId: string, seq: number, i: number): Message =>
  customerMessage(conversationId, seq, `msg_${seq}_${i}`, i);

const schemaName = () => `kefu_bench_${Math.random().toString(36).slice(2, 10)}`;

/** A migrated adapter in a fresh schema with one customer and one conversation. */
async function seeded(client: pg.Pool | PGlite): Promise<{
  adapter: PostgresAdapter;
  conversation: Conversation;
}> {
  const adapter = createPostgresAdapter({ client, schema: schemaName() });
  await adapter.migrate();
  const conversation = makeConversation({
    id: 'conv_bench',
    status: 'active',
    assigneeId: 'agt_wang',
    createdAt: 0,
    updatedAt: 0,
    queuedAt: null,
  });
  await adapter.transaction((tx) => tx.conversations.insert(conversation));
  return { adapter, conversation };
}

async function dropSchema(client: pg.Pool | PGlite, schema: string): Promise<void> {
  const drop = `DROP SCHEMA IF EXISTS "${schema}" CASCADE`;
  if (client instanceof PGlite) await client.query(drop);
  else await client.query(drop);
}

/** Through the adapter: lock the conversation, bump its seq, insert the message, append the event. */
async function adapterSide(client: pg.Pool | PGlite): Promise<Appender> {
  const { adapter, conversation } = await seeded(client);
  let i = 0;
  return {
    append: async (n) => {
      for (let k = 0; k < n; k++, i++) {
        await adapter.transaction(async (tx) => {
          const current = await tx.conversations.get(conversation.id, { forUpdate: true });
          if (!current) throw new Error('conversation vanished');
          const m = message(current.id, current.lastSeq + 1, i);
          await tx.conversations.update(
            { ...current, lastSeq: m.seq, version: current.version + 1 },
            current.version,
          );
          await tx.messages.insert(m);
          await tx.events.append([postedEvent(m)]);
        });
      }
    },
    close: async () => {
      await adapter.close();
      await dropSchema(client, adapter.schema);
    },
  };
}

/**
 * The same rows, hand-written: the same statements in the same transaction on one connection,
 * with no adapter in between (no error mapping, no JSON copies, no repositories).
 */
async function rawSide(client: pg.Pool | PGlite): Promise<Appender> {
  const { adapter, conversation } = await seeded(client);
  const s = `"${adapter.schema}"`;
  let i = 0;
  const run = async (
    q: (text: string, params?: unknown[]) => Promise<{ rows: unknown[] }>,
  ): Promise<void> => {
    await q('BEGIN');
    const { rows } = await q(`SELECT doc FROM ${s}.conversations WHERE id = $1 FOR UPDATE`, [
      conversation.id,
    ]);
    const current = (rows[0] as { doc: Conversation }).doc;
    const m = message(current.id, current.lastSeq + 1, i++);
    const next = { ...current, lastSeq: m.seq, version: current.version + 1 };
    await q(
      `UPDATE ${s}.conversations SET version = $3, doc = $4::jsonb, status = $5, assignee_id = $6
        WHERE id = $1 AND version = $2`,
      [next.id, current.version, next.version, JSON.stringify(next), next.status, next.assigneeId],
    );
    await q(
      `INSERT INTO ${s}.messages (conversation_id, seq, id, client_id, doc)
       VALUES ($1, $2, $3, $4, $5::jsonb)`,
      [m.conversationId, m.seq, m.id, m.clientId, JSON.stringify(m)],
    );
    const counter = await q(
      `UPDATE ${s}.event_counter SET last_position = last_position + 1
        RETURNING last_position::float8 AS last`,
    );
    const position = (counter.rows[0] as { last: number }).last;
    const event = { ...postedEvent(m), id: `evt_${position}`, position };
    await q(
      `INSERT INTO ${s}.events (position, id, type, subject_kind, subject_id, at, doc)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb)`,
      [
        position,
        event.id,
        event.type,
        'conversation',
        m.conversationId,
        m.createdAt,
        JSON.stringify(event),
      ],
    );
    await q('COMMIT');
  };
  return {
    append: async (n) => {
      if (client instanceof PGlite) {
        const q = (text: string, params?: unknown[]) => client.query(text, params);
        for (let k = 0; k < n; k++) await run(q);
        return;
      }
      const connection = await client.connect();
      try {
        const q = (text: string, params?: unknown[]) => connection.query(text, params);
        for (let k = 0; k < n; k++) await run(q);
      } finally {
        connection.release();
      }
    },
    close: async () => {
      await adapter.close();
      await dropSchema(client, adapter.schema);
    },
  };
}

async function measure(client: pg.Pool | PGlite, messages: number) {
  const warm = [await adapterSide(client), await rawSide(client)];
  for (const side of warm) {
    await side.append(200);
    await side.close();
  }
  const adapter: number[] = [];
  const raw: number[] = [];
  // Interleaved rounds, each on fresh tables, so drift hits both sides alike.
  for (let round = 0; round < ROUNDS; round++) {
    for (const [create, into] of [
      [adapterSide, adapter],
      [rawSide, raw],
    ] as const) {
      const side = await create(client);
      into.push(await opsPerSecond(messages, side.append));
      await side.close();
    }
  }
  return { value: median(adapter), baseline: median(raw) };
}

const result = (
  name: string,
  value: number,
  baseline: number,
  params: Record<string, unknown>,
): BenchResult => ({
  name,
  value: Math.round(value),
  unit: 'messages/s',
  baseline: Math.round(baseline),
  ratio: Number((value / baseline).toFixed(3)),
  params: { messagesPerRound: MESSAGES, rounds: ROUNDS, statistic: 'median', ...params },
});

/** Messages appended per second through the adapter vs raw `pg`, on the server in DATABASE_URL. */
export async function benchPostgresAppendRatio(): Promise<BenchResult | null> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.log('postgres.append-ratio: skipped, set DATABASE_URL to a PostgreSQL server');
    return null;
  }
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  try {
    const { value, baseline } = await measure(pool, MESSAGES);
    const { rows } = await pool.query<{ server_version: string }>('SHOW server_version');
    return result('postgres.append-ratio', value, baseline, {
      database: `PostgreSQL ${rows[0]?.server_version ?? '?'} (DATABASE_URL)`,
      shape:
        'one transaction per message: lock the conversation, update it, insert the message, append its event',
      baseline: 'the same statements and rows through pg directly, on one connection',
      goal: 'ratio >= 0.7',
      node: process.version,
    });
  } finally {
    await pool.end();
  }
}

/** The same comparison on PGlite, reported apart (in process, one connection). */
export async function benchPGliteAppendRatio(): Promise<BenchResult> {
  const db = await PGlite.create();
  try {
    const { value, baseline } = await measure(db, MESSAGES);
    return result('postgres.append-ratio-pglite', value, baseline, {
      database: 'PGlite (in process)',
      baseline: 'the same statements and rows through PGlite query() directly',
      node: process.version,
    });
  } finally {
    await db.close();
  }
}
