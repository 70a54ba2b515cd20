import type { DomainEventDraft } from '../events/domain-events';
import type { JobDraft } from '../jobs/job';
import type { Actor, Resolution, Severity } from './ticket';

type Base = { at: number; actor: Actor; text: string | null };

/**
 * Events the ticket machine understands.
 *
 * @example
 * ```ts
 * const result = transition(ticketMachine, ticket, { type: 'START', at: Date.now(), actor, text: null, ownerId: 'agt_wang' });
 * ```
 */
export type TicketMachineEvent =
  | (Base & {
      type: 'TRIAGE';
      department: string;
      severity: Severity;
      categoryId: string | null;
      ownerId: string | null;
    })
  | (Base & { type: 'START'; ownerId: string })
  | (Base & { type: 'AWAIT_CUSTOMER' })
  | (Base & { type: 'AWAIT_THIRD_PARTY' })
  | (Base & { type: 'RESUME' })
  | (Base & { type: 'PROPOSE'; resolution: Resolution })
  | (Base & { type: 'ACCEPT'; reopenWindowMs: number })
  | (Base & { type: 'REJECT' })
  | (Base & { type: 'RESOLVE'; resolution: Resolution | null; reopenWindowMs: number })
  | (Base & { type: 'REOPEN' })
  | (Base & { type: 'CLOSE' })
  | (Base & { type: 'CANCEL' });

/**
 * The `type` of a ticket machine event.
 *
 * @example
 * ```ts
 * const agentOnly: TicketMachineEventType[] = ['TRIAGE', 'START', 'PROPOSE', 'RESOLVE'];
 * ```
 */
export type TicketMachineEventType = TicketMachineEvent['type'];

/**
 * What the desk does after a ticket transition: publish an event, schedule or cancel a job.
 *
 * @example
 * ```ts
 * for (const effect of result.effects as TicketEffect[]) {
 *   if (effect.type === 'cancel') await tx.jobs.cancel(effect.key, now);
 * }
 * ```
 */
export type TicketEffect =
  | { type: 'emit'; event: DomainEventDraft }
  | { type: 'schedule'; job: JobDraft }
  | { type: 'cancel'; key: string };
