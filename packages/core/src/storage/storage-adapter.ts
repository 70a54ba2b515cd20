import type { Agent } from '../agents/agent';
import type { Conversation, ConversationStatus } from '../conversations/conversation';
import type { Customer } from '../customers/customer';
import type { DomainEvent, DomainEventDraft } from '../events/domain-events';
import type { EventBus } from '../events/event-bus';
import type { Job, JobDraft } from '../jobs/job';
import type { Article, ArticleStatus } from '../knowledge/article';
import type { Message } from '../messages/message';
import type { MetricsReport, ReportQuery } from '../metrics/report-shape';
import type { BusinessCalendar } from '../sla/business-calendar';
import type { Ticket, TicketStatus } from '../tickets/ticket';
import type { Channel, Priority } from '../vocabulary/channels-and-priorities';
import type { IncidentReader, IncidentStorage, IncidentWriter } from './incident-storage';
import type { PrivacyReader, PrivacyWriter } from './privacy-storage';
import type { QualityStorage, ReviewReader, ReviewWriter } from './quality-storage';
import type { RateLimitStore } from './rate-limits';

/**
 * Filters for listing conversations; every given field must match.
 *
 * @example
 * ```ts
 * const filter: ConversationFilter = { status: ['queued'], team: 'after-sales' };
 * ```
 */
export interface ConversationFilter {
  status?: readonly ConversationStatus[];
  customerId?: string;
  assigneeId?: string | null;
  channel?: Channel;
  priority?: readonly Priority[];
  tag?: string;
}

/**
 * Filters for listing or counting tickets; every given field must match.
 *
 * @example
 * ```ts
 * const filter: TicketFilter = { status: ['awaiting_customer'], ownerId: 'agt_wang' };
 * ```
 */
export interface TicketFilter {
  customerId?: string;
  status?: readonly TicketStatus[];
  ownerId?: string | null;
  department?: string;
  categoryId?: string;
  region?: string;
  /** Only tickets created at or after this instant. */
  createdFrom?: number;
}

/**
 * Filters for listing knowledge-base articles.
 *
 * @example
 * ```ts
 * const published = await storage.read.articles.list({ status: ['published'], locale: 'zh-CN' });
 * ```
 */
export interface ArticleFilter {
  status?: readonly ArticleStatus[];
  locale?: string;
  category?: string;
}

/**
 * Keyset position in the conversation list, which is ordered newest first by (createdAt, id).
 *
 * @example
 * ```ts
 * const after: ConversationListKey = { createdAt: last.createdAt, id: last.id };
 * const next = await storage.read.conversations.list({ status: ['closed'] }, { limit: 100, after });
 * ```
 */
export interface ConversationListKey {
  createdAt: number;
  id: string;
}

/**
 * One page of the conversation list: its size and where the previous page ended.
 *
 * @example
 * ```ts
 * const page: ConversationPageRequest = { limit: 100 };
 * const first = await storage.read.conversations.list({ customerId: 'cus_lin' }, page);
 * ```
 */
export interface ConversationPageRequest {
  limit: number;
  /** Return only conversations strictly after this key in list order. */
  after?: ConversationListKey | undefined;
}

/**
 * Options for reading an aggregate inside a transaction.
 *
 * @example
 * ```ts
 * await storage.transaction(async (tx) => {
 *   const conversation = await tx.conversations.get(id, { forUpdate: true });
 *   // …update it
 * });
 * ```
 */
export interface ReadOptions {
  /**
   * The transaction will update this row: a database adapter may lock it (`SELECT … FOR UPDATE`)
   * to avoid retry storms. The version check still applies either way.
   */
  forUpdate?: boolean;
  /**
   * With `forUpdate`: when another transaction holds the row's lock, answer `null` at once
   * instead of waiting (`FOR UPDATE SKIP LOCKED`). For work that any of several nodes may take,
   * such as routing a queued conversation: the node that holds it is already on it. Adapters
   * whose transactions never overlap (memory) read the row as usual.
   */
  skipLocked?: boolean;
}

/**
 * `ReadOptions` for a conversation, plus the status the caller goes on with.
 *
 * @example
 * const queued = await tx.conversations.get(id, { forUpdate: true, skipLocked: true, onlyIfStatus: 'queued' });
 * if (queued?.status !== 'queued') return; // taken meanwhile (the check stays: adapters may ignore the option)
 */
export interface ConversationReadOptions extends ReadOptions {
  /**
   * With `forUpdate`: the caller only writes the conversation while it has this status, so a
   * database adapter answers `null` without locking it when it has another (a lock it would not
   * use, which costs a database a write and a flushed commit). Adapters may ignore it: the caller
   * still checks the status itself.
   */
  onlyIfStatus?: ConversationStatus;
}

/**
 * Reads of committed data. Missing rows are `null`, never an error.
 *
 * @example
 * ```ts
 * const reader: StorageReader = storage.read;
 * const customer = await reader.customers.get('cus_lin');
 * ```
 */
export interface StorageReader
  extends QualityStorage<ReviewReader>,
    IncidentStorage<IncidentReader> {
  customers: { get(id: string): Promise<Customer | null> };
  agents: {
    get(id: string): Promise<Agent | null>;
    /** All agents, ordered by id. */
    list(): Promise<Agent[]>;
  };
  conversations: {
    get(id: string): Promise<Conversation | null>;
    findByClientId(customerId: string, clientId: string): Promise<Conversation | null>;
    list(filter: ConversationFilter, page: ConversationPageRequest): Promise<Conversation[]>;
  };
  tickets: {
    get(id: string): Promise<Ticket | null>;
    /** Newest first by (createdAt, id), like conversations. */
    list(filter: TicketFilter, page: ConversationPageRequest): Promise<Ticket[]>;
    count(filter: TicketFilter): Promise<number>;
  };
  articles: {
    get(id: string): Promise<Article | null>;
    /** Every matching article, ordered by id. */
    list(filter: ArticleFilter): Promise<Article[]>;
  };
  messages: {
    findByClientId(conversationId: string, clientId: string): Promise<Message | null>;
    /** Messages with `seq > afterSeq`, ascending, at most `limit`. */
    listAfter(conversationId: string, afterSeq: number, limit: number): Promise<Message[]>;
  };
  /** Audit log, and paged reads for export, erasure and retention (see privacy-storage.ts). */
  privacy: PrivacyReader;
}

/**
 * One unit of work. Writes become visible together when the transaction's function resolves, and
 * not at all when it throws. `update` takes the version the caller read; a different stored
 * version — or no stored row at all — fails with `KefuError` code `CONFLICT`, as does inserting an
 * id, client id or message seq that already exists. Do not start a transaction (or claim jobs)
 * inside another one: an adapter may serialise them and wait forever.
 *
 * @example
 * ```ts
 * await storage.transaction(async (tx: StorageTransaction) => {
 *   const customer = await tx.customers.get('cus_lin');
 *   if (!customer) await tx.customers.insert(newCustomer);
 * });
 * ```
 */
export interface StorageTransaction
  extends QualityStorage<ReviewWriter>,
    IncidentStorage<IncidentWriter> {
  customers: {
    get(id: string, options?: ReadOptions): Promise<Customer | null>;
    insert(customer: Customer): Promise<void>;
    update(customer: Customer, expectedVersion: number): Promise<void>;
  };
  agents: {
    get(id: string, options?: ReadOptions): Promise<Agent | null>;
    insert(agent: Agent): Promise<void>;
    update(agent: Agent, expectedVersion: number): Promise<void>;
  };
  conversations: {
    get(id: string, options?: ConversationReadOptions): Promise<Conversation | null>;
    /**
     * Optional: locks and returns the first of `ids`, in the order given, that is still
     * `queued` and that no other transaction holds (`FOR UPDATE SKIP LOCKED`); `null` when there
     * is none, or `ids` is empty. Routing hands it a stretch of the queue, so several nodes
     * draining one queue find a free conversation in one statement instead of one transaction
     * per taken row. Adapters whose transactions never overlap (memory) answer the first still
     * queued. Without it, the desk asks `get` for each id in turn, in the same transaction.
     */
    lockFirstQueued?(ids: readonly string[]): Promise<Conversation | null>;
    findByClientId(customerId: string, clientId: string): Promise<Conversation | null>;
    insert(conversation: Conversation): Promise<void>;
    update(conversation: Conversation, expectedVersion: number): Promise<void>;
  };
  tickets: {
    get(id: string, options?: ReadOptions): Promise<Ticket | null>;
    findByClientId(customerId: string, clientId: string): Promise<Ticket | null>;
    insert(ticket: Ticket): Promise<void>;
    update(ticket: Ticket, expectedVersion: number): Promise<void>;
    /** Sees this transaction's own writes, like every read here. */
    count(filter: TicketFilter): Promise<number>;
  };
  articles: {
    get(id: string, options?: ReadOptions): Promise<Article | null>;
    insert(article: Article): Promise<void>;
    update(article: Article, expectedVersion: number): Promise<void>;
  };
  messages: {
    findByClientId(conversationId: string, clientId: string): Promise<Message | null>;
    insert(message: Message): Promise<void>;
  };
  events: {
    /** Appends events; they get the next positions, gap-free, in the order given. */
    append(events: readonly DomainEventDraft[]): Promise<DomainEvent[]>;
  };
  jobs: {
    /** Schedules a job; a live job with the same key is replaced. Returns the stored job. */
    schedule(job: JobDraft, now: number): Promise<Job>;
    /** Cancels the live job with this key, if any. */
    cancel(key: string, now: number): Promise<void>;
    /** Marks a claimed job done; `CONFLICT` when the claim token is no longer current. */
    complete(jobId: string, claimToken: string, now: number): Promise<void>;
  };
  /** Audit appends, redaction and batched deletes (see privacy-storage.ts). */
  privacy: PrivacyWriter;
}

/**
 * A claimed job handed back: when to run it again and why it failed.
 *
 * @example
 * ```ts
 * await storage.jobs.release({ jobId: job.id, claimToken: job.claimToken!, retryAt: Date.now() + 5_000, error: 'SMTP timeout' });
 * ```
 */
export interface JobRelease {
  jobId: string;
  claimToken: string;
  retryAt: number;
  error: string;
  now: number;
}

/**
 * What a job runner asks for: due jobs at `now`, held for `leaseMs`, at most `limit`.
 *
 * @example
 * ```ts
 * const due = await storage.jobs.claimDue({ now: Date.now(), leaseMs: 30_000, limit: 20 });
 * ```
 */
export interface ClaimRequest {
  now: number;
  /** How long the claim holds; after it, another runner may claim the job again. */
  leaseMs: number;
  limit: number;
}

/**
 * The storage port every adapter implements (see `runStorageConformance` in `@kefu/core/testing`).
 *
 * @example
 * const desk = createDesk({ storage: createMemoryAdapter() });
 */
export interface StorageAdapter {
  readonly name: string;
  readonly read: StorageReader;
  transaction<T>(work: (tx: StorageTransaction) => Promise<T>): Promise<T>;
  events: {
    /** Events with `position > after`, ascending, at most `limit`. */
    read(after: number, limit: number): Promise<DomainEvent[]>;
    /** Highest position written so far, 0 when the log is empty. */
    lastPosition(): Promise<number>;
  };
  jobs: {
    /**
     * Claims due jobs (scheduled with `dueAt <= now`, or claimed with an expired lease) for this
     * caller; no two concurrent callers get the same job. Each claim has a fresh `claimToken`.
     */
    claimDue(request: ClaimRequest): Promise<Job[]>;
    /**
     * Gives a claimed job back to run again at `retryAt`, recording the error; `CONFLICT` when
     * the claim token is no longer current.
     */
    release(release: JobRelease): Promise<void>;
    /** The live job with this key, or null. */
    findLive(key: string): Promise<Job | null>;
    /**
     * The earliest instant at which `claimDue` could return a job: the `dueAt` of scheduled jobs
     * and the `leaseUntil` of claimed ones. Null when there are no live jobs. Lets a runner sleep
     * until then.
     */
    nextDueAt(): Promise<number | null>;
  };
  /**
   * Optional: computes `desk.metrics.report()` in the storage itself (e.g. in SQL). It must give
   * the same result as `computeReport(collectFacts(events), query, calendar)` over the event log.
   */
  readonly metrics?: {
    report(query: ReportQuery, options: { calendar: BusinessCalendar }): Promise<MetricsReport>;
  };
  /**
   * Cross-node notification of new events, for adapters shared by several nodes (e.g. Postgres
   * LISTEN/NOTIFY). In-process adapters leave it out.
   */
  readonly bus?: EventBus;
  /**
   * Optional: token buckets kept in the storage, so limits (messages per customer, new visitors
   * per address) hold across every node that shares it. Both bundled adapters provide it.
   */
  readonly rateLimits?: RateLimitStore;
  close(): Promise<void>;
}
