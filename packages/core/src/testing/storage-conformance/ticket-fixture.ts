import type { Ticket } from '../../tickets/ticket';
import { FIXTURE_NOW } from './fixtures';

let counter = 0;

/**
 * A valid new ticket record, with fields overridable.
 *
 * @example
 * ```ts
 * const ticket = makeTicket({ status: 'awaiting_customer', ownerId: 'agt_wang' });
 * await storage.transaction((tx) => tx.tickets.insert(ticket));
 * ```
 */
export function makeTicket(overrides: Partial<Ticket> = {}): Ticket {
  counter++;
  return {
    id: `tkt_${counter.toString(36).padStart(6, '0')}`,
    clientId: null,
    kind: 'complaint',
    subject: '巧克力到货融化',
    description: '打开盒子发现巧克力全部融化了',
    categoryId: 'melted',
    severity: 'medium',
    status: 'new',
    customerId: 'cus_lin',
    conversationIds: [],
    orderRef: 'SO-20261112-0107',
    orderSnapshot: null,
    region: '上海',
    department: null,
    ownerId: null,
    dueAt: null,
    escalationLevel: 0,
    repeat: false,
    rounds: 0,
    proposal: null,
    resolution: null,
    attachments: [],
    history: [],
    sla: null,
    survey: null,
    createdAt: FIXTURE_NOW,
    updatedAt: FIXTURE_NOW,
    resolvedAt: null,
    reopenUntil: null,
    closedAt: null,
    cancelledAt: null,
    version: 1,
    schemaVersion: 1,
    ...overrides,
  };
}
