import { ticketJobKeys } from '../jobs/job';
import { defineMachine, type Guard, type TransitionRule } from '../machine/define-machine';
import { TICKET_STATUSES, type Ticket, type TicketStatus } from './ticket';
import type { TicketEffect, TicketMachineEvent } from './ticket-machine-events';

type AnyEvent = TicketMachineEvent;

/** The history line and the `ticket.transitioned` event every transition adds. */
function step(
  action: string,
  visibility: 'internal' | 'customer' = 'customer',
  extra: (t: Ticket, e: AnyEvent) => Partial<Ticket> = () => ({}),
  effects: (next: Ticket, e: AnyEvent) => TicketEffect[] = () => [],
) {
  return {
    update: (t: Ticket, e: AnyEvent) => ({
      ...extra(t, e),
      updatedAt: e.at,
      history: [
        ...t.history,
        {
          at: e.at,
          actor: e.actor,
          action,
          fromStatus: t.status,
          toStatus: t.status, // replaced below with the target status
          text: e.text,
          visibility,
        },
      ],
    }),
    effects: (next: Ticket, previous: Ticket, e: AnyEvent): TicketEffect[] => [
      {
        type: 'emit',
        event: {
          type: 'ticket.transitioned',
          at: e.at,
          subject: { kind: 'ticket', id: next.id },
          data: { ticket: next, action, from: previous.status, to: next.status },
        },
      },
      ...effects(next, e),
    ],
  };
}

const withinReopenWindow: Guard<Ticket, AnyEvent> = {
  name: 'within reopen window',
  check: (t, e) => t.reopenUntil !== null && e.at < t.reopenUntil,
};

const OPEN: TicketStatus[] = [
  'new',
  'triaged',
  'in_progress',
  'awaiting_customer',
  'awaiting_third_party',
];

const scheduleClose = (next: Ticket): TicketEffect[] =>
  next.reopenUntil === null
    ? []
    : [
        {
          type: 'schedule',
          job: {
            key: ticketJobKeys.close(next.id),
            kind: 'ticket.close-resolved',
            dueAt: next.reopenUntil,
            payload: { ticketId: next.id },
          },
        },
      ];

type Rule<E extends AnyEvent['type']> = TransitionRule<
  TicketStatus,
  Ticket,
  Extract<AnyEvent, { type: E }>,
  TicketEffect
>;

function rule<E extends AnyEvent['type']>(
  from: TicketStatus[],
  to: TicketStatus,
  parts: ReturnType<typeof step>,
  guard?: Guard<Ticket, AnyEvent>,
): Rule<E> {
  return {
    from,
    to,
    ...(guard ? { guard } : {}),
    // The history line records the status the ticket moves to.
    update: (t, e) => {
      const changes = parts.update(t, e);
      const history = changes.history;
      const last = history[history.length - 1];
      if (last) history[history.length - 1] = { ...last, toStatus: to };
      return changes;
    },
    effects: (next, previous, e) => parts.effects(next, previous, e),
  };
}

/**
 * The ticket workflow (工单流程) as a pure machine: triage, work, waiting on the customer or a third
 * party, typed resolution proposals the customer accepts or rejects, resolution, reopening inside
 * a window, closing, cancelling. See docs/concepts/tickets.md.
 *
 * @example
 * const result = transition(ticketMachine, ticket, { type: 'REJECT', at, actor, text: '太少了' });
 */
export const ticketMachine = defineMachine<TicketStatus, Ticket, TicketMachineEvent, TicketEffect>({
  id: 'ticket',
  states: TICKET_STATUSES,
  initial: ['new'],
  final: ['closed', 'cancelled'],
  on: {
    TRIAGE: [
      rule(
        ['new'],
        'triaged',
        step('triaged', 'internal', (t, e) =>
          e.type === 'TRIAGE'
            ? {
                department: e.department,
                severity: e.severity,
                categoryId: e.categoryId ?? t.categoryId,
                ownerId: e.ownerId ?? t.ownerId,
              }
            : {},
        ),
      ),
    ],
    START: [
      rule(
        ['new', 'triaged'],
        'in_progress',
        step('started', 'customer', (_t, e) => (e.type === 'START' ? { ownerId: e.ownerId } : {})),
      ),
    ],
    AWAIT_CUSTOMER: [rule(['in_progress'], 'awaiting_customer', step('awaiting customer'))],
    AWAIT_THIRD_PARTY: [
      rule(['in_progress'], 'awaiting_third_party', step('awaiting third party')),
    ],
    RESUME: [rule(['awaiting_customer', 'awaiting_third_party'], 'in_progress', step('resumed'))],
    PROPOSE: [
      rule(
        ['in_progress'],
        'resolution_proposed',
        step('resolution proposed', 'customer', (_t, e) =>
          e.type === 'PROPOSE' ? { proposal: e.resolution } : {},
        ),
      ),
    ],
    ACCEPT: [
      rule(
        ['resolution_proposed'],
        'resolved',
        step(
          'resolution accepted',
          'customer',
          (t, e) => ({
            resolution: t.proposal,
            proposal: null,
            resolvedAt: e.at,
            reopenUntil: e.type === 'ACCEPT' ? e.at + e.reopenWindowMs : null,
          }),
          scheduleClose,
        ),
      ),
    ],
    REJECT: [
      rule(
        ['resolution_proposed'],
        'in_progress',
        step('resolution rejected', 'customer', (t) => ({ proposal: null, rounds: t.rounds + 1 })),
      ),
    ],
    RESOLVE: [
      rule(
        ['in_progress', 'awaiting_customer', 'awaiting_third_party'],
        'resolved',
        step(
          'resolved',
          'customer',
          (_t, e) =>
            e.type === 'RESOLVE'
              ? {
                  resolution: e.resolution,
                  proposal: null,
                  resolvedAt: e.at,
                  reopenUntil: e.at + e.reopenWindowMs,
                }
              : {},
          scheduleClose,
        ),
      ),
    ],
    REOPEN: [
      rule(
        ['resolved'],
        'in_progress',
        step(
          'reopened',
          'customer',
          () => ({ resolvedAt: null, reopenUntil: null }),
          (next) => [{ type: 'cancel', key: ticketJobKeys.close(next.id) }],
        ),
        withinReopenWindow,
      ),
    ],
    CLOSE: [
      rule(
        ['resolved'],
        'closed',
        step(
          'closed',
          'customer',
          (_t, e) => ({ closedAt: e.at }),
          (next) => [{ type: 'cancel', key: ticketJobKeys.close(next.id) }],
        ),
      ),
    ],
    CANCEL: [
      rule(
        [...OPEN, 'resolution_proposed'],
        'cancelled',
        step('cancelled', 'customer', (_t, e) => ({ cancelledAt: e.at })),
      ),
    ],
  },
});
