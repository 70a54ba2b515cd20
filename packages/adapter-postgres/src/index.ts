export type { PostgresAdapter, PostgresAdapterOptions } from './create-postgres-adapter';
export { createPostgresAdapter } from './create-postgres-adapter';
export type { Migration, MigrationResult } from './migrations';
export { MIGRATIONS } from './migrations';
export type { PGliteLike, PgPoolClientLike, PgPoolLike, PgQueryConfig } from './sql-client';
