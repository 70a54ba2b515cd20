import { z } from 'zod';
import type { ConversationSla } from '../conversations/conversation';
import { AttachmentSchema } from '../messages/message';
import type { Survey } from '../surveys/survey';
import { ClientIdSchema, IdSchema, InstantSchema, LabelSchema } from '../validation/common-schemas';

/** Built-in kinds; a desk may add its own with `tickets.kinds`. */
export const TICKET_KINDS = [
  'complaint',
  'return',
  'exchange',
  'refund',
  'delivery',
  'payment',
  'product-quality',
] as const;
export type TicketKind = (typeof TICKET_KINDS)[number] | (string & {});

export const SEVERITIES = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

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
/** Where a ticket (工单) is in its workflow; see docs/concepts/tickets.md. */
export type TicketStatus = (typeof TICKET_STATUSES)[number];

const Money = z.object({
  /** In the currency's minor unit (fen, cents): 2,000 = ¥20.00. */
  amount: z.number().int().positive(),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as CNY'),
});

/** A typed resolution proposal (处理方案). */
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
export type Resolution = z.infer<typeof ResolutionSchema>;

export const ActorSchema = z.object({
  kind: z.enum(['agent', 'customer', 'system']),
  id: IdSchema,
});
export type Actor = z.infer<typeof ActorSchema>;

/** One line of a ticket's history. Customers see only `visibility: 'customer'` lines. */
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

/** What the shop's order system says about an order, attached when the ticket is created. */
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

/** A complaint or after-sales case (工单) that moves across departments until it is settled. */
export type Ticket = z.infer<typeof TicketSchema>;
