import { z } from 'zod';
import { LabelSchema } from '../validation/common-schemas';
import { SEVERITIES, type Severity, TICKET_KINDS, type Ticket } from './ticket';

/**
 * What triage decides: where the ticket goes and how serious it is.
 *
 * @example
 * ```ts
 * const decision: TriageDecision = { department: 'logistics', severity: 'high' };
 * ```
 */
export interface TriageDecision {
  department: string;
  severity?: Severity;
  categoryId?: string;
  ownerId?: string;
}

/**
 * A pluggable classifier (rules, a model, your NLU): returns a decision or null to leave the
 * ticket for manual triage.
 *
 * @example
 * ```ts
 * const classifier: TicketClassifier = async (ticket) =>
 *   ticket.subject.includes('融化') ? { department: 'quality', severity: 'high' } : null;
 * const desk = createDesk({ storage, settings: { tickets: { classifier } } });
 * ```
 */
export type TicketClassifier = (
  ticket: Ticket,
) => TriageDecision | null | Promise<TriageDecision | null>;

const TriageRuleSchema = z.object({
  /** Every given condition must match; keywords match the subject or description (any one). */
  match: z.object({
    kinds: z.array(z.string().min(1)).optional(),
    categoryIds: z.array(LabelSchema).optional(),
    keywords: z.array(z.string().min(1)).optional(),
  }),
  department: LabelSchema,
  severity: z.enum(SEVERITIES).optional(),
  ownerId: z.string().min(1).optional(),
});

/**
 * The value {@link TriageRuleSchema} parses to.
 *
 * @example
 * ```ts
 * const rule: TriageRule = {
 *   match: { keywords: ['没收到', '物流'] },
 *   department: 'logistics',
 *   severity: 'medium',
 * };
 * ```
 */
export type TriageRule = z.output<typeof TriageRuleSchema>;

const HOUR = 3_600_000;

/**
 * The ticket settings of a desk: kinds, categories, triage rules or a classifier, reopen and repeat windows, spike detection.
 *
 * @example
 * ```ts
 * const settings = TicketSettingsSchema.parse({ triage: [{ match: { kinds: ['refund'] }, department: 'finance' }] });
 * ```
 */
export const TicketSettingsSchema = z.object({
  /** Kinds accepted; the built-in seven by default. */
  kinds: z
    .array(z.string().min(1).max(40))
    .min(1)
    .default([...TICKET_KINDS]),
  /** The shop's category taxonomy ("drawers"), a tree by `parentId`. */
  categories: z
    .array(z.object({ id: LabelSchema, name: z.string().min(1), parentId: LabelSchema.optional() }))
    .default([]),
  /** How long a resolved ticket may be reopened before it closes by itself. */
  reopenWindowMs: z
    .number()
    .int()
    .nonnegative()
    .default(7 * 24 * HOUR),
  /** Rules tried in order at creation; the first match triages the ticket. */
  triage: z.array(TriageRuleSchema).default([]),
  classifier: z.custom<TicketClassifier>((value) => typeof value === 'function').optional(),
  /** Same customer, same category within the window: flagged as a repeat and raised one level. */
  repeatWindowMs: z
    .number()
    .int()
    .positive()
    .default(30 * 24 * HOUR),
  /** More tickets of one category (and region) inside the window than the threshold: `tickets.spike`. */
  spike: z
    .object({
      windowMs: z
        .number()
        .int()
        .positive()
        .default(4 * HOUR),
      threshold: z.number().int().positive().default(10),
      byRegion: z.boolean().default(true),
    })
    .prefault({}),
});

/**
 * What {@link TicketSettingsSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const tickets: TicketSettingsInput = {
 *   categories: [{ id: 'melted', name: '融化' }],
 *   triage: [{ match: { categoryIds: ['melted'] }, department: 'quality', severity: 'high' }],
 * };
 * const desk = createDesk({ storage, settings: { tickets } });
 * ```
 */
export type TicketSettingsInput = z.input<typeof TicketSettingsSchema>;

/**
 * The value {@link TicketSettingsSchema} parses to.
 *
 * @example
 * ```ts
 * const reopenDays = (settings: TicketSettings) => settings.reopenWindowMs / 86_400_000;
 * ```
 */
export type TicketSettings = z.output<typeof TicketSettingsSchema>;

/**
 * The first rule that matches, as a decision; null when none does.
 *
 * @example
 * ```ts
 * const decision = triageByRules(rules, ticket);
 * if (decision) await desk.tickets.triage({ ticketId: ticket.id, by, ...decision });
 * ```
 */
export function triageByRules(rules: readonly TriageRule[], ticket: Ticket): TriageDecision | null {
  const text = `${ticket.subject}\n${ticket.description}`.toLowerCase();
  const rule = rules.find(
    ({ match }) =>
      (match.kinds === undefined || match.kinds.includes(ticket.kind)) &&
      (match.categoryIds === undefined ||
        (ticket.categoryId !== null && match.categoryIds.includes(ticket.categoryId))) &&
      (match.keywords === undefined ||
        match.keywords.some((word) => text.includes(word.toLowerCase()))),
  );
  if (!rule) return null;
  return {
    department: rule.department,
    ...(rule.severity ? { severity: rule.severity } : {}),
    ...(rule.ownerId ? { ownerId: rule.ownerId } : {}),
  };
}

const order: Severity[] = [...SEVERITIES];
/**
 * One level more serious, up to critical.
 *
 * @example
 * ```ts
 * raiseSeverity('medium'); // 'high'
 * raiseSeverity('critical'); // 'critical'
 * ```
 */
export const raiseSeverity = (severity: Severity): Severity =>
  order[Math.min(order.length - 1, order.indexOf(severity) + 1)] ?? 'critical';
