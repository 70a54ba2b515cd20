import type { IncomingHttpHeaders, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { KefuError } from '@kefu/core';
import type { Credentials } from '@kefu/core/protocol';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { AgentNames } from './agent-names';
import { AgentPresenceTracker } from './agent-presence';
import { RecentPositions, SubscriptionRegistry } from './fan-out';
import { GatewayConnection } from './gateway-connection';
import {
  CLOSE_CODES,
  type ConnectionSink,
  type GatewayContext,
  type Principal,
} from './gateway-context';
import { createOperations, type GatewayMetricsHandle } from './gateway-operations';
import { type CreateGatewayOptions, DEFAULT_LIMITS } from './gateway-options';
import { handleHttpRequest } from './http-endpoints';
import { issueVisitorToken, verifyCustomerSignature, verifyVisitorToken } from './identity';
import { MetricsWatchers } from './metrics-updates';
import { watchQueue } from './queue-updates';
import { SlidingWindowLimiter } from './rate-limiter';

const HOUR = 3_600_000;
const IN_PROCESS = 'in-process';

/** A client in the same process: frames go straight to the gateway, no socket involved. */
export interface InProcessConnection {
  send(text: string): void;
  close(): void;
}

/** The gateway: WebSocket and HTTP endpoints over a desk. */
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
  const { desk, identity = {}, authenticate, bus } = options;
  const path = normalisePath(options.path ?? '/kefu');
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const heartbeatMs = options.heartbeatMs ?? 25_000;
  const onError = options.onError ?? ((error: unknown) => console.error('[kefu gateway]', error));
  const getIp = options.getIp ?? defaultIp;
  const secret = identity.secret;
  const requireSignature =
    identity.requireSignature ?? (secret !== undefined || process.env.NODE_ENV === 'production');
  if (requireSignature && !secret) {
    throw new KefuError(
      'VALIDATION',
      'Customer identity verification is on (production mode) but no identity.secret is set. ' +
        'Set identity.secret, or identity.requireSignature: false to allow unsigned customers.',
    );
  }
  if (identity.allowVisitors && !secret) {
    throw new KefuError(
      'VALIDATION',
      'Visitor tokens are signed: set identity.secret to allow visitors.',
    );
  }

  const presence = options.agentPresence
    ? new AgentPresenceTracker(desk, options.agentPresence, onError)
    : null;
  const metricsWatchers = new MetricsWatchers(desk);
  const names = new AgentNames();
  names.load(desk).catch(onError);
  const registry = new SubscriptionRegistry((message) => names.wire(message));
  const connections = new Set<GatewayConnection>();
  const perIp = new Map<string, number>();
  const operations = createOperations({
    desk,
    path,
    metrics: options.metrics,
    connections: () => connections,
    onError,
  });

  async function ensureCustomer(customerId: string, visitor: boolean): Promise<void> {
    if (await desk.customers.get(customerId)) return;
    await desk.customers.upsert({
      id: customerId,
      ...(visitor ? { metadata: { visitor: true } } : {}),
    });
  }

  async function identify(
    credentials: Credentials,
    request: { headers: IncomingHttpHeaders; ip: string },
  ): Promise<Principal | { code: 'UNAUTHORIZED'; message: string }> {
    const refuse = (message: string) => ({ code: 'UNAUTHORIZED' as const, message });
    switch (credentials.kind) {
      case 'customer': {
        const { customerId, signature } = credentials;
        if (customerId.startsWith('vis_')) return refuse('Visitors connect with a visitor token.');
        if (secret && (signature !== undefined || requireSignature)) {
          if (!verifyCustomerSignature(customerId, signature, secret)) {
            return refuse(
              'The customer identity is not signed by the shop (bad or missing signature).',
            );
          }
        }
        await ensureCustomer(customerId, false);
        return { role: 'customer', id: customerId, author: { kind: 'customer', id: customerId } };
      }
      case 'visitor': {
        if (!identity.allowVisitors || !secret)
          return refuse('Anonymous visitors are not enabled.');
        const known = credentials.token ? verifyVisitorToken(credentials.token, secret) : null;
        const issued = known ? null : issueVisitorToken(secret);
        const customerId = known ?? issued?.customerId ?? '';
        const token = credentials.token && known ? credentials.token : (issued?.token ?? '');
        await ensureCustomer(customerId, true);
        return {
          role: 'visitor',
          id: customerId,
          author: { kind: 'customer', id: customerId },
          visitorToken: token,
        };
      }
      case 'agent': {
        if (!authenticate) return refuse('Agent sign-in is not configured on this gateway.');
        let result: { agentId: string } | null = null;
        try {
          result = await authenticate({ token: credentials.token, ...request });
        } catch (error) {
          onError(error);
        }
        if (!result) return refuse('The agent token was not accepted.');
        return { role: 'agent', id: result.agentId, author: { kind: 'agent', id: result.agentId } };
      }
    }
  }

  const context: GatewayContext = {
    desk,
    limits,
    heartbeatMs,
    conversationLimiter: new SlidingWindowLimiter(limits.conversationsPerHour, HOUR, Date.now),
    countedStarts: new Set(),
    authorizeAgent: options.authorizeAgent ?? (() => true),
    authorizeCall: options.authorizeCall ?? (() => true),
    identify,
    subscribe: (id, connection) => registry.add(id, connection),
    unsubscribe: (id, connection) => registry.remove(id, connection),
    subscribersOf: (id) => registry.of(id),
    watchInbox: (agentId, connection, ids) => registry.watchInbox(agentId, connection, ids),
    watchTickets: (customerId, connection) => registry.watchTickets(customerId, connection),
    watchMetrics: (connection) => metricsWatchers.add(connection),
    forget: (connection) => {
      registry.forget(connection);
      metricsWatchers.remove(connection);
    },
    onError,
    wireMessage: (message) => names.wire(message),
    agentConnected: (agentId) => presence?.connected(agentId),
    agentDisconnected: (agentId) => presence?.disconnected(agentId),
    hooks: operations.hooks,
  };

  // Fan-out: this node's events straight from the desk; with a bus, other nodes' events from the log.
  const recent = bus ? new RecentPositions() : null;
  let cursor = 0;
  const offDesk = desk.on('*', (event) => {
    recent?.add(event.position);
    names.note(event);
    registry.dispatch(event);
  });
  let catchingUp: Promise<void> | null = null;
  let again = false;
  const catchUp = async () => {
    for (;;) {
      const events = await desk.events.read({ after: cursor, limit: 1000 });
      for (const event of events) {
        if (!recent?.has(event.position)) {
          names.note(event);
          registry.dispatch(event);
        }
        cursor = event.position;
      }
      if (events.length < 1000) return;
    }
  };
  const pump = () => {
    if (catchingUp) {
      again = true;
      return;
    }
    catchingUp = catchUp()
      .catch(onError)
      .finally(() => {
        catchingUp = null;
        if (again) {
          again = false;
          pump();
        }
      });
  };
  const offQueue = watchQueue(desk, registry);
  let offBus: (() => void) | null = null;
  if (bus) {
    void desk.events.lastPosition().then((position) => {
      cursor = Math.max(cursor, position);
      offBus = bus.subscribe(() => pump());
    }, onError);
  }

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
        allowVisitors: Boolean(identity.allowVisitors),
        secret,
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
      offDesk();
      offQueue();
      presence?.stop();
      metricsWatchers.stop();
      offBus?.();
      for (const connection of [...connections])
        connection.close(CLOSE_CODES.shutdown, 'gateway closing');
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      await catchingUp;
      await operations.close();
    },
  };
  return gateway;
}

function normalisePath(path: string): string {
  const withSlash = path.startsWith('/') ? path : `/${path}`;
  return withSlash.length > 1 && withSlash.endsWith('/') ? withSlash.slice(0, -1) : withSlash;
}
