import type { Conversation } from '@kefu/core';
import { makeConversation, makeCustomer } from '@kefu/core/testing';
import type pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createPostgresAdapter } from './create-postgres-adapter';
import { DATABASE_URL, freshAdapter, pglite, randomSchema } from './test-support/databases';
import { deferred, recordingPool } from './test-support/recording-pool';

/** A pool that counts the statements its connections send. */
function countingPool(): { pool: pg.Pool; count: () => number } {
  const { pool, sent } = recordingPool();
  return { pool, count: () => sent.length };
}

/** Two adapters (two nodes) on one fresh schema, holding one conversation. */
async function twoNodesWith(conversation: Partial<Conversation>) {
  const { pool } = countingPool();
  const schema = randomSchema();
  const adapter = await freshAdapter(pool, schema);
  const other = createPostgresAdapter({ client: pool, schema });
  await adapter.transaction((tx) => tx.conversations.insert(makeConversation(conversation)));
  return {
    adapter,
    other,
    async close() {
      await other.close();
      await adapter.close();
      await pool.end();
    },
  };
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
    const { adapter, other, close } = await twoNodesWith({ id: 'conv_held' });
    try {
      const held = deferred();
      const locked = deferred();
      const holder = adapter.transaction(async (tx) => {
        await tx.conversations.get('conv_held', { forUpdate: true });
        locked.resolve();
        await held.promise;
      });
      await locked.promise;
      // Waiting instead of skipping would hang here: the holder lets go only further down.
      const skipped = await other.transaction((tx) =>
        tx.conversations.get('conv_held', { forUpdate: true, skipLocked: true }),
      );
      expect(skipped).toBeNull();
      held.resolve();
      await holder;
      // Once the holder is done the row is there again.
      const free = await other.transaction((tx) =>
        tx.conversations.get('conv_held', { forUpdate: true, skipLocked: true }),
      );
      expect(free).toMatchObject({ id: 'conv_held' });
    } finally {
      await close();
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
    const { adapter, other, close } = await twoNodesWith({ id: 'conv_taken', status: 'active' });
    try {
      const held = deferred();
      const found = deferred<unknown>();
      // Routing's read of a conversation another node already assigned, kept open.
      const router = adapter.transaction(async (tx) => {
        found.resolve(
          await tx.conversations.get('conv_taken', {
            forUpdate: true,
            skipLocked: true,
            onlyIfStatus: 'queued',
          }),
        );
        await held.promise;
      });
      expect(await found.promise).toBeNull();
      // Had the router locked the row, this would answer null (skipped) instead.
      const meanwhile = await other.transaction((tx) =>
        tx.conversations.get('conv_taken', { forUpdate: true, skipLocked: true }),
      );
      expect(meanwhile).toMatchObject({ id: 'conv_taken', status: 'active' });
      held.resolve();
      await router;
    } finally {
      await close();
    }
  });
});
