import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPostgresAdapter, type PostgresAdapter } from '@kefu/adapter-postgres';
import type { KefuClient } from '@kefu/client';
import { createDesk, type Desk } from '@kefu/core';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway, type Gateway } from './create-gateway';
import {
  agent,
  authenticateTestAgent,
  connectClient,
  customer,
  openRaw,
  SECRET,
  sendText,
  until,
} from './gateway-test-setup';

const DATABASE_URL = process.env.DATABASE_URL;
const schema = `kefu_gw_${Math.random().toString(36).slice(2, 10)}`;

interface Node {
  pool: pg.Pool;
  storage: PostgresAdapter;
  desk: Desk;
  gateway: Gateway;
  server: Server;
  url: string;
}

/** One server node: its own pool, adapter, desk, gateway and HTTP server, on the shared schema. */
async function startNode(): Promise<Node> {
  const pool = new pg.Pool({
    connectionString: DATABASE_URL,
    max: 4,
    connectionTimeoutMillis: 5000,
  });
  pool.on('error', () => undefined);
  const storage = createPostgresAdapter({ client: pool, schema });
  await storage.migrate();
  const desk = createDesk({ storage, routing: { auto: false } });
  const gateway = createGateway({
    desk,
    identity: { secret: SECRET },
    authenticate: authenticateTestAgent,
    bus: storage.bus,
    // Per-customer limits in the shared database: they hold whichever node a customer reaches.
    rateLimits: storage.rateLimits,
    limits: { messagesPerMinute: 4, conversationsPerHour: 2 },
    onError: () => {},
  });
  const server = createServer();
  gateway.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { pool, storage, desk, gateway, server, url: `ws://127.0.0.1:${port}${gateway.path}` };
}

describe.skipIf(!DATABASE_URL)('gateway: two nodes on one PostgreSQL (DATABASE_URL)', () => {
  const nodes: Node[] = [];
  const clients: KefuClient[] = [];

  beforeAll(async () => {
    nodes.push(await startNode(), await startNode());
    const desk = nodes[0]?.desk;
    await desk?.customers.upsert({ id: 'cus_lin', name: '林小糖' });
    await desk?.customers.upsert({ id: 'cus_amy', name: 'Amy Chen' });
    await desk?.agents.upsert({ id: 'agt_wang', name: '王客服', presence: 'online' });
  });

  afterAll(async () => {
    for (const client of clients) client.close();
    for (const node of nodes) {
      await node.gateway.close();
      node.server.closeAllConnections();
      await new Promise<void>((resolve) => node.server.close(() => resolve()));
      await node.desk.stop();
      await node.storage.close();
    }
    await nodes[0]?.pool.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    for (const node of nodes) await node.pool.end();
  });

  it('carries a conversation, the inbox and a ticket between a customer on A and an agent on B', async () => {
    const [a, b] = nodes as [Node, Node];
    const lin = connectClient(a.url, customer('cus_lin'));
    const wang = connectClient(b.url, agent('token-wang'));
    clients.push(lin, wang);
    await wang.listConversations();
    await lin.loadTickets();

    const chat = await lin.startConversation({ text: '我的糖果什么时候到？' });
    // Committed on node A; node B's agent hears it through LISTEN/NOTIFY.
    await until(() => wang.getSnapshot().inbox?.includes(chat.id));
    await wang.act(chat.id, 'claim');
    await until(() => lin.getSnapshot().conversations[chat.id]?.conversation?.status === 'active');

    wang.watch(chat.id);
    wang.send(chat.id, '您好，明天送达。');
    await until(() => lin.getSnapshot().conversations[chat.id]?.messages.length === 2);
    lin.send(chat.id, '谢谢！');
    await until(() => wang.getSnapshot().conversations[chat.id]?.messages.length === 3);

    const ticket = await wang.call<{ id: string }>('tickets.create', {
      kind: 'delivery',
      subject: '包裹未送达',
      customerId: 'cus_lin',
      conversationId: chat.id,
    });
    await until(() => lin.getSnapshot().tickets[ticket.id]?.status === 'new');

    const texts = (client: KefuClient) =>
      client.getSnapshot().conversations[chat.id]?.messages.map((m) => [m.seq, m.text]);
    expect(texts(lin)).toEqual([
      [1, '我的糖果什么时候到？'],
      [2, '您好，明天送达。'],
      [3, '谢谢！'],
    ]);
    expect(texts(wang)).toEqual(texts(lin));
  });

  it('shares per-customer limits between the nodes, across reconnects', async () => {
    const [a, b] = nodes as [Node, Node];
    const onA = await openRaw(a.url, customer('cus_amy'));
    onA.send({ type: 'start', id: 's1', clientId: 'c_amy_node_a', message: { text: 'hi from A' } });
    const chat = (await onA.next('ack', (f) => f.id === 's1')).conversation?.id ?? '';
    for (const id of ['amy_a1', 'amy_a2']) {
      expect(await sendText(onA, chat, id)).toMatchObject({ type: 'ack' });
    }
    onA.close();
    await onA.closed;

    // Reconnected to the other node: the same allowance, not a fresh one.
    const onB = await openRaw(b.url, customer('cus_amy'));
    const alsoB = await openRaw(b.url, customer('cus_amy'));
    for (const id of ['amy_b3', 'amy_b4']) {
      expect(await sendText(onB, chat, id)).toMatchObject({ type: 'ack' });
    }
    expect(await sendText(alsoB, chat, 'amy_b5')).toMatchObject({ code: 'RATE_LIMITED' });
    onB.send({ type: 'start', id: 's2', clientId: 'c_amy_node_b' });
    await onB.next('ack', (f) => f.id === 's2');
    onB.send({ type: 'start', id: 's3', clientId: 'c_amy_node_b3' });
    expect(await onB.next('error', (f) => f.id === 's3')).toMatchObject({ code: 'RATE_LIMITED' });
    onB.close();
    alsoB.close();
    const texts = (await b.desk.messages.list({ conversationId: chat })).map((m) => m.text);
    expect(texts).toEqual(['hi from A', 'amy_a1', 'amy_a2', 'amy_b3', 'amy_b4']);
    expect((await a.desk.conversations.list({ customerId: 'cus_amy' })).items).toHaveLength(2);
  });

  it('refuses to start on a bus whose pool has no room for LISTEN', async () => {
    const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 1 });
    const storage = createPostgresAdapter({ client: pool, schema });
    const desk = createDesk({ storage, routing: { auto: false } });
    try {
      expect(() =>
        createGateway({ desk, identity: { secret: SECRET }, bus: storage.bus, onError: () => {} }),
      ).toThrow(/LISTEN/);
    } finally {
      await desk.stop();
      await storage.close();
      await pool.end();
    }
  });

  it('shows customers on node B an incident a supervisor switches on node A, and its end', async () => {
    const [a, b] = nodes as [Node, Node];
    await a.desk.agents.upsert({ id: 'agt_zhao', name: '赵主管', role: 'supervisor' });
    // B's LISTEN is in place once it hears A's pings (position 0 belongs to no event).
    let heard = false;
    const off = b.storage.bus.subscribe(() => {
      heard = true;
    });
    for (let i = 0; i < 50 && !heard; i++) {
      await a.storage.bus.publish(0);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    off();
    expect(heard).toBe(true);
    const amy = await openRaw(b.url, customer('cus_amy'));
    await amy.next('welcome');
    const message = { 'zh-CN': '系统维护中，请留言。', en: 'Maintenance: leave a message.' };
    const started = await a.desk.incidents.start({
      message,
      mode: 'leave-message',
      by: 'agt_zhao',
    });
    const frame = await amy.next('incident', (f) => f.incident !== null);
    expect(frame.incident).toMatchObject({ id: started.id, mode: 'leave-message', message });
    expect(b.desk.incidents.getSnapshot()?.id).toBe(started.id);
    await a.desk.incidents.end({ by: 'agt_zhao' });
    await amy.next('incident', (f) => f.incident === null);
    expect(b.desk.incidents.getSnapshot()).toBeNull();
    amy.close();
  });
});
