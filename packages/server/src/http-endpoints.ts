import { KefuError, writeCustomerExport } from '@kefu/core';
import { handleAttachmentRequest } from './attachment-endpoints';
import { authorizedConversation } from './authorization';
import type { Principal } from './gateway-context';
import { deskStatus } from './gateway-requests';
import {
  decodeSegment,
  type HttpRequestContext,
  principalFor,
  reply,
  replyError,
} from './http-support';
import { issueVisitorToken } from './identity';
import { originAllowed } from './origin-check';

/**
 * Streams a customer's own export (PIPL right of access and portability): signed customers only,
 * their own data only, written page by page so a long history is never held in memory.
 */
async function sendOwnExport(http: HttpRequestContext, principal: Principal): Promise<void> {
  if (principal.role !== 'customer') {
    throw new KefuError('FORBIDDEN', 'Only a signed-in customer can download their own data.');
  }
  const parts = await http.context.desk.privacy.exportCustomer({
    customerId: principal.id,
    actor: { kind: 'customer', id: principal.id },
    origin: { ip: http.ip, via: 'gateway' },
  });
  const { response } = http;
  response.writeHead(200, {
    'content-type': 'application/json; charset=utf-8',
    'content-disposition': `attachment; filename="kefu-export-${principal.id}.json"`,
    'cache-control': 'no-store',
  });
  try {
    await writeCustomerExport(parts, (chunk) => {
      if (!response.write(chunk)) {
        return new Promise<void>((resolve) => response.once('drain', () => resolve()));
      }
    });
    response.end();
  } catch (error) {
    // The status line is out already: cut the download short so it cannot pass for complete.
    http.context.onError(error);
    response.destroy(error instanceof Error ? error : new Error(String(error)));
  }
}

/**
 * The endpoints that need no socket:
 * - `GET {path}/health`
 * - `GET {path}/status`: open or closed, the next opening, agents online (for "leave a message")
 * - `POST {path}/visitors`: a new anonymous visitor and token (when visitors are enabled)
 * - `GET {path}/conversations/{id}/messages?afterSeq=&limit=`: history, as the caller may see it
 * - `GET {path}/privacy/export`: a signed customer's own data, as a JSON download (audited)
 * - `POST {path}/attachments`, `PUT` / `GET {path}/attachments/{id}`: uploads and downloads
 *   (see `attachment-endpoints.ts`)
 */
export async function handleHttpRequest(http: HttpRequestContext): Promise<void> {
  const { request, response, path, context } = http;
  const url = new URL(request.url ?? '/', 'http://gateway.local');
  const route = url.pathname.slice(path.length) || '/';
  try {
    if (request.method === 'GET' && route === '/health') {
      reply(response, 200, { ok: true, connections: http.connections() });
      return;
    }
    if (request.method === 'GET' && route === '/status') {
      reply(response, 200, (await deskStatus(context)).status);
      return;
    }
    if (route === '/attachments' || route.startsWith('/attachments/')) {
      await handleAttachmentRequest(http, route, url);
      return;
    }
    const credentialed = route !== '/health' && route !== '/status';
    if (credentialed && !originAllowed(request.headers, http.allowedOrigins)) {
      throw new KefuError('FORBIDDEN', 'Requests from this origin are not allowed.');
    }
    if (request.method === 'POST' && route === '/visitors') {
      if (!http.allowVisitors || !http.secret) {
        throw new KefuError('FORBIDDEN', 'Anonymous visitors are not enabled.');
      }
      const decision = await http.mintVisitor(http.ip);
      if (!decision.allowed) {
        throw new KefuError('RATE_LIMITED', 'Too many new visitors from this address.', {
          details: { retryAfterMs: decision.retryAfterMs },
        });
      }
      reply(response, 201, issueVisitorToken(http.secret));
      return;
    }
    if (request.method === 'GET' && route === '/privacy/export') {
      await sendOwnExport(http, await principalFor(http));
      return;
    }
    const history = /^\/conversations\/([^/]+)\/messages$/.exec(route);
    if (request.method === 'GET' && history?.[1]) {
      const principal = await principalFor(http);
      const conversationId = decodeSegment(history[1]);
      await authorizedConversation(context, principal, conversationId);
      const afterSeq = Number(url.searchParams.get('afterSeq') ?? 0);
      const limit = Number(url.searchParams.get('limit') ?? 100);
      const messages = await context.desk.messages.list({
        conversationId,
        afterSeq,
        limit,
        includeInternal: true,
      });
      const visible = messages.filter((m) => principal.role === 'agent' || !m.internal);
      const last = messages.at(-1);
      reply(
        response,
        200,
        {
          messages: visible.map((message) =>
            context.wireMessage(message, principal.role === 'agent'),
          ),
          nextAfterSeq: messages.length === limit && last ? last.seq : null,
        },
        context.uploads.sign,
      );
      return;
    }
    reply(response, 404, { error: { code: 'NOT_FOUND', message: 'No such endpoint.' } });
  } catch (error) {
    replyError(http, error);
  }
}
