import { type Incident, type IncidentReader, type IncidentWriter, KefuError } from '@kefu/core';
import { type DocRow, json } from './row-mapping';
import type { SqlSession } from './sql-client';

/** The committed incidents, for `storage.read.incidents`. */
export function createIncidentReader(sql: SqlSession, s: string): IncidentReader {
  const newest = async (limit: number) => {
    const { rows } = await sql.query<DocRow<Incident>>(
      `SELECT doc FROM ${s}.incidents ORDER BY started_at DESC, id DESC LIMIT $1`,
      [Math.max(0, Math.floor(limit))],
    );
    return rows.map((row) => row.doc);
  };
  return {
    async get(id) {
      const { rows } = await sql.query<DocRow<Incident>>(
        `SELECT doc FROM ${s}.incidents WHERE id = $1`,
        [id],
      );
      return rows[0]?.doc ?? null;
    },
    latest: async () => (await newest(1))[0] ?? null,
    list: ({ limit }) => newest(limit),
  };
}

/**
 * Incidents inside a transaction. The partial unique index `incidents_one_active` keeps a second
 * active incident out, whichever node inserts it.
 */
export class PostgresIncidentWriter implements IncidentWriter {
  constructor(
    private readonly sql: SqlSession,
    private readonly s: string,
  ) {}

  async insert(incident: Incident): Promise<void> {
    try {
      await this.sql.query(
        `INSERT INTO ${this.s}.incidents (id, started_at, ended_at, doc)
          VALUES ($1, $2, $3, $4::jsonb)`,
        [incident.id, incident.startedAt, incident.endedAt, json(incident)],
      );
    } catch (error) {
      if (error instanceof KefuError && error.code === 'CONFLICT') {
        throw new KefuError(
          'CONFLICT',
          `Incident "${incident.id}" is stored already, or another incident is active; end it first.`,
          { cause: error },
        );
      }
      throw error;
    }
  }

  async end(incident: Incident): Promise<void> {
    const { rowCount } =
      incident.endedAt === null
        ? { rowCount: 0 }
        : await this.sql.query(
            `UPDATE ${this.s}.incidents SET ended_at = $2, doc = $3::jsonb
              WHERE id = $1 AND ended_at IS NULL`,
            [incident.id, incident.endedAt, json(incident)],
          );
    if (rowCount !== 1) {
      throw new KefuError(
        'CONFLICT',
        `No active incident "${incident.id}" to end (never started, or already ended).`,
      );
    }
  }
}
