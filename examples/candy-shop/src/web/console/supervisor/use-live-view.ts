import type { AgentClientSnapshot, WireLiveConversation } from '@kefu/client/agent';
import { orderLiveView } from '@kefu/core';
import { useAgentClient, useAgentSelector } from '@kefu/widget-react/agent';
import { useEffect, useMemo, useState } from 'react';

const selectLiveView = (snapshot: AgentClientSnapshot) => snapshot.supervision;

/**
 * The supervisor live view (`client.watchSupervision()`), breached and at-risk rows first, kept
 * live by the gateway; `errorCode` is `FORBIDDEN` for a plain agent.
 *
 * @example
 * const { rows, errorCode } = useLiveView();
 */
export function useLiveView(): {
  rows: WireLiveConversation[] | null;
  error: string | null;
  errorCode: string | null;
} {
  const client = useAgentClient();
  const byId = useAgentSelector(selectLiveView);
  const [failure, setFailure] = useState<{ message: string; code: string | null } | null>(null);
  useEffect(() => {
    client.watchSupervision().then(
      () => setFailure(null),
      (error: Error & { code?: string }) =>
        setFailure({ message: error.message, code: error.code ?? null }),
    );
  }, [client]);
  const rows = useMemo(() => (byId ? orderLiveView(Object.values(byId)) : null), [byId]);
  return { rows, error: failure?.message ?? null, errorCode: failure?.code ?? null };
}
