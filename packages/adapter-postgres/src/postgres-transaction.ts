import type {
  Agent,
  Article,
  Conversation,
  ConversationReadOptions,
  Customer,
  DomainEvent,
  DomainEventDraft,
  Job,
  JobDraft,
  Message,
  ReadOptions,
  Review,
  StorageTransaction,
  Ticket,
  TicketFilter,
} from '@kefu/core';
import { KefuError } from '@kefu/core';
import { nanoid } from 'nanoid';
import { PostgresIncidentWriter } from './postgres-incidents';
import { PostgresPrivacyWriter } from './postgres-privacy';
import { type DocRow, JOB_COLUMNS, type JobRow, json, toJob } from './row-mapping';
import type { SqlSession } from './sql-client';
import { ticketColumns, ticketCountQuery } from './ticket-queries';

const conflict = (message: string) => new KefuError('CONFLICT', message);

/** Table and schema the statements of one transaction use. */
interface Context {
  readonly sql: SqlSession;
  /** Quoted schema. */
  readonly s: string;
  readonly channel: string;
  /**
   * Rows this transaction read `FOR UPDATE`, by table and id. It holds their locks until it
   * ends, so nobody else can change them: a second read (routing checks an agent, then the load
   * update reads it again) is answered without a round trip. Its own update replaces the entry
   * with the row it wrote (the lock stays held until the end); a failed update drops it.
   */
  readonly locked: Map<string, unknown>;
}

// Conversation columns are computed from the document in SQL, so the one JSON parameter is the
// single source of truth and the indexed columns cannot drift from it.
const conversationColumns = `d->>'id', (d->>'version')::int, d->>'customerId', d->>'clientId',
  d->>'status', d->>'assigneeId', d->>'channel', d->>'priority',
  ARRAY(SELECT jsonb_array_elements_text(d->'tags')), (d->>'createdAt')::bigint, d`;

class VersionedRepository<T extends { id: string; version: number }> {
  constructor(
    protected readonly ctx: Context,
    protected readonly table:
      | 'customers'
      | 'agents'
      | 'conversations'
      | 'tickets'
      | 'articles'
      | 'reviews',
    private readonly kind: string,
  ) {}

  async get(id: string, options?: ReadOptions): Promise<T | null> {
    return this.read(id, options, '', []);
  }

  /** `get`, with `condition` (SQL over the table's columns, its parameters from `$2`) added. */
  protected async read(
    id: string,
    options: ReadOptions | undefined,
    condition: string,
    params: readonly unknown[],
  ): Promise<T | null> {
    const key = `${this.table}\u0000${id}`;
    const held = this.ctx.locked.get(key) as T | undefined;
    if (held !== undefined) return held;
    const lock = options?.forUpdate
      ? options.skipLocked
        ? ' FOR UPDATE SKIP LOCKED'
        : ' FOR UPDATE'
      : '';
    const { rows } = await this.ctx.sql.query<DocRow<T>>(
      `SELECT doc FROM ${this.ctx.s}.${this.table} WHERE id = $1${condition}${lock}`,
      [id, ...params],
    );
    const doc = rows[0]?.doc ?? null;
    if (doc !== null && options?.forUpdate) this.ctx.locked.set(key, doc);
    return doc;
  }

  /**
   * After this transaction wrote the row it holds its lock, and the row is `record`: a re-read
   * (routing reads the agent whose load it just moved) needs no round trip. A failed write
   * forgets the row.
   */
  protected written(record: T | null, id: string): void {
    const key = `${this.table}\u0000${id}`;
    if (record === null) this.ctx.locked.delete(key);
    else this.ctx.locked.set(key, record);
  }

  async insert(record: T): Promise<void> {
    try {
      await this.ctx.sql.query(
        `INSERT INTO ${this.ctx.s}.${this.table} (id, version, doc) VALUES ($1, $2, $3::jsonb)`,
        [record.id, record.version, json(record)],
      );
    } catch (error) {
      throw this.duplicate(error, record.id);
    }
  }

  protected duplicate(error: unknown, id: string): unknown {
    if (error instanceof KefuError && error.code === 'CONFLICT') {
      return conflict(`A ${this.kind} "${id}" already exists (or its client id is taken).`);
    }
    return error;
  }

  async update(record: T, expectedVersion: number): Promise<void> {
    const { rowCount } = await this.ctx.sql.query(
      `UPDATE ${this.ctx.s}.${this.table} SET version = $3, doc = $4::jsonb
        WHERE id = $1 AND version = $2`,
      [record.id, expectedVersion, record.version, json(record)],
    );
    this.written(rowCount === 1 ? record : null, record.id);
    this.requireOne(rowCount, record.id, expectedVersion);
  }

  protected requireOne(rowCount: number, id: string, expectedVersion: number): void {
    if (rowCount !== 1) {
      throw conflict(
        `The ${this.kind} "${id}" is not at version ${expectedVersion} (changed or not stored); read it again and retry.`,
      );
    }
  }
}

class ConversationRepository extends VersionedRepository<Conversation> {
  /** With `onlyIfStatus`, a row in another status is neither returned nor locked. */
  override get(id: string, options?: ConversationReadOptions): Promise<Conversation | null> {
    return options?.forUpdate && options.onlyIfStatus !== undefined
      ? this.read(id, options, ' AND status = $2', [options.onlyIfStatus])
      : this.read(id, options, '', []);
  }

  /**
   * One statement for a stretch of the queue: rows another transaction holds are skipped
   * (`SKIP LOCKED` applies after the sort, so the order given is kept), rows no longer queued are
   * neither returned nor locked, and a row taken meanwhile is checked again under its lock.
   */
  async lockFirstQueued(ids: readonly string[]): Promise<Conversation | null> {
    if (ids.length === 0) return null;
    const { rows } = await this.ctx.sql.query<DocRow<Conversation>>(
      `SELECT doc FROM ${this.ctx.s}.conversations
        WHERE id = ANY($1::text[]) AND status = $2
        ORDER BY array_position($1::text[], id) LIMIT 1 FOR UPDATE SKIP LOCKED`,
      [ids, 'queued'],
    );
    const doc = rows[0]?.doc ?? null;
    // Held until the end like a `get` forUpdate: the assignment's re-read costs no round trip.
    if (doc !== null) this.written(doc, doc.id);
    return doc;
  }

  async findByClientId(customerId: string, clientId: string): Promise<Conversation | null> {
    const { rows } = await this.ctx.sql.query<DocRow<Conversation>>(
      `SELECT doc FROM ${this.ctx.s}.conversations WHERE customer_id = $1 AND client_id = $2`,
      [customerId, clientId],
    );
    return rows[0]?.doc ?? null;
  }

  override async insert(conversation: Conversation): Promise<void> {
    try {
      await this.ctx.sql.query(
        `INSERT INTO ${this.ctx.s}.conversations (id, version, customer_id, client_id, status,
          assignee_id, channel, priority, tags, created_at, doc)
         SELECT ${conversationColumns} FROM (SELECT $1::jsonb AS d) AS input`,
        [json(conversation)],
      );
    } catch (error) {
      throw this.duplicate(error, conversation.id);
    }
  }

  override async update(conversation: Conversation, expectedVersion: number): Promise<void> {
    const { rowCount } = await this.ctx.sql.query(
      `UPDATE ${this.ctx.s}.conversations AS c
          SET (id, version, customer_id, client_id, status, assignee_id, channel, priority, tags,
               created_at, doc) = (SELECT ${conversationColumns})
         FROM (SELECT $1::jsonb AS d) AS input
        WHERE c.id = $2 AND c.version = $3`,
      [json(conversation), conversation.id, expectedVersion],
    );
    this.written(rowCount === 1 ? conversation : null, conversation.id);
    this.requireOne(rowCount, conversation.id, expectedVersion);
  }
}

class TicketRepository extends VersionedRepository<Ticket> {
  async findByClientId(customerId: string, clientId: string): Promise<Ticket | null> {
    const { rows } = await this.ctx.sql.query<DocRow<Ticket>>(
      `SELECT doc FROM ${this.ctx.s}.tickets WHERE customer_id = $1 AND client_id = $2`,
      [customerId, clientId],
    );
    return rows[0]?.doc ?? null;
  }

  override async insert(ticket: Ticket): Promise<void> {
    try {
      await this.ctx.sql.query(
        `INSERT INTO ${this.ctx.s}.tickets (id, version, customer_id, client_id, status, owner_id,
          department, category_id, region, created_at, doc)
         SELECT ${ticketColumns} FROM (SELECT $1::jsonb AS d) AS input`,
        [json(ticket)],
      );
    } catch (error) {
      throw this.duplicate(error, ticket.id);
    }
  }

  override async update(ticket: Ticket, expectedVersion: number): Promise<void> {
    const { rowCount } = await this.ctx.sql.query(
      `UPDATE ${this.ctx.s}.tickets AS t
          SET (id, version, customer_id, client_id, status, owner_id, department, category_id,
               region, created_at, doc) = (SELECT ${ticketColumns})
         FROM (SELECT $1::jsonb AS d) AS input
        WHERE t.id = $2 AND t.version = $3`,
      [json(ticket), ticket.id, expectedVersion],
    );
    this.written(rowCount === 1 ? ticket : null, ticket.id);
    this.requireOne(rowCount, ticket.id, expectedVersion);
  }

  async count(filter: TicketFilter): Promise<number> {
    const query = ticketCountQuery(this.ctx.s, filter);
    const { rows } = await this.ctx.sql.query<{ count: number }>(query.text, query.params);
    return rows[0]?.count ?? 0;
  }
}

class MessageRepository {
  constructor(private readonly ctx: Context) {}

  async findByClientId(conversationId: string, clientId: string): Promise<Message | null> {
    const { rows } = await this.ctx.sql.query<DocRow<Message>>(
      `SELECT doc FROM ${this.ctx.s}.messages WHERE conversation_id = $1 AND client_id = $2`,
      [conversationId, clientId],
    );
    return rows[0]?.doc ?? null;
  }

  async insert(message: Message): Promise<void> {
    try {
      await this.ctx.sql.query(
        `INSERT INTO ${this.ctx.s}.messages (conversation_id, seq, id, client_id, doc)
         VALUES ($1, $2, $3, $4, $5::jsonb)`,
        [message.conversationId, message.seq, message.id, message.clientId, json(message)],
      );
    } catch (error) {
      if (error instanceof KefuError && error.code === 'CONFLICT') {
        throw conflict(
          `Message seq ${message.seq} or its client id already exists in "${message.conversationId}".`,
        );
      }
      throw error;
    }
  }
}

/** `" conversation,desk"`: what follows the position in the NOTIFY payload (see notify-event-bus). */
function kindsSuffix(drafts: readonly DomainEventDraft[]): string {
  const kinds = new Set<string>();
  for (const draft of drafts) kinds.add(draft.subject.kind);
  return ` ${[...kinds].join(',')}`;
}

class EventLogWriter {
  constructor(private readonly ctx: Context) {}

  async append(drafts: readonly DomainEventDraft[]): Promise<DomainEvent[]> {
    if (drafts.length === 0) return [];
    const payload = json(drafts.map((draft) => ({ ...draft, id: `evt_${nanoid(16)}` })));
    // One round trip: take the next positions from the counter, insert the events, and queue
    // the NOTIFY. The counter row stays locked until commit, so appenders queue here: positions
    // are handed out gap-free and become visible in order. A rollback undoes the increment and
    // the NOTIFY (Postgres delivers notifications at commit only).
    const { rows } = await this.ctx.sql.query<{ last: number }>(
      `WITH counter AS (
         UPDATE ${this.ctx.s}.event_counter SET last_position = last_position + $1
         RETURNING last_position
       ), appended AS (
         INSERT INTO ${this.ctx.s}.events (position, id, type, subject_kind, subject_id, at, doc)
         SELECT c.last_position - $1 + x.n, x.e->>'id', x.e->>'type', x.e->'subject'->>'kind',
                x.e->'subject'->>'id', (x.e->>'at')::bigint,
                x.e || jsonb_build_object('position', c.last_position - $1 + x.n)
           FROM jsonb_array_elements($2::jsonb) WITH ORDINALITY AS x(e, n) CROSS JOIN counter c
         RETURNING position
       )
       SELECT last_position::float8 AS last, pg_notify($3, last_position::text || $4) FROM counter`,
      [drafts.length, payload, this.ctx.channel, kindsSuffix(drafts)],
    );
    const last = rows[0]?.last ?? 0;
    const first = last - drafts.length + 1;
    // The stored events as JSON gives them back (a copy of their own), from the text just sent.
    const events = JSON.parse(payload) as DomainEvent[];
    for (const [index, event] of events.entries()) event.position = first + index;
    return events;
  }
}

class JobWriter {
  constructor(private readonly ctx: Context) {}

  async schedule(draft: JobDraft, now: number): Promise<Job> {
    await this.cancel(draft.key, now);
    const { rows } = await this.ctx.sql.query<JobRow>(
      `INSERT INTO ${this.ctx.s}.jobs (id, key, kind, status, due_at, payload, attempts,
         claim_token, lease_until, last_error, created_at, updated_at)
       VALUES ($1, $2, $3, 'scheduled', $4, $5::jsonb, 0, NULL, NULL, NULL, $6, $6)
       RETURNING ${JOB_COLUMNS}`,
      [`job_${nanoid(16)}`, draft.key, draft.kind, draft.dueAt, json(draft.payload), now],
    );
    const row = rows[0];
    if (!row) throw new KefuError('ADAPTER', 'Scheduling a job returned no row.');
    return toJob(row);
  }

  async cancel(key: string, now: number): Promise<void> {
    await this.ctx.sql.query(
      `UPDATE ${this.ctx.s}.jobs SET status = 'cancelled', claim_token = NULL, lease_until = NULL,
          updated_at = $2
        WHERE key = $1 AND status IN ('scheduled', 'claimed')`,
      [key, now],
    );
  }

  async complete(jobId: string, claimToken: string, now: number): Promise<void> {
    const { rowCount } = await this.ctx.sql.query(
      `UPDATE ${this.ctx.s}.jobs SET status = 'done', claim_token = NULL, lease_until = NULL,
          updated_at = $3
        WHERE id = $1 AND status = 'claimed' AND claim_token = $2`,
      [jobId, claimToken, now],
    );
    if (rowCount !== 1) {
      throw conflict(`Job "${jobId}" is no longer claimed with this token; another runner has it.`);
    }
  }
}

/** One unit of work on one connection; see `createPostgresAdapter`. */
export class PostgresTransaction implements StorageTransaction {
  readonly customers: VersionedRepository<Customer>;
  readonly agents: VersionedRepository<Agent>;
  readonly conversations: ConversationRepository;
  readonly tickets: TicketRepository;
  readonly articles: VersionedRepository<Article>;
  readonly reviews: VersionedRepository<Review>;
  readonly incidents: PostgresIncidentWriter;
  readonly messages: MessageRepository;
  readonly events: EventLogWriter;
  readonly jobs: JobWriter;
  readonly privacy: PostgresPrivacyWriter;

  constructor(sql: SqlSession, s: string, channel: string) {
    const ctx: Context = { sql, s, channel, locked: new Map() };
    this.customers = new VersionedRepository(ctx, 'customers', 'customer');
    this.agents = new VersionedRepository(ctx, 'agents', 'agent');
    this.conversations = new ConversationRepository(ctx, 'conversations', 'conversation');
    this.tickets = new TicketRepository(ctx, 'tickets', 'ticket');
    this.articles = new VersionedRepository<Article>(ctx, 'articles', 'article');
    this.reviews = new VersionedRepository<Review>(ctx, 'reviews', 'review');
    this.incidents = new PostgresIncidentWriter(sql, s);
    this.messages = new MessageRepository(ctx);
    this.events = new EventLogWriter(ctx);
    this.jobs = new JobWriter(ctx);
    this.privacy = new PostgresPrivacyWriter(sql, s);
  }
}
