import type { AgentClientSnapshot, WireLiveConversation } from '@kefu/client/agent';
import { orderLiveView } from '@kefu/core';
import { useAgentClient, useAgentSelector } from '@kefu/widget-react/agent';
import { useEffect, useMemo, useState } from 'react';

const selectLiveView = (snapshot: AgentClientSnapshot) => snapshot.supervision;

/**
 * The supervisor live view (`client.watchSupervision()`), breached and at-risk rows first, kept
 * live by the gateway; `errorCode` is `FORBIDDEN` for a plain agent, and for a supervisor
 * demoted while watching.
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
  // The rows go back to null when the gateway ends the view (`supervision_ended`: demoted).
  const [watching, setWatching] = useState(false);
  useEffect(() => {
    if (byId) setWatching(true);
    else if (watching) setFailure({ message: 'The live view ended.', code: 'FORBIDDEN' });
  }, [byId, watching]);
  const rows = useMemo(() => (byId ? orderLiveView(Object.values(byId)) : null), [byId]);
  return { rows, error: failure?.message ?? null, errorCode: failure?.code ?? null };
}
