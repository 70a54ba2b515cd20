import type { StorageAdapter } from '@kefu/core';
import { KefuError } from '@kefu/core';
import { type MigrationResult, runMigrations } from './migrations';
import { createNotifyEventBus } from './notify-event-bus';
import { createPGliteSqlClient } from './pglite-sql-client';
import { createPoolSqlClient } from './pool-sql-client';
import { createPostgresJobs } from './postgres-jobs';
import { createPostgresMetrics } from './postgres-metrics';
import { createPostgresRateLimits } from './postgres-rate-limits';
import { createPostgresReader } from './postgres-reader';
import { PostgresTransaction } from './postgres-transaction';
import type { EventRow } from './row-mapping';
import { eventChannel, quoteSchema } from './schema-name';
import { isPGlite, isPgPool, type PGliteLike, type PgPoolLike, type SqlClient } from './sql-client';

/**
 * Options for {@link createPostgresAdapter}.
 *
 * @example
 * const storage = createPostgresAdapter({ client: new Pool({ connectionString }), schema: 'kefu' });
 */
export interface PostgresAdapterOptions {
  /** A `pg` Pool (production, several nodes) or a PGlite instance (in process). */
  client: PgPoolLike | PGliteLike;
  /** Schema holding Kefu's tables; lower-case letters, digits and `_`. Defaults to `kefu`. */
  schema?: string;
  /** The adapter's `name` in errors and logs; defaults to `postgres` or `pglite`. */
  name?: string;
}

/**
 * A Postgres `StorageAdapter`, plus `migrate()`, its `schema` and a LISTEN/NOTIFY `bus`.
 *
 * @example
 * const storage: PostgresAdapter = createPostgresAdapter({ client: pool });
 * await storage.migrate();
 * storage.bus.subscribe((position) => console.log('events up to', position));
 */
export interface PostgresAdapter extends StorageAdapter {
  /** The schema this adapter uses. */
  readonly schema: string;
  /** Creates or upgrades the schema; idempotent and safe to run from several nodes at once. */
  migrate(): Promise<MigrationResult>;
  readonly bus: NonNullable<StorageAdapter['bus']>;
  /**
   * `desk.metrics.report()` computed from the event log in SQL (per-conversation facts), then
   * finished by `computeReport` in JavaScript; see docs/adapters/postgres.md.
   */
  readonly metrics: NonNullable<StorageAdapter['metrics']>;
  /** Token buckets in the `rate_limits` table, shared by every node on the database. */
  readonly rateLimits: NonNullable<StorageAdapter['rateLimits']>;
}

/**
 * Storage in PostgreSQL, over a `pg` Pool or an in-process PGlite. Run `migrate()` once at
 * start-up. Several nodes may share one database: versions guard every update, job claims use
 * `FOR UPDATE SKIP LOCKED`, and `bus` tells the other nodes' desks about new events through
 * LISTEN/NOTIFY. `close()` stops the bus; the pool or PGlite instance stays yours to close.
 *
 * @example
 * import { createDesk } from '@kefu/core';
 * import { createPostgresAdapter } from '@kefu/adapter-postgres';
 * import pg from 'pg';
 *
 * const storage = createPostgresAdapter({ client: new pg.Pool({ connectionString: process.env.DATABASE_URL }) });
 * await storage.migrate();
 * const desk = createDesk({ storage });
 */
export function createPostgresAdapter(options: PostgresAdapterOptions): PostgresAdapter {
  const schema = options.schema ?? 'kefu';
  const s = quoteSchema(schema);
  const channel = eventChannel(schema);
  const { client } = options;
  let sql: SqlClient;
  let name: string;
  if (isPgPool(client)) {
    name = options.name ?? 'postgres';
    sql = createPoolSqlClient(client, name);
  } else if (isPGlite(client)) {
    name = options.name ?? 'pglite';
    sql = createPGliteSqlClient(client, name);
  } else {
    throw new KefuError(
      'VALIDATION',
      'createPostgresAdapter needs `client`: a pg Pool or a PGlite instance.',
    );
  }

  let closed = false;
  const unavailable = () =>
    new KefuError('UNAVAILABLE', `The ${name} adapter is closed; create a new adapter.`);
  const guarded = {
    query: <R>(text: string, params?: readonly unknown[]) =>
      closed ? Promise.reject(unavailable()) : sql.query<R>(text, params),
  };

  const lastPosition = async () => {
    const { rows } = await guarded.query<{ last: number }>(
      `SELECT last_position::float8 AS last FROM ${s}.event_counter`,
    );
    return rows[0]?.last ?? 0;
  };
  const bus = createNotifyEventBus(sql, channel, lastPosition);

  return {
    name,
    schema,
    bus,
    read: createPostgresReader(guarded, s),
    migrate: () => runMigrations(sql, schema),
    async transaction(work) {
      if (closed) throw unavailable();
      // The NOTIFY is sent inside the transaction: Postgres delivers it at commit, only then.
      return sql.transaction((session) => work(new PostgresTransaction(session, s, channel)));
    },
    events: {
      async read(after, limit) {
        const { rows } = await guarded.query<EventRow>(
          `SELECT doc FROM ${s}.events WHERE position > $1 ORDER BY position LIMIT $2`,
          [Math.floor(after), Math.max(0, Math.floor(limit))],
        );
        return rows.map((row) => row.doc);
      },
      lastPosition,
    },
    jobs: createPostgresJobs({ ...sql, query: guarded.query }, s),
    metrics: createPostgresMetrics(guarded, s),
    rateLimits: createPostgresRateLimits(guarded, s),
    async close() {
      if (closed) return;
      closed = true;
      await bus.close();
    },
  };
}
