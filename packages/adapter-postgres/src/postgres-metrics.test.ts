import type { PGlite } from '@electric-sql/pglite';
import {
  collectFacts,
  computeReport,
  createDesk,
  type DomainEvent,
  type StorageAdapter,
} from '@kefu/core';
import { makeConversation, makeEventDraft } from '@kefu/core/testing';
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from './migrations';
import { metricsFactsQuery } from './postgres-metrics';
import {
  calendar,
  candyShopQueries,
  DAY_ONE,
  playCandyShopDays,
  shanghai,
} from './test-support/candy-shop-days';
import { createPool, DATABASE_URL, freshAdapter, pglite, runSql } from './test-support/databases';

/** The statements and index names of migration 4, for a schema. */
function metricsMigration(schema: string) {
  const statements = MIGRATIONS.find((m) => m.version === 4)?.statements(`"${schema}"`) ?? [];
  const names = statements.map((sql) => /CREATE INDEX IF NOT EXISTS (\w+)/.exec(sql)?.[1] ?? '');
  return { statements, names };
}

async function wholeLog(storage: StorageAdapter): Promise<DomainEvent[]> {
  const log: DomainEvent[] = [];
  for (let page = await storage.events.read(0, 500); page.length > 0; ) {
    log.push(...page);
    page = await storage.events.read(page.at(-1)?.position ?? 0, 500);
  }
  return log;
}

/** The plan of the metrics query with sequential scans priced out, as one string. */
async function planWithoutSeqScans(client: pg.Pool | PGlite, schema: string): Promise<string> {
  const explain = `EXPLAIN ${metricsFactsQuery(`"${schema}"`)}`;
  const params = [DAY_ONE, DAY_ONE + 1, true];
  const lines = (rows: unknown[]) =>
    rows.map((row) => (row as { 'QUERY PLAN': string })['QUERY PLAN']).join('\n');
  if ('connect' in client) {
    const connection = await client.connect();
    try {
      await connection.query('BEGIN');
      await connection.query('SET LOCAL enable_seqscan = off');
      return lines((await connection.query(explain, params)).rows);
    } finally {
      await connection.query('ROLLBACK');
      connection.release();
    }
  }
  return client.transaction(async (tx) => {
    await tx.exec('SET LOCAL enable_seqscan = off');
    const plan = lines((await tx.query(explain, params)).rows);
    await tx.rollback();
    return plan;
  });
}

function metricsBehaviour(name: string, client: () => Promise<pg.Pool | PGlite>): void {
  describe(name, () => {
    it("gives a desk's two days the report of its event log, for every grouping and range", async () => {
      const storage = await freshAdapter(await client());
      const desk = createDesk({
        storage,
        routing: { auto: false },
        sla: { calendars: { shanghai } },
      });
      try {
        await playCandyShopDays(storage);
        const facts = collectFacts(await wholeLog(storage));
        for (const query of candyShopQueries()) {
          const expected = computeReport(facts, query, calendar);
          const label = JSON.stringify(query);
          expect(await storage.metrics.report(query, { calendar }), label).toEqual(expected);
          expect(await desk.metrics.report(query), label).toEqual(expected);
        }
        // Not a vacuous comparison: the two days have every kind of fact.
        const everything = { from: DAY_ONE - 3_600_000, to: DAY_ONE + 2 * 86_400_000 };
        const { total } = await desk.metrics.report(everything);
        expect(total).toMatchObject({
          conversations: 5,
          abandonmentRate: 0.2,
          // First response in 5 business minutes: c1 and c5 yes; c2 (8 min) and c4 (10 min after
          // lunch) no. Resolution in 2 business hours: c5's deadline fired as a job on day two.
          slaAttainment: { firstResponse: 0.5, resolution: 0.75 },
          csat: { responses: 2 },
          complaintRate: 0.4,
          repeatComplaintRate: 0.5,
          backlog: 1,
        });
        expect(total.firstResponseBusinessTime.count).toBe(4);
      } finally {
        await desk.stop();
        await storage.close();
      }
    }, 60_000);

    it('refuses a bad query with VALIDATION before it reaches SQL', async () => {
      const storage = await freshAdapter(await client());
      try {
        const bad = [
          { from: DAY_ONE, to: DAY_ONE - 1, groupBy: [], timeZone: 'UTC' },
          {
            from: DAY_ONE,
            to: DAY_ONE + 1,
            groupBy: ["agent'; DROP TABLE x; --"],
            timeZone: 'UTC',
          },
          { from: DAY_ONE, to: DAY_ONE + 1, groupBy: ['day'], timeZone: 'Mars/Olympus_Mons' },
          { from: '0); DROP TABLE events; --', to: DAY_ONE, groupBy: [], timeZone: 'UTC' },
        ];
        for (const query of bad) {
          await expect(
            storage.metrics.report(query as never, { calendar }),
            JSON.stringify(query),
          ).rejects.toMatchObject({ code: 'VALIDATION' });
        }
        expect(await storage.events.lastPosition()).toBe(0);
      } finally {
        await storage.close();
      }
    });

    it('upgrades a version 3 schema that has events, and still appends odd documents', async () => {
      const db = await client();
      const storage = await freshAdapter(db);
      try {
        const { statements, names } = metricsMigration(storage.schema);
        await runSql(db, `DROP INDEX ${names.map((n) => `"${storage.schema}".${n}`).join(', ')}`);
        await runSql(db, `DELETE FROM "${storage.schema}".kefu_migrations WHERE version = 4`);
        // One built ahead of the upgrade (as with CREATE INDEX CONCURRENTLY): migrate keeps it.
        await runSql(db, statements[0] ?? '');
        const early = makeConversation({ createdAt: DAY_ONE });
        await storage.transaction((tx) => tx.events.append([makeEventDraft(early)]));
        expect(await storage.migrate()).toEqual({ applied: [4], current: MIGRATIONS.length });
        // An index expression that failed on an odd value would make this append fail.
        const odd = { ...makeConversation(), createdAt: 'yesterday' } as never;
        await storage.transaction((tx) => tx.events.append([makeEventDraft(odd)]));
        const query = { from: DAY_ONE - 1, to: DAY_ONE + 1, groupBy: [], timeZone: 'UTC' };
        const report = await storage.metrics.report(query, { calendar });
        expect(report.total.conversations).toBe(1);
        expect(report).toEqual(
          computeReport(collectFacts(await wholeLog(storage)), query, calendar),
        );
      } finally {
        await storage.close();
      }
    });

    it('finds every event it reads through an index of migration 4', async () => {
      const db = await client();
      const storage = await freshAdapter(db);
      try {
        const plan = await planWithoutSeqScans(db, storage.schema);
        expect(plan).not.toMatch(/Seq Scan on events/);
        const indexes = metricsMigration(storage.schema).names;
        expect(indexes).toHaveLength(7);
        for (const index of indexes) expect(plan).toContain(index);
      } finally {
        await storage.close();
      }
    });
  });
}

metricsBehaviour('metrics report in SQL on PGlite', pglite);

describe.skipIf(!DATABASE_URL)('on the PostgreSQL server (DATABASE_URL)', () => {
  const pool = DATABASE_URL ? createPool() : null;
  afterAll(async () => {
    await pool?.end();
  });
  metricsBehaviour('metrics report in SQL on the server', async () => {
    if (!pool) throw new Error('DATABASE_URL is not set');
    return pool;
  });
});
