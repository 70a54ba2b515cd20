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
  it('answers a re-read from the lock it holds, and after its own update with the row it wrote', async () => {
    const adapter = await freshAdapter(await pglite());
    try {
      const conversation = makeConversation({ id: 'conv_locked' });
      await adapter.transaction((tx) => tx.conversations.insert(conversation));
      await adapter.transaction(async (tx) => {
        const first = await tx.conversations.get('conv_locked', { forUpdate: true });
        expect(await tx.conversations.get('conv_locked')).toBe(first);
        if (!first) throw new Error('not stored');
        const written = { ...first, version: 2, tags: ['vip'] };
        await tx.conversations.update(written, 1);
        const after = await tx.conversations.get('conv_locked', { forUpdate: true });
        expect(after).toBe(written);
        // A failed update forgets the row: the next read goes to the database again.
        await expect(
          tx.conversations.update({ ...written, version: 9, tags: ['lost'] }, 7),
        ).rejects.toMatchObject({ code: 'CONFLICT' });
        const reread = await tx.conversations.get('conv_locked');
        expect(reread).toMatchObject({ version: 2, tags: ['vip'] });
        expect(reread).not.toBe(written);
      });
    } finally {
      await adapter.close();
    }
  }, 60_000); // starting PGlite takes a while on a busy machine

  it('onlyIfStatus answers null for a conversation in another status', async () => {
    const adapter = await freshAdapter(await pglite());
    try {
      await adapter.transaction((tx) =>
        tx.conversations.insert(makeConversation({ id: 'conv_taken', status: 'active' })),
      );
      const read = (onlyIfStatus: 'queued' | 'active') =>
        adapter.transaction((tx) =>
          tx.conversations.get('conv_taken', { forUpdate: true, skipLocked: true, onlyIfStatus }),
        );
      expect(await read('queued')).toBeNull();
      expect(await read('active')).toMatchObject({ id: 'conv_taken', status: 'active' });
    } finally {
      await adapter.close();
    }
  }, 60_000);
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
      expect(count() - before).toBe(2); // BEGIN with one SELECT … FOR UPDATE, COMMIT
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

  it('answers a re-read after its own update from the row it wrote, without a statement', async () => {
    const { pool, count } = countingPool();
    const adapter = await freshAdapter(pool);
    try {
      await adapter.transaction((tx) => tx.customers.insert(makeCustomer({ id: 'cus_lin' })));
      const before = count();
      const seen = await adapter.transaction(async (tx) => {
        const customer = await tx.customers.get('cus_lin', { forUpdate: true });
        if (!customer) throw new Error('not stored');
        await tx.customers.update({ ...customer, version: 2, tier: 'vip' }, 1);
        return tx.customers.get('cus_lin');
      });
      expect(seen).toMatchObject({ version: 2, tier: 'vip' });
      expect(count() - before).toBe(3); // BEGIN with the SELECT, UPDATE, COMMIT
      expect(await adapter.read.customers.get('cus_lin')).toMatchObject({
        version: 2,
        tier: 'vip',
      });
    } finally {
      await adapter.close();
      await pool.end();
    }
  });

  it('onlyIfStatus leaves a conversation in another status unlocked', async () => {
    const { pool } = countingPool();
    const schema = randomSchema();
    const adapter = await freshAdapter(pool, schema);
    const other = createPostgresAdapter({ client: pool, schema });
    try {
      await adapter.transaction((tx) =>
        tx.conversations.insert(makeConversation({ id: 'conv_taken', status: 'active' })),
      );
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      let looked: (found: unknown) => void = () => undefined;
      const found = new Promise<unknown>((resolve) => {
        looked = resolve;
      });
      // Routing's read of a conversation another node already assigned, kept open.
      const router = adapter.transaction(async (tx) => {
        looked(
          await tx.conversations.get('conv_taken', {
            forUpdate: true,
            skipLocked: true,
            onlyIfStatus: 'queued',
          }),
        );
        await held;
      });
      expect(await found).toBeNull();
      // Had the router locked the row, this would answer null (skipped) instead.
      const meanwhile = await other.transaction((tx) =>
        tx.conversations.get('conv_taken', { forUpdate: true, skipLocked: true }),
      );
      expect(meanwhile).toMatchObject({ id: 'conv_taken', status: 'active' });
      release();
      await router;
    } finally {
      await other.close();
      await adapter.close();
      await pool.end();
    }
  });
});
