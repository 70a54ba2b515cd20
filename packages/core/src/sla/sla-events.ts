import type { Conversation } from '../conversations/conversation';
import type { DomainEventDraft } from '../events/domain-events';
import type { Ticket } from '../tickets/ticket';
import { elapsedAt } from './sla-clock';
import type { SlaRuntime } from './sla-runtime';
import type { SlaAnnouncement } from './sla-tracking';

/** The `sla.warning`, `sla.breached` and `sla.met` events of a commit, carrying the stored conversation. */
export function slaEventsFor(
  owner: { conversation: Conversation } | { ticket: Ticket },
  announcements: readonly SlaAnnouncement[],
  now: number,
  runtime: SlaRuntime,
): DomainEventDraft[] {
  return announcements.map((announcement) => {
    const { clock, target } = announcement;
    const base = {
      conversation: 'conversation' in owner ? owner.conversation : null,
      ticket: 'ticket' in owner ? owner.ticket : null,
      policyId: clock.policyId,
      target,
      dueAt: clock.dueAt,
      elapsedMs: elapsedAt(clock, now, runtime.calendarOf(clock)),
      clock,
    };
    const subject =
      'conversation' in owner
        ? { kind: 'conversation' as const, id: owner.conversation.id }
        : { kind: 'ticket' as const, id: owner.ticket.id };
    if (announcement.kind === 'met') {
      return {
        type: 'sla.met',
        at: now,
        subject,
        // Object.assign, not a spread and a new key: V8 runs that slowly (see new-conversation.ts).
        data: Object.assign({}, base, { breached: clock.breachedAt !== null }),
      };
    }
    if (announcement.signal.kind === 'warning') {
      return {
        type: 'sla.warning',
        at: now,
        subject,
        data: Object.assign({}, base, { threshold: announcement.signal.threshold }),
      };
    }
    return { type: 'sla.breached', at: clock.breachedAt ?? now, subject, data: base };
  });
}
