import type { z } from 'zod';
import { canSupervise } from '../agents/agent';
import { requireSupervisor } from '../agents/require-supervisor';
import {
  applyConversationEvent,
  loadConversation,
} from '../conversations/apply-conversation-event';
import type { Conversation } from '../conversations/conversation';
import { requireAgent, requireOpen } from '../conversations/conversation-preconditions';
import type { ConversationsApi } from '../conversations/conversations-api';
import type { CommandContext, RunCommand } from '../desk/command-runner';
import { KefuError } from '../errors/kefu-error';
import type { Message } from '../messages/message';
import { postMessageInTransaction } from '../messages/post-message';
import type { StorageTransaction } from '../storage/storage-adapter';
import type { Clock } from '../time/clock';
import { parseInput } from '../validation/parse-input';
import {
  isSupervised,
  type LiveConversation,
  orderLiveView,
  SUPERVISED_STATUSES,
  toLiveConversation,
} from './live-view';
import {
  type BargeInInput,
  BargeInSchema,
  type LiveViewInput,
  LiveViewSchema,
  type ReassignInput,
  ReassignSchema,
  type WatchInput,
  WatchSchema,
  type WhisperInput,
  WhisperSchema,
} from './supervision-schemas';

/** Pages of 200 (the list maximum) until the live view's limit. */
const PAGE = 200;

/**
 * Supervising the desk live (班长): the live view of every open conversation, and the
 * supervisor's commands on one — watch, whisper, barge in, reassign. Each command checks that
 * `supervisorId` is a supervisor or admin (`FORBIDDEN` otherwise) and records an event.
 *
 * @example
 * const rows = await desk.supervision.live();
 * await desk.supervision.whisper({ conversationId, supervisorId: 'agt_zhao', text: '先道歉，再查物流' });
 */
export interface SupervisionApi {
  /**
   * Every open conversation (bot, queued, active, pending) as a live-view row, breached and
   * at-risk first (`orderLiveView`); optionally only some teams. Up to `limit` (default 1000).
   *
   * @example
   * const afterSales = await desk.supervision.live({ teams: ['after-sales'] });
   */
  live(input?: LiveViewInput, options?: LiveViewOptions): Promise<LiveConversation[]>;
  /**
   * Records that a supervisor watches an open conversation (`conversation.watched`) and returns
   * it; the gateway then streams its messages to the supervisor without assigning them.
   *
   * @example
   * await desk.supervision.watch({ conversationId, supervisorId: 'agt_zhao' });
   */
  watch(input: WatchInput): Promise<Conversation>;
  /**
   * An internal note flagged as from a supervisor (`whisper: true`), for the assigned agent.
   * Like every internal note it never reaches the customer. With a `clientId`, a repeat returns
   * the first whisper.
   *
   * @example
   * await desk.supervision.whisper({ conversationId, supervisorId: 'agt_zhao', text: '可以补发一包' });
   */
  whisper(input: WhisperInput): Promise<Message>;
  /**
   * The supervisor takes the conversation over: it is transferred (or, while queued, assigned)
   * to them, then `conversation.barged_in` is recorded with who had it. When another supervisor
   * or admin has it already (two taking over at once), `CONFLICT`: the first keeps it.
   *
   * @example
   * await desk.supervision.bargeIn({ conversationId, supervisorId: 'agt_zhao', reason: '客户投诉升级' });
   */
  bargeIn(input: BargeInInput): Promise<Conversation>;
  /**
   * Moves the conversation to another agent, or (`toAgentId: null`) back to a team's queue;
   * `conversation.transferred` (or `.assigned` for a queued one) names the supervisor as `by`.
   *
   * @example
   * await desk.supervision.reassign({ conversationId, supervisorId: 'agt_zhao', toAgentId: 'agt_li' });
   * await desk.supervision.reassign({ conversationId, supervisorId: 'agt_zhao', toAgentId: null, toTeam: 'after-sales' });
   */
  reassign(input: ReassignInput): Promise<Conversation>;
}

/**
 * How `desk.supervision.live` narrows the view beyond its input, for a gateway or an app server.
 *
 * @example
 * const options: LiveViewOptions = { include: (c) => c.customerId !== 'cus_internal_test' };
 * await desk.supervision.live({}, options);
 */
export interface LiveViewOptions {
  /** Keeps only the conversations this allows (an authorization check, say). */
  include?: (conversation: Conversation) => boolean | Promise<boolean>;
}

/** Loads an open conversation for a supervisor's command, checking the supervisor first. */
async function supervised(
  tx: StorageTransaction,
  supervisorId: string,
  conversationId: string,
  what: string,
): Promise<Conversation> {
  await requireSupervisor(tx, supervisorId, what);
  const conversation = await loadConversation(tx, conversationId);
  requireOpen(conversation);
  return conversation;
}

/** Hands a conversation to `agentId`: assigned when unassigned, else transferred. */
function handTo(
  tx: StorageTransaction,
  context: CommandContext,
  conversation: Conversation,
  agentId: string,
  by: string,
  reason: string | null,
): Promise<Conversation> {
  if (conversation.assigneeId === agentId) {
    throw new KefuError('INVALID_TRANSITION', `The conversation is already with "${agentId}".`, {
      details: { conversationId: conversation.id, assigneeId: agentId },
    });
  }
  const event =
    conversation.status === 'bot' || conversation.status === 'queued'
      ? ({ type: 'ASSIGN', at: context.now, agentId } as const)
      : ({
          type: 'TRANSFER',
          at: context.now,
          toAgentId: agentId,
          toTeam: null,
          reason,
          by,
        } as const);
  return applyConversationEvent(tx, context, conversation, event);
}

export function createSupervisionApi(
  conversations: Pick<ConversationsApi, 'list'>,
  run: RunCommand,
  clock: Clock,
): SupervisionApi {
  /** A supervisor's command: validated, then run on the open conversation once the role is checked. */
  const command =
    <S extends z.ZodType<{ conversationId: string; supervisorId: string }>, T>(
      schema: S,
      what: string,
      body: (
        tx: StorageTransaction,
        context: CommandContext,
        conversation: Conversation,
        input: z.output<S>,
      ) => Promise<T>,
    ) =>
    async (rawInput: z.input<S>): Promise<T> => {
      const input = parseInput(schema, rawInput, what);
      return run(async (tx, context) =>
        body(
          tx,
          context,
          await supervised(tx, input.supervisorId, input.conversationId, what),
          input,
        ),
      );
    };
  return {
    async live(rawInput = {}, options = {}) {
      const input = parseInput(LiveViewSchema, rawInput, 'live view request');
      const teams = input.teams ? new Set(input.teams) : null;
      const now = clock.now();
      const rows: LiveConversation[] = [];
      let cursor: string | undefined;
      do {
        const page = await conversations.list({
          status: [...SUPERVISED_STATUSES],
          limit: PAGE,
          ...(cursor ? { cursor } : {}),
        });
        for (const conversation of page.items) {
          if (!isSupervised(conversation)) continue;
          if (teams && (conversation.team === null || !teams.has(conversation.team))) continue;
          if (rows.length >= input.limit) break;
          if (options.include && !(await options.include(conversation))) continue;
          rows.push(toLiveConversation(conversation, now));
        }
        cursor = page.nextCursor ?? undefined;
      } while (cursor && rows.length < input.limit);
      return orderLiveView(rows);
    },

    watch: command(WatchSchema, 'watch', async (_tx, context, conversation, input) => {
      context.emit({
        type: 'conversation.watched',
        at: context.now,
        subject: { kind: 'conversation', id: conversation.id },
        data: { conversationId: conversation.id, supervisorId: input.supervisorId },
      });
      return conversation;
    }),

    whisper: command(WhisperSchema, 'whisper', async (tx, context, conversation, input) => {
      const posted = await postMessageInTransaction(tx, context, conversation, {
        author: { kind: 'agent', id: input.supervisorId },
        text: input.text,
        attachments: [],
        internal: true,
        whisper: true,
        ...(input.clientId ? { clientId: input.clientId } : {}),
      });
      if (!posted.message.whisper) {
        throw new KefuError('CONFLICT', 'This client id names a message that is no whisper.');
      }
      return posted.message;
    }),

    bargeIn: command(BargeInSchema, 'barge in', async (tx, context, before, input) => {
      // Two supervisors taking over at once: the first wins, the second does not bounce it.
      const holder = before.assigneeId ? await tx.agents.get(before.assigneeId) : null;
      if (holder && holder.id !== input.supervisorId && canSupervise(holder)) {
        throw new KefuError(
          'CONFLICT',
          `Supervisor "${holder.id}" already has this conversation; reassign it if you mean to.`,
          { details: { conversationId: before.id, assigneeId: holder.id } },
        );
      }
      const reason = input.reason ?? null;
      const taken = await handTo(
        tx,
        context,
        before,
        input.supervisorId,
        input.supervisorId,
        reason,
      );
      context.emit({
        type: 'conversation.barged_in',
        at: context.now,
        subject: { kind: 'conversation', id: taken.id },
        data: {
          conversation: taken,
          supervisorId: input.supervisorId,
          fromAgentId: before.assigneeId,
          reason,
        },
      });
      return taken;
    }),

    reassign: command(ReassignSchema, 'reassign', async (tx, context, before, input) => {
      const reason = input.reason ?? null;
      if (input.toAgentId !== null) {
        await requireAgent(tx, input.toAgentId);
        return handTo(tx, context, before, input.toAgentId, input.supervisorId, reason);
      }
      return applyConversationEvent(tx, context, before, {
        type: 'TRANSFER',
        at: context.now,
        toAgentId: null,
        toTeam: input.toTeam ?? null,
        reason,
        by: input.supervisorId,
      });
    }),
  };
}
