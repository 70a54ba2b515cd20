import { useCallback, useEffect, useState } from 'react';
import type { AgentSession } from '../../shared/demo-api';
import { demoFetch } from '../shared/demo-fetch';

const KEY = 'candy-shop.agent';

/**
 * The signed-in agent: `POST /api/agent-session` returns a token the gateway's `authenticate`
 * accepts. Kept in sessionStorage, so each browser tab can be a different agent.
 */
export function useAgentSession() {
  const [session, setSession] = useState<AgentSession | null>(() => {
    const saved = window.sessionStorage.getItem(KEY);
    return saved ? (JSON.parse(saved) as AgentSession) : null;
  });
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (session) window.sessionStorage.setItem(KEY, JSON.stringify(session));
    else window.sessionStorage.removeItem(KEY);
  }, [session]);
  const signIn = useCallback(async (agentId: string) => {
    setError(null);
    try {
      setSession(
        await demoFetch<AgentSession>('/api/agent-session', { method: 'POST', body: { agentId } }),
      );
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }, []);
  const signOut = useCallback(() => setSession(null), []);
  return { session, error, signIn, signOut };
}
