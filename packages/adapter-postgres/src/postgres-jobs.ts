import type { ClaimRequest, Job, JobRelease, StorageAdapter } from '@kefu/core';
import { KefuError } from '@kefu/core';
import { nanoid } from 'nanoid';
import { JOB_COLUMNS, type JobRow, jobColumns, toJob } from './row-mapping';
import type { SqlClient } from './sql-client';

/**
 * The job runner's side of the job table. A claim is one statement: due rows are picked with
 * `FOR UPDATE SKIP LOCKED`, so concurrent runners on any node skip each other's rows instead of
 * waiting, and each claimed row gets a fresh token and a lease.
 */
export function createPostgresJobs(sql: SqlClient, s: string): StorageAdapter['jobs'] {
  return {
    async claimDue({ now, leaseMs, limit }: ClaimRequest): Promise<Job[]> {
      if (limit <= 0) return [];
      const { rows } = await sql.query<JobRow>(
        `WITH due AS (
           SELECT id, row_number() OVER (ORDER BY due_at, id) AS n FROM (
             SELECT id, due_at FROM ${s}.jobs
              WHERE (status = 'scheduled' AND due_at <= $1)
                 OR (status = 'claimed' AND lease_until <= $1)
              ORDER BY due_at, id LIMIT $3 FOR UPDATE SKIP LOCKED
           ) AS candidates
         )
         UPDATE ${s}.jobs AS j
            SET status = 'claimed', claim_token = ($4::jsonb)->>(due.n::int - 1),
                lease_until = $1 + $2, attempts = j.attempts + 1, updated_at = $1
           FROM due WHERE j.id = due.id
         RETURNING ${jobColumns('j.')}`,
        [now, leaseMs, limit, JSON.stringify(Array.from({ length: limit }, () => nanoid()))],
      );
      return rows.map(toJob).sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1));
    },

    async release({ jobId, claimToken, retryAt, error, now }: JobRelease): Promise<void> {
      const { rowCount } = await sql.query(
        `UPDATE ${s}.jobs SET status = 'scheduled', claim_token = NULL, lease_until = NULL,
            due_at = $3, last_error = $4, updated_at = $5
          WHERE id = $1 AND status = 'claimed' AND claim_token = $2`,
        [jobId, claimToken, retryAt, error, now],
      );
      if (rowCount !== 1) {
        throw new KefuError(
          'CONFLICT',
          `Job "${jobId}" is no longer claimed with this token; another runner has it.`,
        );
      }
    },

    async findLive(key: string): Promise<Job | null> {
      const { rows } = await sql.query<JobRow>(
        `SELECT ${JOB_COLUMNS} FROM ${s}.jobs
          WHERE key = $1 AND status IN ('scheduled', 'claimed')`,
        [key],
      );
      const row = rows[0];
      return row ? toJob(row) : null;
    },

    async nextDueAt(): Promise<number | null> {
      const { rows } = await sql.query<{ next: number | null }>(
        `SELECT LEAST(
           (SELECT min(due_at) FROM ${s}.jobs WHERE status = 'scheduled'),
           (SELECT min(lease_until) FROM ${s}.jobs WHERE status = 'claimed'))::float8 AS next`,
      );
      return rows[0]?.next ?? null;
    },
  };
}
