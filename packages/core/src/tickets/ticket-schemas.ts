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
export type CreateTicketInput = z.input<typeof CreateTicketSchema>;
export type CreateTicketParsed = z.output<typeof CreateTicketSchema>;

export const TriageTicketSchema = z.object({
  ...TicketRef,
  department: LabelSchema,
  severity: z.enum(SEVERITIES).optional(),
  categoryId: LabelSchema.optional(),
  ownerId: IdSchema.optional(),
});
export type TriageTicketInput = z.input<typeof TriageTicketSchema>;

export const TicketStepSchema = z.object({
  ...TicketRef,
  /** Shown to the customer in their timeline. */
  message: Message.optional(),
});
export type TicketStepInput = z.input<typeof TicketStepSchema>;

export const StartTicketSchema = z.object({
  ...TicketRef,
  ownerId: IdSchema.optional(),
  message: Message.optional(),
});
export type StartTicketInput = z.input<typeof StartTicketSchema>;

export const ProposeSchema = z.object({
  ...TicketRef,
  resolution: ResolutionSchema,
  message: Message.optional(),
});
export type ProposeInput = z.input<typeof ProposeSchema>;

export const ResolveTicketSchema = z.object({
  ...TicketRef,
  resolution: ResolutionSchema.optional(),
  message: Message.optional(),
});
export type ResolveTicketInput = z.input<typeof ResolveTicketSchema>;

export const AssignTicketSchema = z
  .object({ ...TicketRef, ownerId: IdSchema.optional(), department: LabelSchema.optional() })
  .refine((input) => input.ownerId !== undefined || input.department !== undefined, {
    message: 'give an owner or a department',
    path: ['ownerId'],
  });
export type AssignTicketInput = z.input<typeof AssignTicketSchema>;

export const EscalateTicketSchema = z.object({
  ...TicketRef,
  /** The supervisor or department head who takes over, and/or their department. */
  toOwnerId: IdSchema.optional(),
  toDepartment: LabelSchema.optional(),
  reason: z.string().trim().min(1).max(2000),
});
export type EscalateTicketInput = z.input<typeof EscalateTicketSchema>;

export const TicketNoteSchema = z.object({
  ...TicketRef,
  text: z.string().trim().min(1).max(10_000),
  /** `internal` notes never reach the customer; `customer` updates appear in their timeline. */
  visibility: z.enum(['internal', 'customer']).default('internal'),
  /** Evidence (photos of a melted box, a wrong item) added to the ticket's attachments. */
  attachments: z.array(AttachmentSchema).max(20).default([]),
});
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
export type ListTicketsInput = z.input<typeof ListTicketsSchema>;

export const CustomerViewSchema = z.object({ ticketId: IdSchema, customerId: IdSchema });
export type CustomerViewInput = z.input<typeof CustomerViewSchema>;
