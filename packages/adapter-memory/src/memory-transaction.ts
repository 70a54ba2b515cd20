import type {
  Agent,
  Article,
  Conversation,
  Customer,
  DomainEvent,
  DomainEventDraft,
  Job,
  JobDraft,
  Message,
  Review,
  StorageTransaction,
  Ticket,
  TicketFilter,
} from '@kefu/core';
import { KefuError, newId } from '@kefu/core';
import { frozenCopy } from './deep-freeze';
import { countTickets } from './list-tickets';
import { MemoryIncidentWriter } from './memory-incidents';
import { MemoryPrivacyWriter } from './memory-privacy';
import { type MemoryState, pairKey } from './memory-state';
import { requireClaim } from './require-claim';
import { StagedMap } from './staged-map';

const conflict = (message: string) => new KefuError('CONFLICT', message);

/**
 * What one transaction has written so far, table by table. Staged tables are created on first
 * use: a message post touches four of the nine. Repositories are classes rather than closures
 * because a transaction is created for every command and this is the hot path.
 */
class Staging {
  readonly state: MemoryState;
  readonly copies = new Map<object, unknown>();
  readonly newMessages = new Map<string, Message>();
  readonly newEvents: DomainEvent[] = [];
  readonly #tables = new Map<keyof MemoryState, StagedMap<string, unknown>>();

  constructor(state: MemoryState) {
    this.state = state;
  }

  table<
    K extends
      | 'tickets'
      | 'articles'
      | 'reviews'
      | 'incidents'
      | 'ticketClientIds'
      | 'customers'
      | 'agents'
      | 'conversations'
      | 'conversationClientIds'
      | 'messageClientIds'
      | 'jobs'
      | 'jobKeys',
  >(name: K): StagedMap<string, MemoryState[K] extends Map<string, infer V> ? V : never> {
    let table = this.#tables.get(name);
    if (!table) {
      table = new StagedMap(this.state[name] as Map<string, unknown>);
      this.#tables.set(name, table);
    }
    return table as never;
  }

  commit(): void {
    const conversations = this.#tables.get('conversations');
    if (conversations) indexByStatus(this.state, conversations.written());
    if (this.#tables.get('agents')?.written().next().done === false) this.state.agentsById = null;
    for (const table of this.#tables.values()) table.commit();
    for (const message of this.newMessages.values()) {
      let list = this.state.messages.get(message.conversationId);
      if (!list) {
        list = [];
        this.state.messages.set(message.conversationId, list);
      }
      list[message.seq - 1] = message;
    }
    for (const event of this.newEvents) this.state.events.push(event);
  }
}

/** Moves each written conversation to its new status in `conversationsByStatus`, before commit. */
function indexByStatus(state: MemoryState, written: Iterable<[string, unknown]>): void {
  const index = state.conversationsByStatus;
  for (const [id, value] of written) {
    const before = state.conversations.get(id)?.status;
    const after = (value as Conversation | undefined)?.status;
    if (before === after) continue;
    if (before !== undefined) index.get(before)?.delete(id);
    if (after === undefined) continue;
    let ids = index.get(after);
    if (!ids) {
      ids = new Set();
      index.set(after, ids);
    }
    ids.add(id);
  }
}

class VersionedRepository<T extends { id: string; version: number }> {
  constructor(
    protected readonly staging: Staging,
    private readonly name:
      | 'customers'
      | 'agents'
      | 'conversations'
      | 'tickets'
      | 'articles'
      | 'reviews',
    private readonly kind: string,
  ) {}

  protected get rows(): StagedMap<string, T> {
    return this.staging.table(this.name) as unknown as StagedMap<string, T>;
  }

  async get(id: string): Promise<T | null> {
    return this.rows.get(id) ?? null;
  }

  async insert(record: T): Promise<void> {
    if (this.rows.get(record.id)) throw conflict(`A ${this.kind} "${record.id}" already exists.`);
    this.rows.set(record.id, frozenCopy(record, this.staging.copies));
  }

  async update(record: T, expectedVersion: number): Promise<void> {
    const stored = this.rows.get(record.id);
    if (!stored) throw conflict(`The ${this.kind} "${record.id}" is not stored; insert it first.`);
    if (stored.version !== expectedVersion) {
      throw conflict(
        `The ${this.kind} "${record.id}" changed (version ${stored.version}, expected ${expectedVersion}); read it again and retry.`,
      );
    }
    this.rows.set(record.id, frozenCopy(record, this.staging.copies));
  }
}

/** Conversations and tickets: records a customer owns, unique per (customer, client id). */
class CustomerOwnedRepository<
  T extends { id: string; version: number; customerId: string; clientId: string | null },
> extends VersionedRepository<T> {
  constructor(
    staging: Staging,
    name: 'conversations' | 'tickets',
    kind: string,
    private readonly clientIdTable: 'conversationClientIds' | 'ticketClientIds',
  ) {
    super(staging, name, kind);
  }

  async findByClientId(customerId: string, clientId: string): Promise<T | null> {
    const id = this.staging.table(this.clientIdTable).get(pairKey(customerId, clientId));
    return id === undefined ? null : (this.rows.get(id) ?? null);
  }

  override async insert(record: T): Promise<void> {
    const key = record.clientId === null ? null : pairKey(record.customerId, record.clientId);
    const clientIds = this.staging.table(this.clientIdTable);
    if (key !== null && clientIds.get(key) !== undefined) {
      throw conflict(`Customer "${record.customerId}" already has a record with this client id.`);
    }
    await super.insert(record);
    if (key !== null) clientIds.set(key, record.id);
  }
}

class ConversationRepository extends CustomerOwnedRepository<Conversation> {
  /** Transactions never overlap here, so no row is held by another: the first still queued. */
  async lockFirstQueued(ids: readonly string[]): Promise<Conversation | null> {
    for (const id of ids) {
      const conversation = this.rows.get(id);
      if (conversation?.status === 'queued') return conversation;
    }
    return null;
  }
}

class TicketRepository extends CustomerOwnedRepository<Ticket> {
  async count(filter: TicketFilter): Promise<number> {
    return countTickets(this.rows.values(), filter);
  }
}

class MessageRepository {
  constructor(private readonly staging: Staging) {}

  async findByClientId(conversationId: string, clientId: string): Promise<Message | null> {
    return this.staging.table('messageClientIds').get(pairKey(conversationId, clientId)) ?? null;
  }

  async insert(message: Message): Promise<void> {
    const { state, newMessages, copies } = this.staging;
    const seqKey = pairKey(message.conversationId, String(message.seq));
    if (state.messages.get(message.conversationId)?.[message.seq - 1] || newMessages.has(seqKey)) {
      throw conflict(`Message seq ${message.seq} already exists in "${message.conversationId}".`);
    }
    const clientKey =
      message.clientId === null ? null : pairKey(message.conversationId, message.clientId);
    const clientIds = this.staging.table('messageClientIds');
    if (clientKey !== null && clientIds.get(clientKey)) {
      throw conflict(
        `A message with this client id already exists in "${message.conversationId}".`,
      );
    }
    const stored = frozenCopy(message, copies);
    newMessages.set(seqKey, stored);
    if (clientKey !== null) clientIds.set(clientKey, stored);
  }
}

class EventLogWriter {
  constructor(private readonly staging: Staging) {}

  async append(drafts: readonly DomainEventDraft[]): Promise<DomainEvent[]> {
    const { state, newEvents, copies } = this.staging;
    const first = state.events.length + newEvents.length + 1;
    // Fields named, not `{ ...draft, id, position }`: V8 adds properties after a spread slowly.
    const appended = drafts.map((draft, index) =>
      frozenCopy(
        {
          type: draft.type,
          at: draft.at,
          subject: draft.subject,
          data: draft.data,
          id: newId('evt_'),
          position: first + index,
        } as DomainEvent,
        copies,
      ),
    );
    newEvents.push(...appended);
    return appended;
  }
}

class JobWriter {
  constructor(private readonly staging: Staging) {}

  #live(key: string): Job | undefined {
    const id = this.staging.table('jobKeys').get(key);
    return id === undefined ? undefined : this.staging.table('jobs').get(id);
  }

  #end(job: Job): void {
    this.staging.table('jobs').delete(job.id);
    this.staging.table('jobKeys').delete(job.key);
  }

  async schedule(draft: JobDraft, now: number): Promise<Job> {
    const existing = this.#live(draft.key);
    if (existing) this.#end(existing);
    // Fields named, not spread from the draft: V8 adds properties after a spread slowly.
    const job: Job = frozenCopy({
      key: draft.key,
      kind: draft.kind,
      dueAt: draft.dueAt,
      payload: draft.payload,
      id: newId('job_'),
      status: 'scheduled',
      attempts: 0,
      claimToken: null,
      leaseUntil: null,
      lastError: null,
      createdAt: now,
      updatedAt: now,
    });
    this.staging.table('jobs').set(job.id, job);
    this.staging.table('jobKeys').set(job.key, job.id);
    return job;
  }

  async cancel(key: string): Promise<void> {
    const existing = this.#live(key);
    if (existing) this.#end(existing);
  }

  async complete(jobId: string, claimToken: string): Promise<void> {
    this.#end(requireClaim(this.staging.table('jobs').get(jobId), jobId, claimToken));
  }
}

/**
 * One memory transaction: reads see committed state overlaid with this transaction's writes;
 * `commit()` applies them. Transactions run one at a time (the adapter's mutex), so checks made
 * here still hold at commit. Repositories are made on first use: a command touches a few of them,
 * and a transaction is made for every command.
 */
export class MemoryTransaction implements StorageTransaction {
  readonly #staging: Staging;
  #customers: VersionedRepository<Customer> | undefined;
  #agents: VersionedRepository<Agent> | undefined;
  #conversations: ConversationRepository | undefined;
  #tickets: TicketRepository | undefined;
  #articles: VersionedRepository<Article> | undefined;
  #reviews: VersionedRepository<Review> | undefined;
  #incidents: MemoryIncidentWriter | undefined;
  #messages: MessageRepository | undefined;
  #events: EventLogWriter | undefined;
  #jobs: JobWriter | undefined;
  #privacy: MemoryPrivacyWriter | undefined;

  constructor(state: MemoryState) {
    this.#staging = new Staging(state);
  }

  get customers(): VersionedRepository<Customer> {
    this.#customers ??= new VersionedRepository(this.#staging, 'customers', 'customer');
    return this.#customers;
  }

  get agents(): VersionedRepository<Agent> {
    this.#agents ??= new VersionedRepository(this.#staging, 'agents', 'agent');
    return this.#agents;
  }

  get conversations(): ConversationRepository {
    this.#conversations ??= new ConversationRepository(
      this.#staging,
      'conversations',
      'conversation',
      'conversationClientIds',
    );
    return this.#conversations;
  }

  get tickets(): TicketRepository {
    this.#tickets ??= new TicketRepository(this.#staging, 'tickets', 'ticket', 'ticketClientIds');
    return this.#tickets;
  }

  get articles(): VersionedRepository<Article> {
    this.#articles ??= new VersionedRepository<Article>(this.#staging, 'articles', 'article');
    return this.#articles;
  }

  get reviews(): VersionedRepository<Review> {
    this.#reviews ??= new VersionedRepository<Review>(this.#staging, 'reviews', 'review');
    return this.#reviews;
  }

  get incidents(): MemoryIncidentWriter {
    const staging = this.#staging;
    this.#incidents ??= new MemoryIncidentWriter(
      () => staging.table('incidents'),
      (incident) => frozenCopy(incident, staging.copies),
    );
    return this.#incidents;
  }

  get messages(): MessageRepository {
    this.#messages ??= new MessageRepository(this.#staging);
    return this.#messages;
  }

  get events(): EventLogWriter {
    this.#events ??= new EventLogWriter(this.#staging);
    return this.#events;
  }

  get jobs(): JobWriter {
    this.#jobs ??= new JobWriter(this.#staging);
    return this.#jobs;
  }

  get privacy(): MemoryPrivacyWriter {
    this.#privacy ??= new MemoryPrivacyWriter(this.#staging.state);
    return this.#privacy;
  }

  commit(): void {
    this.#staging.commit();
    this.#privacy?.commit();
  }
}
