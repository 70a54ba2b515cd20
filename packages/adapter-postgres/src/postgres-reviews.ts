import type { Review, ReviewReader } from '@kefu/core';
import { type DocRow, json } from './row-mapping';
import type { SqlSession } from './sql-client';

/** The committed reviews, for `storage.read.reviews`. */
export function createReviewReader(sql: SqlSession, s: string): ReviewReader {
  return {
    async get(id) {
      const { rows } = await sql.query<DocRow<Review>>(
        `SELECT doc FROM ${s}.reviews WHERE id = $1`,
        [id],
      );
      return rows[0]?.doc ?? null;
    },
    async list(filter) {
      const { rows } = await sql.query<DocRow<Review>>(
        `SELECT doc FROM ${s}.reviews
          WHERE ($1::text IS NULL OR doc->>'agentId' = $1)
            AND ($2::text IS NULL OR doc->>'reviewerId' = $2)
            AND ($3::text IS NULL OR doc->>'conversationId' = $3)
            AND ($4::jsonb IS NULL OR doc->>'status' IN (SELECT jsonb_array_elements_text($4::jsonb)))
          ORDER BY (doc->>'createdAt')::bigint, id`,
        [
          filter.agentId ?? null,
          filter.reviewerId ?? null,
          filter.conversationId ?? null,
          filter.status ? json(filter.status) : null,
        ],
      );
      return rows.map((row) => row.doc);
    },
  };
}
