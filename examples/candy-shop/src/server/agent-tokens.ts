import { createHmac, timingSafeEqual } from 'node:crypto';

const TWELVE_HOURS = 12 * 3_600_000;

function mac(payload: string, secret: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/**
 * A demo agent session token: `<agentId>.<expiresAt>.<HMAC>`. Stateless, so it stays valid across
 * a restart. A real console signs agents in through the shop's own identity provider (SSO, OAuth)
 * and `authenticate` checks that session instead.
 *
 * @example
 * const token = issueAgentToken('agt_wang', secret, Date.now());
 */
export function issueAgentToken(agentId: string, secret: string, now: number): string {
  const payload = `${agentId}.${now + TWELVE_HOURS}`;
  return `${payload}.${mac(payload, secret)}`;
}

/**
 * The agent id of a valid, unexpired token; null otherwise.
 *
 * @example
 * createGateway({ desk, authenticate: async ({ token }) => {
 *   const agentId = verifyAgentToken(token, secret, Date.now());
 *   return agentId ? { agentId } : null;
 * } });
 */
export function verifyAgentToken(token: string, secret: string, now: number): string | null {
  const parts = token.split('.');
  if (parts.length !== 3) return null;
  const [agentId, expiresAt, signature] = parts as [string, string, string];
  const expected = Buffer.from(mac(`${agentId}.${expiresAt}`, secret));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return Number(expiresAt) > now ? agentId : null;
}
