import type { IncomingMessage, ServerResponse } from 'node:http';
import type { CreateDeskOptions, Desk } from '@kefu/core';
import type { Credentials } from '@kefu/core/wire';
import { type CreateGatewayOptions, type Gateway, signCustomerId } from '@kefu/server';
// The gateway's own test fixture (desk with the candy shop's people, gateway, loopback server,
// socket killing): the shop adds its pages to the same server.
import { SECRET, startGateway } from '../../server/src/gateway-test-setup';
import type { PageConfig } from './pages/page-config';

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

export async function startShopServer(
  bundles: Map<string, string>,
  deskOptions: Partial<CreateDeskOptions> = {},
  gatewayOptions: Partial<CreateGatewayOptions> = {},
): Promise<ShopServer> {
  const fixture = await startGateway(gatewayOptions, {
    surveys: { enabled: true, delayMs: 0 },
    onError: () => {},
    ...deskOptions,
  });
  const { desk, gateway, server } = fixture;
  await desk.jobs.start();
  const configs = new Map<string, PageConfig>();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
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
  const origin = fixture.httpUrl.slice(0, fixture.httpUrl.indexOf(gateway.path));
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
      return register({ url: fixture.url, identity, locale: 'en', ...config });
    },
    agentPage(token = 'token-wang') {
      return register({ url: fixture.url, identity: { kind: 'agent', token } });
    },
    killSockets: fixture.killSockets,
    close: fixture.close,
  };
}
