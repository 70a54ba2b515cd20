import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** Pages of the build: the storefront at `/` (and `/orders`), the console at `/console/`. */
function pageFor(pathname: string): string {
  if (pathname === '/console' || pathname.startsWith('/console/')) return 'console/index.html';
  return 'index.html';
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/**
 * Serves the Vite build in `root`: files as they are (hashed assets cached for a year), and for
 * any other GET the page of the app the path belongs to, so client-side routes survive a reload.
 *
 * @example
 * const serveStatic = createStaticFiles('dist/web');
 * if (await serveStatic(request, response)) return;
 */
export function createStaticFiles(root: string) {
  const base = normalize(root + sep);
  return async function serve(request: IncomingMessage, response: ServerResponse) {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const wanted = normalize(join(base, pathname));
    if (!wanted.startsWith(base)) return false;
    const file = (await isFile(wanted)) ? wanted : join(base, pageFor(pathname));
    if (!(await isFile(file))) return false;
    response.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      'cache-control': file.includes(`${sep}assets${sep}`)
        ? 'public, max-age=31536000, immutable'
        : 'no-cache',
    });
    if (request.method === 'HEAD') {
      response.end();
      return true;
    }
    createReadStream(file).pipe(response);
    return true;
  };
}
