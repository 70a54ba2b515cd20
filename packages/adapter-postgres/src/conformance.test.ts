import { runStorageConformance } from '@kefu/core/testing';
import { afterAll, beforeAll, describe } from 'vitest';
import { createPool, DATABASE_URL, freshAdapter, pglite } from './test-support/databases';

// Starting PGlite takes seconds on a busy machine: once, before the per-test hooks and their timeout.
beforeAll(async () => {
  await pglite();
}, 60_000);

runStorageConformance({
  name: 'postgres adapter on PGlite',
  createAdapter: async () => freshAdapter(await pglite()),
});

describe.skipIf(!DATABASE_URL)('on the PostgreSQL server (DATABASE_URL)', () => {
  const pool = DATABASE_URL ? createPool() : null;
  afterAll(async () => {
    await pool?.end();
  });
  runStorageConformance({
    name: 'postgres adapter on the server',
    createAdapter: () => {
      if (!pool) throw new Error('DATABASE_URL is not set');
      return freshAdapter(pool);
    },
  });
});
