import type { WireConversationDetails } from '@kefu/client';
import { slaText } from './sla-text';
import { useNow } from './use-now';

/**
 * The SLA state of a conversation (agent-only `details`), counting down to its next deadline:
 * target, budget, due time, closed hours excluded or not (see `slaText`). `compact` in the inbox,
 * with the whole text as its tooltip.
 */
export function SlaBadge({
  details,
  compact = false,
}: {
  details: WireConversationDetails | undefined;
  compact?: boolean;
}) {
  const now = useNow();
  if (!details) return null;
  const text = slaText(details, now);
  return (
    <span className={`sla sla-${details.slaState}`} title={text.full}>
      {compact ? text.compact : text.full}
    </span>
  );
}
