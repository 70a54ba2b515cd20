import { z } from 'zod';
import { IdSchema, LabelSchema } from '../validation/common-schemas';
import { CHANNELS, PRIORITIES, type Priority } from '../vocabulary/channels-and-priorities';

export const SLA_TARGETS = [
  'firstResponse',
  'nextResponse',
  'periodicUpdate',
  'resolution',
] as const;
/** What a clock measures: first reply, reply to the oldest unanswered message, updates, resolution. */
export type SlaTarget = (typeof SLA_TARGETS)[number];

const TargetSchema = z.object({
  /** The promise: within this much time (首次响应 30 s, 解决 24 h…). */
  withinMs: z.number().int().positive(),
  /** Count only business hours of the policy's calendar, or every hour. */
  hours: z.enum(['business', 'calendar']).default('business'),
});
export type SlaTargetSpec = z.output<typeof TargetSchema>;

const EscalationActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('raise-priority'), to: z.enum(PRIORITIES) }),
  z.object({ type: z.literal('assign-team'), team: LabelSchema }),
  z.object({ type: z.literal('assign-agent'), agentId: IdSchema }),
  z.object({ type: z.literal('notify'), to: z.string().min(1).max(200) }),
  z.object({ type: z.literal('custom'), name: z.string().min(1).max(100) }),
]);
export type EscalationAction = z.output<typeof EscalationActionSchema>;

const EscalationStepSchema = z.object({
  /** What starts the step: the first warning or the breach of any target. */
  on: z.enum(['warning', 'breach']),
  /** How long after that (calendar time) the step runs, if the target is still unmet. */
  afterMs: z.number().int().nonnegative().default(0),
  actions: z.array(EscalationActionSchema).min(1),
});
export type EscalationStep = z.output<typeof EscalationStepSchema>;

export const SlaPolicySchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(200),
  /** Every given condition must match; an empty object matches everything. */
  conditions: z
    .object({
      priority: z.array(z.enum(PRIORITIES)).optional(),
      tier: z.array(z.string().min(1)).optional(),
      channel: z.array(z.enum(CHANNELS)).optional(),
      topic: z.array(z.string().min(1)).optional(),
      team: z.array(LabelSchema).optional(),
      ticketKind: z.array(z.string().min(1)).optional(),
    })
    .default({}),
  targets: z.object({
    firstResponse: TargetSchema.optional(),
    nextResponse: TargetSchema.optional(),
    periodicUpdate: TargetSchema.optional(),
    resolution: TargetSchema.optional(),
  }),
  /** Id of a calendar in the desk's `sla.calendars`; business-hours targets need one. */
  calendar: IdSchema.optional(),
  /** Fractions of a target at which `sla.warning` fires. */
  warnAt: z.array(z.number().gt(0).lt(1)).max(5).default([0.75, 0.9]),
  /** Levels climb, step by step, while a target stays unmet. */
  escalation: z.array(EscalationStepSchema).max(10).default([]),
});
export type SlaPolicyInput = z.input<typeof SlaPolicySchema>;
export type SlaPolicy = z.output<typeof SlaPolicySchema>;

/** What policy conditions look at. */
export interface SlaSubject {
  priority: Priority;
  tier: string;
  channel: string;
  topic: string | null;
  team: string | null;
  ticketKind?: string | null;
}

const matches = <T>(allowed: readonly T[] | undefined, value: T | null | undefined) =>
  allowed === undefined || (value !== null && value !== undefined && allowed.includes(value));

/**
 * The first policy, in order, whose conditions all match; null when none does.
 *
 * @example
 * matchPolicy(policies, { priority: 'urgent', tier: 'vip', channel: 'web', topic: null, team: null });
 */
export function matchPolicy(policies: readonly SlaPolicy[], subject: SlaSubject): SlaPolicy | null {
  return (
    policies.find(
      ({ conditions: c }) =>
        matches(c.priority, subject.priority) &&
        matches(c.tier, subject.tier) &&
        matches(c.channel as readonly string[] | undefined, subject.channel) &&
        matches(c.topic, subject.topic) &&
        matches(c.team, subject.team) &&
        matches(c.ticketKind, subject.ticketKind),
    ) ?? null
  );
}
