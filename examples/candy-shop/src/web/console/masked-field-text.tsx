import type { MaskedField } from '@kefu/core';
import { fieldSpans } from './masked-segments';
import { MaskedText } from './masked-text';
import type { RevealTarget } from './use-reveal';

/** Which record a field is in, as `privacy.reveal` names it. */
export type MaskedRecord =
  | { customerId: string }
  | { ticketId: string }
  | { conversationId: string };

/**
 * One field of a record agents get masked (a profile's `contact.phone`, a ticket's `subject`, a
 * conversation's `topic`): its text with the record's `masked` spans for that `path`, each
 * revealable with `{ <record id>, path, span }`.
 *
 * @example
 * <MaskedFieldText record={{ customerId }} masked={customer.masked} path="contact.phone" text={customer.contact.phone} />
 */
export function MaskedFieldText({
  record,
  masked,
  path,
  text,
}: {
  record: MaskedRecord;
  masked: readonly MaskedField[] | undefined;
  path: string;
  text: string;
}) {
  return (
    <MaskedText
      text={text}
      spans={fieldSpans(masked, path)}
      // A conversation's fields are its `topic` and `survey.comment`, the paths its masking lists.
      target={{ ...record, path } as RevealTarget}
    />
  );
}

/**
 * A renderer for the fields of one masked record, for panels that show several of them.
 *
 * @example
 * const field = maskedFields({ ticketId: ticket.id }, ticket.masked);
 * <strong>{field('subject', ticket.subject)}</strong>
 */
export function maskedFields(record: MaskedRecord, masked: readonly MaskedField[] | undefined) {
  return (path: string, text: string) => (
    <MaskedFieldText record={record} masked={masked} path={path} text={text} />
  );
}
