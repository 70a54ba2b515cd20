import { z } from 'zod';
import { CONVERSATION_STATUSES } from '../conversations/conversation';
import { type BusinessCalendarInput, BusinessCalendarSchema } from './business-calendar';
import { SlaPolicySchema } from './sla-policy';

export const SlaSettingsSchema = z
  .object({
    /** Business calendars by id, referred to by policies. */
    calendars: z
      .record(
        z.string().min(1),
        z.custom<BusinessCalendarInput>(
          (value) => BusinessCalendarSchema.safeParse(value).success,
          {
            message:
              'not a valid business calendar (timeZone, weekly periods HH:MM, holidays YYYY-MM-DD or { from, to })',
          },
        ),
      )
      .default({}),
    /** Ordered: the first policy whose conditions match applies. */
    policies: z.array(SlaPolicySchema).max(100).default([]),
    /** Conversation statuses that wait on the customer and pause every clock. */
    pauseOn: z.array(z.enum(CONVERSATION_STATUSES)).default(['pending']),
  })
  .refine(
    (sla) =>
      sla.policies.every(
        (policy) => policy.calendar === undefined || policy.calendar in sla.calendars,
      ),
    { message: 'every policy calendar must be defined in `calendars`', path: ['policies'] },
  );

/**
 * What {@link SlaSettingsSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const sla: SlaSettingsInput = {
 *   calendars: { shop: shopHours },
 *   policies: [{ id: 'std', name: '标准', calendar: 'shop', targets: { firstResponse: { withinMs: 30_000 } } }],
 * };
 * const desk = createDesk({ storage, settings: { sla } });
 * ```
 */
export type SlaSettingsInput = z.input<typeof SlaSettingsSchema>;

/**
 * The value {@link SlaSettingsSchema} parses to.
 *
 * @example
 * ```ts
 * const policyIds = (settings: SlaSettings) => settings.policies.map((policy) => policy.id);
 * ```
 */
export type SlaSettings = z.output<typeof SlaSettingsSchema>;
