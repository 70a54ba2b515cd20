import type { DomainEventDraft } from '../events/domain-events';
import type { AuditEntryDraft } from '../storage/privacy-storage';

/**
 * Audit entries that desk events imply, appended in the same transaction as the events: today a
 * conversation transfer (who moved whose conversation to whom).
 */
export function auditForEvents(drafts: readonly DomainEventDraft[]): AuditEntryDraft[] {
  const entries: AuditEntryDraft[] = [];
  for (const draft of drafts) {
    if (draft.type !== 'conversation.transferred') continue;
    const { conversation, fromAgentId, toAgentId, toTeam, by } = draft.data;
    entries.push({
      at: draft.at,
      actor: by === null ? { kind: 'system', id: 'routing' } : { kind: 'agent', id: by },
      action: 'conversation.transferred',
      customerId: conversation.customerId,
      target: { kind: 'conversation', id: conversation.id },
      origin: null,
      details: { fromAgentId, toAgentId, toTeam },
    });
  }
  return entries;
}
