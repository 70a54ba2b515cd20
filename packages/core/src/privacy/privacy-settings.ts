import { z } from 'zod';
import type { PiiDetector } from './masking';

const Days = z.number().int().positive().max(36_500).nullable().default(null);

/**
 * How long data is kept (`null` keeps it). Enforced by the `privacy.retention` job in batches;
 * see docs/concepts/privacy.md.
 *
 * @example
 * createDesk({ storage, retention: { messagesDays: 365, eventsDays: 1095 } });
 */
export const RetentionSettingsSchema = z.object({
  /** Delete messages older than this; their `message.posted` events lose text and attachments. */
  messagesDays: Days,
  /** Delete closed and abandoned conversations (with their messages) ended longer ago than this. */
  closedConversationsDays: Days,
  /** Strip personal data from events older than this; ids, times and scores stay for metrics. */
  eventsDays: Days,
  /** Rows per batch (one short transaction each). */
  batchSize: z.number().int().min(1).max(5000).default(500),
  /** How often the job runs when it has caught up. */
  intervalMs: z
    .number()
    .int()
    .positive()
    .default(60 * 60_000),
});

/**
 * The value {@link RetentionSettingsSchema} parses to.
 *
 * @example
 * ```ts
 * const days = (settings: RetentionSettings) => settings.messagesDays;
 * ```
 */
export type RetentionSettings = z.output<typeof RetentionSettingsSchema>;

/**
 * Which personal data agents see masked, and the shop's own detectors.
 *
 * @example
 * createDesk({ storage, masking: { detectors: [memberNumberDetector] } });
 */
export const MaskingSettingsSchema = z.object({
  enabled: z.boolean().default(true),
  /** Use the built-in mobile, ID card, bank card and e-mail detectors. */
  builtIns: z.boolean().default(true),
  /** The shop's own detectors, after the built-ins. */
  detectors: z
    .array(
      z.custom<PiiDetector>(
        (value) =>
          typeof value === 'object' &&
          value !== null &&
          typeof (value as PiiDetector).kind === 'string' &&
          typeof (value as PiiDetector).find === 'function',
        'a detector is { kind: string, find(text) }',
      ),
    )
    .default([]),
});

/**
 * The value {@link MaskingSettingsSchema} parses to.
 *
 * @example
 * ```ts
 * const masking = (settings: MaskingSettings) => (settings.enabled ? 'masked for agents' : 'off');
 * ```
 */
export type MaskingSettings = z.output<typeof MaskingSettingsSchema>;

/** Erasure runs in batches of this many records per transaction. */
export const ErasureSettingsSchema = z.object({
  batchSize: z.number().int().min(1).max(5000).default(200),
});
