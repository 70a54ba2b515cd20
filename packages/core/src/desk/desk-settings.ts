import { z } from 'zod';
import type { SentimentAnalyzer } from '../knowledge/bot/sentiment';
import {
  ErasureSettingsSchema,
  MaskingSettingsSchema,
  RetentionSettingsSchema,
} from '../privacy/privacy-settings';
import { RoutingSettingsSchema } from '../routing/routing-settings';
import { SlaSettingsSchema } from '../sla/sla-settings';
import { SurveySettingsSchema } from '../surveys/survey';
import { TicketSettingsSchema } from '../tickets/ticket-settings';

const HOUR = 60 * 60_000;

export const DeskSettingsSchema = z.object({
  /** How long a resolved conversation can be reopened before it closes by itself. */
  reopenWindowMs: z
    .number()
    .int()
    .min(0)
    .default(24 * HOUR),
  /** Close a conversation waiting on the customer after this long; `null` never closes it. */
  pendingIdleCloseMs: z
    .number()
    .int()
    .positive()
    .nullable()
    .default(48 * HOUR),
  /** Where new conversations start unless `start()` says otherwise. */
  initialStatus: z.enum(['bot', 'queued']).default('queued'),
  /** Attempts for a command that keeps losing optimistic-concurrency races. */
  maxCommandAttempts: z.number().int().min(1).max(50).default(10),
  routing: RoutingSettingsSchema.prefault({}),
  /** SLA policies and business calendars; no policies means no clocks. */
  sla: SlaSettingsSchema.prefault({}),
  /** Ticket kinds, categories, triage, repeat and spike detection. */
  tickets: TicketSettingsSchema.prefault({}),
  /** Flags angry or urgent customer messages (tags `angry`, `urgent`) and can raise priority. */
  sentiment: z
    .object({
      enabled: z.boolean().default(true),
      /** Raise the conversation to `high` when a message is angry or urgent. */
      raisePriority: z.boolean().default(false),
      analyzer: z.custom<SentimentAnalyzer>((value) => typeof value === 'function').optional(),
    })
    .prefault({}),
  /** Satisfaction surveys after resolution (off unless `enabled`). */
  surveys: SurveySettingsSchema.prefault({}),
  /** How long messages, ended conversations and events are kept (PIPL: no longer than needed). */
  retention: RetentionSettingsSchema.prefault({}),
  /** Personal data agents see masked until they reveal it. */
  masking: MaskingSettingsSchema.prefault({}),
  erasure: ErasureSettingsSchema.prefault({}),
  jobs: z
    .object({
      /** How often the runner looks for jobs scheduled by other nodes. */
      pollIntervalMs: z.number().int().positive().default(1000),
      /** How long a claim holds before another runner may retry the job. */
      leaseMs: z.number().int().positive().default(30_000),
      /** Jobs claimed per poll. */
      batchSize: z.number().int().min(1).max(1000).default(50),
    })
    .prefault({}),
});

/**
 * What {@link DeskSettingsSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const settings: DeskSettingsInput = {
 *   routing: { auto: true },
 *   sla: { policies: [{ id: 'std', name: '标准', targets: { firstResponse: { withinMs: 30_000 } } }] },
 *   surveys: { enabled: true },
 * };
 * const desk = createDesk({ storage, settings });
 * ```
 */
export type DeskSettingsInput = z.input<typeof DeskSettingsSchema>;

/**
 * The value {@link DeskSettingsSchema} parses to.
 *
 * @example
 * ```ts
 * const firstPolicy = (settings: DeskSettings) => settings.sla.policies[0]?.id ?? null;
 * ```
 */
export type DeskSettings = z.output<typeof DeskSettingsSchema>;
