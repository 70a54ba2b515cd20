import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { transition } from '../machine/transition';
import { makeTicket } from '../testing/storage-conformance/ticket-fixture';
import { TICKET_STATUSES, type Ticket } from './ticket';
import { ticketMachine } from './ticket-machine';
import type { TicketMachineEvent } from './ticket-machine-events';

const T0 = Date.UTC(2026, 10, 16, 2, 0);
const agent = { kind: 'agent' as const, id: 'agt_li' };

const eventAt = (at: number): fc.Arbitrary<TicketMachineEvent> => {
  const base = { at, actor: agent, text: null };
  return fc.oneof(
    fc.constant({
      ...base,
      type: 'TRIAGE' as const,
      department: 'after-sales',
      severity: 'high' as const,
      categoryId: null,
      ownerId: null,
    }),
    fc.constant({ ...base, type: 'START' as const, ownerId: 'agt_li' }),
    fc.constant({ ...base, type: 'AWAIT_CUSTOMER' as const }),
    fc.constant({ ...base, type: 'AWAIT_THIRD_PARTY' as const }),
    fc.constant({ ...base, type: 'RESUME' as const }),
    fc.constant({
      ...base,
      type: 'PROPOSE' as const,
      resolution: { type: 'refund' as const, amount: 6800, currency: 'CNY' },
    }),
    fc
      .integer({ min: 0, max: 10_000 })
      .map((reopenWindowMs) => ({ ...base, type: 'ACCEPT' as const, reopenWindowMs })),
    fc.constant({ ...base, type: 'REJECT' as const }),
    fc.constant({ ...base, type: 'RESOLVE' as const, resolution: null, reopenWindowMs: 5_000 }),
    fc.constant({ ...base, type: 'REOPEN' as const }),
    fc.constant({ ...base, type: 'CLOSE' as const }),
    fc.constant({ ...base, type: 'CANCEL' as const }),
  );
};

function invariants(t: Ticket): void {
  expect(TICKET_STATUSES).toContain(t.status);
  if (t.status === 'resolution_proposed') expect(t.proposal).not.toBeNull();
  if (t.status === 'resolved') {
    expect(t.resolvedAt).not.toBeNull();
    expect(t.reopenUntil).not.toBeNull();
  }
  if (t.status === 'closed') expect(t.closedAt).not.toBeNull();
  if (t.status === 'cancelled') expect(t.cancelledAt).not.toBeNull();
  expect(t.history.at(-1)?.toStatus ?? t.status).toBe(t.status);
}

describe('ticket machine', () => {
  it('never reaches an invalid state; rejected events leave the ticket unchanged', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 3_000 }), { maxLength: 40 }).chain((gaps) => {
          const instants = gaps.map((_, i) => T0 + gaps.slice(0, i + 1).reduce((a, b) => a + b, 0));
          return fc.tuple(...instants.map(eventAt));
        }),
        (events) => {
          let ticket = makeTicket({ createdAt: T0, updatedAt: T0 });
          for (const event of events) {
            const before = structuredClone(ticket);
            const result = transition(ticketMachine, ticket, event);
            if (result.ok) {
              ticket = result.snapshot;
              invariants(ticket);
              expect(ticket.history).toHaveLength(before.history.length + 1);
            } else {
              expect(result.snapshot).toBe(ticket);
              expect(ticket).toEqual(before);
            }
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it('counts rejected proposals as rounds and keeps the accepted one as the resolution', () => {
    let ticket = makeTicket({ status: 'in_progress' });
    const base = { actor: agent, text: null };
    const apply = (event: TicketMachineEvent) => {
      const result = transition(ticketMachine, ticket, event);
      if (!result.ok) throw new Error(result.message);
      ticket = result.snapshot;
    };
    apply({
      ...base,
      at: T0,
      type: 'PROPOSE',
      resolution: { type: 'replacement', items: ['CHOC-MILK-BOX'] },
    });
    apply({
      ...base,
      at: T0 + 1,
      type: 'REJECT',
      actor: { kind: 'customer', id: 'cus_lin' },
      text: '不要补发，要退款',
    });
    apply({
      ...base,
      at: T0 + 2,
      type: 'PROPOSE',
      resolution: { type: 'refund', amount: 12_800, currency: 'CNY' },
    });
    apply({ ...base, at: T0 + 3, type: 'ACCEPT', reopenWindowMs: 1000 });
    expect(ticket).toMatchObject({
      status: 'resolved',
      rounds: 1,
      proposal: null,
      resolution: { type: 'refund', amount: 12_800 },
      reopenUntil: T0 + 1003,
    });
  });
});
