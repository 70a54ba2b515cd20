import { type RateLimitStore, takeToken } from '@kefu/core';
import type { SqlSession } from './sql-client';

/** One take in every so many deletes the buckets that have refilled (they equal a missing row). */
const PRUNE_EVERY = 500;

/**
 * Token buckets in a table, one row per key, taken in a single upsert: the row lock of
 * `ON CONFLICT DO UPDATE` serialises concurrent takes of one key across every node, and each
 * expression sees the row as it was, so the numbers are those of `takeToken` in `@kefu/core`.
 * A refused take leaves the row as it was.
 */
export function createPostgresRateLimits(sql: SqlSession, s: string): RateLimitStore {
  // $1 key, $2 limit, $3 now, $4 cost, $5 window (ms).
  const available = `LEAST($2::float8, r.tokens + (GREATEST(0, $3::float8 - r.updated_at) * $2::float8) / $5::float8)`;
  const ok = `(${available} >= $4::float8)`;
  const tokensAfter = `CASE WHEN ${ok} THEN ${available} - $4::float8 ELSE r.tokens END`;
  const updatedAfter = `CASE WHEN ${ok} THEN GREATEST(r.updated_at, $3::float8) ELSE r.updated_at END`;
  const statement = `
    INSERT INTO ${s}.rate_limits AS r (key, tokens, updated_at, full_at, allowed)
    VALUES (
      $1,
      CASE WHEN $4::float8 <= $2::float8 THEN $2::float8 - $4::float8 ELSE $2::float8 END,
      $3::float8,
      $3::float8 + (LEAST($4::float8, $2::float8) * $5::float8) / $2::float8,
      $4::float8 <= $2::float8
    )
    ON CONFLICT (key) DO UPDATE SET
      allowed = ${ok},
      tokens = ${tokensAfter},
      updated_at = ${updatedAfter},
      full_at = ${updatedAfter} + (($2::float8 - (${tokensAfter})) * $5::float8) / $2::float8
    RETURNING allowed, tokens, updated_at`;
  let takes = 0;
  return {
    async take(key, rule, now, cost = 1) {
      if (++takes % PRUNE_EVERY === 0) {
        await sql.query(`DELETE FROM ${s}.rate_limits WHERE full_at <= $1`, [now]);
      }
      const { rows } = await sql.query<{ allowed: boolean; tokens: number; updated_at: number }>(
        statement,
        [key, rule.limit, now, cost, rule.windowMs],
      );
      const row = rows[0];
      if (!row || row.allowed) return { allowed: true };
      // Refused: the row is as it was, so the pure function gives the same refusal and its wait.
      return takeToken({ tokens: row.tokens, updatedAt: row.updated_at }, rule, now, cost).decision;
    },
  };
}
