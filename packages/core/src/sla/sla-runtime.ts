import type { ConversationStatus } from '../conversations/conversation';
import { ALWAYS_OPEN, type BusinessCalendar, createBusinessCalendar } from './business-calendar';
import type { SlaClock } from './sla-clock';
import type { SlaPolicy } from './sla-policy';
import type { SlaSettings } from './sla-settings';

/**
 * A desk-wide stop of every SLA clock (an incident): from `since`, until `until` (null while it
 * lasts). Only the latest one matters: clocks written during it are paused, clocks that missed it
 * are corrected when next written.
 */
export interface SlaHold {
  since: number;
  until: number | null;
}

/** The desk's SLA configuration, with calendars built once. */
export interface SlaRuntime {
  readonly enabled: boolean;
  readonly policies: readonly SlaPolicy[];
  readonly pauseOn: readonly ConversationStatus[];
  calendar(id: string | null | undefined): BusinessCalendar;
  calendarOf(clock: SlaClock): BusinessCalendar;
  policy(id: string | null): SlaPolicy | null;
  /** The desk-wide hold in force or last ended, if any. */
  hold(): SlaHold | null;
}

export function createSlaRuntime(
  settings: SlaSettings,
  hold: () => SlaHold | null = () => null,
): SlaRuntime {
  const calendars = new Map(
    Object.entries(settings.calendars).map(([id, config]) => [id, createBusinessCalendar(config)]),
  );
  const calendar = (id: string | null | undefined) =>
    (id ? calendars.get(id) : undefined) ?? ALWAYS_OPEN;
  return {
    enabled: settings.policies.length > 0,
    policies: settings.policies,
    pauseOn: settings.pauseOn,
    calendar,
    calendarOf: (clock) => (clock.hours === 'calendar' ? ALWAYS_OPEN : calendar(clock.calendarId)),
    policy: (id) => settings.policies.find((policy) => policy.id === id) ?? null,
    hold,
  };
}
