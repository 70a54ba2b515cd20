import type { WireConversation, WireMessage, WireSurvey } from '@kefu/core/wire';

/**
 * Where an optimistic message is: on its way, stored (it has a `seq`), or refused.
 *
 * @example
 * const label = { sending: '发送中', sent: '', failed: '发送失败' } satisfies Record<MessageStatus, string>;
 */
export type MessageStatus = 'sending' | 'sent' | 'failed';

/**
 * A message as a UI shows it: stored ones by `seq`, then this client's unsent ones.
 *
 * @example
 * for (const message of view.messages) {
 *   console.log(message.key, message.authorName ?? message.author?.kind, message.text, message.status);
 * }
 */
export interface ClientMessage {
  /** Stable across the optimistic → stored change: the client id, else the message id. */
  key: string;
  conversationId: string;
  id: string | null;
  seq: number | null;
  clientId: string | null;
  author: WireMessage['author'] | null;
  /** The agent's display name when the gateway sent one (e.g. 王客服). */
  authorName: string | null;
  text: string;
  /** Agent connections: spans of `text` masked as personal data (reveal with `privacy.reveal`). */
  masked?: WireMessage['masked'];
  attachments: WireMessage['attachments'];
  internal: boolean;
  /** Agent connections: an internal note from a supervisor (a whisper). */
  whisper?: true;
  createdAt: number;
  status: MessageStatus;
  error: { code: string; message: string } | null;
}

/**
 * One conversation in the store.
 *
 * @example
 * const view: ConversationView | undefined = client.getSnapshot().conversations[conversationId];
 * if (view?.queue) console.log(`第 ${view.queue.position} 位`);
 */
export interface ConversationView {
  id: string;
  conversation: WireConversation | null;
  messages: readonly ClientMessage[];
  /** Every message up to this seq is here (the resume point). */
  syncedSeq: number;
  /** Ids of the other people typing now. */
  typing: readonly string[];
  /** The highest seq the other side said it read. */
  peerReadSeq: number;
  /** While queued: the place (1 = next) and the expected wait (null when nobody is online). */
  queue: QueuePlace | null;
  /** The satisfaction survey once it was sent (answer it with `client.rate`). */
  survey: WireSurvey | null;
}

/**
 * A queued conversation's place.
 *
 * @example
 * const place: QueuePlace | null = view.queue;
 * if (place?.estimatedWaitMs) console.log(`约 ${Math.ceil(place.estimatedWaitMs / 60_000)} 分钟`);
 */
export interface QueuePlace {
  position: number;
  estimatedWaitMs: number | null;
}

/**
 * An unsent message in the outbox.
 *
 * @example
 * const failed: OutboxEntry[] = outboxStorage.load().filter((entry) => entry.status === 'failed');
 * for (const entry of failed) client.retry(entry.clientId);
 */
export interface OutboxEntry {
  clientId: string;
  conversationId: string;
  text: string;
  attachments: WireMessage['attachments'];
  internal: boolean;
  createdAt: number;
  status: 'sending' | 'failed';
  error: { code: string; message: string } | null;
}

/** A stored message as a UI shows it. */
const fromStored = (message: WireMessage): ClientMessage => ({
  ...message,
  key: message.clientId ?? message.id,
  authorName: message.authorName ?? null,
  status: 'sent',
  error: null,
});

/** An unsent message as a UI shows it. */
const fromOutbox = (entry: OutboxEntry): ClientMessage => ({
  ...entry,
  key: entry.clientId,
  id: null,
  seq: null,
  author: null,
  authorName: null,
});

/**
 * Mutable bookkeeping for one conversation; views are derived from it when it changes. A stored
 * message's view object is made once and reused, and the message list is rebuilt only when
 * messages change (not for typing, read receipts, queue places or surveys), so memoised rows and
 * lists re-render only when they must.
 */
export interface ConversationState {
  readonly id: string;
  conversation: WireConversation | null;
  /** Stored messages by seq, as UI objects. */
  readonly stored: Map<number, ClientMessage>;
  syncedSeq: number;
  /** A resubscribe is in flight to fill a gap (or the first backlog is arriving). */
  resyncing: boolean;
  readonly typing: Map<string, ReturnType<typeof setTimeout>>;
  peerReadSeq: number;
  queue: QueuePlace | null;
  survey: WireSurvey | null;
  /** Adds a stored message; true when it was new. Advances `syncedSeq` over contiguous seqs. */
  add(message: WireMessage): boolean;
  /** The gateway sent everything up to `lastSeq` (seqs missing below it are not for us). */
  synced(lastSeq: number): void;
  /** True when a message above `syncedSeq + 1` arrived: something is missing in between. */
  hasGap(): boolean;
  /** Something other than the messages changed (status, typing, read, queue, survey). */
  changed(): void;
  /** A message was stored, or this conversation's outbox changed. */
  messagesChanged(): void;
  view(outbox: Iterable<OutboxEntry>): ConversationView;
}

/**
 * A conversation's state. A plain object over closures rather than a class: browsers bundle this,
 * and bundlers targeting older syntax turn class fields into helper calls.
 */
export function createConversationState(id: string): ConversationState {
  let maxSeq = 0;
  let cachedView: ConversationView | null = null;
  let cachedMessages: readonly ClientMessage[] | null = null;

  const advance = () => {
    while (state.stored.has(state.syncedSeq + 1)) state.syncedSeq++;
  };

  const buildMessages = (outbox: Iterable<OutboxEntry>): ClientMessage[] => {
    const messages = [...state.stored.values()].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0));
    const storedClientIds = new Set<string>();
    for (const message of messages) if (message.clientId) storedClientIds.add(message.clientId);
    for (const entry of outbox) {
      if (entry.conversationId === id && !storedClientIds.has(entry.clientId)) {
        messages.push(fromOutbox(entry));
      }
    }
    return messages;
  };

  const state: ConversationState = {
    id,
    conversation: null,
    stored: new Map(),
    syncedSeq: 0,
    resyncing: false,
    typing: new Map(),
    peerReadSeq: 0,
    queue: null,
    survey: null,
    add(message) {
      if (state.stored.has(message.seq)) return false;
      state.stored.set(message.seq, fromStored(message));
      maxSeq = Math.max(maxSeq, message.seq);
      advance();
      state.messagesChanged();
      return true;
    },
    synced(lastSeq) {
      if (lastSeq > state.syncedSeq) {
        state.syncedSeq = lastSeq;
        advance();
        state.changed();
      }
      state.resyncing = false;
    },
    hasGap: () => maxSeq > state.syncedSeq,
    changed() {
      cachedView = null;
    },
    messagesChanged() {
      cachedMessages = null;
      cachedView = null;
    },
    view(outbox) {
      if (cachedView) return cachedView;
      cachedMessages ??= buildMessages(outbox);
      cachedView = {
        id,
        conversation: state.conversation,
        messages: cachedMessages,
        syncedSeq: state.syncedSeq,
        typing: [...state.typing.keys()],
        peerReadSeq: state.peerReadSeq,
        queue: state.queue,
        survey: state.survey,
      };
      return cachedView;
    },
  };
  return state;
}
