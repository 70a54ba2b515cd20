import type { ConversationStatus } from '../conversations/conversation';
import { ALWAYS_OPEN, type BusinessCalendar, createBusinessCalendar } from './business-calendar';
import type { SlaClock } from './sla-clock';
import type { SlaPolicy } from './sla-policy';
import type { SlaSettings } from './sla-settings';

/** The desk's SLA configuration, with calendars built once. */
export interface SlaRuntime {
  readonly enabled: boolean;
  readonly policies: readonly SlaPolicy[];
  readonly pauseOn: readonly ConversationStatus[];
  calendar(id: string | null | undefined): BusinessCalendar;
  calendarOf(clock: SlaClock): BusinessCalendar;
  policy(id: string | null): SlaPolicy | null;
}

export function createSlaRuntime(settings: SlaSettings): SlaRuntime {
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
  };
}
