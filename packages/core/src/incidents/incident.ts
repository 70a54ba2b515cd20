import { z } from 'zod';
import { IdSchema, InstantSchema } from '../validation/common-schemas';
import { INCIDENT_MODES, type IncidentMode } from '../vocabulary/incident-modes';

export { INCIDENT_MODES, type IncidentMode };

/**
 * The banner text, in both of the widget's languages.
 *
 * @example
 * ```ts
 * const message = IncidentMessageSchema.parse({
 *   'zh-CN': '物流系统升级中，查询可能延迟。',
 *   en: 'Our delivery tracking is being upgraded; lookups may be slow.',
 * });
 * ```
 */
export const IncidentMessageSchema = z.object({
  'zh-CN': z.string().trim().min(1).max(500),
  en: z.string().trim().min(1).max(500),
});

/**
 * The value {@link IncidentMessageSchema} parses to.
 *
 * @example
 * ```ts
 * const banner = (message: IncidentMessage, locale: 'zh-CN' | 'en') => message[locale];
 * ```
 */
export type IncidentMessage = z.infer<typeof IncidentMessageSchema>;

/**
 * Who switched the incident on: a person (`manual`) or the health probe (`health`).
 *
 * @example
 * ```ts
 * const manual = incidents.filter((incident) => incident.source === INCIDENT_SOURCES[0]);
 * ```
 */
export const INCIDENT_SOURCES = ['manual', 'health'] as const;

/**
 * One of `INCIDENT_SOURCES`.
 *
 * @example
 * ```ts
 * const startedBy = (source: IncidentSource) => (source === 'health' ? '健康检查' : '值班主管');
 * ```
 */
export type IncidentSource = (typeof INCIDENT_SOURCES)[number];

/**
 * A desk-wide incident (应急), active while `endedAt` is null. JSON, in its events.
 *
 * @example
 * ```ts
 * const incident = IncidentSchema.parse(event.payload.incident);
 * if (incident.endedAt === null) showBanner(incident.message);
 * ```
 */
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

/**
 * The value {@link IncidentSchema} parses to.
 *
 * @example
 * ```ts
 * const incident: Incident | null = await desk.incidents.current();
 * if (incident?.mode === 'leave-message') showLeaveMessageForm();
 * ```
 */
export type Incident = z.infer<typeof IncidentSchema>;

/**
 * What `desk.incidents.start` accepts: the bilingual banner, the mode (default `normal`), why and who.
 *
 * @example
 * ```ts
 * const input = StartIncidentSchema.parse({ message, mode: 'bot-only', reason: 'ERP outage', by: 'agt_zhao' });
 * ```
 */
export const StartIncidentSchema = z.object({
  message: IncidentMessageSchema,
  mode: z.enum(INCIDENT_MODES).default('normal'),
  reason: z.string().trim().min(1).max(500).optional(),
  /** Who starts it (an agent id), for the record. */
  by: IdSchema.optional(),
});

/**
 * What {@link StartIncidentSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * await desk.incidents.start({
 *   message: { 'zh-CN': '系统维护中，请先留言。', en: 'We are under maintenance; please leave a message.' },
 *   mode: 'leave-message',
 *   by: 'agt_zhao',
 * });
 * ```
 */
export type StartIncidentInput = z.input<typeof StartIncidentSchema>;

/**
 * What `desk.incidents.end` accepts: who ends it, nothing else.
 *
 * @example
 * ```ts
 * EndIncidentSchema.parse({ by: 'agt_zhao' });
 * ```
 */
export const EndIncidentSchema = z
  .object({
    /** Who ends it (an agent id), for the record. */
    by: IdSchema.optional(),
  })
  .strict();

/**
 * What {@link EndIncidentSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * await desk.incidents.end({ by: 'agt_zhao' });
 * ```
 */
export type EndIncidentInput = z.input<typeof EndIncidentSchema>;

/**
 * The default banner of an incident the health probe starts.
 *
 * @example
 * ```ts
 * await desk.incidents.start({ message: HEALTH_INCIDENT_MESSAGE, mode: 'leave-message' });
 * ```
 */
export const HEALTH_INCIDENT_MESSAGE: IncidentMessage = {
  'zh-CN': '客服系统暂时出现故障，您可以先留言，我们恢复后会尽快回复。',
  en: 'Our support desk is having technical trouble. Leave a message and we will reply as soon as we are back.',
};
