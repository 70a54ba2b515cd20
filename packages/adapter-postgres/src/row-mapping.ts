import type { DomainEvent, Job, JobKind, JobStatus } from '@kefu/core';

/** Columns of a job row, numbers already cast to float8 by the query. */
export interface JobRow {
  id: string;
  key: string;
  kind: string;
  status: string;
  due_at: number;
  payload: Job['payload'];
  attempts: number;
  claim_token: string | null;
  lease_until: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
}

/** The job columns, with bigints as float8 so both drivers return plain numbers. */
export const jobColumns = (t = ''): string =>
  `${t}id, ${t}key, ${t}kind, ${t}status, ${t}due_at::float8 AS due_at, ${t}payload,
  ${t}attempts, ${t}claim_token, ${t}lease_until::float8 AS lease_until, ${t}last_error,
  ${t}created_at::float8 AS created_at, ${t}updated_at::float8 AS updated_at`;

export const JOB_COLUMNS = jobColumns();

export const toJob = (row: JobRow): Job => ({
  id: row.id,
  key: row.key,
  kind: row.kind as JobKind,
  dueAt: row.due_at,
  payload: row.payload,
  status: row.status as JobStatus,
  attempts: row.attempts,
  claimToken: row.claim_token,
  leaseUntil: row.lease_until,
  lastError: row.last_error,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** JSON for a jsonb parameter; passing text keeps both drivers' serialisation out of the way. */
export const json = (value: unknown): string => JSON.stringify(value);

export type DocRow<T> = { doc: T };
export type EventRow = { doc: DomainEvent };
