import type { ClientFrame, ServerFrame, WireMessage } from '@kefu/core/protocol';
import { ws } from 'msw';
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { createAgentClient, type KefuAgentClient } from '../agent/agent-client';
import type { CreateKefuClientOptions, KefuClient } from '../client-types';
import { createKefuClient } from '../kefu-client';

// Node 20 has no global WebSocket; msw intercepts the global, so give it one to replace.
if (!('WebSocket' in globalThis)) {
  Object.defineProperty(globalThis, 'WebSocket', {
    value: NodeWebSocket,
    configurable: true,
    writable: true,
  });
}

export const GATEWAY_URL = 'ws://kefu.test/kefu';

export interface MockConnection {
  received: ClientFrame[];
  send(frame: ServerFrame): void;
  close(code?: number, reason?: string): void;
}

export const welcome = (
  heartbeatMs = 60_000,
  session: { role: 'customer' | 'agent'; id: string } = { role: 'customer', id: 'cus_lin' },
): ServerFrame => ({ type: 'welcome', v: 1, session, heartbeatMs });

/** Answers hello with welcome, like a gateway that accepts everyone. */
export const welcoming =
  (
    next: (frame: ClientFrame, connection: MockConnection) => void = () => {},
    heartbeatMs?: number,
  ) =>
  (frame: ClientFrame, connection: MockConnection) => {
    if (frame.type === 'hello') connection.send(welcome(heartbeatMs));
    else next(frame, connection);
  };

/** Answers hello with an agent's welcome (王客服). */
export const welcomingAgent =
  (next: (frame: ClientFrame, connection: MockConnection) => void = () => {}) =>
  (frame: ClientFrame, connection: MockConnection) => {
    if (frame.type === 'hello') connection.send(welcome(60_000, { role: 'agent', id: 'agt_wang' }));
    else next(frame, connection);
  };

export const stored = (seq: number, text: string, clientId: string | null = null): WireMessage => ({
  id: `msg_${seq}`,
  conversationId: 'conv_1',
  seq,
  author: { kind: 'agent', id: 'agt_wang' },
  text,
  attachments: [],
  internal: false,
  clientId,
  createdAt: 1_700_000_000_000 + seq,
});

/** Stores every send as seq 1 and acks it. */
export const ackFirstSend = (frame: ClientFrame, connection: MockConnection) => {
  if (frame.type === 'send' && frame.id) {
    connection.send({
      type: 'ack',
      id: frame.id,
      message: stored(1, frame.text ?? '', frame.clientId),
    });
  }
};

export async function until<T>(check: () => T | undefined | false, timeoutMs = 3_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

/**
 * An msw WebSocket gateway for one test file: `mockGateway` scripts it and records every
 * connection's frames; `client` / `agentClient` connect to it and are closed after each test.
 */
export function useMswGateway() {
  const link = ws.link(GATEWAY_URL);
  const server = setupServer();
  const clients: KefuClient[] = [];
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    for (const created of clients.splice(0)) created.close();
    server.resetHandlers();
  });
  afterAll(() => server.close());

  const defaults: CreateKefuClientOptions = {
    url: GATEWAY_URL,
    identity: { kind: 'customer', customerId: 'cus_lin', signature: 'ab12' },
    reconnect: { minDelayMs: 5, maxDelayMs: 20 },
    visitorTokenStorage: null,
  };
  const track = <C extends KefuClient>(created: C) => {
    clients.push(created);
    return created;
  };

  return {
    server,
    mockGateway(
      onFrame: (frame: ClientFrame, connection: MockConnection) => void = () => {},
    ): MockConnection[] {
      const connections: MockConnection[] = [];
      server.use(
        link.addEventListener('connection', ({ client }) => {
          const connection: MockConnection = {
            received: [],
            send: (frame) => client.send(JSON.stringify(frame)),
            close: (code, reason) => client.close(code, reason),
          };
          connections.push(connection);
          client.addEventListener('message', (event) => {
            const frame = JSON.parse(String(event.data)) as ClientFrame;
            connection.received.push(frame);
            onFrame(frame, connection);
          });
        }),
      );
      return connections;
    },
    client: (options: Partial<CreateKefuClientOptions> = {}): KefuClient =>
      track(createKefuClient({ ...defaults, ...options })),
    agentClient: (options: Partial<CreateKefuClientOptions> = {}): KefuAgentClient =>
      track(
        createAgentClient({
          ...defaults,
          identity: { kind: 'agent', token: 'token-wang' },
          ...options,
        }),
      ),
  };
}
