import { makeCustomer } from '@kefu/core/testing';
import { describe, expect, it } from 'vitest';
import { createPostgresAdapter } from './index';
import { DATABASE_URL, randomSchema } from './test-support/databases';
import { recordingPool } from './test-support/recording-pool';

describe.skipIf(!DATABASE_URL)('prepared statements (DATABASE_URL)', () => {
  for (const preparedStatements of [true, false]) {
    it(`with preparedStatements: ${preparedStatements}, stores and reads the same rows`, async () => {
      const { pool, sent } = recordingPool(2);
      const schema = randomSchema();
      const storage = createPostgresAdapter({ client: pool, schema, preparedStatements });
      try {
        await storage.migrate();
        sent.length = 0;
        for (let i = 0; i < 3; i++) {
          const customer = makeCustomer({ id: `cus_${i}`, name: `林小糖 ${i}` });
          await storage.transaction((tx) => tx.customers.insert(customer));
          expect(await storage.read.customers.get(`cus_${i}`)).toEqual(customer);
        }
        const named = sent.flatMap((statement) =>
          statement.name === null ? [] : [statement.name],
        );
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
