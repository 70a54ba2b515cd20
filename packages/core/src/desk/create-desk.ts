import { z } from 'zod';
import { type AgentsApi, createAgentsApi } from '../agents/agents-api';
import type { BlobStore } from '../attachments/blob-store';
import { type ConversationsApi, createConversationsApi } from '../conversations/conversations-api';
import { type CustomersApi, createCustomersApi } from '../customers/customers-api';
import type { DomainEvent, DomainEventType } from '../events/domain-events';
import { createIncidents, type IncidentsApi } from '../incidents/incidents-api';
import {
  type BotHandler,
  createKnowledgeBot,
  type KnowledgeBotOptions,
} from '../knowledge/bot/knowledge-bot';
import { createBotRunner } from '../knowledge/bot-runner';
import { createKnowledge, type KnowledgeApi } from '../knowledge/knowledge-api';
import { createMessagesApi, type MessagesApi } from '../messages/messages-api';
import { createMetrics, type MetricsApi } from '../metrics/metrics-api';
import type { OrderLookup } from '../orders/order-lookup';
import { createOrdersApi, type OrdersApi } from '../orders/orders-api';
import { createPrivacyApi, type PrivacyApi } from '../privacy/privacy-api';
import { createQualityApi, type QualityApi } from '../quality/quality-api';
import type { Scorecard } from '../quality/review';
import type { RuleFlagOptions } from '../quality/rule-flags';
import { createRoutingEngine, type RoutingApi } from '../routing/routing-api';
import { createSlaApi, type SlaApi } from '../sla/sla-api';
import { createSlaRuntime } from '../sla/sla-runtime';
import type { StorageAdapter } from '../storage/storage-adapter';
import { createSupervisionApi, type SupervisionApi } from '../supervision/supervision-api';
import { createSurveysApi, type SurveysApi } from '../surveys/surveys-api';
import { createTicketsApi, type TicketsApi } from '../tickets/tickets-api';
import { type Clock, systemClock } from '../time/clock';
import { parseInput } from '../validation/parse-input';
import { createCommandRunner, type RunCommand } from './command-runner';
import { type DeskSettingsInput, DeskSettingsSchema } from './desk-settings';
import { type DeskListener, EventPublisher } from './event-publisher';
import { createJobRunner, type JobsApi } from './job-runner';

const ReadEventsSchema = z.object({
  after: z.number().int().nonnegative().default(0),
  limit: z.number().int().min(1).max(1000).default(100),
});
/**
 * What `desk.events.read` takes: the position to read after, and how many.
 *
 * @example
 * const events = await desk.events.read({ after: 1200, limit: 100 });
 */
export type ReadEventsInput = z.input<typeof ReadEventsSchema>;

/** Events after which routing may be able to assign: something queued, or an agent freed up. */
const ROUTING_TRIGGERS: ReadonlySet<DomainEventType> = new Set([
  'conversation.started',
  'conversation.handed_off',
  'conversation.transferred',
  'conversation.reopened',
  'conversation.overflowed',
  'conversation.pending',
  'conversation.resolved',
  'conversation.closed',
  'conversation.abandoned',
  'agent.upserted',
  'incident.ended',
]);

/**
 * A close by the desk's own timers: from `resolved` (reopen window over) or `pending` (idle), two
 * states that are not queued and hold no agent's load, so routing has nothing new to do. Only a
 * manual close can end a queued or active conversation.
 */
const closedFromRest = (event: DomainEvent) =>
  event.type === 'conversation.closed' && event.data.reason !== 'manual';

/**
 * Options of `createDesk`: the storage, and optionally a clock, the bot, order lookup and the desk's settings.
 *
 * @example
 * const options: CreateDeskOptions = {
 *   storage: createMemoryAdapter(),
 *   reopenWindowMs: 24 * 60 * 60_000,
 *   onError: (error) => console.error(error),
 * };
 * const desk = createDesk(options);
 */
export interface CreateDeskOptions extends DeskSettingsInput {
  storage: StorageAdapter;
  /** Defaults to the system clock; pass a `VirtualClock` in tests. */
  clock?: Clock;
  /** Answers conversations in the `bot` state (e.g. `createKnowledgeBot`); none by default. */
  bot?: BotHandler;
  /** Or: a knowledge bot over this desk's own published articles, with these options. */
  knowledgeBot?: Omit<KnowledgeBotOptions, 'knowledge'>;
  /** Greetings and forbidden words for quality review's rule flags (defaults: zh-CN and en). */
  qualityRules?: RuleFlagOptions;
  /** The scorecards reviewers choose from (`desk.quality.scorecards()`); `DEFAULT_SCORECARD` if none. */
  qualityScorecards?: Scorecard[];
  /** The shop's order system, for order snapshots on tickets and lookups from conversations. */
  orders?: OrderLookup;
  /**
   * The store the gateway keeps uploads in (the same one as `attachments.blobs`): erasure then
   * deletes the customer's files and retention the files of expired messages.
   */
  blobs?: BlobStore;
  /** Errors thrown by event listeners and background jobs. Defaults to `console.error`. */
  onError?: (error: unknown) => void;
}

/**
 * The event log, readable from any position.
 *
 * @example
 * const last = await desk.events.lastPosition();
 * const page = await desk.events.read({ after: last - 10, limit: 10 });
 */
export interface EventsApi {
  /**
   * Events after a position, ascending: resume a consumer from the last position it handled.
   *
   * @example
   * const events = await desk.events.read({ after: lastSeenPosition, limit: 100 });
   */
  read(input?: ReadEventsInput): Promise<DomainEvent[]>;
  /** The newest position, 0 when nothing happened yet. */
  lastPosition(): Promise<number>;
}

/**
 * A customer-service desk (客服台) over one storage.
 *
 * @example
 * const desk: Desk = createDesk({ storage: createMemoryAdapter() });
 * await desk.jobs.start();
 * const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
 */
export interface Desk {
  readonly customers: CustomersApi;
  readonly agents: AgentsApi;
  readonly conversations: ConversationsApi;
  readonly messages: MessagesApi;
  readonly events: EventsApi;
  readonly jobs: JobsApi;
  readonly routing: RoutingApi;
  readonly sla: SlaApi;
  readonly tickets: TicketsApi;
  readonly orders: OrdersApi;
  readonly surveys: SurveysApi;
  readonly metrics: MetricsApi;
  /** Export, erasure, retention, masking and the audit log (docs/concepts/privacy.md). */
  readonly privacy: PrivacyApi;
  /** Incident mode (应急): the desk-wide switch, its banner, and the health probe. */
  readonly incidents: IncidentsApi;
  /** Resolves when the bot has answered every customer message given to it. */
  readonly bot: { idle(): Promise<void> };
  readonly knowledge: KnowledgeApi;
  readonly quality: QualityApi;
  /** The supervisor live view and watch, whisper, barge-in, reassign (docs/concepts/supervision.md). */
  readonly supervision: SupervisionApi;
  readonly clock: Clock;
  /**
   * Listens to committed events of one type, or to all with `'*'`. Returns the unsubscribe function.
   *
   * @example
   * const off = desk.on('message.posted', (event) => console.log(event.data.message.text));
   */
  on<T extends DomainEventType | '*'>(type: T, listener: DeskListener<T>): () => void;
  /** Stops the job runner and waits for routing in progress. The storage stays open: its owner closes it. */
  stop(): Promise<void>;
}

/**
 * Creates a desk. Every command validates its input, runs in one storage transaction and
 * publishes its events after commit.
 *
 * @example
 * import { createDesk } from '@kefu/core';
 * import { createMemoryAdapter } from '@kefu/adapter-memory';
 *
 * const desk = createDesk({ storage: createMemoryAdapter() });
 * await desk.customers.upsert({ id: 'cus_lin', name: '林小糖' });
 * const conversation = await desk.conversations.start({
 *   customerId: 'cus_lin',
 *   message: { text: '我的糖果什么时候到？' },
 * });
 */
export function createDesk(options: CreateDeskOptions): Desk {
  const {
    storage,
    clock = systemClock,
    onError = defaultOnError,
    orders,
    bot,
    knowledgeBot,
    qualityRules,
    qualityScorecards,
    ...rawSettings
  } = options;
  const settings = parseInput(DeskSettingsSchema, rawSettings, 'desk options');
  const publisher = new EventPublisher((error) => onError(error));
  let run: RunCommand;
  const incidents = createIncidents({ storage, clock, run: () => run, onError, bus: storage.bus });
  const jobs = createJobRunner({
    storage,
    clock,
    run: () => run,
    settings: settings.jobs,
    onError,
    // The sweep follows the incident it was scheduled for, even one another node switched.
    beforeJob: (job) => (job.kind === 'incident.sla-sweep' ? incidents.sync() : undefined),
  });
  const sla = createSlaRuntime(settings.sla, incidents.slaHold);
  run = createCommandRunner({
    sla,
    storage,
    clock,
    publisher,
    settings,
    onJobScheduled: (dueAt) => jobs.wake(dueAt),
    incidentMode: incidents.mode,
    ready: incidents.ready,
    ...(options.blobs ? { blobs: options.blobs } : {}),
  });

  const routing = createRoutingEngine({
    storage,
    clock,
    run,
    settings,
    onError,
    held: incidents.holdsRouting,
  });
  const metrics = createMetrics({
    storage,
    clock,
    sla,
    calendarId: Object.keys(settings.sla.calendars)[0],
  });
  const knowledge = createKnowledge(storage, run);
  const botHandler =
    bot ??
    (knowledgeBot
      ? createKnowledgeBot({
          ...knowledgeBot,
          knowledge: {
            search: (query, o) =>
              knowledge.api.search({
                query,
                limit: o.limit,
                ...(o.locale ? { locale: o.locale } : {}),
              }),
          },
        })
      : undefined);
  const botRunner = createBotRunner({ storage, run, bot: botHandler, onError });
  publisher.on('*', (event) => {
    metrics.onEvent(event, onError);
    // Only article changes touch the search index: no promise per message.
    if (event.type === 'article.changed') knowledge.onEvent(event).catch(onError);
    if (event.type === 'message.posted' && event.data.message.author.kind === 'customer') {
      botRunner.onCustomerMessage(event.data.message);
    }
    if (event.type === 'conversation.resolved') routing.recordHandleTime(event.data.conversation);
    if (!settings.routing.auto) return;
    if (ROUTING_TRIGGERS.has(event.type) && !closedFromRest(event)) routing.kick();
  });
  // An incident another node ended frees routing here too.
  incidents.api.subscribe(() => {
    if (settings.routing.auto && !incidents.holdsRouting()) routing.kick();
  });

  const conversations = createConversationsApi(storage, run, settings);
  return {
    customers: createCustomersApi(storage, run),
    agents: createAgentsApi(storage, run),
    conversations,
    messages: createMessagesApi(storage, run),
    events: {
      async read(input = {}) {
        const { after, limit } = parseInput(ReadEventsSchema, input, 'event read request');
        return storage.events.read(after, limit);
      },
      lastPosition: () => storage.events.lastPosition(),
    },
    jobs: {
      runDue: () => jobs.runDue(),
      start: () => jobs.start(),
      stop: () => jobs.stop(),
      lagMs: () => jobs.lagMs(),
      get running() {
        return jobs.running;
      },
    },
    routing: {
      dispatch: () => routing.dispatch(),
      claimNext: (input) => routing.claimNext(input),
      availability: (input) => routing.availability(input),
      refreshQueue: () => routing.refreshQueue(),
      subscribe: (listener) => routing.subscribe(listener),
      getSnapshot: () => routing.getSnapshot(),
      position: (conversationId) => routing.position(conversationId),
      idle: () => routing.idle(),
    },
    sla: createSlaApi(storage, clock, sla, Object.keys(settings.sla.calendars)),
    tickets: createTicketsApi(storage, run, settings.tickets, orders ?? null),
    orders: createOrdersApi(orders ?? null),
    surveys: createSurveysApi(storage, run),
    metrics: metrics.api,
    privacy: createPrivacyApi(storage, run, settings),
    incidents: incidents.api,
    bot: { idle: () => botRunner.idle() },
    knowledge: knowledge.api,
    quality: createQualityApi(storage, run, qualityRules, qualityScorecards),
    supervision: createSupervisionApi(conversations, run, clock),
    clock,
    on: (type, listener) => publisher.on(type, listener),
    async stop() {
      incidents.stop();
      await jobs.stop();
      await botRunner.idle();
      await routing.idle();
    },
  };
}

function defaultOnError(error: unknown): void {
  console.error('[kefu]', error);
}
