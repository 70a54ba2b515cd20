import { describe, expect, it } from 'vitest';
import { issueAgentToken, verifyAgentToken } from './agent-tokens';

const NOW = Date.UTC(2026, 10, 28, 2, 0);
const SECRET = 'test-secret';

describe('demo agent tokens', () => {
  it('verifies a token it issued, until it expires after twelve hours', () => {
    const token = issueAgentToken('agt_wang', SECRET, NOW);
    expect(verifyAgentToken(token, SECRET, NOW + 1000)).toBe('agt_wang');
    expect(verifyAgentToken(token, SECRET, NOW + 12 * 3_600_000 + 1)).toBeNull();
  });

  it('refuses another secret, another agent and garbage', () => {
    const token = issueAgentToken('agt_wang', SECRET, NOW);
    expect(verifyAgentToken(token, 'other-secret', NOW)).toBeNull();
    const [, expiresAt, signature] = token.split('.');
    expect(verifyAgentToken(`agt_zhao.${expiresAt}.${signature}`, SECRET, NOW)).toBeNull();
    expect(verifyAgentToken('agt_wang', SECRET, NOW)).toBeNull();
    expect(verifyAgentToken('a.b.c', SECRET, NOW)).toBeNull();
  });
});
