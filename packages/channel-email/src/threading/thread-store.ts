/**
 * One mail of a conversation's thread, as the thread store keeps it.
 *
 * @example
 * const entry: ThreadEntry = { messageId: '<melted-1@customer.example>', inbound: true };
 */
export interface ThreadEntry {
  /** The mail's `Message-ID`, angle brackets included. */
  messageId: string;
  /** `true` for mail the customer sent, `false` for replies the channel sent. */
  inbound: boolean;
}

/**
 * Where the channel remembers Message-IDs it did not mint: the customer's own mails, so that a
 * reply can answer them (`In-Reply-To`) and a customer's follow-up to their own mail finds its
 * conversation. Replies the channel sends need no store: their Message-IDs and reply addresses
 * carry the conversation, signed. The default keeps entries in memory; give a persistent one to
 * keep customer Message-IDs across restarts.
 *
 * @example
 * const threads: EmailThreadStore = {
 *   remember: (conversationId, entry) => db.insert('email_threads', { conversationId, ...entry }),
 *   conversationOf: (messageId) => db.value('select conversation_id … where message_id = $1', messageId),
 *   thread: (conversationId) => db.rows('select message_id, inbound … order by id', conversationId),
 * };
 */
export interface EmailThreadStore {
  /** Records a mail of the conversation's thread. Recording the same Message-ID twice is harmless. */
  remember(conversationId: string, entry: ThreadEntry): Promise<void> | void;
  /** The conversation a Message-ID was recorded for, or `null`. */
  conversationOf(messageId: string): Promise<string | null> | string | null;
  /** The conversation's mails, oldest first. */
  thread(conversationId: string): Promise<readonly ThreadEntry[]> | readonly ThreadEntry[];
}

/**
 * The in-memory store answers synchronously.
 *
 * @example
 * const store: MemoryThreadStore = createMemoryThreadStore();
 * store.thread('conv_1'); // → []
 */
export interface MemoryThreadStore extends EmailThreadStore {
  remember(conversationId: string, entry: ThreadEntry): void;
  conversationOf(messageId: string): string | null;
  thread(conversationId: string): readonly ThreadEntry[];
}

/**
 * Bounds of the in-memory thread store.
 *
 * @example
 * createMemoryThreadStore({ maxEntries: 10_000, maxPerConversation: 20 });
 */
export interface MemoryThreadStoreOptions {
  /** Message-IDs kept in all; the oldest are forgotten first. Default 100 000. */
  maxEntries?: number;
  /** Mails kept per conversation, the newest. Default 50. */
  maxPerConversation?: number;
}

/**
 * An `EmailThreadStore` in process memory, bounded. What it holds is lost on restart: replies to
 * the channel's own mails still thread (their Message-IDs are signed), a customer's follow-up to
 * their own earlier mail then starts a new conversation.
 *
 * @example
 * const channel = createEmailChannel({ ...options, threads: createMemoryThreadStore({ maxEntries: 10_000 }) });
 */
export function createMemoryThreadStore(options: MemoryThreadStoreOptions = {}): MemoryThreadStore {
  const maxEntries = options.maxEntries ?? 100_000;
  const maxPerConversation = options.maxPerConversation ?? 50;
  const byMessage = new Map<string, string>();
  const byConversation = new Map<string, ThreadEntry[]>();
  return {
    remember(conversationId, entry) {
      if (byMessage.has(entry.messageId)) return;
      byMessage.set(entry.messageId, conversationId);
      const thread = byConversation.get(conversationId) ?? [];
      thread.push({ messageId: entry.messageId, inbound: entry.inbound });
      if (thread.length > maxPerConversation) thread.splice(0, thread.length - maxPerConversation);
      byConversation.set(conversationId, thread);
      // Map iteration follows insertion, so the first key is the oldest.
      for (const oldest of byMessage.keys()) {
        if (byMessage.size <= maxEntries) break;
        const owner = byMessage.get(oldest);
        byMessage.delete(oldest);
        const list = owner === undefined ? undefined : byConversation.get(owner);
        if (owner === undefined || !list) continue;
        const kept = list.filter((item) => item.messageId !== oldest);
        if (kept.length === 0) byConversation.delete(owner);
        else byConversation.set(owner, kept);
      }
    },
    conversationOf: (messageId) => byMessage.get(messageId) ?? null,
    thread: (conversationId) => [...(byConversation.get(conversationId) ?? [])],
  };
}
