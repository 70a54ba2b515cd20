import { isKefuError } from '@kefu/core';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createPostgresAdapter } from './create-postgres-adapter';
import { mapError } from './map-error';
import { DATABASE_URL, freshAdapter, randomSchema } from './test-support/databases';

/** The KefuError an operation failed with (or null when it succeeded). */
async function failure(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  return isKefuError(error)
    ? { code: error.code, details: error.details, message: error.message }
    : error;
}

describe('mapError', () => {
  it('says what to retry: pool timeouts and lost connections are retryable UNAVAILABLE', () => {
    const cases: Array<[unknown, string, boolean]> = [
      [new Error('timeout exceeded when trying to connect'), 'UNAVAILABLE', true],
      [new Error('Connection terminated unexpectedly'), 'UNAVAILABLE', true],
      [
        Object.assign(new Error('terminating connection due to administrator command'), {
          code: '57P01',
        }),
        'UNAVAILABLE',
        true,
      ],
      [
        Object.assign(new Error('sorry, too many clients already'), { code: '53300' }),
        'UNAVAILABLE',
        true,
      ],
      [
        Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
        'UNAVAILABLE',
        true,
      ],
      [Object.assign(new Error('could not serialize access'), { code: '40001' }), 'CONFLICT', true],
      [Object.assign(new Error('duplicate key'), { code: '23505' }), 'CONFLICT', false],
      [Object.assign(new Error('syntax error'), { code: '42601' }), 'ADAPTER', false],
    ];
    for (const [error, code, retryable] of cases) {
      const mapped = mapError(error, 'postgres');
      expect(mapped.code, String(error)).toBe(code);
      expect(mapped.details.retryable === true, String(error)).toBe(retryable);
    }
    expect(
      mapError(new Error('timeout exceeded when trying to connect'), 'postgres').message,
    ).toContain('pool');
  });
});

describe.skipIf(!DATABASE_URL)('pool saturation and connection loss (DATABASE_URL)', () => {
  const pools: pg.Pool[] = [];
  const newPool = (options: pg.PoolConfig) => {
    const pool = new pg.Pool({ connectionString: DATABASE_URL, ...options });
    pool.on('error', () => undefined);
    pools.push(pool);
    return pool;
  };
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
  });

  it('answers a saturated pool with retryable UNAVAILABLE, and works again once a connection frees', async () => {
    const pool = newPool({ max: 2, connectionTimeoutMillis: 300 });
    const adapter = await freshAdapter(pool);
    const held = await Promise.all([pool.connect(), pool.connect()]);
    try {
      for (const attempt of [
        adapter.read.customers.get('cus_lin'),
        adapter.transaction(async (tx) => tx.customers.get('cus_lin')),
      ]) {
        expect(await failure(attempt)).toMatchObject({
          code: 'UNAVAILABLE',
          details: { retryable: true, reason: 'pool-timeout' },
        });
      }
    } finally {
      for (const connection of held) connection.release();
    }
    expect(await adapter.read.customers.get('cus_lin')).toBeNull();
    await adapter.close();
  });

  it('refuses to start the bus on a pool without room for its LISTEN connection, saying so', async () => {
    const pool = newPool({ max: 1, connectionTimeoutMillis: 300 });
    const adapter = createPostgresAdapter({ client: pool, schema: randomSchema() });
    await adapter.migrate();
    let thrown: unknown = null;
    try {
      adapter.bus.subscribe(() => undefined);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code: 'VALIDATION' });
    expect(String((thrown as Error).message)).toMatch(/LISTEN.*at most 1.*max: 2/s);
    // Nothing was started: commands still have the pool's one connection.
    await adapter.transaction(async (tx) => tx.customers.get('cus_lin'));
    await pool.query(`DROP SCHEMA IF EXISTS "${adapter.schema}" CASCADE`);
    await adapter.close();

    // A pool with room: the bus takes one connection and commands use the other.
    const roomy = newPool({ max: 2, connectionTimeoutMillis: 2000 });
    const shared = await freshAdapter(roomy);
    const heard: number[] = [];
    const off = shared.bus.subscribe((position) => heard.push(position));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await shared.transaction((tx) => tx.customers.get('cus_lin'));
    await shared.bus.publish(7);
    await expect.poll(() => heard).toContain(7);
    off();
    await shared.close();
  });
});
