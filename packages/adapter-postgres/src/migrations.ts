import { EVENT_KEYS as K } from './event-keys';
import { quoteSchema } from './schema-name';
import type { SqlClient } from './sql-client';

/**
 * One schema change; `statements` get the quoted schema name. Never edit a released one: add a
 * new migration with the next version.
 *
 * @example
 * const latest = MIGRATIONS.at(-1)?.version;
 */
export interface Migration {
  version: number;
  name: string;
  statements: (s: string) => string[];
}

/**
 * Every migration, in order; `adapter.migrate()` applies the ones a schema lacks. Ids are
 * `COLLATE "C"` so ordering and keyset paging compare bytes, as JavaScript compares ASCII ids.
 *
 * @example
 * console.log(MIGRATIONS.map((m) => `${m.version} ${m.name}`));
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'initial',
    statements: (s) => [
      `CREATE TABLE ${s}.customers (
        id text COLLATE "C" PRIMARY KEY,
        version integer NOT NULL,
        doc jsonb NOT NULL
      )`,
      `CREATE TABLE ${s}.agents (
        id text COLLATE "C" PRIMARY KEY,
        version integer NOT NULL,
        doc jsonb NOT NULL
      )`,
      `CREATE TABLE ${s}.conversations (
        id text COLLATE "C" PRIMARY KEY,
        version integer NOT NULL,
        customer_id text NOT NULL,
        client_id text,
        status text NOT NULL,
        assignee_id text,
        channel text NOT NULL,
        priority text NOT NULL,
        tags text[] NOT NULL,
        created_at bigint NOT NULL,
        doc jsonb NOT NULL,
        UNIQUE (customer_id, client_id)
      )`,
      `CREATE INDEX conversations_list ON ${s}.conversations (created_at DESC, id DESC)`,
      `CREATE INDEX conversations_status ON ${s}.conversations (status, created_at DESC, id DESC)`,
      `CREATE INDEX conversations_customer ON ${s}.conversations (customer_id, created_at DESC, id DESC)`,
      `CREATE INDEX conversations_assignee ON ${s}.conversations (assignee_id, status)`,
      `CREATE INDEX conversations_tags ON ${s}.conversations USING gin (tags)`,
      `CREATE TABLE ${s}.messages (
        conversation_id text COLLATE "C" NOT NULL,
        seq integer NOT NULL,
        id text NOT NULL,
        client_id text,
        doc jsonb NOT NULL,
        PRIMARY KEY (conversation_id, seq),
        UNIQUE (conversation_id, client_id)
      )`,
      `CREATE TABLE ${s}.events (
        position bigint PRIMARY KEY,
        id text NOT NULL UNIQUE,
        type text NOT NULL,
        subject_kind text NOT NULL,
        subject_id text NOT NULL,
        at bigint NOT NULL,
        doc jsonb NOT NULL
      )`,
      `CREATE INDEX events_subject ON ${s}.events (subject_kind, subject_id, position)`,
      // One row: the last position handed out. Appending locks it until commit, which is what
      // keeps positions gap-free and in commit order.
      `CREATE TABLE ${s}.event_counter (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        last_position bigint NOT NULL
      )`,
      `INSERT INTO ${s}.event_counter (singleton, last_position) VALUES (true, 0)`,
      `CREATE TABLE ${s}.jobs (
        id text COLLATE "C" PRIMARY KEY,
        key text NOT NULL,
        kind text NOT NULL,
        status text NOT NULL,
        due_at bigint NOT NULL,
        payload jsonb NOT NULL,
        attempts integer NOT NULL,
        claim_token text,
        lease_until bigint,
        last_error text,
        created_at bigint NOT NULL,
        updated_at bigint NOT NULL
      )`,
      `CREATE UNIQUE INDEX jobs_live_key ON ${s}.jobs (key) WHERE status IN ('scheduled', 'claimed')`,
      `CREATE INDEX jobs_due ON ${s}.jobs (due_at, id) WHERE status = 'scheduled'`,
      `CREATE INDEX jobs_lease ON ${s}.jobs (lease_until, id) WHERE status = 'claimed'`,
    ],
  },
  {
    version: 2,
    name: 'tickets',
    statements: (s) => [
      `CREATE TABLE ${s}.tickets (
        id text COLLATE "C" PRIMARY KEY,
        version integer NOT NULL,
        customer_id text NOT NULL,
        client_id text,
        status text NOT NULL,
        owner_id text,
        department text,
        category_id text,
        region text,
        created_at bigint NOT NULL,
        doc jsonb NOT NULL,
        UNIQUE (customer_id, client_id)
      )`,
      `CREATE INDEX tickets_list ON ${s}.tickets (created_at DESC, id DESC)`,
      `CREATE INDEX tickets_customer ON ${s}.tickets (customer_id, category_id, created_at DESC, id DESC)`,
      `CREATE INDEX tickets_status ON ${s}.tickets (status, created_at DESC, id DESC)`,
      `CREATE INDEX tickets_owner ON ${s}.tickets (owner_id, status)`,
      `CREATE INDEX tickets_category ON ${s}.tickets (category_id, region, created_at)`,
      `CREATE INDEX tickets_department ON ${s}.tickets (department, created_at DESC, id DESC)`,
    ],
  },
  {
    version: 3,
    name: 'articles',
    statements: (s) => [
      `CREATE TABLE ${s}.articles (
        id text COLLATE "C" PRIMARY KEY,
        version integer NOT NULL,
        doc jsonb NOT NULL
      )`,
      `CREATE INDEX articles_status ON ${s}.articles ((doc->>'status'), (doc->>'locale'), id)`,
    ],
  },
  {
    // For `metrics.report` in SQL: every lookup it makes in the event log, by what the events
    // say (see event-keys.ts). Partial, so each index holds only the events it is for.
    version: 4,
    name: 'metrics',
    statements: (s) => [
      `CREATE INDEX IF NOT EXISTS events_conversation_created ON ${s}.events (${K.conversationCreatedAt})
        WHERE ${K.conversationId} IS NOT NULL`,
      `CREATE INDEX IF NOT EXISTS events_conversation ON ${s}.events (${K.conversationId}, position)
        WHERE ${K.conversationId} IS NOT NULL`,
      `CREATE INDEX IF NOT EXISTS events_message_conversation ON ${s}.events (${K.messageConversationId}, position)
        WHERE type = 'message.posted'`,
      `CREATE INDEX IF NOT EXISTS events_survey_conversation ON ${s}.events (${K.surveyConversationId})
        WHERE type IN ('survey.sent', 'survey.answered')`,
      `CREATE INDEX IF NOT EXISTS events_ticket ON ${s}.events (${K.ticketId}, position)
        WHERE ${K.ticketId} IS NOT NULL`,
      `CREATE INDEX IF NOT EXISTS events_ticket_conversation ON ${s}.events (${K.ticketConversationId})
        WHERE ${K.ticketConversationId} IS NOT NULL`,
      `CREATE INDEX IF NOT EXISTS events_agent_presence ON ${s}.events (${K.agentId}, ${K.agentUpdatedAt})
        WHERE type = 'agent.upserted'`,
    ],
  },
  {
    version: 5,
    name: 'rate-limits',
    statements: (s) => [
      // Token buckets shared by every node (see postgres-rate-limits.ts); `full_at` is when a
      // bucket has refilled, so idle rows can be deleted.
      `CREATE TABLE ${s}.rate_limits (
        key text COLLATE "C" PRIMARY KEY,
        tokens float8 NOT NULL,
        updated_at float8 NOT NULL,
        full_at float8 NOT NULL,
        allowed boolean NOT NULL
      )`,
      `CREATE INDEX rate_limits_full_at ON ${s}.rate_limits (full_at)`,
    ],
  },
  {
    // Personal data protection: the append-only audit log and the lookups export, erasure and
    // retention make (see docs/concepts/privacy.md).
    version: 6,
    name: 'privacy',
    statements: (s) => [
      `CREATE TABLE ${s}.audit_log (
        seq bigint PRIMARY KEY,
        id text NOT NULL UNIQUE,
        at bigint NOT NULL,
        actor_kind text NOT NULL,
        actor_id text NOT NULL,
        action text NOT NULL,
        customer_id text,
        doc jsonb NOT NULL
      )`,
      `CREATE INDEX audit_log_customer ON ${s}.audit_log (customer_id, seq)`,
      `CREATE INDEX audit_log_actor ON ${s}.audit_log (actor_id, seq)`,
      `CREATE TABLE ${s}.audit_counter (
        singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
        last_seq bigint NOT NULL
      )`,
      `INSERT INTO ${s}.audit_counter (singleton, last_seq) VALUES (true, 0)`,
      // Append-only in the database too: no UPDATE, DELETE or TRUNCATE of audit entries.
      `CREATE FUNCTION ${s}.audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$`,
      `CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON ${s}.audit_log
        FOR EACH ROW EXECUTE FUNCTION ${s}.audit_log_append_only()`,
      `CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON ${s}.audit_log
        FOR EACH STATEMENT EXECUTE FUNCTION ${s}.audit_log_append_only()`,
      `CREATE INDEX events_customer ON ${s}.events ((doc #>> '{data,customer,id}'))
        WHERE type = 'customer.upserted'`,
      `CREATE INDEX events_conversation_customer ON ${s}.events ((doc #>> '{data,conversation,customerId}'))`,
      `CREATE INDEX events_ticket_customer ON ${s}.events ((doc #>> '{data,ticket,customerId}'))`,
      `CREATE INDEX events_survey_customer ON ${s}.events ((doc #>> '{data,survey,customerId}'))`,
      `CREATE INDEX messages_created ON ${s}.messages (((doc->>'createdAt')::bigint))`,
    ],
  },
  {
    // Quality reviews (质检): documents like articles; listed by agent or conversation, in
    // (createdAt, id) order.
    version: 7,
    name: 'reviews',
    statements: (s) => [
      `CREATE TABLE ${s}.reviews (
        id text COLLATE "C" PRIMARY KEY,
        version integer NOT NULL,
        doc jsonb NOT NULL
      )`,
      `CREATE INDEX reviews_agent ON ${s}.reviews ((doc->>'agentId'), ((doc->>'createdAt')::bigint), id)`,
      `CREATE INDEX reviews_conversation ON ${s}.reviews ((doc->>'conversationId'))`,
    ],
  },
  {
    // Incidents (应急): one row each, so a node loads the state with one read and the database
    // keeps a second active incident out. Filled from the event log of desks that had some.
    version: 8,
    name: 'incidents',
    statements: (s) => [
      `CREATE TABLE ${s}.incidents (
        id text COLLATE "C" PRIMARY KEY,
        started_at bigint NOT NULL,
        ended_at bigint,
        doc jsonb NOT NULL
      )`,
      `CREATE INDEX incidents_started ON ${s}.incidents (started_at DESC, id DESC)`,
      `INSERT INTO ${s}.incidents (id, started_at, ended_at, doc)
        SELECT DISTINCT ON (doc #>> '{data,incident,id}')
               doc #>> '{data,incident,id}', (doc #>> '{data,incident,startedAt}')::bigint,
               (doc #>> '{data,incident,endedAt}')::bigint, doc #> '{data,incident}'
          FROM ${s}.events
         WHERE type IN ('incident.started', 'incident.ended')
         ORDER BY doc #>> '{data,incident,id}', position DESC`,
      // Only the newest can still be active; an older one left open ends where it began.
      `UPDATE ${s}.incidents
          SET ended_at = started_at, doc = jsonb_set(doc, '{endedAt}', to_jsonb(started_at))
        WHERE ended_at IS NULL
          AND id <> (SELECT id FROM ${s}.incidents ORDER BY started_at DESC, id DESC LIMIT 1)`,
      `CREATE UNIQUE INDEX incidents_one_active ON ${s}.incidents ((true)) WHERE ended_at IS NULL`,
    ],
  },
];

/**
 * What `migrate()` did: the versions it applied now (empty when the schema was current) and the
 * version the schema is at.
 *
 * @example
 * const { applied, current } = await storage.migrate();
 */
export interface MigrationResult {
  applied: number[];
  current: number;
}

/**
 * Brings `schema` up to the latest migration, in one transaction. Idempotent, and safe when
 * several nodes start at once: a transaction-scoped advisory lock lets one node migrate while the
 * others wait and then find nothing to do.
 */
export async function runMigrations(sql: SqlClient, schema: string): Promise<MigrationResult> {
  const s = quoteSchema(schema);
  return sql.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`kefu.migrate.${schema}`]);
    await tx.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await tx.query(
      `CREATE TABLE IF NOT EXISTS ${s}.kefu_migrations (
        version integer PRIMARY KEY,
        name text NOT NULL,
        applied_at timestamptz NOT NULL DEFAULT now()
      )`,
    );
    const done = await tx.query<{ version: number }>(`SELECT version FROM ${s}.kefu_migrations`);
    const have = new Set(done.rows.map((row) => row.version));
    const applied: number[] = [];
    for (const migration of MIGRATIONS) {
      if (have.has(migration.version)) continue;
      for (const statement of migration.statements(s)) await tx.query(statement);
      await tx.query(`INSERT INTO ${s}.kefu_migrations (version, name) VALUES ($1, $2)`, [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return { applied, current: Math.max(0, ...have, ...applied) };
  });
}
