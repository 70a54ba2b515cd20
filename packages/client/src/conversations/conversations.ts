import type { ServerFrame, WireConversation, WireMessage, WireSurvey } from '@kefu/core/wire';
import { nanoid } from 'nanoid';
import type { Outbox } from '../browser-storage';
import type { KefuClient } from '../client-types';
import type { Connection } from '../connection/connection';
import type { Requests } from '../requests/requests';
import {
  type ConversationState,
  type ConversationView,
  createConversationState,
} from './conversation-state';

const TYPING_TTL_MS = 8_000;

/** The frames about one conversation. */
export type ConversationFrame = Extract<
  ServerFrame,
  { type: 'message' | 'conversation' | 'queue' | 'survey' | 'synced' | 'typing' | 'read' }
>;

/** The client's conversations: their state, the frames that change it, and the calls about them. */
export interface Conversations {
  /** What the client offers about conversations. */
  calls: Pick<
    KefuClient,
    | 'startConversation'
    | 'watch'
    | 'unwatch'
    | 'setTyping'
    | 'markRead'
    | 'listConversations'
    | 'rate'
  >;
  stateOf(conversationId: string): ConversationState;
  /** The latest copy of a conversation this client has, if any. */
  conversation(conversationId: string): WireConversation | null;
  /** Stores a conversation the gateway returned, as if it had arrived in a frame. */
  applyConversation(conversation: WireConversation): void;
  /** Adds a stored message and settles its outbox entry; true when something changed. */
  onStored(message: WireMessage): boolean;
  onFrame(frame: ConversationFrame): void;
  /** The views for a snapshot: `previous` itself when no conversation changed. */
  views(
    previous: Readonly<Record<string, ConversationView>> | undefined,
  ): Readonly<Record<string, ConversationView>>;
  /** A new connection: every watched conversation resumes from the last message it has. */
  resubscribe(): void;
  /** The connection dropped: no resubscribe is in flight any more. */
  dropped(): void;
  /** The client closed: nobody is shown typing any longer. */
  closed(): void;
}

/**
 * The conversations of one client, over its outbox (whose unsent messages show in them), its
 * connection and requests. `onConversation` hears of every conversation stored; `emit` of every
 * change.
 */
export function createConversations(
  outbox: Outbox,
  connection: Connection,
  requests: Requests,
  onConversation: (conversation: WireConversation) => void,
  emit: () => void,
): Conversations {
  const { write } = connection;
  const conversations = new Map<string, ConversationState>();
  const watched = new Set<string>();

  const stateOf = (conversationId: string) => {
    let state = conversations.get(conversationId);
    if (!state) {
      state = createConversationState(conversationId);
      conversations.set(conversationId, state);
    }
    return state;
  };
  // Messages restored from storage show in their conversations straight away.
  for (const entry of outbox.values()) stateOf(entry.conversationId);

  const applyConversation = (conversation: WireConversation) => {
    const state = stateOf(conversation.id);
    state.conversation = conversation;
    if (conversation.status !== 'queued') state.queue = null;
    state.changed();
    onConversation(conversation);
    emit();
  };

  const applySurvey = (survey: WireSurvey) => {
    if (!survey.conversationId) return;
    const state = stateOf(survey.conversationId);
    state.survey = survey;
    state.changed();
    emit();
  };

  const resubscribe = (conversationId: string) => {
    const state = stateOf(conversationId);
    state.resyncing = true;
    write({ type: 'subscribe', conversationId, afterSeq: state.syncedSeq });
  };

  const onStored = (message: WireMessage) => {
    const state = stateOf(message.conversationId);
    const added = state.add(message);
    const pending = message.clientId ? outbox.get(message.clientId) : undefined;
    if (pending && pending.conversationId === message.conversationId && message.clientId) {
      outbox.delete(message.clientId);
      state.messagesChanged();
    }
    if (!state.resyncing && state.hasGap() && watched.has(message.conversationId)) {
      resubscribe(message.conversationId);
    }
    return added || pending !== undefined;
  };

  const watch = (conversationId: string) => {
    if (watched.has(conversationId)) return;
    watched.add(conversationId);
    stateOf(conversationId);
    resubscribe(conversationId);
    emit();
  };

  return {
    stateOf,
    conversation: (conversationId) => conversations.get(conversationId)?.conversation ?? null,
    applyConversation,
    onStored,
    onFrame(frame) {
      switch (frame.type) {
        case 'message':
          // A backlog is shown once, when `synced` says it is complete, not a render per message.
          if (onStored(frame.message) && !stateOf(frame.message.conversationId).resyncing) emit();
          return;
        case 'conversation':
          applyConversation(frame.conversation);
          return;
        case 'queue': {
          const state = stateOf(frame.conversationId);
          state.queue =
            frame.position === null
              ? null
              : { position: frame.position, estimatedWaitMs: frame.estimatedWaitMs };
          state.changed();
          emit();
          return;
        }
        case 'survey':
          applySurvey(frame.survey);
          return;
        case 'synced': {
          const state = stateOf(frame.conversationId);
          state.synced(frame.lastSeq);
          // Something newer than the backlog arrived with a hole before it: ask again.
          if (state.hasGap() && watched.has(frame.conversationId)) {
            resubscribe(frame.conversationId);
          }
          emit();
          return;
        }
        case 'typing': {
          if (frame.author.id === connection.session()?.id) return;
          const state = stateOf(frame.conversationId);
          const existing = state.typing.get(frame.author.id);
          if (existing) clearTimeout(existing);
          if (frame.typing) {
            const timer = setTimeout(() => {
              state.typing.delete(frame.author.id);
              state.changed();
              emit();
            }, TYPING_TTL_MS);
            state.typing.set(frame.author.id, timer);
          } else {
            state.typing.delete(frame.author.id);
          }
          state.changed();
          emit();
          return;
        }
        case 'read': {
          const state = stateOf(frame.conversationId);
          if (frame.seq > state.peerReadSeq && frame.author.id !== connection.session()?.id) {
            state.peerReadSeq = frame.seq;
            state.changed();
            emit();
          }
          return;
        }
      }
    },
    views(previous) {
      const views: Record<string, ConversationView> = {};
      let same = previous !== undefined && Object.keys(previous).length === conversations.size;
      for (const [id, state] of conversations) {
        const view = state.view(outbox.values());
        views[id] = view;
        if (previous?.[id] !== view) same = false;
      }
      return same && previous ? previous : views;
    },
    resubscribe() {
      for (const conversationId of watched) resubscribe(conversationId);
    },
    dropped() {
      for (const state of conversations.values()) state.resyncing = false;
    },
    closed() {
      for (const state of conversations.values()) {
        for (const timer of state.typing.values()) clearTimeout(timer);
      }
    },
    calls: {
      async startConversation(input = {}) {
        const clientId = nanoid(16);
        const conversation = await requests.ask(
          {
            type: 'start',
            id: `c_${clientId}`,
            clientId,
            ...(input.topic ? { topic: input.topic } : {}),
            ...(input.text ? { message: { text: input.text } } : {}),
          },
          'conversation',
        );
        applyConversation(conversation);
        watch(conversation.id);
        return conversation;
      },
      watch,
      unwatch(conversationId) {
        if (!watched.delete(conversationId)) return;
        write({ type: 'unsubscribe', conversationId });
      },
      setTyping(conversationId, typing) {
        write({ type: 'typing', conversationId, typing });
      },
      markRead(conversationId, seq) {
        write({ type: 'read', conversationId, seq });
      },
      async listConversations() {
        const ack = await requests.request({ type: 'inbox', id: requests.requestId('i') });
        const list = ack.conversations ?? [];
        for (const conversation of list) {
          const state = stateOf(conversation.id);
          // A frame that arrived before this answer may be newer than the listed copy.
          if ((state.conversation?.updatedAt ?? -1) > conversation.updatedAt) continue;
          state.conversation = conversation;
          state.changed();
        }
        emit();
        return list;
      },
      async rate(conversationId, input) {
        const survey = await requests.ask(
          {
            type: 'rate',
            id: requests.requestId('r'),
            conversationId,
            answers: input.answers,
            ...(input.comment ? { comment: input.comment } : {}),
          },
          'survey',
        );
        applySurvey(survey);
        return survey;
      },
    },
  };
}
