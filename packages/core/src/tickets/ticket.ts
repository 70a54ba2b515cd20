import { z } from 'zod';
import type { ConversationSla } from '../conversations/conversation';
import { AttachmentSchema } from '../messages/message';
import type { Survey } from '../surveys/survey';
import { ClientIdSchema, IdSchema, InstantSchema, LabelSchema } from '../validation/common-schemas';

/**
 * Built-in kinds; a desk may add its own with `tickets.kinds`.
 *
 * @example
 * ```ts
 * const kinds = [...TICKET_KINDS, 'gift-wrap'];
 * const desk = createDesk({ storage, settings: { tickets: { kinds } } });
 * ```
 */
export const TICKET_KINDS = [
  'complaint',
  'return',
  'exchange',
  'refund',
  'delivery',
  'payment',
  'product-quality',
] as const;

/**
 * A built-in kind from `TICKET_KINDS`, or one the desk adds in its settings.
 *
 * @example
 * ```ts
 * const kind: TicketKind = 'return'; // or a kind of your own, e.g. 'gift-wrap'
 * ```
 */
export type TicketKind = (typeof TICKET_KINDS)[number] | (string & {});

/**
 * Ticket severities, lowest first.
 *
 * @example
 * ```ts
 * const urgent = SEVERITIES.indexOf(ticket.severity) >= SEVERITIES.indexOf('high');
 * ```
 */
export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;

/**
 * One of `SEVERITIES`.
 *
 * @example
 * ```ts
 * const severity: Severity = customer.vip ? 'high' : 'medium';
 * ```
 */
export type Severity = (typeof SEVERITIES)[number];

/**
 * Every status of the ticket workflow, in the order a ticket usually goes through them.
 *
 * @example
 * ```ts
 * const open = TICKET_STATUSES.filter((status) => status !== 'closed' && status !== 'cancelled');
 * const { items } = await desk.tickets.list({ status: open });
 * ```
 */
export const TICKET_STATUSES = [
  'new',
  'triaged',
  'in_progress',
  'awaiting_customer',
  'awaiting_third_party',
  'resolution_proposed',
  'resolved',
  'closed',
  'cancelled',
] as const;
/**
 * Where a ticket (工单) is in its workflow; see docs/concepts/tickets.md.
 *
 * @example
 * ```ts
 * const waitingOnCustomer = (status: TicketStatus) => status === 'awaiting_customer';
 * ```
 */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

const Money = z.object({
  /** In the currency's minor unit (fen, cents): 2,000 = ¥20.00. */
  amount: z.number().int().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY'),
});

/**
 * A typed resolution proposal (处理方案).
 *
 * @example
 * ```ts
 * const resolution = ResolutionSchema.parse({ type: 'replacement', items: ['SKU-CHOC-200'] });
 * ```
 */
export const ResolutionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('refund'), ...Money.shape }),
  z.object({ type: z.literal('replacement'), items: z.array(z.string().min(1)).min(1) }),
  z.object({
    type: z.literal('exchange'),
    items: z.array(z.string().min(1)).min(1),
    for: z.array(z.string().min(1)).min(1),
  }),
  z.object({
    type: z.literal('compensation'),
    form: z.enum(['coupon', 'points']),
    /** Coupon value in minor units, or a number of points. */
    value: z.number().int().positive(),
    currency: z
      .string()
      .regex(/^[A-Z]{3}$/)
      .optional(),
  }),
  z.object({ type: z.literal('explanation'), text: z.string().trim().min(1).max(2000) }),
]);

/**
 * The value {@link ResolutionSchema} parses to.
 *
 * @example
 * ```ts
 * const refund: Resolution = { type: 'refund', amount: 12_800, currency: 'CNY' };
 * await desk.tickets.propose({ ticketId, by: { kind: 'agent', id: 'agt_wang' }, resolution: refund });
 * ```
 */
export type Resolution = z.infer<typeof ResolutionSchema>;

export const ActorSchema = z.object({
  kind: z.enum(['agent', 'customer', 'system']),
  id: IdSchema,
});

/**
 * The value {@link ActorSchema} parses to.
 *
 * @example
 * ```ts
 * const actor: Actor = { kind: 'agent', id: 'agt_wang' };
 * await desk.tickets.start({ ticketId, by: actor });
 * ```
 */
export type Actor = z.infer<typeof ActorSchema>;

/**
 * One line of a ticket's history. Customers see only `visibility: 'customer'` lines.
 *
 * @example
 * ```ts
 * const customerLines = (ticket: Ticket) =>
 *   ticket.history.filter((entry: TicketHistoryEntry) => entry.visibility === 'customer');
 * ```
 */
export interface TicketHistoryEntry {
  at: number;
  actor: Actor;
  action: string;
  fromStatus: TicketStatus | null;
  toStatus: TicketStatus;
  /** A note or the customer-facing update text. */
  text: string | null;
  visibility: 'internal' | 'customer';
}

/**
 * What the shop's order system says about an order, attached when the ticket is created.
 *
 * @example
 * ```ts
 * const snapshot: OrderSnapshot | null = ticket.orderSnapshot;
 * if (snapshot) console.log(snapshot.orderRef, snapshot.total);
 * ```
 */
export interface OrderSnapshot {
  orderRef: string;
  status: string;
  paymentStatus: string;
  items: { sku: string; name: string; quantity: number; price: number }[];
  total: number;
  currency: string;
  shipment: { carrier: string; trackingNo: string; status: string; city?: string } | null;
  placedAt: number;
}

/**
 * A ticket as stored: its workflow state, history, SLA clocks and the order snapshot taken at creation.
 *
 * @example
 * ```ts
 * const ticket = TicketSchema.parse(JSON.parse(row.data));
 * ```
 */
export const TicketSchema = z.object({
  id: IdSchema,
  clientId: ClientIdSchema.nullable(),
  kind: z.string().min(1).max(40),
  subject: z.string().min(1).max(200),
  description: z.string().max(10_000),
  categoryId: LabelSchema.nullable(),
  severity: z.enum(SEVERITIES),
  status: z.enum(TICKET_STATUSES),
  customerId: IdSchema,
  conversationIds: z.array(IdSchema),
  orderRef: z.string().max(64).nullable(),
  orderSnapshot: z.custom<OrderSnapshot>().nullable(),
  /** Region (e.g. city) for spike detection. */
  region: z.string().max(64).nullable(),
  department: LabelSchema.nullable(),
  ownerId: IdSchema.nullable(),
  /** When the current step is due (from the SLA resolution clock when a policy applies). */
  dueAt: InstantSchema.nullable(),
  escalationLevel: z.number().int().nonnegative(),
  /** The same customer complained about the same category recently. */
  repeat: z.boolean(),
  /** Proposals rejected so far (rounds of negotiation). */
  rounds: z.number().int().nonnegative(),
  proposal: ResolutionSchema.nullable(),
  resolution: ResolutionSchema.nullable(),
  attachments: z.array(AttachmentSchema),
  history: z.array(z.custom<TicketHistoryEntry>()),
  sla: z.custom<ConversationSla>().nullable(),
  survey: z.custom<Survey>().nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  resolvedAt: InstantSchema.nullable(),
  reopenUntil: InstantSchema.nullable(),
  closedAt: InstantSchema.nullable(),
  cancelledAt: InstantSchema.nullable(),
  version: z.number().int().positive(),
  schemaVersion: z.literal(1),
});

/**
 * A complaint or after-sales case (工单) that moves across departments until it is settled.
 *
 * @example
 * ```ts
 * const ticket: Ticket = await desk.tickets.create({
 *   kind: 'complaint',
 *   subject: '巧克力到货时已融化',
 *   customerId: 'cus_lin',
 *   orderRef: 'CS20261111-0042',
 *   by: { kind: 'agent', id: 'agt_wang' },
 * });
 * ```
 */
export type Ticket = z.infer<typeof TicketSchema>;
