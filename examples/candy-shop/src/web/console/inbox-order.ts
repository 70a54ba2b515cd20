import type { ConversationView } from '@kefu/client';

const RISK = { breached: 0, at_risk: 1, ok: 2 } as const;
const PRIORITY: Record<string, number> = { urgent: 0, high: 1, normal: 2, low: 3 };

/**
 * Most urgent first: breached before at risk before on time, then the nearest deadline, then
 * priority, then the longest wait.
 */
export function bySlaRisk(a: ConversationView, b: ConversationView): number {
  const x = a.conversation?.details;
  const y = b.conversation?.details;
  return (
    RISK[x?.slaState ?? 'ok'] - RISK[y?.slaState ?? 'ok'] ||
    (x?.dueAt ?? Number.POSITIVE_INFINITY) - (y?.dueAt ?? Number.POSITIVE_INFINITY) ||
    (PRIORITY[x?.priority ?? 'normal'] ?? 2) - (PRIORITY[y?.priority ?? 'normal'] ?? 2) ||
    (x?.queuedAt ?? a.conversation?.createdAt ?? 0) -
      (y?.queuedAt ?? b.conversation?.createdAt ?? 0)
  );
}

/** The inbox split the way agents work it: the queue (排队) and their own conversations. */
export function groupInbox(views: readonly ConversationView[], agentId: string) {
  const queued: ConversationView[] = [];
  const mine: ConversationView[] = [];
  for (const view of views) {
    const conversation = view.conversation;
    if (!conversation) continue;
    if (conversation.status === 'queued') queued.push(view);
    else if (conversation.assigneeId === agentId) mine.push(view);
  }
  return { queued: queued.sort(bySlaRisk), mine: mine.sort(bySlaRisk) };
}
