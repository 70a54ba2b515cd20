import type {
  Agent,
  Article,
  Conversation,
  ConversationFilter,
  ConversationPageRequest,
  Customer,
  Message,
  StorageReader,
  Ticket,
} from '@kefu/core';
import { createIncidentReader } from './postgres-incidents';
import { createPostgresPrivacyReader } from './postgres-privacy';
import { createReviewReader } from './postgres-reviews';
import { type DocRow, json } from './row-mapping';
import type { SqlSession } from './sql-client';
import { ticketCountQuery, ticketListQuery } from './ticket-queries';

/**
 * The conversation list as one statement: every filter is a bound parameter, the keyset
 * `(created_at, id) < (…)` walks the `(… created_at DESC, id DESC)` indexes.
 */
export function conversationListQuery(
  s: string,
  filter: ConversationFilter,
  page: ConversationPageRequest,
): { text: string; params: unknown[] } {
  const params: unknown[] = [];
  const where: string[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (filter.status !== undefined) {
    where.push(`status IN (SELECT jsonb_array_elements_text(${bind(json(filter.status))}::jsonb))`);
  }
  if (filter.customerId !== undefined) where.push(`customer_id = ${bind(filter.customerId)}`);
  if (filter.assigneeId === null) where.push('assignee_id IS NULL');
  else if (filter.assigneeId !== undefined) where.push(`assignee_id = ${bind(filter.assigneeId)}`);
  if (filter.channel !== undefined) where.push(`channel = ${bind(filter.channel)}`);
  if (filter.priority !== undefined) {
    where.push(
      `priority IN (SELECT jsonb_array_elements_text(${bind(json(filter.priority))}::jsonb))`,
    );
  }
  if (filter.tag !== undefined) where.push(`tags @> ARRAY[${bind(filter.tag)}::text]`);
  if (page.after) {
    where.push(
      `(created_at, id) < (${bind(page.after.createdAt)}::bigint, ${bind(page.after.id)})`,
    );
  }
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  const limit = bind(Math.max(0, Math.floor(page.limit)));
  return {
    text: `SELECT doc FROM ${s}.conversations ${clause} ORDER BY created_at DESC, id DESC LIMIT ${limit}`,
    params,
  };
}

/** Reads of committed data, each one statement outside any transaction. */
export function createPostgresReader(sql: SqlSession, s: string): StorageReader {
  const one = async <T>(text: string, params: unknown[]): Promise<T | null> =>
    (await sql.query<DocRow<T>>(text, params)).rows[0]?.doc ?? null;
  const many = async <T>(text: string, params: unknown[]): Promise<T[]> =>
    (await sql.query<DocRow<T>>(text, params)).rows.map((row) => row.doc);
  return {
    customers: {
      get: (id) => one<Customer>(`SELECT doc FROM ${s}.customers WHERE id = $1`, [id]),
    },
    agents: {
      get: (id) => one<Agent>(`SELECT doc FROM ${s}.agents WHERE id = $1`, [id]),
      list: () => many<Agent>(`SELECT doc FROM ${s}.agents ORDER BY id`, []),
    },
    conversations: {
      get: (id) => one<Conversation>(`SELECT doc FROM ${s}.conversations WHERE id = $1`, [id]),
      findByClientId: (customerId, clientId) =>
        one<Conversation>(
          `SELECT doc FROM ${s}.conversations WHERE customer_id = $1 AND client_id = $2`,
          [customerId, clientId],
        ),
      list: (filter, page) => {
        const query = conversationListQuery(s, filter, page);
        return many<Conversation>(query.text, query.params);
      },
    },
    reviews: createReviewReader(sql, s),
    incidents: createIncidentReader(sql, s),
    articles: {
      get: (id) => one<Article>(`SELECT doc FROM ${s}.articles WHERE id = $1`, [id]),
      list: (filter) =>
        many<Article>(
          `SELECT doc FROM ${s}.articles
            WHERE ($1::jsonb IS NULL OR doc->>'status' IN (SELECT jsonb_array_elements_text($1::jsonb)))
              AND ($2::text IS NULL OR doc->>'locale' = $2)
              AND ($3::text IS NULL OR doc->>'category' = $3)
            ORDER BY id`,
          [
            filter.status ? json(filter.status) : null,
            filter.locale ?? null,
            filter.category ?? null,
          ],
        ),
    },
    tickets: {
      get: (id) => one<Ticket>(`SELECT doc FROM ${s}.tickets WHERE id = $1`, [id]),
      list: (filter, page) => {
        const query = ticketListQuery(s, filter, page);
        return many<Ticket>(query.text, query.params);
      },
      count: async (filter) => {
        const query = ticketCountQuery(s, filter);
        return (await sql.query<{ count: number }>(query.text, query.params)).rows[0]?.count ?? 0;
      },
    },
    messages: {
      findByClientId: (conversationId, clientId) =>
        one<Message>(
          `SELECT doc FROM ${s}.messages WHERE conversation_id = $1 AND client_id = $2`,
          [conversationId, clientId],
        ),
      listAfter: (conversationId, afterSeq, limit) =>
        many<Message>(
          `SELECT doc FROM ${s}.messages WHERE conversation_id = $1 AND seq > $2
            ORDER BY seq LIMIT $3`,
          [conversationId, Math.floor(afterSeq), Math.max(0, Math.floor(limit))],
        ),
    },
    privacy: createPostgresPrivacyReader(sql, s),
  };
}
