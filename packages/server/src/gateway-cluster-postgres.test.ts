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
  SECRET,
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
  const pool = new pg.Pool({ connectionString: DATABASE_URL, max: 4 });
  pool.on('error', () => undefined);
  const storage = createPostgresAdapter({ client: pool, schema });
  await storage.migrate();
  const desk = createDesk({ storage, routing: { auto: false } });
  const gateway = createGateway({
    desk,
    identity: { secret: SECRET },
    authenticate: authenticateTestAgent,
    ...(storage.bus ? { bus: storage.bus } : {}),
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
});
