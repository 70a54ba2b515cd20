import { z } from 'zod';
import { AttachmentSchema } from '../messages/message';
import { ClientIdSchema, IdSchema, LabelSchema } from '../validation/common-schemas';
import { ActorSchema, ResolutionSchema, SEVERITIES, TICKET_STATUSES } from './ticket';

const TicketRef = { ticketId: IdSchema, by: ActorSchema };
const Message = z.string().trim().min(1).max(2000);

export const CreateTicketSchema = z.object({
  kind: z.string().min(1).max(40),
  subject: z.string().trim().min(1).max(200),
  description: z.string().max(10_000).default(''),
  customerId: IdSchema,
  conversationId: IdSchema.optional(),
  orderRef: z.string().trim().min(1).max(64).optional(),
  categoryId: LabelSchema.optional(),
  severity: z.enum(SEVERITIES).default('medium'),
  /** City or region, for spike detection; taken from the order's shipment when left out. */
  region: z.string().trim().min(1).max(64).optional(),
  attachments: z.array(AttachmentSchema).max(20).default([]),
  clientId: ClientIdSchema.optional(),
  by: ActorSchema,
});

/**
 * What {@link CreateTicketSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const input: CreateTicketInput = {
 *   kind: 'return',
 *   subject: '想退掉未拆封的礼盒',
 *   customerId: 'cus_lin',
 *   orderRef: 'CS20261111-0042',
 *   by: { kind: 'agent', id: 'agt_wang' },
 * };
 * await desk.tickets.create(input);
 * ```
 */
export type CreateTicketInput = z.input<typeof CreateTicketSchema>;

/**
 * The value {@link CreateTicketSchema} parses to.
 *
 * @example
 * ```ts
 * const parsed: CreateTicketParsed = CreateTicketSchema.parse(input);
 * console.log(parsed.severity); // 'medium' unless given
 * ```
 */
export type CreateTicketParsed = z.output<typeof CreateTicketSchema>;

export const TriageTicketSchema = z.object({
  ...TicketRef,
  department: LabelSchema,
  severity: z.enum(SEVERITIES).optional(),
  categoryId: LabelSchema.optional(),
  ownerId: IdSchema.optional(),
});

/**
 * What {@link TriageTicketSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * await desk.tickets.triage({ ticketId, by: { kind: 'agent', id: 'agt_wang' }, department: 'after-sales', severity: 'high' });
 * ```
 */
export type TriageTicketInput = z.input<typeof TriageTicketSchema>;

export const TicketStepSchema = z.object({
  ...TicketRef,
  /** Shown to the customer in their timeline. */
  message: Message.optional(),
});

/**
 * What {@link TicketStepSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * await desk.tickets.awaitCustomer({ ticketId, by: { kind: 'agent', id: 'agt_wang' }, message: '请上传商品照片' });
 * ```
 */
export type TicketStepInput = z.input<typeof TicketStepSchema>;

export const StartTicketSchema = z.object({
  ...TicketRef,
  ownerId: IdSchema.optional(),
  message: Message.optional(),
});

/**
 * What {@link StartTicketSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * await desk.tickets.start({ ticketId, by: { kind: 'agent', id: 'agt_wang' }, message: '我们正在处理您的问题' });
 * ```
 */
export type StartTicketInput = z.input<typeof StartTicketSchema>;

export const ProposeSchema = z.object({
  ...TicketRef,
  resolution: ResolutionSchema,
  message: Message.optional(),
});

/**
 * What {@link ProposeSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * await desk.tickets.propose({
 *   ticketId,
 *   by: { kind: 'agent', id: 'agt_wang' },
 *   resolution: { type: 'refund', amount: 12_800, currency: 'CNY' },
 *   message: '为您申请全额退款 ¥128，可以吗？',
 * });
 * ```
 */
export type ProposeInput = z.input<typeof ProposeSchema>;

export const ResolveTicketSchema = z.object({
  ...TicketRef,
  resolution: ResolutionSchema.optional(),
  message: Message.optional(),
});

/**
 * What {@link ResolveTicketSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * await desk.tickets.resolve({ ticketId, by: { kind: 'agent', id: 'agt_wang' }, message: '退款已到账' });
 * ```
 */
export type ResolveTicketInput = z.input<typeof ResolveTicketSchema>;

export const AssignTicketSchema = z
  .object({ ...TicketRef, ownerId: IdSchema.optional(), department: LabelSchema.optional() })
  .refine((input) => input.ownerId !== undefined || input.department !== undefined, {
    message: 'give an owner or a department',
    path: ['ownerId'],
  });

/**
 * What {@link AssignTicketSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * await desk.tickets.assign({ ticketId, by: { kind: 'agent', id: 'agt_wang' }, department: 'logistics' });
 * ```
 */
export type AssignTicketInput = z.input<typeof AssignTicketSchema>;

export const EscalateTicketSchema = z.object({
  ...TicketRef,
  /** The supervisor or department head who takes over, and/or their department. */
  toOwnerId: IdSchema.optional(),
  toDepartment: LabelSchema.optional(),
  reason: z.string().trim().min(1).max(2000),
});

/**
 * What {@link EscalateTicketSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * await desk.tickets.escalate({ ticketId, by: { kind: 'agent', id: 'agt_wang' }, toOwnerId: 'agt_zhao', reason: '客户第三次投诉' });
 * ```
 */
export type EscalateTicketInput = z.input<typeof EscalateTicketSchema>;

export const TicketNoteSchema = z.object({
  ...TicketRef,
  text: z.string().trim().min(1).max(10_000),
  /** `internal` notes never reach the customer; `customer` updates appear in their timeline. */
  visibility: z.enum(['internal', 'customer']).default('internal'),
  /** Evidence (photos of a melted box, a wrong item) added to the ticket's attachments. */
  attachments: z.array(AttachmentSchema).max(20).default([]),
});

/**
 * What {@link TicketNoteSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * await desk.tickets.addNote({ ticketId, by: { kind: 'agent', id: 'agt_wang' }, text: '快递已确认丢件', visibility: 'internal' });
 * ```
 */
export type TicketNoteInput = z.input<typeof TicketNoteSchema>;

export const ListTicketsSchema = z.object({
  customerId: IdSchema.optional(),
  status: z.array(z.enum(TICKET_STATUSES)).min(1).optional(),
  ownerId: IdSchema.nullable().optional(),
  department: LabelSchema.optional(),
  categoryId: LabelSchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  cursor: z.string().max(512).optional(),
});

/**
 * What {@link ListTicketsSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const { items, nextCursor } = await desk.tickets.list({ status: ['new', 'triaged'], limit: 50 });
 * ```
 */
export type ListTicketsInput = z.input<typeof ListTicketsSchema>;

export const CustomerViewSchema = z.object({ ticketId: IdSchema, customerId: IdSchema });

/**
 * What {@link CustomerViewSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const view = await desk.tickets.customerView({ ticketId, customerId: 'cus_lin' });
 * ```
 */
export type CustomerViewInput = z.input<typeof CustomerViewSchema>;
