import {
  type ArticleFilter,
  collectFacts,
  computeReport,
  createMemoryRateLimits,
  type Job,
  KefuError,
  type ReviewFilter,
  type StorageAdapter,
  type StorageReader,
} from '@kefu/core';
import { nanoid } from 'nanoid';
import { frozenCopy } from './deep-freeze';
import { candidates, listConversations } from './list-conversations';
import { listReviews } from './list-reviews';
import { countTickets, listTickets } from './list-tickets';
import { createMemoryIncidentReader } from './memory-incidents';
import { createMemoryPrivacyReader } from './memory-privacy';
import { createMemoryState, type MemoryState, pairKey } from './memory-state';
import { MemoryTransaction } from './memory-transaction';
import { createMutex } from './mutex';
import { requireClaim } from './require-claim';

/**
 * Options for {@link createMemoryAdapter}.
 *
 * @example
 * const storage = createMemoryAdapter({ name: 'candy-shop-demo' });
 */
export interface MemoryAdapterOptions {
  /** The adapter's `name`, shown in errors and logs; defaults to `memory`. */
  name?: string;
}

/**
 * Storage in the process's memory: fast, needs nothing, and gone when the process exits. For
 * tests, demos and single-process apps. Transactions run one at a time, so concurrent commands
 * are safe; records are stored frozen, so nobody can change them behind the desk's back.
 *
 * @example
 * import { createDesk } from '@kefu/core';
 * import { createMemoryAdapter } from '@kefu/adapter-memory';
 *
 * const desk = createDesk({ storage: createMemoryAdapter() });
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): StorageAdapter {
  return createMemoryAdapterOver(createMemoryState(), options);
}

/** The adapter over a given state; tests of this package use it to look at every collection. */
export function createMemoryAdapterOver(
  state: MemoryState,
  options: MemoryAdapterOptions = {},
): StorageAdapter {
  const name = options.name ?? 'memory';
  const exclusive = createMutex();
  let closed = false;

  const unavailable = () =>
    new KefuError('UNAVAILABLE', `The ${name} storage is closed; create a new adapter.`);
  const open = () => {
    if (closed) throw unavailable();
  };
  const whenOpen =
    <A extends unknown[], R>(read: (...args: A) => R) =>
    async (...args: A): Promise<Awaited<R>> => {
      open();
      return await read(...args);
    };

  const read: StorageReader = {
    customers: { get: whenOpen((id: string) => state.customers.get(id) ?? null) },
    agents: {
      get: whenOpen((id: string) => state.agents.get(id) ?? null),
      // Routing lists the agents after most commands; agents change far less often.
      list: whenOpen(() => {
        state.agentsById ??= [...state.agents.values()].sort((a, b) =>
          a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
        );
        return state.agentsById.slice();
      }),
    },
    conversations: {
      get: whenOpen((id: string) => state.conversations.get(id) ?? null),
      findByClientId: whenOpen((customerId: string, clientId: string) => {
        const id = state.conversationClientIds.get(pairKey(customerId, clientId));
        return id === undefined ? null : (state.conversations.get(id) ?? null);
      }),
      list: whenOpen((filter, page) => listConversations(candidates(state, filter), filter, page)),
    },
    articles: {
      get: whenOpen((id: string) => state.articles.get(id) ?? null),
      list: whenOpen((filter: ArticleFilter) =>
        [...state.articles.values()]
          .filter(
            (a) =>
              (filter.status === undefined || filter.status.includes(a.status)) &&
              (filter.locale === undefined || a.locale === filter.locale) &&
              (filter.category === undefined || a.category === filter.category),
          )
          .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
      ),
    },
    reviews: {
      get: whenOpen((id: string) => state.reviews.get(id) ?? null),
      list: whenOpen((filter: ReviewFilter) => listReviews(state.reviews.values(), filter)),
    },
    tickets: {
      get: whenOpen((id: string) => state.tickets.get(id) ?? null),
      list: whenOpen((filter, page) => listTickets(state.tickets.values(), filter, page)),
      count: whenOpen((filter) => countTickets(state.tickets.values(), filter)),
    },
    messages: {
      findByClientId: whenOpen(
        (conversationId: string, clientId: string) =>
          state.messageClientIds.get(pairKey(conversationId, clientId)) ?? null,
      ),
      listAfter: whenOpen((conversationId: string, afterSeq: number, limit: number) => {
        const list = state.messages.get(conversationId) ?? [];
        const page = [];
        for (
          let index = Math.max(0, afterSeq);
          index < list.length && page.length < limit;
          index++
        ) {
          const message = list[index];
          if (message) page.push(message);
        }
        return page;
      }),
    },
    incidents: createMemoryIncidentReader(state.incidents, open),
    privacy: createMemoryPrivacyReader(state, open),
  };

  // Claims and releases change jobs outside a transaction: they take the same lock.
  const updateJob = (job: Job, changes: Partial<Job>) => {
    state.jobs.set(job.id, frozenCopy({ ...job, ...changes }));
  };

  return {
    name,
    read,
    transaction(work) {
      // Fail fast, without queueing behind running transactions; always as a rejected promise.
      if (closed) return Promise.reject(unavailable());
      return exclusive(async () => {
        open();
        const tx = new MemoryTransaction(state);
        const result = await work(tx);
        tx.commit();
        return result;
      });
    },
    events: {
      read: whenOpen((after: number, limit: number) =>
        state.events.slice(Math.max(0, after), Math.max(0, after) + limit),
      ),
      lastPosition: whenOpen(() => state.events.length),
    },
    jobs: {
      claimDue: ({ now, leaseMs, limit }) =>
        exclusive(async () => {
          open();
          const due = [...state.jobs.values()]
            .filter((job) =>
              job.status === 'scheduled'
                ? job.dueAt <= now
                : job.leaseUntil !== null && job.leaseUntil <= now,
            )
            .sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1))
            .slice(0, limit);
          return due.map((job) => {
            updateJob(job, {
              status: 'claimed',
              claimToken: nanoid(),
              leaseUntil: now + leaseMs,
              attempts: job.attempts + 1,
              updatedAt: now,
            });
            return state.jobs.get(job.id) as Job;
          });
        }),
      release: ({ jobId, claimToken, retryAt, error, now }) =>
        exclusive(async () => {
          open();
          updateJob(requireClaim(state.jobs.get(jobId), jobId, claimToken), {
            status: 'scheduled',
            claimToken: null,
            leaseUntil: null,
            dueAt: retryAt,
            lastError: error,
            updatedAt: now,
          });
        }),
      findLive: whenOpen((key: string) => {
        const id = state.jobKeys.get(key);
        return id === undefined ? null : (state.jobs.get(id) ?? null);
      }),
      nextDueAt: whenOpen(() => {
        let next: number | null = null;
        for (const job of state.jobs.values()) {
          const at = job.status === 'scheduled' ? job.dueAt : (job.leaseUntil ?? job.dueAt);
          if (next === null || at < next) next = at;
        }
        return next;
      }),
    },
    metrics: {
      // The same computation as the desk's event-log path, over the log in memory without paging.
      report: async (query, { calendar }) => {
        open();
        return computeReport(collectFacts(state.events), query, calendar);
      },
    },
    rateLimits: (() => {
      const limits = createMemoryRateLimits(state.rateLimits);
      return {
        take: async (key, rule, now, cost) => {
          open();
          return limits.take(key, rule, now, cost);
        },
      };
    })(),
    async close() {
      closed = true;
      // A transaction already running may finish; those still queued fail with UNAVAILABLE.
      await exclusive(async () => undefined);
    },
  };
}
