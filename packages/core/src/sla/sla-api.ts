import type { ConversationSla } from '../conversations/conversation';
import { KefuError } from '../errors/kefu-error';
import type { StorageAdapter } from '../storage/storage-adapter';
import type { Clock } from '../time/clock';
import { IdSchema } from '../validation/common-schemas';
import { parseInput } from '../validation/parse-input';
import type { SlaRuntime } from './sla-runtime';

/**
 * Which business calendar to ask, and at what instant.
 *
 * @example
 * ```ts
 * const open = desk.sla.isOpen({ calendarId: 'shop' } satisfies CalendarQuery);
 * ```
 */
export interface CalendarQuery {
  /** A calendar id from `sla.calendars`; the first one when left out. */
  calendarId?: string;
  /** Defaults to now. */
  at?: number;
}

/**
 * Service-level promises: business hours for the customer side, clocks for agents.
 *
 * @example
 * if (!desk.sla.isOpen()) console.log('back at', new Date(desk.sla.nextOpening() ?? 0));
 * const clocks = await desk.sla.clocks(conversationId);
 */
export interface SlaApi {
  /**
   * Whether the team is open (营业中).
   *
   * @example
   * if (!desk.sla.isOpen()) showLeaveMessage(desk.sla.nextOpening());
   */
  isOpen(query?: CalendarQuery): boolean;
  /** When the team next opens (now, if open); null if never. For the widget and offline messages. */
  nextOpening(query?: CalendarQuery): number | null;
  /** The conversation's SLA state: policy, clocks, escalation level. */
  clocks(conversationId: string): Promise<ConversationSla | null>;
}

export function createSlaApi(
  storage: StorageAdapter,
  clock: Clock,
  runtime: SlaRuntime,
  calendarIds: readonly string[],
): SlaApi {
  const calendarFor = (query: CalendarQuery = {}) => {
    const id = query.calendarId ?? calendarIds[0];
    if (query.calendarId !== undefined && !calendarIds.includes(query.calendarId)) {
      throw new KefuError(
        'NOT_FOUND',
        `No calendar "${query.calendarId}" in the desk's sla.calendars.`,
      );
    }
    return runtime.calendar(id);
  };
  return {
    isOpen: (query) => calendarFor(query).isOpen(query?.at ?? clock.now()),
    nextOpening: (query) => calendarFor(query).nextOpening(query?.at ?? clock.now()),
    async clocks(conversationId) {
      const conversation = await storage.read.conversations.get(
        parseInput(IdSchema, conversationId, 'conversation id'),
      );
      return conversation?.sla ?? null;
    },
  };
}
