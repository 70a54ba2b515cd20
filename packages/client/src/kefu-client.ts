import type { ServerFrame, WireConversation } from '@kefu/core/wire';
import { createOutbox, defaultOutboxStorage } from './browser-storage';
import type { CreateKefuClientOptions, KefuClient, KefuClientSnapshot } from './client-types';
import { type Connection, createConnection } from './connection/connection';
import { type Conversations, createConversations } from './conversations/conversations';
import { createOutboxDelivery } from './outbox/outbox-delivery';
import { createRequests, type Requests } from './requests/requests';
import { createTickets } from './tickets/tickets';

/** The gateway's HTTP address: `httpUrl`, else the socket's URL over http(s). */
function httpBase(options: CreateKefuClientOptions): string {
  const base = options.httpUrl ?? options.url.replace(/^ws(s?):/i, 'http$1:');
  if (!/^https?:/i.test(base)) {
    throw Object.assign(
      new Error('Uploads need the gateway over HTTP: pass `httpUrl` to createKefuClient.'),
      { code: 'VALIDATION' },
    );
  }
  return base.replace(/\/+$/, '');
}

/** Every field of `next` is the very value `previous` holds. */
const sameFields = (previous: object, next: object) =>
  Object.entries(next).every(
    ([key, value]) => (previous as Record<string, unknown>)[key] === value,
  );

/**
 * The inside of a client, for what extends it (the agent client in `@kefu/client/agent`).
 * @internal
 */
export interface ClientCore
  extends Pick<Requests, 'request' | 'requestId' | 'ask'>,
    Pick<Conversations, 'conversation' | 'applyConversation'>,
    Pick<Connection, 'session'> {
  readonly client: KefuClient;
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
 * The caller connects. It composes the connection, the requests over it, the conversations, the
 * outbox's delivery and the tickets, and keeps the one snapshot UIs read.
 * @internal
 */
export function createClientCore(
  options: CreateKefuClientOptions,
  extend?: (core: ClientCore) => ClientExtension,
): ClientCore {
  const listeners = new Set<() => void>();
  let lastError: KefuClientSnapshot['lastError'] = null;
  let incident: KefuClientSnapshot['incident'] = null;
  let snapshot: KefuClientSnapshot | null = null;
  let lastSnapshot: KefuClientSnapshot | null = null;
  let extension: ClientExtension | undefined;

  const emit = () => {
    snapshot = null;
    for (const listener of [...listeners]) listener();
  };

  const handleFrame = (frame: Exclude<ServerFrame, { type: 'welcome' }>) => {
    switch (frame.type) {
      case 'ack':
        requests.settle(frame);
        return;
      case 'error':
        if (requests.settle(frame)) return;
        lastError = { code: frame.code, message: frame.message };
        emit();
        return;
      case 'ticket':
        tickets.applyTicket(frame.ticket);
        return;
      case 'metrics':
      case 'agent_ticket':
      case 'supervision':
      case 'supervision_ended':
        extension?.onFrame(frame);
        return;
      case 'incident':
        incident = frame.incident;
        emit();
        return;
      case 'pong':
        return;
      default:
        conversations.onFrame(frame);
    }
  };

  const connection = createConnection(
    options,
    handleFrame,
    () => {
      lastError = null;
      // The gateway sends the incident in force right after welcome; none means none.
      incident = null;
      conversations.resubscribe();
      // Requests still waiting go out again first, so the re-asks below are sent once.
      requests.resend();
      // A new connection hears nothing it has not asked for: ask again for the tickets (and
      // whatever an extension follows); the answers also fill in what was missed.
      tickets.reload();
      extension?.onWelcome();
      outbox.flush();
      emit();
    },
    (refused) => {
      conversations.dropped();
      requests.dropped();
      if (refused) {
        requests.rejectAll(
          lastError?.message ?? 'The gateway refused the connection.',
          'UNAUTHORIZED',
        );
      }
    },
    emit,
  );
  const requests = createRequests(connection.write);
  const stored = createOutbox(
    options.outboxStorage === undefined
      ? defaultOutboxStorage(options.identity)
      : options.outboxStorage,
  );
  const conversations = createConversations(
    stored,
    connection,
    requests,
    (conversation) => extension?.onConversation(conversation),
    emit,
  );
  const outbox = createOutboxDelivery(stored, connection, requests, conversations, emit);
  const tickets = createTickets(requests, emit);

  const client: KefuClient = {
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    getSnapshot() {
      if (snapshot) return snapshot;
      const previous = lastSnapshot;
      const next: KefuClientSnapshot = {
        status: connection.status(),
        session: connection.session(),
        conversations: conversations.views(previous?.conversations),
        lastError,
        tickets: tickets.tickets(),
        incident,
        ...extension?.snapshot(),
      };
      // Nothing changed: the same object, so selectors and memos keep theirs.
      snapshot = previous && sameFields(previous, next) ? previous : next;
      lastSnapshot = snapshot;
      return snapshot;
    },
    connect: connection.connect,
    close() {
      connection.close();
      requests.rejectAll('The client was closed.', 'UNAVAILABLE');
      conversations.closed();
      emit();
    },
    deskStatus: () => requests.ask({ type: 'status', id: requests.requestId('st') }, 'status'),
    // The upload code is fetched on first use: most sessions never send a photo.
    upload: async (file, uploadOptions = {}) =>
      (await import('./uploads/upload')).uploadFile(
        httpBase(options),
        connection.credentials(),
        file,
        uploadOptions,
      ),
    ...conversations.calls,
    ...outbox.calls,
    ...tickets.calls,
  };
  const core: ClientCore = {
    client,
    request: requests.request,
    requestId: requests.requestId,
    ask: requests.ask,
    session: connection.session,
    conversation: conversations.conversation,
    applyConversation: conversations.applyConversation,
    emit,
  };
  extension = extend?.(core);
  return core;
}
