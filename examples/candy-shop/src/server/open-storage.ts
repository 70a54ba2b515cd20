import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { createPostgresAdapter } from '@kefu/adapter-postgres';
import type { StorageAdapter } from '@kefu/core';
import pg from 'pg';

export interface OpenedStorage {
  storage: StorageAdapter;
  /** Where the data is, for the start-up banner (never the password). */
  description: string;
  /** Stops the event bus, then closes PGlite (flushing it to disk) or ends the pool. */
  close(): Promise<void>;
}

/**
 * The desk's storage: PostgreSQL when `databaseUrl` is set, otherwise PGlite (Postgres in
 * WebAssembly, in this process) keeping its files in `dataDir`, so the data survives a restart.
 * Migrations run at every start; they do nothing when the schema is current.
 *
 * @example
 * const { storage, close } = await openStorage({
 *   databaseUrl: null,
 *   databaseSchema: 'kefu',
 *   dataDir: '.data/pglite',
 * });
 */
export async function openStorage(options: {
  databaseUrl: string | null;
  databaseSchema: string;
  dataDir: string;
}): Promise<OpenedStorage> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // pg emits an error when the server drops an idle connection; without a listener Node exits.
    pool.on('error', (error) => console.error('[candy-shop] postgres pool:', error.message));
    const storage = createPostgresAdapter({ client: pool, schema: options.databaseSchema });
    await storage.migrate();
    const url = new URL(options.databaseUrl);
    return {
      storage,
      description: `PostgreSQL ${url.host}${url.pathname}, schema ${options.databaseSchema}`,
      async close() {
        await storage.close();
        await pool.end();
      },
    };
  }
  await mkdir(options.dataDir, { recursive: true });
  const db = await PGlite.create(options.dataDir);
  const storage = createPostgresAdapter({ client: db, schema: options.databaseSchema });
  await storage.migrate();
  return {
    storage,
    description: `PGlite in ${options.dataDir}`,
    async close() {
      await storage.close();
      await db.close();
    },
  };
}
