import { isAgentClient, type KefuAgentClient } from '@kefu/client/agent';
import { useKefuClient } from '@kefu/widget-react';

/**
 * The agent client from the nearest `KefuAgentProvider` (or a `KefuProvider` given a client from
 * `createAgentClient`).
 *
 * @example
 * const agent = useAgentClient();
 * await agent.setPresence('online');
 */
export function useAgentClient(): KefuAgentClient {
  const client = useKefuClient();
  if (!isAgentClient(client)) {
    throw new Error(
      'The agent hooks need an agent client: wrap them in <KefuAgentProvider options={…}> or pass createAgentClient(…) from @kefu/client/agent.',
    );
  }
  return client;
}
