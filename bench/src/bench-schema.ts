import { createPostgresAdapter, type PostgresAdapter } from '@kefu/adapter-postgres';
import type pg from 'pg';

/** A migrated adapter in a fresh, randomly named schema; the caller drops the schema. */
export async function freshBenchAdapter(pool: pg.Pool): Promise<PostgresAdapter> {
  const storage = createPostgresAdapter({
    client: pool,
    schema: `kefu_bench_${Math.random().toString(36).slice(2, 10)}`,
  });
  await storage.migrate();
  return storage;
}
