import type { z } from 'zod';
import { requireCustomerWritable } from '../customers/customer-guard';
import type { CommandContext, RunCommand } from '../desk/command-runner';
import type { DeskSettings } from '../desk/desk-settings';
import { newId } from '../ids/new-id';
import { postMessageInTransaction } from '../messages/post-message';
import { updateQueueJobs } from '../routing/queue-jobs';
import { decodeCursor, encodeCursor } from '../storage/list-cursor';
import type { StorageAdapter, StorageTransaction } from '../storage/storage-adapter';
import { IdSchema } from '../validation/common-schemas';
import { parseInput } from '../validation/parse-input';
import {
  applyConversationEvent,
  commitConversation,
  loadConversation,
  publishSla,
  slaUpdate,
} from './apply-conversation-event';
import type { Conversation } from './conversation';
import type { ConversationMachineEvent } from './conversation-events';
import { requireAgent, requireOpen } from './conversation-preconditions';
import {
  type AssignInput,
  AssignSchema,
  type ConversationRefInput,
  ConversationRefSchema,
  type ListConversationsInput,
  ListConversationsSchema,
  type ReopenInput,
  ReopenSchema,
  type SetPriorityInput,
  SetPrioritySchema,
  type StartConversationInput,
  StartConversationSchema,
  type TagInput,
  TagSchema,
  type TransferInput,
  TransferSchema,
} from './conversation-schemas';
import { newConversation } from './new-conversation';

/**
 * One page of `desk.conversations.list`.
 *
 * @example
 * const page: ConversationPage = await desk.conversations.list({ limit: 20 });
 * if (page.nextCursor) await desk.conversations.list({ limit: 20, cursor: page.nextCursor });
 */
export interface ConversationPage {
  items: Conversation[];
  /** Pass to `list({ cursor })` for the next page; `null` on the last page. */
  nextCursor: string | null;
}

/**
 * Conversations (会话) through their lifecycle. Each command returns the stored conversation.
 *
 * @example
 * const { id } = await desk.conversations.start({ customerId: 'cus_lin', message: { text: '你好' } });
 * await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
 * await desk.conversations.resolve({ conversationId: id });
 */
export interface ConversationsApi {
  /**
   * Starts a conversation for an existing customer, optionally with their first message.
   * With a `clientId`, repeating the call returns the first conversation.
   *
   * @example
   * const conversation = await desk.conversations.start({
   *   customerId: 'cus_lin', channel: 'web', topic: 'delivery',
   *   message: { text: '我的糖果什么时候到？' },
   * });
   */
  start(input: StartConversationInput): Promise<Conversation>;
  /**
   * The conversation, or `null`.
   *
   * @example
   * const conversation = await desk.conversations.get({ conversationId: 'conv_1' });
   * if (conversation?.status === 'queued') console.log('still waiting for an agent');
   */
  get(input: ConversationRefInput): Promise<Conversation | null>;
  /**
   * @deprecated Pass `{ conversationId }` like every other command; the bare id is accepted
   * until the next minor version.
   */
  get(id: string): Promise<Conversation | null>;
  /**
   * Newest first, filtered, in pages.
   *
   * @example
   * const { items, nextCursor } = await desk.conversations.list({ status: 'queued', limit: 20 });
   */
  list(input?: ListConversationsInput): Promise<ConversationPage>;
  /** From the bot to the queue for a person (转人工). */
  handoff(input: ConversationRefInput): Promise<Conversation>;
  /** Gives a bot or queued conversation to an agent. */
  assign(input: AssignInput): Promise<Conversation>;
  /** To another agent, or back to the queue with `toAgentId: null` (转接). */
  transfer(input: TransferInput): Promise<Conversation>;
  /** The agent waits on the customer; the conversation may close when idle too long. */
  waitOnCustomer(input: ConversationRefInput): Promise<Conversation>;
  setPriority(input: SetPriorityInput): Promise<Conversation>;
  tag(input: TagInput): Promise<Conversation>;
  /** Solved; it can be reopened inside the reopen window, then it closes by itself. */
  resolve(input: ConversationRefInput): Promise<Conversation>;
  reopen(input: ReopenInput): Promise<Conversation>;
  close(input: ConversationRefInput): Promise<Conversation>;
  /** The customer left before a person answered. */
  abandon(input: ConversationRefInput): Promise<Conversation>;
}

export function createConversationsApi(
  storage: StorageAdapter,
  run: RunCommand,
  settings: DeskSettings,
): ConversationsApi {
  /** Loads the conversation named by the input and runs `body` on it in one command. */
  const onConversation = (
    input: { conversationId: string },
    body: (
      tx: StorageTransaction,
      context: CommandContext,
      c: Conversation,
    ) => Promise<Conversation>,
  ) =>
    run(async (tx, context) => body(tx, context, await loadConversation(tx, input.conversationId)));

  /** A command that validates its input and sends one event to the conversation machine. */
  const machineCommand =
    <S extends z.ZodType<{ conversationId: string }>>(
      schema: S,
      what: string,
      event: (input: z.output<S>, at: number) => ConversationMachineEvent,
    ) =>
    async (rawInput: z.input<S>): Promise<Conversation> => {
      const input = parseInput(schema, rawInput, what);
      return onConversation(input, (tx, context, c) =>
        applyConversationEvent(tx, context, c, event(input, context.now)),
      );
    };

  return {
    async start(rawInput) {
      const input = parseInput(StartConversationSchema, rawInput, 'conversation');
      return run(async (tx, context) => {
        if (input.clientId !== undefined) {
          const existing = await tx.conversations.findByClientId(input.customerId, input.clientId);
          if (existing) return existing;
        }
        await requireCustomerWritable(tx, input.customerId, 'a new conversation', { lock: true });
        let conversation = newConversation({
          id: newId('conv_'),
          customerId: input.customerId,
          clientId: input.clientId ?? null,
          channel: input.channel,
          topic: input.topic ?? null,
          priority: input.priority,
          tags: [...new Set(input.tags)],
          skills: [...new Set(input.skills)],
          team: input.team ?? null,
          ...intakeDuringIncident(input, context.incidentMode, settings.initialStatus),
          at: context.now,
        });
        const sla = await slaUpdate(tx, context, null, conversation, null);
        conversation = { ...conversation, sla: sla.sla };
        await tx.conversations.insert(conversation);
        await updateQueueJobs(tx, context, null, conversation);
        await publishSla(tx, context, conversation, sla);
        context.emit({
          type: 'conversation.started',
          at: context.now,
          subject: { kind: 'conversation', id: conversation.id },
          data: { conversation },
        });
        if (!input.message) return conversation;
        const posted = await postMessageInTransaction(tx, context, conversation, {
          ...input.message,
          author: { kind: 'customer', id: input.customerId },
          internal: false,
        });
        return posted.conversation;
      });
    },

    async get(input: string | ConversationRefInput) {
      const id =
        typeof input === 'string'
          ? parseInput(IdSchema, input, 'conversation id')
          : parseInput(ConversationRefSchema, input, 'conversation request').conversationId;
      return storage.read.conversations.get(id);
    },

    async list(rawInput = {}) {
      const input = parseInput(ListConversationsSchema, rawInput, 'conversation list request');
      const asList = <T>(value: T | T[] | undefined) =>
        value === undefined ? undefined : Array.isArray(value) ? value : [value];
      const items = await storage.read.conversations.list(
        {
          status: asList(input.status),
          customerId: input.customerId,
          assigneeId: input.assigneeId,
          channel: input.channel,
          priority: asList(input.priority),
          tag: input.tag,
        },
        // One row more than asked tells whether another page exists.
        { limit: input.limit + 1, after: input.cursor ? decodeCursor(input.cursor) : undefined },
      );
      const page = items.slice(0, input.limit);
      const last = page.at(-1);
      return {
        items: page,
        nextCursor: items.length > input.limit && last ? encodeCursor(last) : null,
      };
    },

    handoff: machineCommand(ConversationRefSchema, 'handoff', (_input, at) => ({
      type: 'HANDOFF',
      at,
    })),

    async assign(rawInput) {
      const input = parseInput(AssignSchema, rawInput, 'assignment');
      return onConversation(input, async (tx, context, c) => {
        await requireAgent(tx, input.agentId);
        return applyConversationEvent(tx, context, c, {
          type: 'ASSIGN',
          at: context.now,
          agentId: input.agentId,
        });
      });
    },

    async transfer(rawInput) {
      const input = parseInput(TransferSchema, rawInput, 'transfer');
      return onConversation(input, async (tx, context, c) => {
        if (input.toAgentId !== null) await requireAgent(tx, input.toAgentId);
        let current = c;
        if (input.note !== undefined) {
          const author = c.assigneeId
            ? { kind: 'agent' as const, id: c.assigneeId }
            : { kind: 'system' as const, id: 'system' as const };
          const noted = await postMessageInTransaction(tx, context, c, {
            author,
            text: input.note,
            attachments: [],
            internal: true,
          });
          current = noted.conversation;
        }
        return applyConversationEvent(tx, context, current, {
          type: 'TRANSFER',
          at: context.now,
          toAgentId: input.toAgentId,
          toTeam: input.toTeam ?? null,
          reason: input.reason ?? null,
          by: input.byAgentId ?? null,
        });
      });
    },

    waitOnCustomer: machineCommand(ConversationRefSchema, 'wait on customer', (_input, at) => ({
      type: 'WAIT_ON_CUSTOMER',
      at,
      idleCloseAfterMs: settings.pendingIdleCloseMs,
    })),

    async setPriority(rawInput) {
      const input = parseInput(SetPrioritySchema, rawInput, 'priority change');
      return onConversation(input, async (tx, context, c) => {
        requireOpen(c);
        if (c.priority === input.priority) return c;
        const next = await commitConversation(tx, context, c, {
          priority: input.priority,
          updatedAt: context.now,
        });
        context.emit({
          type: 'conversation.priority_changed',
          at: context.now,
          subject: { kind: 'conversation', id: c.id },
          data: { conversation: next, from: c.priority, to: input.priority },
        });
        return next;
      });
    },

    async tag(rawInput) {
      const input = parseInput(TagSchema, rawInput, 'tag change');
      return onConversation(input, async (tx, context, c) => {
        requireOpen(c);
        const removed = c.tags.filter((tag) => input.remove.includes(tag));
        const added = [...new Set(input.add)].filter(
          (tag) => !c.tags.includes(tag) && !input.remove.includes(tag),
        );
        if (added.length === 0 && removed.length === 0) return c;
        const tags = [...c.tags.filter((tag) => !removed.includes(tag)), ...added];
        const next = await commitConversation(tx, context, c, { tags, updatedAt: context.now });
        context.emit({
          type: 'conversation.tags_changed',
          at: context.now,
          subject: { kind: 'conversation', id: c.id },
          data: { conversation: next, added, removed },
        });
        return next;
      });
    },

    resolve: machineCommand(ConversationRefSchema, 'resolve', (_input, at) => ({
      type: 'RESOLVE',
      at,
      reopenWindowMs: settings.reopenWindowMs,
    })),

    reopen: machineCommand(ReopenSchema, 'reopen', (input, at) => ({
      type: 'REOPEN',
      at,
      by: input.by,
    })),

    close: machineCommand(ConversationRefSchema, 'close', (_input, at) => ({
      type: 'CLOSE',
      at,
      reason: 'manual',
    })),

    abandon: machineCommand(ConversationRefSchema, 'abandon', (_input, at) => ({
      type: 'ABANDON',
      at,
    })),
  };
}

/**
 * Where a new conversation starts: a left message waits in the queue; during an incident, a
 * `leave-message` desk takes every new conversation as a left message and a `bot-only` desk gives
 * it to the bot.
 */
function intakeDuringIncident(
  input: { leftMessage: boolean; status?: 'bot' | 'queued' | undefined },
  mode: CommandContext['incidentMode'],
  initialStatus: 'bot' | 'queued',
): { leftMessage: boolean; status: 'bot' | 'queued' } {
  const leftMessage = input.leftMessage || mode === 'leave-message';
  if (leftMessage) return { leftMessage, status: 'queued' };
  if (mode === 'bot-only') return { leftMessage, status: 'bot' };
  return { leftMessage, status: input.status ?? initialStatus };
}
