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

export type SlaSettingsInput = z.input<typeof SlaSettingsSchema>;
export type SlaSettings = z.output<typeof SlaSettingsSchema>;
