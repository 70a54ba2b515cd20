import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { createMemoryAdapter } from '@kefu/adapter-memory';
import { createDesk, type Desk } from '@kefu/core';
import type { Credentials } from '@kefu/core/wire';
import { createGateway, type Gateway, signCustomerId } from '@kefu/server';
import type { PageConfig } from './pages/page-config';

const SECRET = 'e2e-identity-secret';
const AGENTS: Record<string, string> = { 'token-wang': 'agt_wang' };

/** The candy shop: a desk, its gateway, and the pages, on one loopback port. */
export interface ShopServer {
  desk: Desk;
  gateway: Gateway;
  origin: string;
  /** Customer page URL; `config` goes into the page. */
  customerPage(customerId: string, config?: Partial<PageConfig>): string;
  agentPage(token?: string): string;
  /** Cuts every WebSocket abruptly, as a network failure would. */
  killSockets(): number;
  close(): Promise<void>;
}

const html = (title: string, script: string, config: PageConfig) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<style>body{margin:0;font-family:system-ui,sans-serif;background:#fff8fb;color:#222}main{padding:24px}</style>
</head>
<body>
<main><h1>${title}</h1><p>Chocolates, gummies and lollipops since 1998.</p></main>
<div id="root"></div>
<script>window.__KEFU__ = ${JSON.stringify(config).replace(/</g, '\\u003c')};</script>
<script type="module" src="/${script}.js"></script>
</body>
</html>`;

export async function startShopServer(bundles: Map<string, string>): Promise<ShopServer> {
  const desk = createDesk({
    storage: createMemoryAdapter(),
    routing: { auto: false },
    surveys: { enabled: true, delayMs: 0 },
    onError: () => {},
  });
  await desk.agents.upsert({ id: 'agt_wang', name: '王客服', presence: 'online' });
  await desk.jobs.start();
  const gateway = createGateway({
    desk,
    identity: { secret: SECRET },
    authenticate: async ({ token }) => {
      const agentId = AGENTS[token];
      return agentId ? { agentId } : null;
    },
    onError: () => {},
  });
  const configs = new Map<string, PageConfig>();
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith(gateway.path)) return; // the gateway answers its own paths
    const script = bundles.get(url.pathname.slice(1).replace(/\.js$/, ''));
    if (url.pathname.endsWith('.js') && script) {
      response.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8' });
      response.end(script);
      return;
    }
    const config = configs.get(url.searchParams.get('page') ?? '');
    if (!config) {
      response.writeHead(404).end();
      return;
    }
    const agent = config.identity.kind === 'agent';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(
      html(
        agent ? 'Candy shop · agent console' : 'Candy shop',
        agent ? 'agent' : 'customer',
        config,
      ),
    );
  });
  gateway.attach(server);
  const sockets = new Set<Duplex>();
  server.on('upgrade', (_request, socket: Duplex) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  const wsUrl = `ws://127.0.0.1:${port}${gateway.path}`;
  const register = (config: PageConfig) => {
    const key = String(configs.size + 1);
    configs.set(key, config);
    return `${origin}/?page=${key}`;
  };
  return {
    desk,
    gateway,
    origin,
    customerPage(customerId, config = {}) {
      const identity: Credentials = {
        kind: 'customer',
        customerId,
        signature: signCustomerId(customerId, SECRET),
      };
      return register({ url: wsUrl, identity, locale: 'en', ...config });
    },
    agentPage(token = 'token-wang') {
      return register({ url: wsUrl, identity: { kind: 'agent', token } });
    },
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
