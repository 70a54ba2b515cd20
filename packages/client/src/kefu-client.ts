import {
  type ClientFrame,
  type Credentials,
  type DeskStatus,
  encodeFrame,
  PROTOCOL_VERSION,
  readServerFrame,
  type ServerFrame,
  type Session,
  type WireConversation,
  type WireMessage,
  type WireSurvey,
  type WireTicket,
} from '@kefu/core/wire';
import { nanoid } from 'nanoid';
import { type BackoffOptions, backoffDelay } from './backoff';
import {
  createOutbox,
  defaultOutboxStorage,
  defaultTokenStorage,
  type OutboxStorage,
  type TokenStorage,
} from './browser-storage';
import {
  type ConversationState,
  type ConversationView,
  createConversationState,
  type OutboxEntry,
} from './conversation-state';
import {
  type ClientTransport,
  createWebSocketTransport,
  type TransportConnection,
} from './transport';

export type ConnectionStatus = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'closed';

/** What a UI reads: referentially stable until something changes. */
export interface KefuClientSnapshot {
  status: ConnectionStatus;
  session: Session | null;
  conversations: Readonly<Record<string, ConversationView>>;
  /** The last error the gateway reported that was not tied to one message. */
  lastError: { code: string; message: string } | null;
  /** Customers, after `loadTickets()`: their tickets by id, kept live. */
  tickets: Readonly<Record<string, WireTicket>>;
}

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
}

/**
 * A customer-service client: connection, conversations and outbox behind one store. Agents use
 * `createAgentClient` from `@kefu/client/agent`, which adds the inbox and the desk's actions.
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
  send(conversationId: string, text: string, options?: { internal?: boolean }): string;
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

/** Requests that may be sent again after a reconnect: repeating them changes nothing. */
const IDEMPOTENT: ReadonlySet<string> = new Set([
  // Messages and conversations are stored once per client id.
  'send',
  'start',
  'inbox',
  'status',
  'tickets',
  'presence',
  'watch_metrics',
]);

const TYPING_TTL_MS = 8_000;

/** Why a request failed: the gateway's error code, and how long to wait when it names a wait. */
export type RequestError = Error & { code: string; retryAfterMs?: number };

const requestError = (message: string, code: string, retryAfterMs?: number): RequestError =>
  Object.assign(new Error(message), { code, retryAfterMs });

type Ack = Extract<ServerFrame, { type: 'ack' }>;
/** The fields of an ack that carry a single answer. */
type AnsweredField = 'conversation' | 'status' | 'survey' | 'ticket' | 'metrics';
type Answer<K extends AnsweredField> = NonNullable<Ack[K]>;

/** Every field of `next` is the very value `previous` holds. */
const sameFields = (previous: object, next: object) =>
  Object.entries(next).every(
    ([key, value]) => (previous as Record<string, unknown>)[key] === value,
  );

/**
 * The inside of a client, for what extends it (the agent client in `@kefu/client/agent`).
 * @internal
 */
export interface ClientCore {
  readonly client: KefuClient;
  /** Sends a request frame; resolves with its ack (re-sent after a reconnect when idempotent). */
  request<T extends ServerFrame = Ack>(frame: ClientFrame & { id: string }): Promise<T>;
  requestId(prefix: string): string;
  /** Sends a request and returns one field of its ack, which must be there. */
  ask<K extends AnsweredField>(frame: ClientFrame & { id: string }, field: K): Promise<Answer<K>>;
  session(): Session | null;
  /** The latest copy of a conversation this client has, if any. */
  conversation(conversationId: string): WireConversation | null;
  /** Stores a conversation the gateway returned, as if it had arrived in a frame. */
  applyConversation(conversation: WireConversation): void;
  emit(): void;
}

/**
 * What an extension adds to the core: snapshot fields (compared by identity), the frames the core
 * does not handle, and what to do on each conversation change and each new connection.
 * @internal
 */
export interface ClientExtension {
  snapshot(): Record<string, unknown>;
  onFrame(frame: ServerFrame): void;
  onConversation(conversation: WireConversation): void;
  /** A new connection was welcomed: ask again for what is being followed. */
  onWelcome(): void;
}

/**
 * Creates a client for a Kefu gateway.
 *
 * @example
 * import { createKefuClient } from '@kefu/client';
 *
 * const client = createKefuClient({
 *   url: 'wss://candy.example/kefu',
 *   identity: { kind: 'customer', customerId: 'cus_lin', signature },
 * });
 * const conversation = await client.startConversation({ text: '我的糖果什么时候到？' });
 * client.subscribe(() => render(client.getSnapshot().conversations[conversation.id]));
 */
export function createKefuClient(options: CreateKefuClientOptions): KefuClient {
  const { client } = createClientCore(options);
  if (options.autoConnect ?? true) client.connect();
  return client;
}

/**
 * The client's engine, extended by `extend` (which sees the core before the first connection).
 * The caller connects.
 * @internal
 */
export function createClientCore(
  options: CreateKefuClientOptions,
  extend?: (core: ClientCore) => ClientExtension,
): ClientCore {
  const transport = options.transport ?? createWebSocketTransport();
  const tokenStorage =
    options.visitorTokenStorage === undefined ? defaultTokenStorage() : options.visitorTokenStorage;
  let identity: Credentials = options.identity;
  if (identity.kind === 'visitor' && !identity.token) {
    const saved = tokenStorage?.get();
    if (saved) identity = { kind: 'visitor', token: saved };
  }

  const listeners = new Set<() => void>();
  const conversations = new Map<string, ConversationState>();
  const watched = new Set<string>();
  const outbox = createOutbox(
    options.outboxStorage === undefined
      ? defaultOutboxStorage(options.identity)
      : options.outboxStorage,
  );
  /** Requests awaiting an ack, by request id; the idempotent ones are re-sent after a reconnect. */
  const requests = new Map<
    string,
    {
      frame: ClientFrame;
      sent: boolean;
      resolve(frame: ServerFrame): void;
      reject(error: Error): void;
    }
  >();

  let status: ConnectionStatus = 'idle';
  let session: Session | null = null;
  let lastError: KefuClientSnapshot['lastError'] = null;
  let tickets: Record<string, WireTicket> = {};
  /** `loadTickets()` was called: ticket changes are followed, across reconnects. */
  let followingTickets = false;
  let connection: TransportConnection | null = null;
  let attempt = 0;
  let heartbeatMs = options.heartbeatMs ?? 25_000;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let pingTimer: ReturnType<typeof setInterval> | null = null;
  let lastHeardAt = 0;
  let snapshot: KefuClientSnapshot | null = null;
  let lastSnapshot: KefuClientSnapshot | null = null;
  let stopped = false;
  let extension: ClientExtension | undefined;

  const emit = () => {
    snapshot = null;
    for (const listener of [...listeners]) listener();
  };

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

  const write = (frame: ClientFrame) => {
    if (status !== 'open' || !connection) return false;
    connection.send(encodeFrame(frame));
    return true;
  };

  const applyTicket = (ticket: WireTicket) => {
    tickets = { ...tickets, [ticket.id]: ticket };
    emit();
  };

  const applyConversation = (conversation: WireConversation) => {
    const state = stateOf(conversation.id);
    state.conversation = conversation;
    if (conversation.status !== 'queued') state.queue = null;
    state.changed();
    extension?.onConversation(conversation);
    emit();
  };

  const applySurvey = (survey: WireSurvey) => {
    if (!survey.conversationId) return;
    const state = stateOf(survey.conversationId);
    state.survey = survey;
    state.changed();
    emit();
  };

  /** Sends an outbox entry, unless it is already on its way; settles it with the answer. */
  const sendOutboxEntry = (entry: OutboxEntry) => {
    const { clientId } = entry;
    const id = `s_${clientId}`;
    if (requests.has(id)) return;
    request({
      type: 'send',
      id,
      conversationId: entry.conversationId,
      clientId,
      text: entry.text,
      attachments: entry.attachments,
      internal: entry.internal,
    }).then(
      (ack) => {
        if (ack.message) onStored(ack.message);
        emit();
      },
      (error: RequestError) => {
        // Closed (by the app, or for refused credentials): the entry waits in the outbox.
        if (stopped) return;
        if (error.code === 'RATE_LIMITED' || error.code === 'UNAVAILABLE') {
          // Not the message's fault: try again later, still exactly once thanks to the client id.
          setTimeout(() => {
            if (outbox.get(clientId)?.status === 'sending') sendOutboxEntry(entry);
          }, error.retryAfterMs ?? 1_000);
          return;
        }
        failEntry(clientId, { code: error.code, message: error.message });
        emit();
      },
    );
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

  const failEntry = (clientId: string, error: { code: string; message: string }) => {
    const entry = outbox.get(clientId);
    if (!entry) return;
    outbox.set(clientId, { ...entry, status: 'failed', error });
    stateOf(entry.conversationId).messagesChanged();
  };

  const handleFrame = (frame: ServerFrame) => {
    switch (frame.type) {
      case 'welcome': {
        session = frame.session;
        heartbeatMs = frame.heartbeatMs;
        status = 'open';
        attempt = 0;
        lastError = null;
        if (frame.visitorToken && identity.kind === 'visitor') {
          identity = { kind: 'visitor', token: frame.visitorToken };
          tokenStorage?.set(frame.visitorToken);
        }
        startHeartbeat();
        for (const conversationId of watched) resubscribe(conversationId);
        // Requests still waiting go out again first, so the re-asks below are sent once.
        for (const request of requests.values()) request.sent = write(request.frame);
        // A new connection hears nothing it has not asked for: ask again for the tickets (and
        // whatever an extension follows); the answers also fill in what was missed.
        if (followingTickets) client.loadTickets().catch(() => {});
        extension?.onWelcome();
        // Messages restored from storage, or waiting out a rate limit, go out now.
        for (const entry of outbox.values()) if (entry.status === 'sending') sendOutboxEntry(entry);
        emit();
        return;
      }
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
      case 'ticket':
        applyTicket(frame.ticket);
        return;
      case 'synced': {
        const state = stateOf(frame.conversationId);
        state.synced(frame.lastSeq);
        // Something newer than the backlog arrived with a hole before it: ask again.
        if (state.hasGap() && watched.has(frame.conversationId)) resubscribe(frame.conversationId);
        emit();
        return;
      }
      case 'ack': {
        const request = requests.get(frame.id);
        if (request) {
          requests.delete(frame.id);
          request.resolve(frame);
        }
        return;
      }
      case 'typing': {
        if (frame.author.id === session?.id) return;
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
        if (frame.seq > state.peerReadSeq && frame.author.id !== session?.id) {
          state.peerReadSeq = frame.seq;
          state.changed();
          emit();
        }
        return;
      }
      case 'pong':
        return;
      case 'metrics':
      case 'agent_ticket':
        extension?.onFrame(frame);
        return;
      case 'error': {
        const request = frame.id ? requests.get(frame.id) : undefined;
        if (frame.id && request) {
          requests.delete(frame.id);
          request.reject(requestError(frame.message, frame.code, frame.retryAfterMs));
          return;
        }
        lastError = { code: frame.code, message: frame.message };
        emit();
        return;
      }
    }
  };

  const startHeartbeat = () => {
    stopHeartbeat();
    lastHeardAt = Date.now();
    pingTimer = setInterval(() => {
      // Silence for two intervals means the connection is dead, even if the socket did not notice.
      if (Date.now() - lastHeardAt > heartbeatMs * 2) {
        connection?.close(4408, 'heartbeat timeout');
        return;
      }
      write({ type: 'ping', at: Date.now() });
    }, heartbeatMs);
  };

  const stopHeartbeat = () => {
    if (pingTimer) clearInterval(pingTimer);
    pingTimer = null;
  };

  const scheduleReconnect = () => {
    if (stopped || reconnectTimer) return;
    status = 'reconnecting';
    const delay = backoffDelay(attempt, options.reconnect);
    attempt++;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      open();
    }, delay);
  };

  const open = () => {
    if (stopped) return;
    status = attempt === 0 && status !== 'reconnecting' ? 'connecting' : 'reconnecting';
    const current = transport.open(options.url, {
      onOpen: () => {
        if (connection !== current) return;
        lastHeardAt = Date.now();
        current.send(encodeFrame({ type: 'hello', v: PROTOCOL_VERSION, auth: identity }));
      },
      onMessage: (text) => {
        if (connection !== current) return;
        lastHeardAt = Date.now();
        const frame = readServerFrame(text);
        if (frame) handleFrame(frame);
      },
      onClose: (code) => {
        if (connection !== current) return;
        connection = null;
        stopHeartbeat();
        for (const state of conversations.values()) state.resyncing = false;
        // A request that went out and may have been carried out is not repeated blindly.
        for (const [id, pending] of requests) {
          if (!pending.sent || IDEMPOTENT.has(pending.frame.type)) continue;
          requests.delete(id);
          pending.reject(
            requestError('The connection dropped; check before retrying.', 'UNAVAILABLE'),
          );
        }
        // Refused credentials or protocol: retrying the same would be refused again.
        if (code === 4401 || code === 4400) {
          stopped = true;
          status = 'closed';
          rejectPending(
            lastError?.message ?? 'The gateway refused the connection.',
            'UNAUTHORIZED',
          );
        } else if (!stopped) {
          scheduleReconnect();
        } else {
          status = 'closed';
        }
        emit();
      },
    });
    connection = current;
    emit();
  };

  /** Requests can no longer be answered: fail them rather than leave callers waiting forever. */
  const rejectPending = (message: string, code: string) => {
    for (const pending of requests.values()) pending.reject(requestError(message, code));
    requests.clear();
  };

  const request = <T extends ServerFrame = Ack>(frame: ClientFrame & { id: string }) =>
    new Promise<T>((resolve, reject) => {
      const pending = {
        frame,
        sent: false,
        resolve: resolve as (f: ServerFrame) => void,
        reject,
      };
      requests.set(frame.id, pending);
      pending.sent = write(frame);
    });
  const requestId = (prefix: string) => `${prefix}_${nanoid(12)}`;
  const ask = async <K extends AnsweredField>(
    frame: ClientFrame & { id: string },
    field: K,
  ): Promise<Answer<K>> => {
    const answer = (await request(frame))[field];
    if (!answer) throw new Error(`The gateway did not return the ${field}.`);
    return answer as Answer<K>;
  };

  const client: KefuClient = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot() {
      if (snapshot) return snapshot;
      const previous = lastSnapshot;
      const views: Record<string, ConversationView> = {};
      let same =
        previous !== null && Object.keys(previous.conversations).length === conversations.size;
      for (const [id, state] of conversations) {
        const view = state.view(outbox.values());
        views[id] = view;
        if (previous?.conversations[id] !== view) same = false;
      }
      const next: KefuClientSnapshot = {
        status,
        session,
        conversations: same && previous ? previous.conversations : views,
        lastError,
        tickets,
        ...extension?.snapshot(),
      };
      // Nothing changed: the same object, so selectors and memos keep theirs.
      snapshot = previous && sameFields(previous, next) ? previous : next;
      lastSnapshot = snapshot;
      return snapshot;
    },
    connect() {
      stopped = false;
      if (!connection && !reconnectTimer) open();
    },
    close() {
      stopped = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      reconnectTimer = null;
      stopHeartbeat();
      const current = connection;
      connection = null;
      current?.close(1000, 'client closed');
      status = 'closed';
      rejectPending('The client was closed.', 'UNAVAILABLE');
      for (const state of conversations.values()) {
        for (const timer of state.typing.values()) clearTimeout(timer);
      }
      emit();
    },
    async startConversation(input = {}) {
      const clientId = nanoid(16);
      const conversation = await ask(
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
      client.watch(conversation.id);
      return conversation;
    },
    watch(conversationId) {
      if (watched.has(conversationId)) return;
      watched.add(conversationId);
      stateOf(conversationId);
      resubscribe(conversationId);
      emit();
    },
    unwatch(conversationId) {
      if (!watched.delete(conversationId)) return;
      write({ type: 'unsubscribe', conversationId });
    },
    send(conversationId, text, sendOptions = {}) {
      const clientId = nanoid(16);
      const entry: OutboxEntry = {
        clientId,
        conversationId,
        text,
        attachments: [],
        internal: sendOptions.internal ?? false,
        createdAt: Date.now(),
        status: 'sending',
        error: null,
      };
      outbox.set(clientId, entry);
      stateOf(conversationId).messagesChanged();
      sendOutboxEntry(entry);
      emit();
      return clientId;
    },
    retry(clientId) {
      const entry = outbox.get(clientId);
      if (entry?.status !== 'failed') return;
      const again: OutboxEntry = { ...entry, status: 'sending', error: null };
      outbox.set(clientId, again);
      stateOf(entry.conversationId).messagesChanged();
      sendOutboxEntry(again);
      emit();
    },
    setTyping(conversationId, typing) {
      write({ type: 'typing', conversationId, typing });
    },
    markRead(conversationId, seq) {
      write({ type: 'read', conversationId, seq });
    },
    async listConversations() {
      const ack = await request({ type: 'inbox', id: requestId('i') });
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
    deskStatus: () => ask({ type: 'status', id: requestId('st') }, 'status'),
    async rate(conversationId, input) {
      const survey = await ask(
        {
          type: 'rate',
          id: requestId('r'),
          conversationId,
          answers: input.answers,
          ...(input.comment ? { comment: input.comment } : {}),
        },
        'survey',
      );
      applySurvey(survey);
      return survey;
    },
    async loadTickets() {
      followingTickets = true;
      const ack = await request({ type: 'tickets', id: requestId('t') });
      const list = ack.tickets ?? [];
      // Tickets never leave their customer: merge, keeping the newer copy of each (a `ticket`
      // frame may beat this answer).
      const merged = { ...tickets };
      for (const ticket of list) {
        if ((merged[ticket.id]?.updatedAt ?? -1) <= ticket.updatedAt) merged[ticket.id] = ticket;
      }
      tickets = merged;
      emit();
      return list;
    },
    async respondToTicket(ticketId, input) {
      const ticket = await ask(
        {
          type: 'ticket_reply',
          id: requestId('tr'),
          ticketId,
          accept: input.accept,
          ...(input.message ? { message: input.message } : {}),
        },
        'ticket',
      );
      applyTicket(ticket);
      return ticket;
    },
  };
  const core: ClientCore = {
    client,
    request,
    requestId,
    ask,
    session: () => session,
    conversation: (conversationId) => conversations.get(conversationId)?.conversation ?? null,
    applyConversation,
    emit,
  };
  extension = extend?.(core);
  return core;
}
