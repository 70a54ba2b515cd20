import type { DomainEvent } from '../events/domain-events';
import type { MaskedText } from './masking';
import type { Scrubber } from './redaction';
import { scrubEventData } from './redaction';

/**
 * A scrubber that masks instead of erasing: every free-text field and the contact details go
 * through `mask`, ids, statuses, times and scores stay. For webhooks and other views that leave
 * the process.
 */
export function createMaskingScrubber(mask: (text: string) => MaskedText): Scrubber {
  const text = (value: string) => mask(value).text;
  return {
    text,
    customer: (c) => ({
      ...c,
      contact: {
        ...(c.contact.email === undefined ? {} : { email: text(c.contact.email) }),
        ...(c.contact.phone === undefined ? {} : { phone: text(c.contact.phone) }),
      },
    }),
    conversation: (c) => ({ ...c, topic: c.topic === null ? null : text(c.topic) }),
    message: (m) => ({ ...m, text: text(m.text) }),
    ticket: (t) => ({
      ...t,
      subject: text(t.subject),
      description: text(t.description),
      history: t.history.map((entry) => ({
        ...entry,
        text: entry.text === null ? null : text(entry.text),
      })),
    }),
    survey: (s) => ({ ...s, comment: s.comment === null ? null : text(s.comment) }),
  };
}

/** The event with its data masked (the same event when nothing needed masking). */
export function maskEvent<E extends DomainEvent>(event: E, scrubber: Scrubber): E {
  const data = scrubEventData(event, scrubber);
  return data === event.data ? event : ({ ...event, data } as E);
}
