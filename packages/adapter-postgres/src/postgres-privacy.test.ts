import type { PGlite } from '@electric-sql/pglite';
import { type CreateDeskOptions, createDesk } from '@kefu/core';
import {
  countErasedEvents,
  drainJobs,
  dyingNode,
  ERASURE_REQUEST,
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
  rate_limits:
    'token buckets keyed by customer id or address: counts only; erasure deletes the customer’s',
  reviews: "not exported: quality reviews of agents' work (conversation ids and scores)",
  incidents: 'desk-wide incidents: a banner text, agent ids, no customer data',
};

type Db = pg.Pool | PGlite;

async function tables(db: Db, schema: string): Promise<string[]> {
  const rows = await runSql<{ table_name: string }>(
    db,
    `SELECT table_name FROM information_schema.tables WHERE table_schema = '${schema}' ORDER BY 1`,
  );
  return rows.map((row) => row.table_name);
}

/** Every row of every table (but `except`), cast to text: the whole schema as one string. */
async function databaseText(db: Db, storage: PostgresAdapter, except: string[] = []) {
  let text = '';
  for (const table of await tables(db, storage.schema)) {
    if (except.includes(table)) continue;
    const rows = await runSql<{ row: string }>(
      db,
      `SELECT t::text AS row FROM "${storage.schema}"."${table}" AS t`,
    );
    text += `\n${table}: ${rows.map((r) => r.row).join('\n')}`;
  }
  return text;
}

const pool = DATABASE_URL ? createPool(4) : null;
afterAll(async () => {
  await pool?.end();
});

/** Runs the test on a migrated adapter in a fresh schema, dropped afterwards. */
async function inFreshSchema(test: (db: Db, storage: PostgresAdapter) => Promise<void>) {
  const db = pool ?? (await pglite());
  const storage = await freshAdapter(db);
  try {
    await test(db, storage);
  } finally {
    await storage.close();
  }
}

/** A desk over the storage with the privacy scenario seeded and its open conversation closed. */
async function scenarioDesk(storage: PostgresAdapter, options: Partial<CreateDeskOptions> = {}) {
  const clock = new VirtualClock(Date.UTC(2026, 10, 11, 1, 0));
  const all = { ...privacyScenarioOptions, clock, ...options };
  const desk = createDesk({ ...all, storage });
  const seeded = await seedPrivacyScenario(desk, clock);
  await desk.conversations.close({ conversationId: seeded.openId });
  return { desk, clock, seeded, options: all };
}

const REPORT = { from: 0, to: Date.UTC(2030, 0, 1), groupBy: [], timeZone: 'Asia/Shanghai' };

describe(`postgres adapter: personal data (${DATABASE_URL ? 'PostgreSQL server' : 'PGlite'})`, {
  timeout: 90_000,
}, () => {
  it('lists every table of the schema in the export coverage', () =>
    inFreshSchema(async (db, storage) => {
      expect(await tables(db, storage.schema)).toEqual(Object.keys(COVERAGE).sort());
    }));

  it('keeps the audit log append-only in the database itself', () =>
    inFreshSchema(async (db, storage) => {
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
      const log = `"${storage.schema}".audit_log`;
      for (const statement of [
        `UPDATE ${log} SET actor_id = 'x'`,
        `DELETE FROM ${log}`,
        `TRUNCATE ${log}`,
      ]) {
        await expect(runSql(db, statement)).rejects.toThrow(/append-only/);
      }
      expect(await storage.read.privacy.listAudit({}, { limit: 10 })).toHaveLength(1);
    }));

  it('leaves no trace of an erased customer in any table, event payloads included', () =>
    inFreshSchema(async (db, storage) => {
      const { desk } = await scenarioDesk(storage, { erasure: { batchSize: 2 } });
      // The gateway's buckets for this customer (and someone else's, which stays).
      const rule = { limit: 5, windowMs: 60_000 };
      for (const key of [`kefu:messages:${PII.customerId}`, 'kefu:messages:cus_other']) {
        await storage.rateLimits.take(key, rule, Date.now());
      }
      const before = await databaseText(db, storage);
      for (const value of [PII.name, PII.phone]) expect(before).toContain(value);
      expect(before).toContain(`kefu:messages:${PII.customerId}`);
      const metrics = await desk.metrics.report(REPORT);
      await desk.privacy.eraseCustomer(ERASURE_REQUEST);
      await drainJobs(desk, storage);
      const after = await databaseText(db, storage);
      expectNoPersonalValues(after, `schema ${storage.schema}`);
      // Rate-limit buckets keyed by the customer id are gone at once, not when they refill.
      const buckets = await runSql<{ key: string }>(
        db,
        `SELECT key FROM "${storage.schema}".rate_limits ORDER BY key`,
      );
      expect(buckets.map((row) => row.key)).toEqual(['kefu:messages:cus_other']);
      expect(await desk.metrics.report(REPORT)).toEqual(metrics);
      expect(await countErasedEvents(storage)).toBe(1);
    }));

  it('erases exactly once with two nodes racing, one of which dies halfway', () =>
    inFreshSchema(async (db, storage) => {
      const { desk, clock, options } = await scenarioDesk(storage, { erasure: { batchSize: 1 } });
      // Node A dies inside its third erasure batch: that transaction rolls back, and the job
      // stays claimed by a node that never finishes it.
      const node = dyingNode(storage, 3);
      const nodeA = createDesk({ ...options, storage: node.storage, onError: () => undefined });
      const requests = await Promise.all(
        [1, 2, 3].map(() => desk.privacy.eraseCustomer(ERASURE_REQUEST)),
      );
      expect(requests.map((r) => r.status)).toContain('scheduled');
      void (async () => {
        while (!node.dead()) await nodeA.jobs.runDue();
      })();
      for (let i = 0; i < 400 && !node.dead(); i++) await new Promise((r) => setTimeout(r, 10));
      expect(node.dead()).toBe(true);
      // After the lease, the first node and node B take over and race each other to the end.
      await clock.advance(60_000);
      const nodeB = createDesk({ ...options, storage });
      await Promise.all([drainJobs(desk, storage), drainJobs(nodeB, storage)]);
      expect(await countErasedEvents(storage)).toBe(1);
      expectNoPersonalValues(await databaseText(db, storage), `schema ${storage.schema}`);
    }));

  it('retention deletes and strips in batches until no old personal data is left', () =>
    inFreshSchema(async (db, storage) => {
      const retention = {
        messagesDays: 30,
        closedConversationsDays: 30,
        eventsDays: 30,
        batchSize: 3,
      };
      const { desk, clock, seeded } = await scenarioDesk(storage, { retention });
      await clock.advance(31 * 86_400_000);
      await desk.privacy.scheduleRetention();
      await drainJobs(desk, storage);
      // Profiles and tickets are live records outside the retention periods (erasure removes
      // their personal data); every other table, event payloads included, holds none any more.
      const text = await databaseText(db, storage, ['customers', 'tickets']);
      expectNoPersonalValues(text, `schema ${storage.schema} after retention`);
      expect(await storage.read.conversations.get(seeded.closedId)).toBeNull();
    }));
});
