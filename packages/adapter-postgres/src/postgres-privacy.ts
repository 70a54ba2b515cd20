import type {
  AuditEntry,
  AuditEntryDraft,
  AuditFilter,
  Conversation,
  DomainEvent,
  Message,
  PrivacyReader,
  PrivacyWriter,
} from '@kefu/core';
import { KefuError } from '@kefu/core';
import { nanoid } from 'nanoid';
import { type DocRow, json } from './row-mapping';
import type { SqlSession } from './sql-client';

function auditWhere(filter: AuditFilter, params: unknown[]): string {
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (filter.actorId !== undefined) where.push(`actor_id = ${bind(filter.actorId)}`);
  if (filter.actions !== undefined) {
    where.push(
      `action IN (SELECT jsonb_array_elements_text(${bind(json(filter.actions))}::jsonb))`,
    );
  }
  if (filter.customerId !== undefined) where.push(`customer_id = ${bind(filter.customerId)}`);
  if (filter.from !== undefined) where.push(`at >= ${bind(filter.from)}`);
  if (filter.to !== undefined) where.push(`at < ${bind(filter.to)}`);
  return where.map((clause) => ` AND ${clause}`).join('');
}

/** Privacy reads in SQL; see migration 6 for the indexes they use. */
export function createPostgresPrivacyReader(sql: SqlSession, s: string): PrivacyReader {
  const many = async <T>(text: string, params: unknown[]): Promise<T[]> =>
    (await sql.query<DocRow<T>>(text, params)).rows.map((row) => row.doc);
  return {
    listAudit(filter, { after = 0, limit }) {
      const params: unknown[] = [Math.floor(after), Math.max(0, Math.floor(limit))];
      return many<AuditEntry>(
        `SELECT doc FROM ${s}.audit_log WHERE seq > $1${auditWhere(filter, params)}
          ORDER BY seq LIMIT $2`,
        params,
      );
    },
    eventsAbout(query, after, limit) {
      return many<DomainEvent>(
        `SELECT doc FROM ${s}.events
          WHERE position > $1 AND (
            (subject_kind = 'conversation' AND subject_id = ANY($4::text[]))
            OR (doc #>> '{data,message,conversationId}') = ANY($4::text[])
            OR ($3::text IS NOT NULL AND (
              (subject_kind = 'customer' AND subject_id = $3)
              OR (doc #>> '{data,customer,id}') = $3
              OR (doc #>> '{data,conversation,customerId}') = $3
              OR (doc #>> '{data,ticket,customerId}') = $3
              OR (doc #>> '{data,survey,customerId}') = $3
              OR (doc #>> '{data,message,conversationId}') IN
                (SELECT id FROM ${s}.conversations WHERE customer_id = $3)))
          )
          ORDER BY position LIMIT $2`,
        [
          Math.floor(after),
          Math.max(0, Math.floor(limit)),
          query.customerId ?? null,
          [...(query.conversationIds ?? [])],
        ],
      );
    },
    eventsBefore(before, after, limit) {
      return many<DomainEvent>(
        `SELECT doc FROM ${s}.events
          WHERE position > $1 AND position < COALESCE(
            (SELECT min(position) FROM ${s}.events WHERE position > $1 AND at >= $2),
            9223372036854775807)
          ORDER BY position LIMIT $3`,
        [Math.floor(after), before, Math.max(0, Math.floor(limit))],
      );
    },
    endedConversationsBefore(before, limit) {
      return many<Conversation>(
        `SELECT doc FROM ${s}.conversations
          WHERE status IN ('closed', 'abandoned')
            AND COALESCE((doc->>'closedAt')::bigint, (doc->>'abandonedAt')::bigint) < $1
          ORDER BY COALESCE((doc->>'closedAt')::bigint, (doc->>'abandonedAt')::bigint), id
          LIMIT $2`,
        [before, Math.max(0, Math.floor(limit))],
      );
    },
    messagesBefore(before, limit) {
      return many<Message>(
        `SELECT doc FROM ${s}.messages WHERE (doc->>'createdAt')::bigint < $1
          ORDER BY (doc->>'createdAt')::bigint, conversation_id, seq LIMIT $2`,
        [before, Math.max(0, Math.floor(limit))],
      );
    },
  };
}

/** Privacy writes of one transaction. */
export class PostgresPrivacyWriter implements PrivacyWriter {
  constructor(
    private readonly sql: SqlSession,
    private readonly s: string,
  ) {}

  async appendAudit(draft: AuditEntryDraft): Promise<AuditEntry> {
    // The counter row is locked until commit, so seqs are handed out in commit order and a
    // reader paging by `seq > after` never skips an entry that commits late.
    const { rows } = await this.sql.query<{ seq: number }>(
      `UPDATE ${this.s}.audit_counter SET last_seq = last_seq + 1 RETURNING last_seq::float8 AS seq`,
    );
    const seq = rows[0]?.seq;
    if (seq === undefined) throw new KefuError('ADAPTER', 'The audit counter row is missing.');
    const entry: AuditEntry = { ...draft, id: `aud_${nanoid(16)}`, seq };
    await this.sql.query(
      `INSERT INTO ${this.s}.audit_log (seq, id, at, actor_kind, actor_id, action, customer_id, doc)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb)`,
      [
        seq,
        entry.id,
        entry.at,
        entry.actor.kind,
        entry.actor.id,
        entry.action,
        entry.customerId,
        json(entry),
      ],
    );
    return entry;
  }

  async replaceMessage(message: Message): Promise<void> {
    const { rowCount } = await this.sql.query(
      `UPDATE ${this.s}.messages SET doc = $4::jsonb
        WHERE conversation_id = $1 AND seq = $2 AND id = $3`,
      [message.conversationId, message.seq, message.id, json(message)],
    );
    if (rowCount !== 1) {
      throw new KefuError(
        'CONFLICT',
        `No message ${message.seq} "${message.id}" in "${message.conversationId}" to replace.`,
      );
    }
  }

  async replaceEventData(position: number, data: DomainEvent['data']): Promise<void> {
    const { rowCount } = await this.sql.query(
      `UPDATE ${this.s}.events SET doc = jsonb_set(doc, '{data}', $2::jsonb) WHERE position = $1`,
      [position, json(data)],
    );
    if (rowCount !== 1)
      throw new KefuError('CONFLICT', `No event at position ${position} to replace.`);
  }

  async deleteMessages(keys: readonly { conversationId: string; seq: number }[]): Promise<number> {
    if (keys.length === 0) return 0;
    const { rowCount } = await this.sql.query(
      `DELETE FROM ${this.s}.messages AS m
        USING (SELECT * FROM unnest($1::text[], $2::int[]) AS k(conversation_id, seq)) AS k
        WHERE m.conversation_id = k.conversation_id AND m.seq = k.seq`,
      [keys.map((key) => key.conversationId), keys.map((key) => key.seq)],
    );
    return rowCount;
  }

  async deleteConversations(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    await this.sql.query(`DELETE FROM ${this.s}.messages WHERE conversation_id = ANY($1::text[])`, [
      [...ids],
    ]);
    const { rowCount } = await this.sql.query(
      `DELETE FROM ${this.s}.conversations WHERE id = ANY($1::text[])`,
      [[...ids]],
    );
    return rowCount;
  }

  async deleteRateLimits(subject: string): Promise<number> {
    // The same rule as `rateLimitKeyNames`: the key is the subject or ends with ":<subject>".
    const { rowCount } = await this.sql.query(
      `DELETE FROM ${this.s}.rate_limits
        WHERE key = $1 OR right(key, length($1) + 1) = ':' || $1`,
      [subject],
    );
    return rowCount;
  }
}
