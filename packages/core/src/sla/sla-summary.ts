import type { ConversationSla } from '../conversations/conversation';
import type { SlaTarget } from './sla-policy';

/**
 * Where a conversation stands against its SLA: ok, past a warning, or past a deadline.
 *
 * @example
 * const state: SlaState = summarizeSla(conversation.sla).slaState; // 'ok' | 'at_risk' | 'breached'
 */
export type SlaState = 'ok' | 'at_risk' | 'breached';

/**
 * The SLA of one conversation in a line: the earliest running deadline, the clock behind it, and
 * the worst state of its running clocks. What agent views and the supervisor live view show.
 *
 * @example
 * const { slaState, dueAt } = summarizeSla(conversation.sla);
 * if (slaState === 'breached') highlight(conversation.id);
 */
export interface SlaSummary {
  /** The earliest running deadline (first response, next response or resolution), if any. */
  dueAt: number | null;
  dueClock: { target: SlaTarget; budgetMs: number; hours: 'business' | 'calendar' } | null;
  slaState: SlaState;
}

/**
 * Summarises a conversation's SLA clocks (see `SlaSummary`); met clocks are left out.
 *
 * @example
 * summarizeSla(null); // { dueAt: null, dueClock: null, slaState: 'ok' }
 */
export function summarizeSla(sla: ConversationSla | null): SlaSummary {
  let dueAt: number | null = null;
  let dueClock: SlaSummary['dueClock'] = null;
  let slaState: SlaState = 'ok';
  for (const clock of Object.values(sla?.clocks ?? {})) {
    if (!clock || clock.metAt !== null) continue;
    if (clock.dueAt !== null && (dueAt === null || clock.dueAt < dueAt)) {
      dueAt = clock.dueAt;
      dueClock = { target: clock.target, budgetMs: clock.budgetMs, hours: clock.hours };
    }
    if (clock.breachedAt !== null) slaState = 'breached';
    else if (clock.warned.length > 0 && slaState === 'ok') slaState = 'at_risk';
  }
  return { dueAt, dueClock, slaState };
}
