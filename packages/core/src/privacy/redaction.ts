import type { Conversation } from '../conversations/conversation';
import type { Customer } from '../customers/customer';
import type { DomainEvent } from '../events/domain-events';
import type { Message } from '../messages/message';
import type { Survey } from '../surveys/survey';
import type { OrderSnapshot, Ticket } from '../tickets/ticket';
import { BUILT_IN_DETECTORS, detectPii } from './masking';

/** What erased or expired free text is replaced with. */
export const ERASED_TEXT = '[erased]';

/**
 * How personal data leaves each kind of record. Ids, statuses, timestamps, counts and scores
 * stay: the metrics are computed from them, and past reports must not change.
 */
export interface Scrubber {
  text(text: string): string;
  customer(customer: Customer): Customer;
  conversation(conversation: Conversation): Conversation;
  message(message: Message): Message;
  ticket(ticket: Ticket): Ticket;
  survey(survey: Survey): Survey;
}

/** The values that identify a customer and must not survive erasure anywhere. */
export function personalValuesOf(customer: Customer): string[] {
  const values = [customer.name, customer.contact.email, customer.contact.phone];
  for (const value of Object.values(customer.metadata)) {
    if (typeof value === 'string') values.push(value);
  }
  return values.filter((v): v is string => typeof v === 'string' && v.trim().length >= 2);
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Replaces the known values and every detected mobile, ID card, bank card and e-mail. */
function scrubText(text: string, values: readonly string[]): string {
  let out = text;
  for (const value of values) out = out.replace(new RegExp(escapeRegExp(value), 'g'), ERASED_TEXT);
  const spans = detectPii(out, BUILT_IN_DETECTORS);
  for (const span of spans.reverse()) {
    out = out.slice(0, span.start) + ERASED_TEXT + out.slice(span.end);
  }
  return out;
}

/** An order snapshot without address, phone, tracking number or anything the shop added. */
export function stripOrderSnapshot(order: OrderSnapshot): OrderSnapshot {
  return {
    orderRef: order.orderRef,
    status: order.status,
    paymentStatus: order.paymentStatus,
    items: order.items.map(({ sku, name, quantity, price }) => ({ sku, name, quantity, price })),
    total: order.total,
    currency: order.currency,
    shipment: order.shipment
      ? { carrier: order.shipment.carrier, trackingNo: ERASED_TEXT, status: order.shipment.status }
      : null,
    placedAt: order.placedAt,
  };
}

/**
 * Builds a scrubber. `values` are removed wherever they appear; free text the customer wrote is
 * replaced entirely (`erase` decides whose: the erased customer's, or everyone's for retention).
 */
export function createScrubber(options: {
  values: readonly string[];
  /** Whether this author's text goes entirely (rather than only its personal values). */
  eraseAuthor: (author: Message['author'] | Ticket['history'][number]['actor']) => boolean;
  /** Replace all free text (topics, subjects, reasons) rather than scrub it: for retention. */
  eraseAllText?: boolean;
  at: number;
}): Scrubber {
  const { values, eraseAuthor, at } = options;
  const text = (value: string) =>
    options.eraseAllText ? (value === '' ? '' : ERASED_TEXT) : scrubText(value, values);
  const survey = (s: Survey): Survey => (s.comment === null ? s : { ...s, comment: ERASED_TEXT });
  return {
    text,
    customer: (customer) => {
      const { name: _name, ...rest } = customer;
      return { ...rest, contact: {}, metadata: {}, erasedAt: customer.erasedAt ?? at };
    },
    conversation: (c) => ({
      ...c,
      topic: c.topic === null ? null : text(c.topic),
      survey: c.survey ? survey(c.survey) : null,
    }),
    message: (m) =>
      eraseAuthor(m.author)
        ? { ...m, text: m.text === '' ? '' : ERASED_TEXT, attachments: [] }
        : { ...m, text: text(m.text) },
    ticket: (t) => ({
      ...t,
      subject: text(t.subject),
      description: t.description === '' ? '' : ERASED_TEXT,
      attachments: [],
      orderSnapshot: t.orderSnapshot ? stripOrderSnapshot(t.orderSnapshot) : null,
      history: t.history.map((entry) => ({
        ...entry,
        text:
          entry.text === null ? null : eraseAuthor(entry.actor) ? ERASED_TEXT : text(entry.text),
      })),
      survey: t.survey ? survey(t.survey) : null,
    }),
    survey,
  };
}

type Data = Record<string, unknown>;

/**
 * The event's data with every record inside scrubbed; the same object when nothing changed, so
 * callers write only what changes (and running twice changes nothing more).
 */
export function scrubEventData(event: DomainEvent, scrubber: Scrubber): DomainEvent['data'] {
  const data = { ...(event.data as unknown as Data) };
  const apply = <T>(key: string, fn: (value: T) => T) => {
    const value = data[key];
    if (value !== null && value !== undefined) data[key] = fn(value as T);
  };
  apply('customer', scrubber.customer);
  apply('conversation', scrubber.conversation);
  apply('message', scrubber.message);
  apply('ticket', scrubber.ticket);
  apply('survey', scrubber.survey);
  apply('reason', (reason: unknown) =>
    typeof reason === 'string' ? scrubber.text(reason) : reason,
  );
  const changed = JSON.stringify(data) !== JSON.stringify(event.data);
  return (changed ? data : event.data) as DomainEvent['data'];
}
