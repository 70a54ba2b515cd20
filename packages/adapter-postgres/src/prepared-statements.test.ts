import { makeCustomer } from '@kefu/core/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPostgresAdapter } from './index';
import { DATABASE_URL, randomSchema } from './test-support/databases';

/** A pool that records the prepared-statement name of each statement (or none). */
function recordingPool(): { pool: pg.Pool; names: (string | null)[] } {
  const names: (string | null)[] = [];
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 2 });
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      const [first] = args;
      names.push(
        typeof first === 'object' && first !== null
          ? String((first as { name: string }).name)
          : null,
      );
      return query(...args);
    };
  });
  return { pool, names };
}

describe.skipIf(!DATABASE_URL)('prepared statements (DATABASE_URL)', () => {
  for (const preparedStatements of [true, false]) {
    it(`with preparedStatements: ${preparedStatements}, stores and reads the same rows`, async () => {
      const { pool, names } = recordingPool();
      const schema = randomSchema();
      const storage = createPostgresAdapter({ client: pool, schema, preparedStatements });
      try {
        await storage.migrate();
        names.length = 0;
        for (let i = 0; i < 3; i++) {
          const customer = makeCustomer({ id: `cus_${i}`, name: `林小糖 ${i}` });
          await storage.transaction((tx) => tx.customers.insert(customer));
          expect(await storage.read.customers.get(`cus_${i}`)).toEqual(customer);
        }
        const named = names.filter((name) => name !== null);
        if (preparedStatements) {
          // One name per statement text, reused: the insert and the read, three times each.
          expect(named).toHaveLength(6);
          expect(new Set(named).size).toBe(2);
        } else {
          expect(named).toEqual([]);
        }
      } finally {
        await storage.close();
        await pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await pool.end();
      }
    });
  }
});
