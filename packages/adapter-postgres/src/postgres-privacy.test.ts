import type { PGlite } from '@electric-sql/pglite';
import { createDesk } from '@kefu/core';
import {
  drainJobs,
  expectNoPersonalValues,
  PII,
  privacyScenarioOptions,
  seedPrivacyScenario,
  VirtualClock,
} from '@kefu/core/testing';
import type pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import type { PostgresAdapter } from './create-postgres-adapter';
import { createPool, DATABASE_URL, freshAdapter, pglite, runSql } from './test-support/databases';

/**
 * Every table of the schema, and where its personal data goes in an export (or why it holds
 * none). A new table fails the test below until it is listed here.
 */
const COVERAGE: Record<string, string> = {
  customers: 'export: customer',
  agents: 'not about customers: agent profiles',
  conversations: 'export: conversations',
  messages: 'export: conversations[].messages',
  tickets: 'export: tickets',
  articles: 'not about customers: knowledge base',
  events: 'export: events (records carry the data)',
  event_counter: 'one number',
  jobs: 'ids and timers only; erasure job payload holds no personal values',
  kefu_migrations: 'schema versions',
  audit_log: 'export: accessLog',
  audit_counter: 'one number',
};

async function tables(client: pg.Pool | PGlite, schema: string): Promise<string[]> {
  const rows = await runSql<{ table_name: string }>(
    client,
    `SELECT table_name FROM information_schema.tables WHERE table_schema = '${schema}' ORDER BY 1`,
  );
  return rows.map((row) => row.table_name);
}

/** Every row of every table, cast to text: the whole schema as one string. */
async function databaseText(
  client: pg.Pool | PGlite,
  storage: PostgresAdapter,
  except: readonly string[] = [],
): Promise<string> {
  let text = '';
  for (const table of await tables(client, storage.schema)) {
    if (except.includes(table)) continue;
    const rows = await runSql<{ row: string }>(
      client,
      `SELECT t::text AS row FROM "${storage.schema}"."${table}" AS t`,
    );
    text += `\n${table}: ${rows.map((r) => r.row).join('\n')}`;
  }
  return text;
}

const pool = DATABASE_URL ? createPool(4) : null;
const client = async (): Promise<pg.Pool | PGlite> => pool ?? (await pglite());
afterAll(async () => {
  await pool?.end();
});

describe(`postgres adapter: personal data (${DATABASE_URL ? 'PostgreSQL server' : 'PGlite'})`, {
  timeout: 90_000,
}, () => {
  it('lists every table of the schema in the export coverage', async () => {
    const db = await client();
    const storage = await freshAdapter(db);
    try {
      expect(await tables(db, storage.schema)).toEqual(Object.keys(COVERAGE).sort());
    } finally {
      await storage.close();
    }
  });

  it('keeps the audit log append-only in the database itself', async () => {
    const db = await client();
    const storage = await freshAdapter(db);
    try {
      await storage.transaction((tx) =>
        tx.privacy.appendAudit({
          at: 1,
          actor: { kind: 'admin', id: 'adm_zhao' },
          action: 'customer.read',
          customerId: 'cus_lin',
          target: null,
          origin: null,
          details: {},
        }),
      );
      const s = `"${storage.schema}".audit_log`;
      await expect(runSql(db, `UPDATE ${s} SET actor_id = 'nobody'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(runSql(db, `DELETE FROM ${s}`)).rejects.toThrow(/append-only/);
      await expect(runSql(db, `TRUNCATE ${s}`)).rejects.toThrow(/append-only/);
      expect(await storage.read.privacy.listAudit({}, { limit: 10 })).toHaveLength(1);
    } finally {
      await storage.close();
    }
  });

  it('leaves no trace of an erased customer in any table, event payloads included', async () => {
    const db = await client();
    const storage = await freshAdapter(db);
    try {
      const clock = new VirtualClock(Date.UTC(2026, 10, 11, 1, 0));
      const desk = createDesk({
        ...privacyScenarioOptions,
        storage,
        clock,
        erasure: { batchSize: 2 },
      });
      const seeded = await seedPrivacyScenario(desk, clock);
      const before = await databaseText(db, storage);
      for (const value of [PII.name, PII.phone]) expect(before).toContain(value);
      const report = { from: 0, to: Date.UTC(2030, 0, 1), groupBy: [], timeZone: 'Asia/Shanghai' };
      await desk.conversations.close({ conversationId: seeded.openId });
      const metrics = await desk.metrics.report(report);
      await desk.privacy.eraseCustomer({
        customerId: PII.customerId,
        reason: 'PIPL request',
        actor: { kind: 'admin', id: 'adm_zhao' },
      });
      await drainJobs(desk, storage);
      expectNoPersonalValues(await databaseText(db, storage), `schema ${storage.schema}`);
      expect(await desk.metrics.report(report)).toEqual(metrics);
      const erased = await storage.events.read(0, 10_000);
      expect(erased.filter((e) => e.type === 'customer.erased')).toHaveLength(1);
      await desk.stop();
    } finally {
      await storage.close();
    }
  });

  it('erases exactly once with two nodes racing, one of which dies halfway', async () => {
    const db = await client();
    const storage = await freshAdapter(db);
    try {
      const clock = new VirtualClock(Date.UTC(2026, 10, 11, 1, 0));
      const options = { ...privacyScenarioOptions, clock, erasure: { batchSize: 1 } };
      const desk = createDesk({ ...options, storage });
      const seeded = await seedPrivacyScenario(desk, clock);
      // Node A dies inside its third erasure batch: that transaction rolls back, and the job
      // stays claimed by a node that will never finish it.
      let batches = 0;
      const never = new Promise<never>(() => undefined);
      let dead = false;
      const dying = {
        ...storage,
        transaction: <T>(work: Parameters<PostgresAdapter['transaction']>[0]) =>
          dead
            ? never
            : storage.transaction(async (tx) => {
                const result = (await work(tx)) as T;
                if (++batches >= 3) {
                  dead = true;
                  throw new Error('process killed');
                }
                return result;
              }),
        jobs: { ...storage.jobs, release: () => never },
      } as PostgresAdapter;
      const nodeA = createDesk({ ...options, storage: dying, onError: () => undefined });
      const requests = await Promise.all(
        [1, 2, 3].map(() =>
          desk.privacy.eraseCustomer({
            customerId: PII.customerId,
            reason: 'PIPL request',
            actor: { kind: 'admin', id: 'adm_zhao' },
          }),
        ),
      );
      expect(requests.map((r) => r.status)).toContain('scheduled');
      void (async () => {
        while (!dead) await nodeA.jobs.runDue();
      })();
      for (let i = 0; i < 400 && !dead; i++) await new Promise((r) => setTimeout(r, 10));
      expect(dead).toBe(true);
      // After the lease, the first node and node B take over and race each other to the end.
      await clock.advance(60_000);
      const nodeB = createDesk({ ...options, storage });
      await Promise.all([drainJobs(desk, storage), drainJobs(nodeB, storage)]);
      const log = await storage.events.read(0, 10_000);
      expect(log.filter((e) => e.type === 'customer.erased')).toHaveLength(1);
      expectNoPersonalValues(await databaseText(db, storage), `schema ${storage.schema}`);
      expect(await storage.read.conversations.get(seeded.openId)).toMatchObject({
        status: 'closed',
      });
    } finally {
      await storage.close();
    }
  });

  it('retention deletes and strips in batches until no old personal data is left', async () => {
    const db = await client();
    const storage = await freshAdapter(db);
    try {
      const clock = new VirtualClock(Date.UTC(2026, 10, 11, 1, 0));
      const desk = createDesk({
        ...privacyScenarioOptions,
        storage,
        clock,
        retention: { messagesDays: 30, closedConversationsDays: 30, eventsDays: 30, batchSize: 3 },
      });
      const seeded = await seedPrivacyScenario(desk, clock);
      await desk.conversations.close({ conversationId: seeded.openId });
      await clock.advance(31 * 86_400_000);
      await desk.privacy.scheduleRetention();
      await drainJobs(desk, storage);
      // Profiles and tickets are live records outside the retention periods (erasure removes
      // their personal data); every other table, event payloads included, holds none any more.
      const text = await databaseText(db, storage, ['customers', 'tickets']);
      expectNoPersonalValues(text, `schema ${storage.schema} after retention`);
      expect(await storage.read.conversations.get(seeded.closedId)).toBeNull();
      await desk.stop();
    } finally {
      await storage.close();
    }
  });
});
