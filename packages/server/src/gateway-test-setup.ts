import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createMemoryAdapter } from '@kefu/adapter-memory';
import {
  type CreateKefuClientOptions,
  createKefuClient,
  createWebSocketTransport,
  type KefuClient,
} from '@kefu/client';
import { createAgentClient, type KefuAgentClient } from '@kefu/client/agent';
import { type CreateDeskOptions, createDesk, type Desk } from '@kefu/core';
import {
  type ClientFrame,
  type Credentials,
  PROTOCOL_VERSION,
  type ServerFrame,
} from '@kefu/core/protocol';
import { afterEach } from 'vitest';
import { WebSocket } from 'ws';
import { createGateway, type Gateway } from './create-gateway';
import type { CreateGatewayOptions } from './gateway-options';
import { signCustomerId } from './identity';

export const SECRET = 'test-identity-secret';
export const AGENT_TOKENS: Record<string, string> = {
  'token-wang': 'agt_wang',
  'token-li': 'agt_li',
};

/** Agents sign in with the tokens above. */
export const authenticateTestAgent = async ({ token }: { token: string }) => {
  const agentId = AGENT_TOKENS[token];
  return agentId ? { agentId } : null;
};

export interface GatewayFixture {
  desk: Desk;
  gateway: Gateway;
  server: Server;
  url: string;
  httpUrl: string;
  /** Cuts every open socket abruptly (no close frame), as a network failure would. */
  killSockets(): number;
  /** The raw sockets of upgraded connections still open. */
  sockets: Set<Duplex>;
  close(): Promise<void>;
}

/** A desk with the candy shop's people, a gateway on it, and an HTTP server on an ephemeral port. */
export async function startGateway(
  options: Partial<CreateGatewayOptions> = {},
  deskOptions: Partial<CreateDeskOptions> = {},
): Promise<GatewayFixture> {
  const desk = createDesk({
    storage: createMemoryAdapter(),
    routing: { auto: false },
    ...deskOptions,
  });
  await desk.customers.upsert({ id: 'cus_lin', name: '林小糖' });
  await desk.customers.upsert({ id: 'cus_amy', name: 'Amy Chen' });
  await desk.agents.upsert({ id: 'agt_wang', name: '王客服', presence: 'online' });
  await desk.agents.upsert({ id: 'agt_li', name: '李售后', presence: 'online' });
  const gateway = createGateway({
    desk,
    identity: { secret: SECRET },
    authenticate: authenticateTestAgent,
    onError: () => {},
    ...options,
  });
  const server = createServer();
  gateway.attach(server);
  const sockets = new Set<Duplex>();
  server.on('upgrade', (_request, socket: Duplex) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    desk,
    gateway,
    server,
    url: `ws://127.0.0.1:${port}${gateway.path}`,
    httpUrl: `http://127.0.0.1:${port}${gateway.path}`,
    sockets,
    killSockets() {
      const count = sockets.size;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
      return count;
    },
    async close() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await desk.stop();
    },
  };
}

/** The error code a request failed with, or `resolved`. */
export const codeOf = async (promise: Promise<unknown>): Promise<string | undefined> =>
  promise.then(
    () => 'resolved',
    (error: { code?: string }) => error.code,
  );

export const customer = (customerId: string): Credentials => ({
  kind: 'customer',
  customerId,
  signature: signCustomerId(customerId, SECRET),
});

export const agent = (token: string): Extract<Credentials, { kind: 'agent' }> => ({
  kind: 'agent',
  token,
});

/** A raw WebSocket speaking frames, for tests that need to send what a real client never would. */
export interface RawSocket {
  socket: WebSocket;
  frames: ServerFrame[];
  send(frame: ClientFrame | Record<string, unknown>): void;
  sendText(text: string): void;
  /** Resolves with the first frame (already received or future) that matches. */
  next<T extends ServerFrame['type']>(
    type: T,
    predicate?: (frame: Extract<ServerFrame, { type: T }>) => boolean,
  ): Promise<Extract<ServerFrame, { type: T }>>;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
}

export async function openRaw(url: string, credentials?: Credentials): Promise<RawSocket> {
  const socket = new WebSocket(url);
  const frames: ServerFrame[] = [];
  const waiters: Array<() => void> = [];
  socket.on('message', (data) => {
    frames.push(JSON.parse(String(data)) as ServerFrame);
    for (const waiter of [...waiters]) waiter();
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: String(reason) })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const raw: RawSocket = {
    socket,
    frames,
    closed,
    send: (frame) => socket.send(JSON.stringify(frame)),
    sendText: (text) => socket.send(text),
    next(type, predicate) {
      type F = Extract<ServerFrame, { type: typeof type }>;
      const find = () =>
        frames.find((f): f is F => f.type === type && (!predicate || predicate(f as F)));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no ${type} frame; got ${JSON.stringify(frames)}`)),
          5_000,
        );
        const check = () => {
          const found = find();
          if (!found) return;
          clearTimeout(timer);
          waiters.splice(waiters.indexOf(check), 1);
          resolve(found);
        };
        waiters.push(check);
        check();
      });
    },
    close: () => socket.close(),
  };
  if (credentials) {
    raw.send({ type: 'hello', v: PROTOCOL_VERSION, id: 'hello', auth: credentials });
    const first = await Promise.race([raw.next('welcome'), raw.next('error')]);
    if (first.type === 'error') throw new Error(`hello refused: ${first.message}`);
  }
  return raw;
}

type ConnectOptions = { random?: () => number; minDelayMs?: number };

const testClientOptions = (
  url: string,
  identity: Credentials,
  options: ConnectOptions = {},
): CreateKefuClientOptions => ({
  url,
  identity,
  transport: createWebSocketTransport({ WebSocket }),
  reconnect: {
    minDelayMs: options.minDelayMs ?? 5,
    maxDelayMs: Math.max(40, options.minDelayMs ?? 0),
    ...(options.random ? { random: options.random } : {}),
  },
  visitorTokenStorage: null,
});

/**
 * A @kefu/client over real WebSockets, with fast reconnects for tests: an agent client
 * (`createAgentClient`) for agent credentials, else the customer's `createKefuClient`.
 */
export function connectClient(
  url: string,
  identity: Extract<Credentials, { kind: 'agent' }>,
  options?: ConnectOptions,
): KefuAgentClient;
export function connectClient(
  url: string,
  identity: Credentials,
  options?: ConnectOptions,
): KefuClient;
export function connectClient(
  url: string,
  identity: Credentials,
  options: ConnectOptions = {},
): KefuClient {
  const clientOptions = testClientOptions(url, identity, options);
  return identity.kind === 'agent'
    ? createAgentClient(clientOptions)
    : createKefuClient(clientOptions);
}

/** Waits until `check` returns a value other than undefined/false. */
export async function until<T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs = 5_000,
): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** `connectClient` on the test's gateway: an agent client for agent credentials. */
interface ConnectToGateway {
  (identity: Extract<Credentials, { kind: 'agent' }>): KefuAgentClient;
  (identity: Credentials): KefuClient;
}

/**
 * A fresh gateway per test, plus the clients the test connects through it; all closed after each
 * test.
 *
 * @example
 * const gateway = gatewayPerTest();
 * it('…', async () => {
 *   const fixture = await gateway.start();
 *   const lin = gateway.connect(customer('cus_lin'));
 * });
 */
export function gatewayPerTest() {
  const raw = rawGatewayPerTest();
  let current: GatewayFixture | null = null;
  const url = () => {
    if (!current) throw new Error('Start the gateway first.');
    return current.url;
  };
  return {
    async start(
      options: Partial<CreateGatewayOptions> = {},
      deskOptions: Partial<CreateDeskOptions> = {},
    ): Promise<GatewayFixture> {
      current = await raw.start(options, deskOptions);
      return current;
    },
    connect: ((identity: Credentials) =>
      raw.track(connectClient(url(), identity))) as ConnectToGateway,
    /**
     * An agent client whatever the identity: a customer that sends agent frames, to check the
     * gateway refuses them and never pushes agent-only frames to it.
     */
    connectWithAgentClient(identity: Credentials): KefuAgentClient {
      return raw.track(createAgentClient(testClientOptions(url(), identity)));
    },
  };
}

/**
 * A gateway per test for tests that speak raw frames: `start` it, `track` the sockets to close;
 * both are cleaned up after each test.
 *
 * @example
 * const gateway = rawGatewayPerTest();
 * it('…', async () => {
 *   const fixture = await gateway.start();
 *   const lin = gateway.track(await openRaw(fixture.url, customer('cus_lin')));
 * });
 */
export function rawGatewayPerTest() {
  let current: GatewayFixture | null = null;
  const open: Array<{ close(): void }> = [];
  afterEach(async () => {
    for (const item of open.splice(0)) item.close();
    await current?.close();
    current = null;
  });
  return {
    async start(
      options: Partial<CreateGatewayOptions> = {},
      deskOptions: Partial<CreateDeskOptions> = {},
    ): Promise<GatewayFixture> {
      await current?.close();
      current = await startGateway(options, deskOptions);
      return current;
    },
    /** Closed after the test; returns what it was given. */
    track<T extends { close(): void }>(item: T): T {
      open.push(item);
      return item;
    },
  };
}

/** Sends a `send` frame with a client id made from `id`; resolves with its ack or error. */
export async function sendText(
  socket: RawSocket,
  conversationId: string,
  id: string,
  text: string = id,
) {
  socket.send({ type: 'send', id, conversationId, clientId: `m_${id}_sent`, text });
  return Promise.race([
    socket.next('ack', (f) => f.id === id),
    socket.next('error', (f) => f.id === id),
  ]);
}

let requestCount = 0;

/**
 * Sends a request frame with a fresh id; resolves with its ack, rejects with the error frame's
 * `code` (as `codeOf` reads it).
 */
export async function request(socket: RawSocket, frame: Record<string, unknown>) {
  const id = `req_${++requestCount}`;
  socket.send({ ...frame, id });
  const reply = await Promise.race([
    socket.next('ack', (f) => f.id === id),
    socket.next('error', (f) => f.id === id),
  ]);
  if (reply.type === 'error') throw Object.assign(new Error(reply.message), { code: reply.code });
  return reply;
}
