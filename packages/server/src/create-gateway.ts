import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { type Conversation, createMemoryRateLimits, type Message } from '@kefu/core';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { AgentNames } from './agent-names';
import { AgentPresenceTracker } from './agent-presence';
import { createAttachmentService } from './attachment-service';
import { pumpEvents } from './event-pump';
import { SubscriptionRegistry } from './fan-out';
import { GatewayConnection } from './gateway-connection';
import {
  CLOSE_CODES,
  type ConnectionSink,
  type GatewayContext,
  type Principal,
} from './gateway-context';
import { createIdentify } from './gateway-identity';
import { createOperations, type GatewayMetricsHandle } from './gateway-operations';
import { type CreateGatewayOptions, DEFAULT_LIMITS } from './gateway-options';
import { handleHttpRequest } from './http-endpoints';
import { RecentKeys } from './inbound-budget';
import { MetricsWatchers } from './metrics-updates';
import { originAllowed } from './origin-check';
import { agentViews, maskWireMessage } from './privacy-views';
import { watchQueue } from './queue-updates';
import { withRoles } from './role-authorization';
import { SupervisionWatchers } from './supervision-updates';

const MINUTE = 60_000;
const HOUR = 3_600_000;
const IN_PROCESS = 'in-process';

/**
 * A client in the same process: frames go straight to the gateway, no socket involved.
 *
 * @example
 * const connection = gateway.connect({
 *   onMessage: (text) => console.log(text),
 *   onClose: (code) => console.log('closed', code),
 * });
 * connection.send(JSON.stringify({ type: 'ping', id: 'p1' }));
 * connection.close();
 */
export interface InProcessConnection {
  send(text: string): void;
  close(): void;
}

/**
 * The gateway: WebSocket and HTTP endpoints over a desk.
 *
 * @example
 * const gateway = createGateway({ desk, identity: { secret } });
 * const server = http.createServer();
 * gateway.attach(server);
 * server.listen(8080);
 */
export interface Gateway {
  /** The path it serves, e.g. `/kefu`. */
  readonly path: string;
  /**
   * Serves WebSocket upgrades and HTTP requests at `path` on this server. Returns a detach function.
   *
   * @example
   * const server = http.createServer();
   * gateway.attach(server);
   * server.listen(3000);
   */
  attach(server: Server): () => void;
  /** For frameworks that own the upgrade event: hands one upgrade request to the gateway. */
  handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void;
  /**
   * Serves an HTTP request under `path`; resolves `false` (without answering) for other paths,
   * so it can sit in front of another handler or in middleware.
   */
  handleRequest(request: IncomingMessage, response: ServerResponse): Promise<boolean>;
  /** Opens a connection without a socket, for in-process clients (tests, examples, SSR). */
  connect(
    handlers: {
      onMessage(text: string): void;
      onClose(code: number, reason: string): void;
    },
    request?: { headers?: IncomingHttpHeaders; ip?: string },
  ): InProcessConnection;
  /**
   * Closes every connection but keeps serving: clients reconnect and resume. Use it to drain a
   * node before a deploy.
   */
  dropConnections(reason?: string): void;
  /** Open connections now. */
  readonly connectionCount: number;
  /** Its Prometheus registry and text (null with `metrics: false`). */
  readonly metrics: GatewayMetricsHandle | null;
  /** Closes every connection and stops listening to the desk. */
  close(): Promise<void>;
}

function defaultIp(request: { socketAddress: string | undefined }): string {
  return request.socketAddress ?? 'unknown';
}

/**
 * Creates a gateway over a desk: customers and agents connect over WebSocket (or HTTP for
 * requests without a socket), are identified, and receive the events of the conversations they
 * subscribe to.
 *
 * @example
 * import http from 'node:http';
 * import { createGateway } from '@kefu/server';
 *
 * const gateway = createGateway({
 *   desk,
 *   identity: { secret: process.env.KEFU_IDENTITY_SECRET },
 *   authenticate: async ({ token }) => verifyAgentSession(token),
 * });
 * const server = http.createServer();
 * gateway.attach(server);
 * server.listen(3000);
 */
export function createGateway(options: CreateGatewayOptions): Gateway {
  const { desk, bus } = options;
  const path = normalisePath(options.path ?? '/kefu');
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const onError = options.onError ?? ((error: unknown) => console.error('[kefu gateway]', error));
  const getIp = options.getIp ?? defaultIp;
  // The in-process default forgets an erased customer's buckets when the erasure event arrives;
  // a shared store (`storage.rateLimits`) has them deleted by the erasure itself.
  const ownLimits = createMemoryRateLimits();
  const rateLimits = options.rateLimits ?? ownLimits;
  const rules = {
    messages: { limit: limits.messagesPerMinute, windowMs: MINUTE },
    conversations: { limit: limits.conversationsPerHour, windowMs: HOUR },
    visitors: { limit: limits.visitorsPerHour, windowMs: HOUR },
  };
  const takeLimit: GatewayContext['takeLimit'] = (kind, key) =>
    rateLimits.take(`kefu:${kind}:${key}`, rules[kind], Date.now());
  const { identify, secret, allowVisitors } = createIdentify({
    ...options,
    onError,
    mintVisitor: (ip) => takeLimit('visitors', ip),
  });

  const metricsWatchers = new MetricsWatchers(desk);
  const names = new AgentNames();
  names.load(desk).catch(onError);
  // One rule decides what a role may call (`roleForCall`); the shop's policies come after it.
  const { authorizeAgent, authorizeCall } = withRoles(
    desk,
    options.enforceRoles ?? true,
    options.authorizeAgent ?? (() => true),
    options.authorizeCall,
  );
  const wireMessage = (message: Message, forAgent: boolean) =>
    forAgent ? maskWireMessage(desk, names.wire(message)) : names.wire(message);
  const mayWatch = (agentId: string, conversation: Conversation) =>
    authorizeAgent(agentId, {
      kind: 'conversation',
      customerId: conversation.customerId,
      conversation,
    });
  const registry = new SubscriptionRegistry(wireMessage, mayWatch, agentViews(desk));
  const supervision = new SupervisionWatchers(desk, { mayWatch, authorizeCall }, onError);
  const connections = new Set<GatewayConnection>();
  const perIp = new Map<string, number>();
  const operations = createOperations({
    desk,
    path,
    metrics: options.metrics,
    connections: () => connections,
    onError,
  });

  async function ensureCustomer(principal: Principal): Promise<void> {
    if (principal.role === 'agent' || (await desk.customers.get(principal.id))) return;
    await desk.customers.upsert({
      id: principal.id,
      ...(principal.role === 'visitor' ? { metadata: { visitor: true } } : {}),
    });
  }

  const context: GatewayContext = {
    desk,
    limits,
    heartbeatMs,
    takeLimit,
    countedStarts: new RecentKeys(HOUR),
    authorizeAgent,
    authorizeCall,
    attachments: options.attachments ?? {},
    uploads: createAttachmentService(options.attachments ?? {}, path, secret),
    identify,
    ensureCustomer,
    subscribe: (id, connection) => registry.add(id, connection),
    unsubscribe: (id, connection) => registry.remove(id, connection),
    subscribersOf: (id) => registry.of(id),
    watchInbox: (agentId, connection, ids) => registry.watchInbox(agentId, connection, ids),
    watchTickets: (customerId, connection) => registry.watchTickets(customerId, connection),
    watchMetrics: (connection) => metricsWatchers.add(connection),
    watchSupervision: (connection, teams, shown) => supervision.add(connection, teams, shown),
    forget: (connection) => {
      registry.forget(connection);
      metricsWatchers.remove(connection);
      supervision.remove(connection);
    },
    onError,
    wireMessage,
    agentConnected: (agentId) => presence?.connected(agentId),
    agentDisconnected: (agentId) => presence?.disconnected(agentId),
    hooks: operations.hooks,
  };

  // First, as it may throw (a bus that cannot start); nothing is running yet to clean up.
  const stopPump = pumpEvents(
    desk,
    bus,
    (event) => {
      names.note(event);
      if (event.type === 'customer.erased' && rateLimits === ownLimits) {
        ownLimits.forget(event.data.customerId);
      }
      registry.dispatch(event);
      supervision.dispatch(event);
    },
    onError,
  );
  const offQueue = watchQueue(desk, registry);
  // Read the incident state now, not at the first command: the banner goes to the first customer,
  // and the desk starts following other nodes' switches (through the storage's bus) at once.
  desk.incidents.current().catch(onError);
  const presence = options.agentPresence
    ? new AgentPresenceTracker(desk, options.agentPresence, onError)
    : null;

  function open(
    sink: ConnectionSink,
    request: { headers: IncomingHttpHeaders; ip: string },
  ): GatewayConnection {
    const count = (perIp.get(request.ip) ?? 0) + 1;
    perIp.set(request.ip, count);
    const connection = new GatewayConnection(context, sink, request, (closed) => {
      connections.delete(closed);
      const left = (perIp.get(closed.request.ip) ?? 1) - 1;
      if (left <= 0) perIp.delete(closed.request.ip);
      else perIp.set(closed.request.ip, left);
    });
    connections.add(connection);
    // In-process clients share one address by nature; only sockets count against the limit.
    if (request.ip !== IN_PROCESS && count > limits.connectionsPerIp) {
      connection.deliver({
        type: 'error',
        code: 'RATE_LIMITED',
        message: `At most ${limits.connectionsPerIp} connections per address.`,
        retryAfterMs: 5_000,
      });
      connection.close(CLOSE_CODES.rateLimited, 'too many connections');
    }
    return connection;
  }

  const wss = new WebSocketServer({
    noServer: true,
    // A hard cap well above the limit: frames between the two get an error frame, not a cut.
    maxPayload: Math.max(limits.maxFrameBytes * 4, 1024 * 1024),
  });

  function acceptSocket(socket: WebSocket, request: IncomingMessage): void {
    const ip = getIp({ headers: request.headers, socketAddress: request.socket.remoteAddress });
    operations.hooks.opened('websocket');
    const connection = open(
      {
        send: (text) => {
          if (socket.readyState === socket.OPEN) socket.send(text);
        },
        close: (code, reason) => socket.close(code, reason),
        pause: (ms) => {
          socket.pause();
          setTimeout(() => socket.resume(), ms).unref?.();
        },
      },
      { headers: request.headers, ip },
    );
    socket.on('message', (data: RawData, isBinary: boolean) => {
      const buffer = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      if (isBinary) {
        connection.deliver({ type: 'error', code: 'VALIDATION', message: 'Frames are JSON text.' });
        return;
      }
      connection.receive(buffer.toString('utf8'), buffer.byteLength);
    });
    socket.on('close', () => connection.closedByPeer());
    socket.on('error', () => connection.closedByPeer());
  }

  function handleUpgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    if (!originAllowed(request.headers, options.allowedOrigins)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws) => acceptSocket(ws, request));
  }

  const matches = (url: string | undefined) => {
    const pathname = (url ?? '/').split('?')[0] ?? '/';
    return pathname === path || pathname.startsWith(`${path}/`);
  };

  const gateway: Gateway = {
    path,
    attach(server) {
      const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
        if (matches(request.url)) handleUpgrade(request, socket, head);
      };
      const onRequest = (request: IncomingMessage, response: ServerResponse) => {
        if (!matches(request.url)) return;
        void gateway.handleRequest(request, response);
      };
      server.on('upgrade', onUpgrade);
      server.on('request', onRequest);
      return () => {
        server.off('upgrade', onUpgrade);
        server.off('request', onRequest);
      };
    },
    handleUpgrade,
    async handleRequest(request, response) {
      if (!matches(request.url)) return false;
      if (await operations.serve(request, response)) return true;
      const ip = getIp({ headers: request.headers, socketAddress: request.socket.remoteAddress });
      await handleHttpRequest({
        request,
        response,
        path,
        context,
        ip,
        connections: () => connections.size,
        allowVisitors,
        secret,
        allowedOrigins: options.allowedOrigins,
        mintVisitor: (visitorIp) => takeLimit('visitors', visitorIp),
      });
      operations.hooks.httpServed(response.statusCode);
      return true;
    },
    connect(handlers, request = {}) {
      let clientClosed = false;
      let closed = false;
      operations.hooks.opened('in_process');
      const connection = open(
        {
          // Microtasks keep frames in order and make delivery asynchronous, like a socket.
          send: (text) => queueMicrotask(() => !clientClosed && handlers.onMessage(text)),
          close: (code, reason) => {
            if (closed) return;
            closed = true;
            queueMicrotask(() => !clientClosed && handlers.onClose(code, reason));
          },
        },
        { headers: request.headers ?? {}, ip: request.ip ?? IN_PROCESS },
      );
      return {
        send: (text) => {
          if (!closed) connection.receive(text, Buffer.byteLength(text, 'utf8'));
        },
        close: () => {
          if (closed) return;
          closed = true;
          clientClosed = true;
          connection.closedByPeer();
          queueMicrotask(() => handlers.onClose(1000, 'closed by client'));
        },
      };
    },
    dropConnections(reason = 'reconnect') {
      for (const connection of [...connections]) connection.close(CLOSE_CODES.restart, reason);
    },
    get connectionCount() {
      return connections.size;
    },
    metrics: operations.handle,
    async close() {
      const pumpStopped = stopPump();
      offQueue();
      presence?.stop();
      metricsWatchers.stop();
      for (const connection of [...connections])
        connection.close(CLOSE_CODES.shutdown, 'gateway closing');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await pumpStopped;
      await operations.close();
    },
  };
  return gateway;
}

function normalisePath(path: string): string {
  const withSlash = path.startsWith('/') ? path : `/${path}`;
  return withSlash.length > 1 && withSlash.endsWith('/') ? withSlash.slice(0, -1) : withSlash;
}
