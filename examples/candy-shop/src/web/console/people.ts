import type { Agent, Customer } from '@kefu/core';
import { useAgentClient } from '@kefu/widget-react/agent';
import { useEffect, useState } from 'react';

const customers = new Map<string, Promise<Customer | null>>();

/**
 * A customer's profile (`customers.get`), fetched once per id and shared by every row that
 * shows the name.
 *
 * @example
 * const customer = useCustomer(view.conversation.customerId);
 */
export function useCustomer(customerId: string | null): Customer | null {
  const client = useAgentClient();
  const [customer, setCustomer] = useState<Customer | null>(null);
  useEffect(() => {
    setCustomer(null);
    if (!customerId) return;
    let live = true;
    let pending = customers.get(customerId);
    if (!pending) {
      pending = client.call<Customer | null>('customers.get', { customerId });
      customers.set(customerId, pending);
      pending.catch(() => customers.delete(customerId));
    }
    pending.then(
      (found) => live && setCustomer(found),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [client, customerId]);
  return customer;
}

/** The desk's agents (`agents.list`), for names, presence and transfer targets. */
export function useAgents(refreshKey?: unknown): Agent[] {
  const client = useAgentClient();
  const [agents, setAgents] = useState<Agent[]>([]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey only asks again
  useEffect(() => {
    let live = true;
    client.call<Agent[]>('agents.list').then(
      (list) => live && setAgents(list),
      () => {},
    );
    return () => {
      live = false;
    };
  }, [client, refreshKey]);
  return agents;
}
