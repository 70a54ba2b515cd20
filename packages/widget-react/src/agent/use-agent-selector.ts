import type { KefuClientSnapshot } from '@kefu/client';
import type { AgentClientSnapshot } from '@kefu/client/agent';
import { useKefuSelector } from '@kefu/widget-react';
import { useAgentClient } from './use-agent-client';

/**
 * `useKefuSelector` over an agent client's snapshot (inbox, agent tickets, live metrics).
 *
 * @example
 * const metrics = useAgentSelector((snapshot) => snapshot.metrics);
 */
export function useAgentSelector<T>(selector: (snapshot: AgentClientSnapshot) => T): T {
  // Throws a clear error when the provider's client is not an agent client.
  useAgentClient();
  return useKefuSelector(selector as (snapshot: KefuClientSnapshot) => T);
}
