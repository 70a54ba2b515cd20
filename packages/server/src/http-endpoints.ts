import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { isKefuError, KefuError } from '@kefu/core';
import type { Credentials } from '@kefu/core/protocol';
import { authorizedConversation } from './authorization';
import type { GatewayContext, Principal } from './gateway-context';
import { deskStatus } from './gateway-requests';
import { issueVisitorToken } from './identity';
import { originAllowed } from './origin-check';

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new KefuError('VALIDATION', 'The path has a malformed percent-encoding.');
  }
}

interface HttpRequestContext {
  request: IncomingMessage;
  response: ServerResponse;
  path: string;
  context: GatewayContext;
  ip: string;
  connections: () => number;
  allowVisitors: boolean;
  secret: string | undefined;
  allowedOrigins: readonly string[] | undefined;
  /** Counts one new visitor for this address, or says when to retry. */
  mintVisitor(ip: string): Promise<{ allowed: true } | { allowed: false; retryAfterMs: number }>;
}

function reply(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  RATE_LIMITED: 429,
  CAPACITY: 409,
};

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/** Credentials from HTTP headers: a bearer agent token, a visitor token, or a signed customer id. */
function credentialsFrom(headers: IncomingHttpHeaders): Credentials | null {
  const authorization = header(headers, 'authorization');
  if (authorization?.startsWith('Bearer ')) {
    return { kind: 'agent', token: authorization.slice('Bearer '.length) };
  }
  const visitorToken = header(headers, 'x-kefu-visitor-token');
  if (visitorToken) return { kind: 'visitor', token: visitorToken };
  const customerId = header(headers, 'x-kefu-customer-id');
  if (customerId) {
    const signature = header(headers, 'x-kefu-signature');
    return { kind: 'customer', customerId, ...(signature ? { signature } : {}) };
  }
  return null;
}

async function principalFor(http: HttpRequestContext): Promise<Principal> {
  const credentials = credentialsFrom(http.request.headers);
  if (!credentials) throw new KefuError('UNAUTHORIZED', 'Send credentials in the request headers.');
  if (credentials.kind === 'visitor' && !credentials.token) {
    throw new KefuError('UNAUTHORIZED', 'A visitor token is required.');
  }
  // An invalid visitor token would mint a new visitor on a socket; over HTTP it is a refusal.
  const result = await http.context.identify(
    credentials,
    { headers: http.request.headers, ip: http.ip },
    { mint: false },
  );
  if (!('role' in result)) throw new KefuError(result.code, result.message);
  return result;
}

/**
 * The endpoints that need no socket:
 * - `GET {path}/health`
 * - `GET {path}/status`: open or closed, the next opening, agents online (for "leave a message")
 * - `POST {path}/visitors`: a new anonymous visitor and token (when visitors are enabled)
 * - `GET {path}/conversations/{id}/messages?afterSeq=&limit=`: history, as the caller may see it
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
      reply(response, 200, {
        messages: visible.map((message) => context.wireMessage(message)),
        nextAfterSeq: messages.length === limit && last ? last.seq : null,
      });
      return;
    }
    reply(response, 404, { error: { code: 'NOT_FOUND', message: 'No such endpoint.' } });
  } catch (error) {
    if (isKefuError(error)) {
      const retry = error.details.retryAfterMs;
      if (typeof retry === 'number') response.setHeader('retry-after', Math.ceil(retry / 1000));
      reply(response, STATUS_BY_CODE[error.code] ?? 503, {
        error: {
          code: error.code,
          message: error.message,
          ...(typeof retry === 'number' ? { retryAfterMs: retry } : {}),
        },
      });
      return;
    }
    context.onError(error);
    reply(response, 503, { error: { code: 'UNAVAILABLE', message: 'Retry later.' } });
  }
}
