import type { WireConversationDetails } from '@kefu/client';
import { useEffect, useState } from 'react';
import { formatDuration } from '../shared/format';

const LABEL = {
  ok: '正常 OK',
  at_risk: '预警 At risk',
  breached: '超时 Breached',
} as const;

/** Ticks once a second while mounted, for countdowns. */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  return now;
}

/** The SLA state of a conversation (agent-only `details`) and the time left to its next deadline. */
export function SlaBadge({ details }: { details: WireConversationDetails | undefined }) {
  const now = useNow();
  if (!details) return null;
  const state = details.slaState;
  return (
    <span className={`sla sla-${state}`} title="SLA">
      {LABEL[state]}
      {details.dueAt !== null ? ` · ${formatDuration(details.dueAt - now)}` : ''}
    </span>
  );
}
