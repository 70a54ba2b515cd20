import { z } from 'zod';
import { IdSchema, LabelSchema } from '../validation/common-schemas';
import { CHANNELS, PRIORITIES, type Priority } from '../vocabulary/channels-and-priorities';

/**
 * What an SLA policy can promise, each measured by its own clock.
 *
 * @example
 * ```ts
 * for (const target of SLA_TARGETS) console.log(target, policy.targets[target]?.withinMs);
 * ```
 */
export const SLA_TARGETS = [
  'firstResponse',
  'nextResponse',
  'periodicUpdate',
  'resolution',
] as const;
/**
 * What a clock measures: first reply, reply to the oldest unanswered message, updates, resolution.
 *
 * @example
 * ```ts
 * const label: Record<SlaTarget, string> = {
 *   firstResponse: '首次响应', nextResponse: '后续响应', periodicUpdate: '定期更新', resolution: '解决',
 * };
 * ```
 */
export type SlaTarget = (typeof SLA_TARGETS)[number];

const TargetSchema = z.object({
  /** The promise: within this much time (首次响应 30 s, 解决 24 h…). */
  withinMs: z.number().int().positive(),
  /** Count only business hours of the policy's calendar, or every hour. */
  hours: z.enum(['business', 'calendar']).default('business'),
});

/**
 * The value {@link TargetSchema} parses to.
 *
 * @example
 * ```ts
 * const target: SlaTargetSpec = { withinMs: 30_000, hours: 'business' };
 * ```
 */
export type SlaTargetSpec = z.output<typeof TargetSchema>;

const EscalationActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('raise-priority'), to: z.enum(PRIORITIES) }),
  z.object({ type: z.literal('assign-team'), team: LabelSchema }),
  z.object({ type: z.literal('assign-agent'), agentId: IdSchema }),
  z.object({ type: z.literal('notify'), to: z.string().min(1).max(200) }),
  z.object({ type: z.literal('custom'), name: z.string().min(1).max(100) }),
]);

/**
 * What an escalation step does: raise the priority, move to a team or an agent, notify, or a custom action.
 *
 * @example
 * ```ts
 * const action: EscalationAction = { type: 'raise-priority', to: 'urgent' };
 * ```
 */
export type EscalationAction = z.output<typeof EscalationActionSchema>;

const EscalationStepSchema = z.object({
  /** What starts the step: the first warning or the breach of any target. */
  on: z.enum(['warning', 'breach']),
  /** How long after that (calendar time) the step runs, if the target is still unmet. */
  afterMs: z.number().int().nonnegative().default(0),
  actions: z.array(EscalationActionSchema).min(1),
});

/**
 * One step of a policy’s escalation: on the first warning or the breach, after a delay, these actions.
 *
 * @example
 * ```ts
 * const step: EscalationStep = {
 *   on: 'warning',
 *   afterMs: 0,
 *   actions: [{ type: 'notify', to: 'supervisors' }],
 * };
 * ```
 */
export type EscalationStep = z.output<typeof EscalationStepSchema>;

/**
 * An SLA policy: which conversations or tickets it covers, its targets, calendar, warnings and escalation.
 *
 * @example
 * ```ts
 * const policy = SlaPolicySchema.parse({
 *   id: 'vip',
 *   name: 'VIP 客户',
 *   conditions: { tier: ['vip'] },
 *   targets: { firstResponse: { withinMs: 15_000 }, resolution: { withinMs: 4 * 3600_000 } },
 *   calendar: 'shop',
 *   escalation: [{ on: 'breach', actions: [{ type: 'assign-team', team: 'supervisors' }] }],
 * });
 * ```
 */
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

/**
 * What {@link SlaPolicySchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const vip: SlaPolicyInput = {
 *   id: 'vip',
 *   name: 'VIP 客户',
 *   conditions: { tier: ['vip'] },
 *   targets: { firstResponse: { withinMs: 15_000 }, resolution: { withinMs: 4 * 3600_000 } },
 *   calendar: 'shop',
 *   escalation: [{ on: 'breach', actions: [{ type: 'assign-team', team: 'supervisors' }] }],
 * };
 * const desk = createDesk({ storage, settings: { sla: { policies: [vip] } } });
 * ```
 */
export type SlaPolicyInput = z.input<typeof SlaPolicySchema>;

/**
 * The value {@link SlaPolicySchema} parses to.
 *
 * @example
 * ```ts
 * const budget = (policy: SlaPolicy) => policy.targets.firstResponse?.withinMs ?? null;
 * ```
 */
export type SlaPolicy = z.output<typeof SlaPolicySchema>;

/**
 * What policy conditions look at.
 *
 * @example
 * ```ts
 * const subject: SlaSubject = { priority: 'high', tier: 'vip', channel: 'web', topic: null, team: null, ticketKind: null };
 * const policy = matchPolicy(policies, subject);
 * ```
 */
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
