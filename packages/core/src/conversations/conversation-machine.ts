import type { DomainEventDataMap } from '../events/domain-events';
import { conversationJobKeys } from '../jobs/job';
import { defineMachine, type Guard } from '../machine/define-machine';
import { CONVERSATION_STATUSES, type Conversation, type ConversationStatus } from './conversation';
import type { ConversationEffect, ConversationMachineEvent } from './conversation-events';
import { copyConversation } from './copy-conversation';

type ConversationEventData = {
  [K in keyof DomainEventDataMap as K extends `conversation.${string}` ? K : never]: Omit<
    DomainEventDataMap[K],
    'conversation'
  >;
};

function emit<K extends keyof ConversationEventData>(
  type: K,
  next: Conversation,
  at: number,
  extra: ConversationEventData[K],
): ConversationEffect {
  return {
    type: 'emit',
    event: {
      type,
      at,
      subject: { kind: 'conversation', id: next.id },
      // Not `{ ...extra, conversation }`: V8 adds a property after a spread slowly (µs a call).
      data: Object.assign({}, extra, { conversation: next }),
    } as Extract<ConversationEffect, { type: 'emit' }>['event'],
  };
}

const cancelCloseJobs = (id: string): ConversationEffect[] => [
  { type: 'cancel', key: conversationJobKeys.closeResolved(id) },
  { type: 'cancel', key: conversationJobKeys.closeIdle(id) },
];

const withinReopenWindow: Guard<Conversation, { at: number }> = {
  name: 'within reopen window',
  check: (c, e) => c.reopenUntil !== null && e.at < c.reopenUntil,
};
const withinReopenWindowAndAssigned: Guard<Conversation, { at: number }> = {
  name: 'within reopen window, has assignee',
  check: (c, e) => withinReopenWindow.check(c, e) && c.assigneeId !== null,
};
const toAnotherAgent: Guard<Conversation, { toAgentId: string | null }> = {
  name: 'to another agent',
  check: (c, e) => e.toAgentId !== null && e.toAgentId !== c.assigneeId,
};
const toQueue: Guard<Conversation, { toAgentId: string | null }> = {
  name: 'to the queue',
  check: (_c, e) => e.toAgentId === null,
};

const OPEN: ConversationStatus[] = ['bot', 'queued', 'active', 'pending', 'resolved'];

const reopen = (by: 'customer' | 'agent') => ({
  update: (c: Conversation, e: { at: number }) => ({
    updatedAt: e.at,
    reopenCount: c.reopenCount + 1,
    resolvedAt: null,
    reopenUntil: null,
    queuedAt: c.assigneeId === null ? e.at : c.queuedAt,
    ...(by === 'customer' ? { lastCustomerMessageAt: e.at } : {}),
  }),
  effects: (next: Conversation, _p: Conversation, e: { at: number }) => [
    emit('conversation.reopened', next, e.at, { by }),
    { type: 'cancel' as const, key: conversationJobKeys.closeResolved(next.id) },
  ],
});

/**
 * The conversation lifecycle (会话生命周期) as a pure machine. `transfer` and `reopen` are events,
 * not states. See docs/concepts/conversation-lifecycle.md for the diagram.
 *
 * @example
 * const result = transition(conversationMachine, conversation, { type: 'HANDOFF', at: clock.now() });
 */
export const conversationMachine = defineMachine<
  ConversationStatus,
  Conversation,
  ConversationMachineEvent,
  ConversationEffect
>({
  id: 'conversation',
  copy: copyConversation,
  states: CONVERSATION_STATUSES,
  initial: ['bot', 'queued'],
  final: ['closed', 'abandoned'],
  on: {
    HANDOFF: [
      {
        from: ['bot'],
        to: 'queued',
        update: (_c, e) => ({ updatedAt: e.at, queuedAt: e.at }),
        effects: (next, _p, e) => [emit('conversation.handed_off', next, e.at, {})],
      },
    ],
    ASSIGN: [
      {
        from: ['bot', 'queued'],
        to: 'active',
        update: (c, e) => ({
          updatedAt: e.at,
          assigneeId: e.agentId,
          assignedAt: e.at,
          queuedAt: c.queuedAt ?? e.at,
        }),
        effects: (next, _p, e) => [
          emit('conversation.assigned', next, e.at, { agentId: e.agentId }),
        ],
      },
    ],
    TRANSFER: [
      {
        from: ['active', 'pending'],
        to: 'active',
        guard: toAnotherAgent,
        update: (c, e) => ({
          updatedAt: e.at,
          assigneeId: e.toAgentId,
          assignedAt: e.at,
          transferCount: c.transferCount + 1,
          pendingSince: null,
        }),
        effects: (next, previous, e) => [
          emit('conversation.transferred', next, e.at, {
            fromAgentId: previous.assigneeId,
            toAgentId: e.toAgentId,
            toTeam: e.toTeam,
            reason: e.reason,
            by: e.by,
          }),
          { type: 'cancel', key: conversationJobKeys.closeIdle(next.id) },
        ],
      },
      {
        from: ['active', 'pending'],
        to: 'queued',
        guard: toQueue,
        update: (c, e) => ({
          updatedAt: e.at,
          assigneeId: null,
          assignedAt: null,
          team: e.toTeam ?? c.team,
          queuedAt: e.at,
          transferCount: c.transferCount + 1,
          pendingSince: null,
        }),
        effects: (next, previous, e) => [
          emit('conversation.transferred', next, e.at, {
            fromAgentId: previous.assigneeId,
            toAgentId: null,
            toTeam: e.toTeam,
            reason: e.reason,
            by: e.by,
          }),
          { type: 'cancel', key: conversationJobKeys.closeIdle(next.id) },
        ],
      },
    ],
    CUSTOMER_MESSAGE: [
      ...(['bot', 'queued', 'active'] as const).map((state) => ({
        from: [state],
        to: state,
        update: (_c: Conversation, e: { at: number }) => ({
          updatedAt: e.at,
          lastCustomerMessageAt: e.at,
        }),
      })),
      {
        from: ['pending'],
        to: 'active',
        update: (_c, e) => ({ updatedAt: e.at, lastCustomerMessageAt: e.at, pendingSince: null }),
        effects: (next, _p, e) => [
          emit('conversation.reactivated', next, e.at, {}),
          { type: 'cancel', key: conversationJobKeys.closeIdle(next.id) },
        ],
      },
      {
        from: ['resolved'],
        to: 'active',
        guard: withinReopenWindowAndAssigned,
        ...reopen('customer'),
      },
      { from: ['resolved'], to: 'queued', guard: withinReopenWindow, ...reopen('customer') },
    ],
    AGENT_REPLY: [
      {
        from: ['active'],
        to: 'active',
        update: (c, e) => ({
          updatedAt: e.at,
          lastAgentMessageAt: e.at,
          firstResponseAt: c.firstResponseAt ?? e.at,
        }),
      },
      {
        from: ['pending'],
        to: 'pending',
        update: (c, e) => ({
          updatedAt: e.at,
          lastAgentMessageAt: e.at,
          firstResponseAt: c.firstResponseAt ?? e.at,
        }),
      },
    ],
    BOT_REPLY: [{ from: ['bot'], to: 'bot', update: (_c, e) => ({ updatedAt: e.at }) }],
    WAIT_ON_CUSTOMER: [
      {
        from: ['active'],
        to: 'pending',
        update: (_c, e) => ({ updatedAt: e.at, pendingSince: e.at }),
        effects: (next, _p, e) => [
          emit('conversation.pending', next, e.at, {}),
          ...(e.idleCloseAfterMs === null
            ? []
            : [
                {
                  type: 'schedule' as const,
                  job: {
                    key: conversationJobKeys.closeIdle(next.id),
                    kind: 'conversation.close-idle' as const,
                    dueAt: e.at + e.idleCloseAfterMs,
                    payload: { conversationId: next.id, pendingSince: e.at },
                  },
                },
              ]),
        ],
      },
    ],
    RESOLVE: [
      {
        from: ['bot', 'queued', 'active', 'pending'],
        to: 'resolved',
        update: (_c, e) => ({
          updatedAt: e.at,
          resolvedAt: e.at,
          reopenUntil: e.at + e.reopenWindowMs,
          pendingSince: null,
        }),
        effects: (next, _p, e) => [
          emit('conversation.resolved', next, e.at, {}),
          { type: 'cancel', key: conversationJobKeys.closeIdle(next.id) },
          {
            type: 'schedule',
            job: {
              key: conversationJobKeys.closeResolved(next.id),
              kind: 'conversation.close-resolved',
              dueAt: e.at + e.reopenWindowMs,
              payload: { conversationId: next.id },
            },
          },
        ],
      },
    ],
    REOPEN: [
      { from: ['resolved'], to: 'active', guard: withinReopenWindowAndAssigned, ...reopenBy() },
      { from: ['resolved'], to: 'queued', guard: withinReopenWindow, ...reopenBy() },
    ],
    CLOSE: [
      {
        from: OPEN,
        to: 'closed',
        update: (_c, e) => ({ updatedAt: e.at, closedAt: e.at, closeReason: e.reason }),
        effects: (next, _p, e) => [
          emit('conversation.closed', next, e.at, { reason: e.reason }),
          ...cancelCloseJobs(next.id),
        ],
      },
    ],
    ABANDON: [
      {
        from: ['bot', 'queued'],
        to: 'abandoned',
        update: (_c, e) => ({ updatedAt: e.at, abandonedAt: e.at }),
        effects: (next, _p, e) => [emit('conversation.abandoned', next, e.at, {})],
      },
    ],
  },
});

// REOPEN says who reopens in the event itself, unlike a customer message which always is the customer.
function reopenBy() {
  return {
    update: (c: Conversation, e: { at: number; by: 'customer' | 'agent' }) =>
      reopen(e.by).update(c, e),
    effects: (
      next: Conversation,
      previous: Conversation,
      e: { at: number; by: 'customer' | 'agent' },
    ) => reopen(e.by).effects(next, previous, e),
  };
}
