import type { IncomingHttpHeaders } from 'node:http';
import type { Desk } from '@kefu/core';
import type { Credentials } from '@kefu/core/protocol';
import type { Principal } from './gateway-context';
import type { CreateGatewayOptions, IdentityOptions } from './gateway-options';
import { issueVisitorToken, verifyCustomerSignature, verifyVisitorToken } from './identity';

/**
 * Who a connection or HTTP request is: a signed customer, a visitor with a token, or an agent
 * `authenticate` accepts; otherwise an `UNAUTHORIZED` refusal. Customers are created on first
 * contact. The principal carries the client address for the audit log.
 */
export function createIdentify(options: {
  desk: Desk;
  identity: IdentityOptions;
  secret: string | undefined;
  requireSignature: boolean;
  authenticate: CreateGatewayOptions['authenticate'];
  onError: (error: unknown) => void;
}) {
  const { desk, identity, secret, requireSignature, authenticate, onError } = options;

  async function ensureCustomer(customerId: string, visitor: boolean): Promise<void> {
    if (await desk.customers.get(customerId)) return;
    await desk.customers.upsert({
      id: customerId,
      ...(visitor ? { metadata: { visitor: true } } : {}),
    });
  }

  async function identify(
    credentials: Credentials,
    request: { headers: IncomingHttpHeaders; ip: string },
  ): Promise<Principal | { code: 'UNAUTHORIZED'; message: string }> {
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
        await ensureCustomer(customerId, false);
        return {
          role: 'customer',
          id: customerId,
          author: { kind: 'customer', id: customerId },
          ip: request.ip,
        };
      }
      case 'visitor': {
        if (!identity.allowVisitors || !secret)
          return refuse('Anonymous visitors are not enabled.');
        const known = credentials.token ? verifyVisitorToken(credentials.token, secret) : null;
        const issued = known ? null : issueVisitorToken(secret);
        const customerId = known ?? issued?.customerId ?? '';
        const token = credentials.token && known ? credentials.token : (issued?.token ?? '');
        await ensureCustomer(customerId, true);
        return {
          role: 'visitor',
          id: customerId,
          author: { kind: 'customer', id: customerId },
          visitorToken: token,
        };
      }
      case 'agent': {
        if (!authenticate) return refuse('Agent sign-in is not configured on this gateway.');
        let result: { agentId: string } | null = null;
        try {
          result = await authenticate({ token: credentials.token, ...request });
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
  }

  return identify;
}
