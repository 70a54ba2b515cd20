import type { DomainEvent } from '../events/domain-events';
import type { MaskedText } from './masking';
import {
  maskConversationFields,
  maskCustomerFields,
  maskSurveyFields,
  maskTicketFields,
  withoutMaskedList,
} from './record-masking';
import type { Scrubber } from './redaction';
import { scrubEventData } from './redaction';

/**
 * A scrubber that masks instead of erasing: every free-text field goes through `mask`, profiles,
 * tickets, conversations and surveys are masked as agents see them (`record-masking.ts`: name,
 * contact, metadata, the order snapshot, topics, survey comments), ids, statuses, times and
 * scores stay. For webhooks and exports, which leave the process.
 */
export function createMaskingScrubber(mask: (text: string) => MaskedText): Scrubber {
  const text = (value: string) => mask(value).text;
  return {
    text,
    customer: (c) => withoutMaskedList(maskCustomerFields(c, mask).view),
    conversation: (c) => withoutMaskedList(maskConversationFields(c, mask).view),
    message: (m) => ({ ...m, text: text(m.text) }),
    ticket: (t) => withoutMaskedList(maskTicketFields(t, mask).view),
    survey: (s) => withoutMaskedList(maskSurveyFields(s, mask).view),
  };
}

/** The event with its data masked (the same event when nothing needed masking). */
export function maskEvent<E extends DomainEvent>(event: E, scrubber: Scrubber): E {
  const data = scrubEventData(event, scrubber);
  return data === event.data ? event : ({ ...event, data } as E);
}
