import { z } from 'zod';
import { IdSchema, InstantSchema } from '../validation/common-schemas';
import { INCIDENT_MODES, type IncidentMode } from '../vocabulary/incident-modes';

export { INCIDENT_MODES, type IncidentMode };

/** The banner text, in both of the widget's languages. */
export const IncidentMessageSchema = z.object({
  'zh-CN': z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
});
export type IncidentMessage = z.infer<typeof IncidentMessageSchema>;

/** Who switched the incident on: a person (`manual`) or the health probe (`health`). */
export const INCIDENT_SOURCES = ['manual', 'health'] as const;
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/** A desk-wide incident (应急), active while `endedAt` is null. JSON, in its events. */
export const IncidentSchema = z.object({
  id: IdSchema,
  mode: z.enum(INCIDENT_MODES),
  message: IncidentMessageSchema,
  source: z.enum(INCIDENT_SOURCES),
  /** Why, for the log and the console (e.g. `storage: 3 failed checks`). */
  reason: z.string().nullable(),
  startedAt: InstantSchema,
  /** The agent (or system) that started it; null for the health probe. */
  startedBy: z.string().nullable(),
  endedAt: InstantSchema.nullable(),
  endedBy: z.string().nullable(),
});
export type Incident = z.infer<typeof IncidentSchema>;

export const StartIncidentSchema = z.object({
  message: IncidentMessageSchema,
  mode: z.enum(INCIDENT_MODES).default('normal'),
  reason: z.string().trim().min(1).max(500).optional(),
  /** Who starts it (an agent id), for the record. */
  by: IdSchema.optional(),
});
export type StartIncidentInput = z.input<typeof StartIncidentSchema>;

export const EndIncidentSchema = z
  .object({
    /** Who ends it (an agent id), for the record. */
    by: IdSchema.optional(),
  })
  .strict();
export type EndIncidentInput = z.input<typeof EndIncidentSchema>;

/** The default banner of an incident the health probe starts. */
export const HEALTH_INCIDENT_MESSAGE: IncidentMessage = {
  'zh-CN': '客服系统暂时出现故障，您可以先留言，我们恢复后会尽快回复。',
  en: 'Our support desk is having technical trouble. Leave a message and we will reply as soon as we are back.',
};
