import { z } from 'zod';
import type { RoutingSettingsInput } from '../routing/routing-settings';
import { type BusinessCalendarInput, BusinessCalendarSchema } from '../sla/business-calendar';
import type { StorageAdapter } from '../storage/storage-adapter';
import { TimeZoneSchema } from './local-time';

/** A constant, 24 values (hour of day) or 168 values (hour of week, Monday 00:00 first), local time. */
const hourly = (item: z.ZodNumber) =>
  z.union([
    item,
    z
      .array(item)
      .refine((list) => list.length === 24 || list.length === 168, 'give 24 or 168 hourly values'),
  ]);

export const SimulationOptionsSchema = z
  .object({
    /** A fresh, empty storage for the simulated desk, e.g. `() => createMemoryAdapter()`. */
    createStorage: z.custom<() => StorageAdapter>((value) => typeof value === 'function', {
      message: 'pass a function returning a fresh storage, e.g. () => createMemoryAdapter()',
    }),
    /** Conversations reaching the queue per hour (Poisson within each hour). */
    arrivalsPerHour: hourly(z.number().finite().nonnegative().max(100_000)),
    handleTime: z.object({
      /** Mean time from assignment to resolution of one conversation. */
      averageSeconds: z.number().finite().positive().max(86_400),
      distribution: z.enum(['exponential', 'lognormal']).default('exponential'),
      /** Log-normal only: standard deviation ÷ mean. */
      cv: z.number().finite().positive().max(10).default(1),
    }),
    /** Customers leave the queue after an exponential patience with this mean; none by default. */
    patience: z
      .object({ averageSeconds: z.number().finite().positive().max(86_400) })
      .nullable()
      .default(null),
    /** Agents online per hour (a constant, or 24 / 168 hourly values). */
    agents: hourly(z.number().int().min(0).max(2_000)),
    /** Conversations one agent holds at once (the desk's routing capacity). */
    capacity: z.number().int().min(1).max(50).default(1),
    /**
     * How much slower an agent gets per extra conversation held: a conversation assigned while the
     * agent already holds k others takes handle × (1 + slowdown × k). 0 keeps the Erlang assumption.
     */
    concurrencySlowdown: z.number().finite().min(0).max(5).default(0),
    /** Routing settings of the simulated desk (strategy, overflow…); routing is always automatic. */
    routing: z.custom<Omit<RoutingSettingsInput, 'auto'>>(
      (value) => typeof value === 'object' && value !== null,
    ),
    /** Business hours: nobody is online and no conversation arrives while the desk is closed. */
    calendar: z
      .custom<BusinessCalendarInput>((value) => BusinessCalendarSchema.safeParse(value).success, {
        message: 'not a valid business calendar (timeZone, weekly periods HH:MM, holidays)',
      })
      .optional(),
    /** First-response target of the desk's SLA policy: the service-level threshold. */
    answerWithinSeconds: z.number().int().positive().max(86_400).default(20),
    days: z.number().int().min(1).max(31).default(1),
    /** Conversations created in the first minutes are left out of the report (empty-desk start). */
    warmupMinutes: z.number().int().min(0).max(1_440).default(0),
    /** Zone of the hourly values and of the report's hours; the calendar's zone when it has one. */
    timeZone: TimeZoneSchema.optional(),
    /** First simulated day, local `YYYY-MM-DD`; a Monday by default (2026-11-09). */
    startDate: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'a local date YYYY-MM-DD')
      .default('2026-11-09'),
    seed: z.number().int().default(1),
  })
  .partial({ routing: true });

/**
 * What {@link SimulationOptionsSchema} accepts (fields with defaults may be left out).
 *
 * @example
 * ```ts
 * const options: SimulationOptions = {
 *   createStorage: () => createMemoryAdapter(),
 *   arrivalsPerHour: 360,
 *   handleTime: { averageSeconds: 240 },
 *   agents: 28,
 *   seed: 7,
 * };
 * const result = await simulate(options);
 * ```
 */
export type SimulationOptions = z.input<typeof SimulationOptionsSchema>;
export type SimulationSettings = z.output<typeof SimulationOptionsSchema>;

/** The value of an hourly setting for a local hour of the week. */
export function valueAt(setting: number | readonly number[], weekHour: number): number {
  if (typeof setting === 'number') return setting;
  const list = setting as readonly number[];
  return (list.length === 24 ? list[weekHour % 24] : list[weekHour]) ?? 0;
}
