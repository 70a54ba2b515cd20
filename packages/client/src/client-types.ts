import type {
  Credentials,
  DeskStatus,
  Session,
  WireConversation,
  WireIncident,
  WireSurvey,
  WireTicket,
} from '@kefu/core/wire';
import type { OutboxStorage, TokenStorage } from './browser-storage';
import type { BackoffOptions } from './connection/backoff';
import type { ClientTransport } from './connection/transport';
import type { ConversationView } from './conversations/conversation-state';
import type { UploadOptions, WireAttachment } from './uploads/upload-types';

/**
 * Where the client's connection to the gateway is.
 *
 * @example
 * client.subscribe(() => {
 *   const { status } = client.getSnapshot();
 *   banner.hidden = status === 'open' || status === 'idle';
 * });
 */
export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/**
 * What a UI reads: referentially stable until something changes.
 *
 * @example
 * const snapshot: KefuClientSnapshot = client.getSnapshot();
 * const view = snapshot.conversations[conversationId];
 * console.log(snapshot.status, view?.messages.length);
 */
export interface KefuClientSnapshot {
  status: ConnectionStatus;
  session: Session | null;
  conversations: Readonly<Record<string, ConversationView>>;
  /** The last error the gateway reported that was not tied to one message. */
  lastError: { code: string; message: string } | null;
  /** Customers, after `loadTickets()`: their tickets by id, kept live. */
  tickets: Readonly<Record<string, WireTicket>>;
  /**
   * The desk's incident (应急) while one is active, else null: show its banner
   * (`incident.message[locale]`), and in `leave-message` mode offer a message form.
   */
  incident: WireIncident | null;
}

/**
 * Options of `createKefuClient`.
 *
 * @example
 * const options: CreateKefuClientOptions = {
 *   url: 'wss://candy.example/kefu',
 *   identity: { kind: 'customer', customerId: 'cus_lin', signature },
 *   reconnect: { minDelayMs: 500, maxDelayMs: 30_000 },
 * };
 * const client = createKefuClient(options);
 */
export interface CreateKefuClientOptions {
  /** The gateway URL, e.g. `wss://shop.example/kefu`. */
  url: string;
  /** Who this client is: a signed customer, a visitor, or an agent. */
  identity: Credentials;
  /** Defaults to WebSocket (`globalThis.WebSocket`). */
  transport?: ClientTransport;
  /** Ping interval until the gateway says otherwise. Default 25 s. */
  heartbeatMs?: number;
  reconnect?: BackoffOptions;
  /** Where a visitor's token is kept; defaults to localStorage when there is one. */
  visitorTokenStorage?: TokenStorage | null;
  /**
   * Where unsent messages are kept, so a reload while offline loses none; defaults to
   * localStorage when there is one, `null` keeps them in memory only.
   */
  outboxStorage?: OutboxStorage | null;
  /** Connect at creation. Default true. */
  autoConnect?: boolean;
  /**
   * The gateway's HTTP address for uploads (`POST {httpUrl}/attachments`). Default: `url` with
   * `ws:` / `wss:` as `http:` / `https:` (`wss://candy.example/kefu` → `https://candy.example/kefu`).
   */
  httpUrl?: string;
}

/**
 * A customer-service client: connection, conversations and outbox behind one store. Agents use
 * `createAgentClient` from `@kefu/client/agent`, which adds the inbox and the desk's actions.
 *
 * @example
 * const client = createKefuClient({ url: 'wss://candy.example/kefu', identity });
 * const conversation = await client.startConversation({ topic: 'delivery', text: '我的糖果什么时候到？' });
 * client.send(conversation.id, '订单号 20261111-0042');
 */
export interface KefuClient {
  /** Store API for UIs (`useSyncExternalStore(client.subscribe, client.getSnapshot)`). */
  subscribe(listener: () => void): () => void;
  getSnapshot(): KefuClientSnapshot;
  connect(): void;
  /** Closes for good (no reconnect). Unsent messages stay in the outbox (and its storage). */
  close(): void;
  /**
   * Starts a conversation (customers and visitors), optionally with a first message, and watches it.
   * Safe to call offline: it is sent when connected, once.
   */
  startConversation(input?: { topic?: string; text?: string }): Promise<WireConversation>;
  /** Receives a conversation's messages from the last one seen, live, across reconnects. */
  watch(conversationId: string): void;
  unwatch(conversationId: string): void;
  /**
   * Sends a message; shown at once as `sending`, then `sent`, or `failed`. Offline, it waits in the
   * outbox and is delivered exactly once after reconnecting. Returns the client id.
   */
  send(
    conversationId: string,
    text: string,
    options?: { internal?: boolean; attachments?: readonly WireAttachment[] },
  ): string;
  /**
   * Uploads a photo or file through the gateway (with this client's credentials) and returns the
   * stored attachment, to send with `send(conversationId, '', { attachments: [attachment] })`.
   * Reports progress in browsers; rejects with the gateway's code (`VALIDATION` for a file too
   * large or of a type not allowed, `FORBIDDEN`…) and changes nothing then.
   */
  upload(file: Blob, options?: UploadOptions): Promise<WireAttachment>;
  /** Sends a `failed` message again. */
  retry(clientId: string): void;
  setTyping(conversationId: string, typing: boolean): void;
  markRead(conversationId: string, seq: number): void;
  /**
   * Customers: their conversations, newest first (watch one to get its messages). Agents: their
   * inbox — queued conversations and those assigned to them (the agent client keeps it live).
   */
  listConversations(): Promise<WireConversation[]>;
  /** Whether the shop is open and anyone can answer now (else offer "leave a message"). */
  deskStatus(): Promise<DeskStatus>;
  /** Customers: answers the satisfaction survey of a conversation, once. */
  rate(
    conversationId: string,
    input: { answers: Record<string, number>; comment?: string },
  ): Promise<WireSurvey>;
  /** Customers: their tickets (工单) as they may see them, then kept live in `snapshot.tickets`. */
  loadTickets(): Promise<WireTicket[]>;
  /** Customers: accepts or rejects the resolution proposed on their ticket. */
  respondToTicket(
    ticketId: string,
    input: { accept: boolean; message?: string },
  ): Promise<WireTicket>;
}
