import {
  type DomainEvent,
  type DomainEventDraft,
  type Job,
  KefuError,
  type Message,
  type StorageTransaction,
} from '@kefu/core';
import { nanoid } from 'nanoid';
import { frozenCopy } from './deep-freeze';
import { type MemoryState, pairKey } from './memory-state';
import { requireClaim } from './require-claim';
import { StagedMap } from './staged-map';

const conflict = (message: string) => new KefuError('CONFLICT', message);

function checkVersion(
  kind: string,
  stored: { version: number } | undefined,
  id: string,
  expectedVersion: number,
): void {
  if (!stored) throw new KefuError('NOT_FOUND', `No ${kind} "${id}" to update.`);
  if (stored.version !== expectedVersion) {
    throw conflict(
      `The ${kind} "${id}" changed (version ${stored.version}, expected ${expectedVersion}); read it again and retry.`,
    );
  }
}

/**
 * One memory transaction: reads see committed state overlaid with this transaction's writes;
 * `commit()` applies the writes. Transactions run one at a time (see the adapter's mutex), so
 * checks made here still hold at commit.
 */
export function createMemoryTransaction(state: MemoryState) {
  const customers = new StagedMap(state.customers);
  const agents = new StagedMap(state.agents);
  const conversations = new StagedMap(state.conversations);
  const conversationClientIds = new StagedMap(state.conversationClientIds);
  const messageClientIds = new StagedMap(state.messageClientIds);
  const jobs = new StagedMap(state.jobs);
  const jobKeys = new StagedMap(state.jobKeys);
  const newMessages = new Map<string, Message>();
  const newEvents: DomainEvent[] = [];

  const versioned = <T extends { id: string; version: number }>(
    kind: string,
    table: StagedMap<string, T>,
  ) => ({
    get: async (id: string) => table.get(id) ?? null,
    async insert(record: T) {
      if (table.get(record.id)) throw conflict(`A ${kind} "${record.id}" already exists.`);
      table.set(record.id, frozenCopy(record));
    },
    async update(record: T, expectedVersion: number) {
      checkVersion(kind, table.get(record.id), record.id, expectedVersion);
      table.set(record.id, frozenCopy(record));
    },
  });

  const liveJob = (key: string): Job | undefined => {
    const id = jobKeys.get(key);
    return id === undefined ? undefined : jobs.get(id);
  };
  const endJob = (job: Job) => {
    jobs.delete(job.id);
    jobKeys.delete(job.key);
  };

  const conversationsRepo = versioned('conversation', conversations);
  const tx: StorageTransaction = {
    customers: versioned('customer', customers),
    agents: versioned('agent', agents),
    conversations: {
      ...conversationsRepo,
      async findByClientId(customerId, clientId) {
        const id = conversationClientIds.get(pairKey(customerId, clientId));
        return id === undefined ? null : (conversations.get(id) ?? null);
      },
      async insert(conversation) {
        if (conversation.clientId !== null) {
          const key = pairKey(conversation.customerId, conversation.clientId);
          if (conversationClientIds.get(key) !== undefined) {
            throw conflict(
              `Customer "${conversation.customerId}" already has a conversation with this client id.`,
            );
          }
          await conversationsRepo.insert(conversation);
          conversationClientIds.set(key, conversation.id);
          return;
        }
        await conversationsRepo.insert(conversation);
      },
    },
    messages: {
      async findByClientId(conversationId, clientId) {
        return messageClientIds.get(pairKey(conversationId, clientId)) ?? null;
      },
      async insert(message) {
        const seqKey = pairKey(message.conversationId, String(message.seq));
        if (
          state.messages.get(message.conversationId)?.[message.seq - 1] ||
          newMessages.has(seqKey)
        ) {
          throw conflict(
            `Message seq ${message.seq} already exists in "${message.conversationId}".`,
          );
        }
        const clientKey =
          message.clientId === null ? null : pairKey(message.conversationId, message.clientId);
        if (clientKey !== null && messageClientIds.get(clientKey)) {
          throw conflict(
            `A message with this client id already exists in "${message.conversationId}".`,
          );
        }
        const stored = frozenCopy(message);
        newMessages.set(seqKey, stored);
        if (clientKey !== null) messageClientIds.set(clientKey, stored);
      },
    },
    events: {
      async append(drafts: readonly DomainEventDraft[]) {
        const first = state.events.length + newEvents.length + 1;
        const appended = drafts.map((draft, index) =>
          frozenCopy({ ...draft, id: `evt_${nanoid(16)}`, position: first + index } as DomainEvent),
        );
        newEvents.push(...appended);
        return appended;
      },
    },
    jobs: {
      async schedule(draft, now) {
        const existing = liveJob(draft.key);
        if (existing) endJob(existing);
        const job: Job = frozenCopy({
          ...draft,
          id: `job_${nanoid(16)}`,
          status: 'scheduled',
          attempts: 0,
          claimToken: null,
          leaseUntil: null,
          lastError: null,
          createdAt: now,
          updatedAt: now,
        });
        jobs.set(job.id, job);
        jobKeys.set(job.key, job.id);
        return job;
      },
      async cancel(key) {
        const existing = liveJob(key);
        if (existing) endJob(existing);
      },
      async complete(jobId, claimToken) {
        endJob(requireClaim(jobs.get(jobId), jobId, claimToken));
      },
    },
  };

  function commit(): void {
    for (const table of [
      customers,
      agents,
      conversations,
      conversationClientIds,
      messageClientIds,
      jobs,
      jobKeys,
    ]) {
      (table as StagedMap<string, unknown>).commit();
    }
    for (const message of newMessages.values()) {
      let list = state.messages.get(message.conversationId);
      if (!list) {
        list = [];
        state.messages.set(message.conversationId, list);
      }
      list[message.seq - 1] = message;
    }
    state.events.push(...newEvents);
  }

  return { tx, commit };
}
