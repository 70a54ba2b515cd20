import type { IncomingHttpHeaders } from 'node:http';
import { KefuError } from '@kefu/core';
import type { Credentials } from '@kefu/core/protocol';
import type { Principal } from './gateway-context';
import type { CreateGatewayOptions } from './gateway-options';
import { issueVisitorToken, readVisitorToken, verifyCustomerSignature } from './identity';

const DAY = 86_400_000;

/** Who asks, as far as identification cares. */
export interface IdentifyRequest {
  headers: IncomingHttpHeaders;
  ip: string;
}

export interface IdentifyOptions {
  /**
   * May a visitor without a valid token become a new visitor? `false` over HTTP, where a bad
   * token is a refusal; on a socket the gateway asks `mintVisitor` (a limit per address).
   */
  mint: boolean;
}

export type IdentifyResult = Principal | { code: 'UNAUTHORIZED' | 'RATE_LIMITED'; message: string };

/** Turns credentials into a principal; creates no records (the first `start` does). */
export type Identify = (
  credentials: Credentials,
  request: IdentifyRequest,
  options: IdentifyOptions,
) => Promise<IdentifyResult>;

/**
 * Checks the identity options and returns the `identify` function. Throws `VALIDATION` at creation
 * for settings that cannot be safe (production without a secret, visitors without a secret).
 */
export function createIdentify(
  options: Pick<CreateGatewayOptions, 'identity' | 'authenticate' | 'allowedOrigins'> & {
    onError(error: unknown): void;
    /** Allows (and counts) one new visitor for this address, or says when to retry. */
    mintVisitor(ip: string): Promise<{ allowed: true } | { allowed: false; retryAfterMs: number }>;
  },
): { identify: Identify; secret: string | undefined; allowVisitors: boolean } {
  const { identity = {}, authenticate, onError } = options;
  const secret = identity.secret;
  const requireSignature =
    identity.requireSignature ?? (secret !== undefined || process.env.NODE_ENV === 'production');
  if (requireSignature && !secret) {
    throw new KefuError(
      'VALIDATION',
      'Customer identity verification is on (production mode) but no identity.secret is set. ' +
        'Set identity.secret, or identity.requireSignature: false to allow unsigned customers.',
    );
  }
  if (identity.allowVisitors && !secret) {
    throw new KefuError(
      'VALIDATION',
      'Visitor tokens are signed: set identity.secret to allow visitors.',
    );
  }
  const ttlMs = identity.visitorTokenTtlMs ?? 30 * DAY;
  const rotateAfterMs = identity.visitorTokenRotateAfterMs ?? DAY;
  // Cookies ride along on cross-site requests: `authenticate` only sees them once origins are
  // checked, so a cookie session cannot be used from another site's page.
  const cookiesSafe = options.allowedOrigins !== undefined;

  const identify: Identify = async (credentials, request, { mint }) => {
    const refuse = (message: string) => ({ code: 'UNAUTHORIZED' as const, message });
    switch (credentials.kind) {
      case 'customer': {
        const { customerId, signature } = credentials;
        if (customerId.startsWith('vis_')) return refuse('Visitors connect with a visitor token.');
        if (secret && (signature !== undefined || requireSignature)) {
          if (!verifyCustomerSignature(customerId, signature, secret)) {
            return refuse(
              'The customer identity is not signed by the shop (bad or missing signature).',
            );
          }
        }
        return {
          role: 'customer',
          id: customerId,
          author: { kind: 'customer', id: customerId },
          // Where the caller is, for the audit log (docs/concepts/privacy.md).
          ip: request.ip,
        };
      }
      case 'visitor': {
        if (!identity.allowVisitors || !secret) {
          return refuse('Anonymous visitors are not enabled.');
        }
        const now = Date.now();
        const claims = credentials.token
          ? readVisitorToken(credentials.token, secret, { now, ttlMs })
          : null;
        let customerId: string;
        let token: string;
        if (claims) {
          customerId = claims.customerId;
          token =
            now - claims.issuedAt > rotateAfterMs
              ? issueVisitorToken(secret, { customerId, now }).token
              : (credentials.token ?? '');
        } else {
          if (!mint) return refuse('The visitor token is not valid (forged or expired).');
          const decision = await options.mintVisitor(request.ip);
          if (!decision.allowed) {
            return {
              code: 'RATE_LIMITED',
              message: `Too many new visitors from this address; retry in ${Math.ceil(decision.retryAfterMs / 1000)} s.`,
            };
          }
          ({ customerId, token } = issueVisitorToken(secret, { now }));
        }
        return {
          role: 'visitor',
          id: customerId,
          author: { kind: 'customer', id: customerId },
          visitorToken: token,
        };
      }
      case 'agent': {
        if (!authenticate) return refuse('Agent sign-in is not configured on this gateway.');
        const { cookie: _cookie, ...withoutCookie } = request.headers;
        const headers = cookiesSafe ? request.headers : withoutCookie;
        let result: { agentId: string } | null = null;
        try {
          result = await authenticate({ token: credentials.token, headers, ip: request.ip });
        } catch (error) {
          onError(error);
        }
        if (!result) return refuse('The agent token was not accepted.');
        return {
          role: 'agent',
          id: result.agentId,
          author: { kind: 'agent', id: result.agentId },
          ip: request.ip,
        };
      }
    }
  };
  return { identify, secret, allowVisitors: Boolean(identity.allowVisitors) };
}
