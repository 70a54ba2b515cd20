import { z } from 'zod';
import { LabelSchema } from '../validation/common-schemas';
import type { RoutingStrategy } from './strategies';

const MINUTE = 60_000;

const StrategySchema = z.custom<RoutingStrategy>(
  (value) =>
    typeof value === 'object' &&
    value !== null &&
    typeof (value as RoutingStrategy).name === 'string' &&
    Array.isArray((value as RoutingStrategy).filters) &&
    typeof (value as RoutingStrategy).select === 'function',
  { message: 'a routing strategy is { name, filters, select }; see `strategies`' },
);

export const RoutingSettingsSchema = z.object({
  /** How an agent is chosen; `strategies.leastBusy()` unless given. */
  strategy: StrategySchema.optional(),
  /** Route automatically when something changes (a conversation queues, an agent frees up). */
  auto: z.boolean().default(true),
  /** After waiting this long, widen the search to a fallback team or skill set. */
  overflow: z
    .object({
      afterMs: z.number().int().positive(),
      /** Team to try instead (null: any team). */
      team: LabelSchema.nullable().default(null),
      /** Skills required instead of the conversation's own (empty: none). */
      skills: z.array(LabelSchema).default([]),
    })
    .nullable()
    .default(null),
  /** What happens to an agent's conversations when they go away or offline. */
  whenAgentLeaves: z
    .object({
      action: z.enum(['keep', 'requeue']).default('keep'),
      /** With `requeue`: how long they may be gone before their conversations go back. */
      graceMs: z
        .number()
        .int()
        .nonnegative()
        .default(5 * MINUTE),
    })
    .prefault({}),
  /** Handle time assumed for the wait estimate until conversations have been resolved. */
  defaultHandleTimeMs: z
    .number()
    .int()
    .positive()
    .default(5 * MINUTE),
  /** How many recent resolutions the handle-time average uses. */
  handleTimeSamples: z.number().int().min(1).max(10_000).default(50),
});

/**
 * What {@link RoutingSettingsSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const routing: RoutingSettingsInput = {
 *   strategy: strategies.skillsBased(),
 *   overflow: { afterMs: 120_000, team: 'general' },
 * };
 * const desk = createDesk({ storage, settings: { routing } });
 * ```
 */
export type RoutingSettingsInput = z.input<typeof RoutingSettingsSchema>;

/**
 * The value {@link RoutingSettingsSchema} parses to.
 *
 * @example
 * ```ts
 * const autoAssigns = (settings: RoutingSettings) => settings.auto;
 * ```
 */
export type RoutingSettings = z.output<typeof RoutingSettingsSchema>;
