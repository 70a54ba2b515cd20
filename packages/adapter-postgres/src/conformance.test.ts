import { runStorageConformance } from '@kefu/core/testing';
import { afterAll, beforeAll, describe } from 'vitest';
import { createPool, DATABASE_URL, freshAdapter, pglite } from './test-support/databases';

// Starting PGlite (compiling its WebAssembly) can take longer than a hook's 10 s on a busy
// machine: do it once up front, so the first test's beforeEach only makes a schema.
beforeAll(() => pglite(), 120_000);

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
