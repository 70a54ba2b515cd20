import type { WireTicket } from '@kefu/core/wire';

const DAY = 86_400_000;
const at = Date.UTC(2026, 10, 20, 6, 0);

/** A complaint ticket with a refund proposed, as the gateway sends it to the customer. */
export const meltedChocolate: WireTicket = {
  id: 'tkt_1',
  kind: 'complaint',
  subject: '巧克力到货时已融化',
  status: 'resolution_proposed',
  orderRef: '20261122-0042',
  proposal: { type: 'refund', amount: 2_000, currency: 'CNY' },
  resolution: null,
  expectedCompletionAt: at + 2 * DAY,
  timeline: [
    { at, action: 'created', status: 'new', text: null },
    { at: at + 3_600_000, action: 'start', status: 'in_progress', text: '售后已联系仓库' },
    { at: at + DAY, action: 'propose', status: 'resolution_proposed', text: null },
  ],
  createdAt: at,
  updatedAt: at + DAY,
};
