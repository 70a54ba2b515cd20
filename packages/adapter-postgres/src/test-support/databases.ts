import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { createPostgresAdapter, type PostgresAdapter } from '../index';

/** The real server, when the environment names one (CI does). */
export const DATABASE_URL = process.env.DATABASE_URL;

export const randomSchema = (): string =>
  `kefu_test_${Math.random().toString(36).slice(2, 10)}${Date.now().toString(36)}`;

let sharedPGlite: Promise<PGlite> | null = null;
/** One PGlite per test file (starting one takes a while); tests get their own schema in it. */
export const pglite = (): Promise<PGlite> => {
  sharedPGlite ??= PGlite.create();
  return sharedPGlite;
};

export const createPool = (max = 10): pg.Pool => {
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max });
  // Idle connections killed by a test must not crash the run.
  pool.on('error', () => undefined);
  return pool;
};

/** Runs one statement on either kind of client. */
export async function runSql<R>(client: pg.Pool | PGlite, text: string): Promise<R[]> {
  if (client instanceof PGlite) return (await client.query<R>(text)).rows;
  return (await client.query(text)).rows as R[];
}

/** A migrated adapter in a fresh schema; `close()` also drops the schema. */
export async function freshAdapter(
  client: pg.Pool | PGlite,
  schema = randomSchema(),
): Promise<PostgresAdapter> {
  const adapter = createPostgresAdapter({ client, schema });
  await adapter.migrate();
  const close = adapter.close.bind(adapter);
  return Object.assign(adapter, {
    async close() {
      await close();
      await runSql(client, `DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    },
  });
}
