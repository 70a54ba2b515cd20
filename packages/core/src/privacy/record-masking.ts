import type { Customer } from '../customers/customer';
import type { Survey } from '../surveys/survey';
import type { OrderSnapshot, Ticket } from '../tickets/ticket';
import { type MaskedSpan, type MaskedText, maskValue } from './masking';

/**
 * One masked value in a record an agent reads: the field's `path` (`contact.phone`,
 * `orderSnapshot.receiver.address`, `history.2.text`…) and, as for message spans, where in the
 * field's text it is and its `index` there. `desk.privacy.reveal({ ticketId | customerId, path,
 * span: index })` returns the original, audited.
 *
 * @example
 * const [field] = desk.privacy.maskCustomer(customer).masked; // { path: 'name', index: 0, start: 0, end: 3, kind: 'name' }
 */
export interface MaskedField extends MaskedSpan {
  path: string;
}

/**
 * A record as agents see it: personal values masked, and where they were.
 *
 * @example
 * const view: MaskedView<Ticket> = desk.privacy.maskTicket(ticket);
 * view.orderSnapshot?.receiver?.phone; // '139****5678' (a field the shop's order system added)
 */
export type MaskedView<T> = T & { masked: MaskedField[] };

/** A masked field with the value it hides, for `reveal`. */
export interface HiddenValue {
  field: MaskedField;
  original: string;
}

type Mask = (text: string) => MaskedText;
type Json = unknown;

/**
 * Order snapshot fields an agent works with; everything else in a snapshot is masked. The
 * tracking number stays: it is what delivery complaints are worked with (erasure removes it).
 */
const ORDER_FIELDS = new Set([
  'orderRef',
  'status',
  'paymentStatus',
  'total',
  'currency',
  'placedAt',
]);
const ITEM_FIELDS = new Set(['sku', 'name', 'quantity', 'price']);
const SHIPMENT_FIELDS = new Set(['carrier', 'trackingNo', 'status', 'city']);

/** Collects the masked fields of one record while its view is built. */
class FieldMasker {
  readonly hidden: HiddenValue[] = [];
  constructor(private readonly mask: Mask) {}

  /** Free text (a description, a note): only the detected spans are masked. */
  text(path: string, value: string): string {
    const masked = this.mask(value);
    for (const span of masked.spans)
      this.hidden.push({ field: { path, ...span }, original: value });
    return masked.text;
  }

  /** A value that is personal as a whole: a name, a phone field, an address. */
  whole(path: string, value: string, kind: string): string {
    if (value.trim() === '') return value;
    this.hidden.push({
      field: { path, index: 0, start: 0, end: value.length, kind },
      original: value,
    });
    return maskValue(value, kind);
  }

  /** Every string inside a value of unknown shape (what a shop adds), masked as a whole. */
  leaves(path: string, value: Json): Json {
    if (typeof value === 'string') return this.whole(path, value, this.kindOf(path, value));
    if (Array.isArray(value)) return value.map((item, i) => this.leaves(`${path}.${i}`, item));
    if (value === null || typeof value !== 'object') return value;
    return Object.fromEntries(
      Object.entries(value).map(([key, inner]) => [key, this.leaves(`${path}.${key}`, inner)]),
    );
  }

  /** What a value of unknown meaning is: what a detector finds in all of it, else by its key. */
  private kindOf(path: string, value: string): string {
    const [span] = this.mask(value).spans;
    if (span && span.start === 0 && span.end === value.length) return span.kind;
    const key = path.slice(path.lastIndexOf('.') + 1).toLowerCase();
    if (/name/.test(key)) return 'name';
    if (/addr/.test(key)) return 'address';
    if (/phone|mobile|tel/.test(key)) return 'phone';
    return 'personal';
  }

  view<T>(record: T): { view: MaskedView<T>; hidden: HiddenValue[] } {
    return { view: { ...record, masked: this.hidden.map((h) => h.field) }, hidden: this.hidden };
  }
}

/** The order snapshot with everything but the order's own facts masked. */
function maskOrderWith(masker: FieldMasker, order: OrderSnapshot, base: string): OrderSnapshot {
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(order as unknown as Record<string, Json>)) {
    const path = `${base}${key}`;
    if (ORDER_FIELDS.has(key)) out[key] = value;
    else if (key === 'items' && Array.isArray(value)) {
      out[key] = value.map((item: Record<string, Json>, i) =>
        Object.fromEntries(
          Object.entries(item).map(([k, v]) => [
            k,
            ITEM_FIELDS.has(k) ? v : masker.leaves(`${path}.${i}.${k}`, v),
          ]),
        ),
      );
    } else if (key === 'shipment' && value !== null && typeof value === 'object') {
      out[key] = Object.fromEntries(
        Object.entries(value).map(([k, v]) => [
          k,
          SHIPMENT_FIELDS.has(k) ? v : masker.leaves(`${path}.${k}`, v),
        ]),
      );
    } else out[key] = masker.leaves(path, value);
  }
  return out as unknown as OrderSnapshot;
}

/**
 * The customer's profile as agents see it: name, phone, e-mail and every text the shop put in
 * `metadata` (an address…) masked; ids, tier, locale and times as they are.
 */
export function maskCustomerFields(customer: Customer, mask: Mask) {
  const masker = new FieldMasker(mask);
  const { name, contact, metadata } = customer;
  const masked: Customer = {
    ...customer,
    ...(name === undefined ? {} : { name: masker.whole('name', name, 'name') }),
    contact: {
      ...(contact.email === undefined
        ? {}
        : { email: masker.whole('contact.email', contact.email, 'email') }),
      ...(contact.phone === undefined
        ? {}
        : { phone: masker.whole('contact.phone', contact.phone, 'phone') }),
    },
    metadata: masker.leaves('metadata', metadata) as Customer['metadata'],
  };
  return masker.view(masked);
}

/**
 * A ticket as agents see it: personal data detected in its subject, description, history and
 * survey comment masked like message text; in the order snapshot, everything but the order's
 * own facts (reference, statuses, items, totals, carrier, tracking number, city) masked: the
 * receiver's name, phone, address and whatever else the shop's order system added.
 */
export function maskTicketFields(ticket: Ticket, mask: Mask) {
  const masker = new FieldMasker(mask);
  const masked: Ticket = {
    ...ticket,
    subject: masker.text('subject', ticket.subject),
    description: masker.text('description', ticket.description),
    history: ticket.history.map((entry, i) =>
      entry.text === null
        ? entry
        : { ...entry, text: masker.text(`history.${i}.text`, entry.text) },
    ),
    orderSnapshot: ticket.orderSnapshot
      ? maskOrderWith(masker, ticket.orderSnapshot, 'orderSnapshot.')
      : null,
    survey:
      ticket.survey?.comment == null
        ? ticket.survey
        : { ...ticket.survey, comment: masker.text('survey.comment', ticket.survey.comment) },
  };
  return masker.view(masked);
}

/**
 * What carries a conversation's topic: the stored conversation, its wire view, a live-view row.
 * The survey, when there is one, is the conversation's own (its comment is masked too).
 *
 * @example
 * const row: WithTopic = (await desk.supervision.live())[0]!;
 * desk.privacy.maskConversation(row).topic; // '改地址 139****5678'
 */
export interface WithTopic {
  topic: string | null;
  survey?: Survey | null;
}

/**
 * A conversation (or a view of one) as agents see it: personal data detected in its topic and in
 * its survey's comment masked like message text (paths `topic`, `survey.comment`).
 */
export function maskConversationFields<C extends WithTopic>(conversation: C, mask: Mask) {
  const masker = new FieldMasker(mask);
  const { topic, survey } = conversation;
  const masked: C = {
    ...conversation,
    topic: topic === null ? null : masker.text('topic', topic),
    ...(survey?.comment == null
      ? {}
      : { survey: { ...survey, comment: masker.text('survey.comment', survey.comment) } }),
  };
  return masker.view(masked);
}

/** A survey as agents see it: personal data detected in its comment masked (path `comment`). */
export function maskSurveyFields(survey: Survey, mask: Mask) {
  const masker = new FieldMasker(mask);
  const { comment } = survey;
  return masker.view(
    comment === null ? survey : { ...survey, comment: masker.text('comment', comment) },
  );
}

/** An order from the shop's order system as agents see it (see `maskTicketFields`). */
export function maskOrderFields(order: OrderSnapshot, mask: Mask) {
  const masker = new FieldMasker(mask);
  return masker.view(maskOrderWith(masker, order, ''));
}

/** The record without the list of masked fields: for webhooks and exports. */
export function withoutMaskedList<T>({ masked: _masked, ...record }: MaskedView<T>): T {
  return record as T;
}
