import { z } from 'zod';
import { IdSchema } from '../validation/common-schemas';

/** Who asks: recorded in the audit log. */
export const AuditActorSchema = z.object({
  kind: z.enum(['agent', 'admin', 'system', 'customer']),
  id: IdSchema,
});

/** Where the request came from, for the audit log. */
export const AuditOriginSchema = z
  .object({ ip: z.string().max(64).optional(), via: z.string().max(64).optional() })
  .nullable()
  .default(null);

const Who = { actor: AuditActorSchema, origin: AuditOriginSchema };

export const ExportCustomerSchema = z.object({
  customerId: IdSchema,
  /** Internal notes and internal ticket history; only for agents and admins. */
  includeInternal: z.boolean().default(false),
  /** Records per page of the stream. */
  pageSize: z.number().int().min(1).max(1000).default(200),
  ...Who,
});

/**
 * What {@link ExportCustomerSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const parts = await desk.privacy.exportCustomer({ customerId: 'cus_lin', actor: { kind: 'admin', id: 'adm_zhao' } });
 * for await (const part of parts) stream.write(JSON.stringify(part));
 * ```
 */
export type ExportCustomerInput = z.input<typeof ExportCustomerSchema>;

export const EraseCustomerSchema = z.object({
  customerId: IdSchema,
  /** Why (e.g. "PIPL art. 47 request #2026-118"); kept in the audit log. No personal data here. */
  reason: z.string().trim().min(1).max(500),
  ...Who,
});

/**
 * What {@link EraseCustomerSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * await desk.privacy.eraseCustomer({ customerId: 'cus_lin', reason: 'PIPL art. 47 request #2026-118', actor: { kind: 'admin', id: 'adm_zhao' } });
 * ```
 */
export type EraseCustomerInput = z.input<typeof EraseCustomerSchema>;

export const ReadCustomerSchema = z.object({ customerId: IdSchema, ...Who });

/**
 * What {@link ReadCustomerSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const customer = await desk.privacy.readCustomer({ customerId: 'cus_lin', actor: { kind: 'agent', id: 'agt_wang' } });
 * ```
 */
export type ReadCustomerInput = z.input<typeof ReadCustomerSchema>;

const FieldRef = {
  /** The masked field's `path` (see `MaskedField`). */
  path: z.string().min(1).max(300),
  /** The masked field's `index` (0 for fields masked as a whole). */
  span: z.number().int().nonnegative().default(0),
};

/**
 * One masked value to reveal: a span of a message, or a masked field of a profile, ticket or
 * conversation (its `topic`, its survey's `survey.comment`).
 */
export const RevealSchema = z.union([
  z.object({
    conversationId: IdSchema,
    seq: z.number().int().positive(),
    /** The masked span's `index`. */
    span: z.number().int().nonnegative(),
    ...Who,
  }),
  z.object({ customerId: IdSchema, ...FieldRef, ...Who }),
  z.object({ ticketId: IdSchema, ...FieldRef, ...Who }),
  z.object({ conversationId: IdSchema, ...FieldRef, ...Who }),
]);

/**
 * What {@link RevealSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const { value } = await desk.privacy.reveal({ conversationId, seq: 3, span: 0, actor: { kind: 'agent', id: 'agt_wang' } });
 * const phone = await desk.privacy.reveal({ customerId: 'cus_lin', path: 'contact.phone', actor: { kind: 'agent', id: 'agt_wang' } });
 * const topic = await desk.privacy.reveal({ conversationId, path: 'topic', span: 0, actor: { kind: 'agent', id: 'agt_wang' } });
 * ```
 */
export type RevealInput = z.input<typeof RevealSchema>;

export const AUDIT_ACTIONS = [
  'customer.read',
  'value.revealed',
  'customer.exported',
  'customer.erasure_requested',
  'customer.erased',
  'settings.changed',
  'conversation.transferred',
  'audit.read',
] as const;

export const ListAuditSchema = z.object({
  actorId: IdSchema.optional(),
  actions: z.array(z.enum(AUDIT_ACTIONS)).min(1).optional(),
  customerId: IdSchema.optional(),
  from: z.number().int().nonnegative().optional(),
  to: z.number().int().nonnegative().optional(),
  /** `nextCursor` of the previous page. */
  cursor: z.string().regex(/^\d+$/).optional(),
  limit: z.number().int().min(1).max(500).default(100),
  ...Who,
});

/**
 * What {@link ListAuditSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const page = await desk.privacy.audit.list({ actions: ['value.revealed'], limit: 50, actor: { kind: 'admin', id: 'adm_zhao' } });
 * ```
 */
export type ListAuditInput = z.input<typeof ListAuditSchema>;

export const RecordAuditSchema = z.object({
  action: z.enum(['settings.changed']),
  target: z
    .object({ kind: z.string().min(1).max(64), id: z.string().min(1).max(200) })
    .nullable()
    .default(null),
  details: z.record(z.string(), z.json()).default({}),
  ...Who,
});

/**
 * What {@link RecordAuditSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * await desk.privacy.audit.record({ action: 'settings.changed', target: { kind: 'settings', id: 'retention' }, actor: { kind: 'admin', id: 'adm_zhao' } });
 * ```
 */
export type RecordAuditInput = z.input<typeof RecordAuditSchema>;
