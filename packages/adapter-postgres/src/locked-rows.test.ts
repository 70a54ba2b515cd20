import { makeConversation, makeCustomer } from '@kefu/core/testing';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPostgresAdapter } from './create-postgres-adapter';
import { DATABASE_URL, freshAdapter, pglite, randomSchema } from './test-support/databases';

/** A pool that counts the statements its connections send. */
function countingPool(): { pool: pg.Pool; count: () => number } {
  let statements = 0;
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 4 });
  pool.on('error', () => undefined);
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (...args: unknown[]) => unknown;
    (client as { query: unknown }).query = (...args: unknown[]) => {
      statements++;
      return query(...args);
    };
  });
  return { pool, count: () => statements };
}

describe('rows a transaction holds locked (PGlite)', () => {
  it('answers a re-read from the lock it holds, and reads again after its own update', async () => {
    const adapter = await freshAdapter(await pglite());
    try {
      const conversation = makeConversation({ id: 'conv_locked' });
      await adapter.transaction((tx) => tx.conversations.insert(conversation));
      await adapter.transaction(async (tx) => {
        const first = await tx.conversations.get('conv_locked', { forUpdate: true });
        expect(await tx.conversations.get('conv_locked')).toBe(first);
        if (!first) throw new Error('not stored');
        await tx.conversations.update({ ...first, version: 2, tags: ['vip'] }, 1);
        const after = await tx.conversations.get('conv_locked', { forUpdate: true });
        expect(after).toMatchObject({ version: 2, tags: ['vip'] });
        expect(after).not.toBe(first);
      });
    } finally {
      await adapter.close();
    }
  }, 60_000); // starting PGlite takes a while on a busy machine
});

describe.skipIf(!DATABASE_URL)('locked rows on a PostgreSQL server (DATABASE_URL)', () => {
  it('reads a row locked FOR UPDATE once per transaction', async () => {
    const { pool, count } = countingPool();
    const adapter = await freshAdapter(pool);
    try {
      await adapter.transaction((tx) => tx.customers.insert(makeCustomer({ id: 'cus_lin' })));
      const before = count();
      await adapter.transaction(async (tx) => {
        await tx.customers.get('cus_lin', { forUpdate: true });
        await tx.customers.get('cus_lin', { forUpdate: true });
        await tx.customers.get('cus_lin');
      });
      expect(count() - before).toBe(3); // BEGIN, one SELECT … FOR UPDATE, COMMIT
    } finally {
      await adapter.close();
      await pool.end();
    }
  });

  it('skipLocked answers null at once while another transaction holds the row', async () => {
    const { pool } = countingPool();
    const schema = randomSchema();
    const adapter = await freshAdapter(pool, schema);
    const other = createPostgresAdapter({ client: pool, schema });
    try {
      await adapter.transaction((tx) =>
        tx.conversations.insert(makeConversation({ id: 'conv_held' })),
      );
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let locked: () => void = () => undefined;
      const isLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holder = adapter.transaction(async (tx) => {
        await tx.conversations.get('conv_held', { forUpdate: true });
        locked();
        await held;
      });
      await isLocked;
      // Waiting instead of skipping would hang here: the holder lets go only further down.
      const skipped = await other.transaction((tx) =>
        tx.conversations.get('conv_held', { forUpdate: true, skipLocked: true }),
      );
      expect(skipped).toBeNull();
      release();
      await holder;
      // Once the holder is done the row is there again.
      const free = await other.transaction((tx) =>
        tx.conversations.get('conv_held', { forUpdate: true, skipLocked: true }),
      );
      expect(free).toMatchObject({ id: 'conv_held' });
    } finally {
      await other.close();
      await adapter.close();
      await pool.end();
    }
  });
});
