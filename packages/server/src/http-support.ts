import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { isKefuError, KefuError } from '@kefu/core';
import type { Credentials } from '@kefu/core/protocol';
import type { GatewayContext, Principal } from './gateway-context';

export function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    throw new KefuError('VALIDATION', 'The path has a malformed percent-encoding.');
  }
}

export interface HttpRequestContext {
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

/** A JSON answer; `sign` signs the gateway's file links in it (see `AttachmentService.sign`). */
export function reply(
  response: ServerResponse,
  status: number,
  body: unknown,
  sign: (text: string) => string = (text) => text,
): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(sign(JSON.stringify(body)));
}

export const STATUS_BY_CODE: Record<string, number> = {
  VALIDATION: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  INVALID_TRANSITION: 409,
  RATE_LIMITED: 429,
  CAPACITY: 409,
};

export function header(headers: IncomingHttpHeaders, name: string): string | undefined {
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

export async function principalFor(http: HttpRequestContext): Promise<Principal> {
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

/** Answers an error: a `KefuError` with its status (and `retry-after`), anything else as 503. */
export function replyError(http: HttpRequestContext, error: unknown): void {
  const { response } = http;
  if (isKefuError(error)) {
    const retry = error.details.retryAfterMs;
    if (typeof retry === 'number' && !response.headersSent) {
      response.setHeader('retry-after', Math.ceil(retry / 1000));
    }
    const status = error.details.httpStatus;
    reply(response, typeof status === 'number' ? status : (STATUS_BY_CODE[error.code] ?? 503), {
      error: {
        code: error.code,
        message: error.message,
        ...(typeof retry === 'number' ? { retryAfterMs: retry } : {}),
      },
    });
    return;
  }
  http.context.onError(error);
  reply(response, 503, { error: { code: 'UNAVAILABLE', message: 'Retry later.' } });
}
