import { timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { GatewayMetrics, GatewayMetricsOptions } from './gateway-metrics';

function tokenMatches(request: IncomingMessage, token: string): boolean {
  const header = request.headers.authorization ?? '';
  const given = Buffer.from(header.startsWith('Bearer ') ? header.slice(7) : '');
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/**
 * Answers one scrape: 401 without the right bearer token (when one is set, or in production on
 * the public listener), else the exposition text.
 */
export async function serveMetrics(
  request: IncomingMessage,
  response: ServerResponse,
  metrics: GatewayMetrics,
  options: { token: string | undefined; requireToken: boolean },
): Promise<number> {
  const refuse = (status: number, text: string) => {
    response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
    response.end(text);
    return status;
  };
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'GET only.\n');
  if (options.token ? !tokenMatches(request, options.token) : options.requireToken) {
    response.setHeader('www-authenticate', 'Bearer');
    return refuse(
      401,
      options.token
        ? 'A bearer token is required.\n'
        : 'Set metrics.token (or serve metrics on their own port) to scrape in production.\n',
    );
  }
  const text = await metrics.text();
  response.writeHead(200, {
    'content-type': metrics.registry.contentType,
    'cache-control': 'no-store',
  });
  response.end(request.method === 'HEAD' ? undefined : text);
  return 200;
}

/** The separate `/metrics` listener of `metrics.port`, listening once `ready` resolves. */
export function listenForMetrics(
  metrics: GatewayMetrics,
  options: GatewayMetricsOptions & { port: number },
  onError: (error: unknown) => void,
): { server: Server; ready: Promise<void>; close(): Promise<void> } {
  const server = createServer((request, response) => {
    if ((request.url ?? '/').split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      response.end('Scrape /metrics.\n');
      return;
    }
    serveMetrics(request, response, metrics, { token: options.token, requireToken: false }).catch(
      onError,
    );
  });
  const ready = new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => resolve());
  });
  return {
    server,
    ready,
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve();
        server.close(() => resolve());
      }),
  };
}
