import { makeConversation, makeCustomer } from '@kefu/core/testing';
import { describe, expect, it } from 'vitest';
import { fusedBegin, quoteLiteral } from './fused-begin';
import { DATABASE_URL, freshAdapter } from './test-support/databases';
import { recordingPool } from './test-support/recording-pool';

describe('BEGIN fused with the first read', () => {
  it('writes values in as literals the way pg escapes them', () => {
    expect(quoteLiteral('conv_1')).toBe("'conv_1'");
    expect(quoteLiteral("it's")).toBe("'it''s'");
    expect(quoteLiteral('a\\b')).toBe("E'a\\\\b'");
    expect(quoteLiteral('糖果')).toBe("'糖果'");
    expect(
      fusedBegin('SELECT doc FROM "s".conversations WHERE id = $1 AND status = $2 LIMIT $3', [
        'conv_1',
        'queued',
        5,
      ]),
    ).toBe(
      `BEGIN; SELECT doc FROM "s".conversations WHERE id = 'conv_1' AND status = 'queued' LIMIT '5'`,
    );
    // $10 is the tenth value, not the first followed by a zero.
    const ten = Array.from({ length: 10 }, (_, i) => `v${i + 1}`);
    expect(fusedBegin('SELECT $10, $1', ten)).toBe("BEGIN; SELECT 'v10', 'v1'");
    expect(fusedBegin('SELECT $1', [null])).toBe('BEGIN; SELECT NULL');
  });

  it('writes a short array of ids in as the array text pg would send, quotes escaped', () => {
    expect(fusedBegin('SELECT doc FROM t WHERE id = ANY($1::text[])', [['conv_1', 'conv_2']])).toBe(
      `BEGIN; SELECT doc FROM t WHERE id = ANY('{"conv_1","conv_2"}'::text[])`,
    );
    expect(fusedBegin('SELECT $1::text[]', [[]])).toBe("BEGIN; SELECT '{}'::text[]");
    // Inside the array text `"` and `\` get a backslash; the literal then doubles `'` and `\`.
    expect(fusedBegin('SELECT $1::text[]', [['a"b', "o'c", 'd\\e', 'NULL', '{x,y}']])).toBe(
      `BEGIN; SELECT E'{"a\\\\"b","o''c","d\\\\\\\\e","NULL","{x,y}"}'::text[]`,
    );
    expect(fusedBegin('SELECT $1', [['x', 2]])).toBeNull();
    expect(fusedBegin('SELECT $1', [['x'.repeat(201)]])).toBeNull();
    expect(fusedBegin('SELECT $1', [['a\u0000b']])).toBeNull();
    expect(fusedBegin('SELECT $1', [Array.from({ length: 65 }, (_, i) => `c${i}`)])).toBeNull();
  });

  it('leaves writes, documents, odd values and texts with their own quotes to a separate BEGIN', () => {
    expect(fusedBegin('UPDATE t SET doc = $1 WHERE id = $2', ['{}', 'x'])).toBeNull();
    expect(fusedBegin('SELECT doc FROM t WHERE id = $1', ['x'.repeat(201)])).toBeNull();
    expect(fusedBegin('SELECT doc FROM t WHERE id = $1', [{ id: 'x' }])).toBeNull();
    expect(fusedBegin('SELECT doc FROM t WHERE id = $1', [Number.NaN])).toBeNull();
    expect(fusedBegin('SELECT doc FROM t WHERE id = $1', ['a\u0000b'])).toBeNull();
    expect(fusedBegin("SELECT doc FROM t WHERE k = '$1' AND id = $1", ['x'])).toBeNull();
    expect(fusedBegin('SELECT $$ $1 $$, $1', ['x'])).toBeNull();
    expect(fusedBegin('SELECT $2', ['x'])).toBeNull();
  });
});

describe.skipIf(!DATABASE_URL)('BEGIN fused with the first read (DATABASE_URL)', () => {
  it('sends BEGIN with the first read and no BEGIN or COMMIT for a transaction without statements', async () => {
    const { pool, sent } = recordingPool(3);
    const texts = () => sent.map((statement) => statement.text);
    const adapter = await freshAdapter(pool);
    try {
      await adapter.transaction((tx) => tx.customers.insert(makeCustomer({ id: 'cus_lin' })));
      sent.length = 0;
      await adapter.transaction(async () => undefined);
      expect(texts()).toEqual([]);
      const found = await adapter.transaction((tx) =>
        tx.customers.get('cus_lin', { forUpdate: true }),
      );
      expect(found).toMatchObject({ id: 'cus_lin' });
      expect(texts()).toHaveLength(2);
      expect(texts()[0]).toMatch(
        /^BEGIN; SELECT doc FROM .*customers WHERE id = 'cus_lin' FOR UPDATE$/,
      );
      expect(texts()[1]).toBe('COMMIT');
    } finally {
      await adapter.close();
      await pool.end();
    }
  });

  it('reads ids with quotes and backslashes as they are, and writes nothing through them', async () => {
    const { pool } = recordingPool(3);
    const adapter = await freshAdapter(pool);
    try {
      const odd = ["o'brien", 'back\\slash', "x'; DROP TABLE customers; --", "E'\\''"];
      for (const id of odd) {
        await adapter.transaction((tx) => tx.customers.insert(makeCustomer({ id })));
      }
      for (const id of odd) {
        const found = await adapter.transaction((tx) => tx.customers.get(id, { forUpdate: true }));
        expect(found?.id).toBe(id);
      }
      const missing = await adapter.transaction((tx) =>
        tx.customers.get("nobody' OR '1'='1", { forUpdate: true }),
      );
      expect(missing).toBeNull();
      expect((await adapter.read.customers.get(odd[2] ?? ''))?.id).toBe(odd[2]);
      // The same ids as one array literal (routing's lockFirstQueued), `"` and `{,}` included.
      const queued = [...odd, 'q"uote', '{a,b}', 'NULL'];
      for (const id of queued) {
        await adapter.transaction((tx) =>
          tx.conversations.insert(makeConversation({ id, status: 'queued' })),
        );
      }
      for (const id of queued) {
        const found = await adapter.transaction(
          async (tx) => (await tx.conversations.lockFirstQueued?.([`${id}-not`, id]))?.id,
        );
        expect(found).toBe(id);
      }
    } finally {
      await adapter.close();
      await pool.end();
    }
  });

  it('rolls back everything after a fused first read when the work throws', async () => {
    const { pool, sent } = recordingPool(3);
    const texts = () => sent.map((statement) => statement.text);
    const adapter = await freshAdapter(pool);
    try {
      await adapter.transaction((tx) =>
        tx.conversations.insert(makeConversation({ id: 'conv_1', tags: [] })),
      );
      sent.length = 0;
      await expect(
        adapter.transaction(async (tx) => {
          const conversation = await tx.conversations.get('conv_1', { forUpdate: true });
          if (!conversation) throw new Error('not stored');
          await tx.conversations.update({ ...conversation, version: 2, tags: ['lost'] }, 1);
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(texts().at(-1)).toBe('ROLLBACK');
      expect(await adapter.read.conversations.get('conv_1')).toMatchObject({
        version: 1,
        tags: [],
      });
    } finally {
      await adapter.close();
      await pool.end();
    }
  });
});
