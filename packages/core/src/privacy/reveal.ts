import { KefuError } from '../errors/kefu-error';
import type { AuditEntryDraft } from '../storage/privacy-storage';
import type { StorageReader } from '../storage/storage-adapter';
import type { MaskedText } from './masking';
import type { RevealSchema } from './privacy-schemas';
import {
  type HiddenValue,
  maskConversationFields,
  maskCustomerFields,
  maskTicketFields,
} from './record-masking';

type Valid = import('zod').output<typeof RevealSchema>;

/** What a reveal found: the value, and the audit entry to record for it. */
export interface Revealed {
  kind: string;
  value: string;
  audit: Pick<AuditEntryDraft, 'customerId' | 'target' | 'details'>;
}

const noSpan = (what: string, path: string, span: number) =>
  new KefuError('NOT_FOUND', `${what} has no masked value at "${path}" span ${span}.`, {
    details: { path, span },
  });

function fromHidden(hidden: HiddenValue[], path: string, span: number, what: string) {
  const found = hidden.find((h) => h.field.path === path && h.field.index === span);
  if (!found) throw noSpan(what, path, span);
  const { field, original } = found;
  return { kind: field.kind, value: original.slice(field.start, field.end) };
}

type FieldRef = Exclude<Valid, { seq: number }>;

/** The record a masked field is in, with its masked fields as agents see them now. */
async function recordOf(read: StorageReader, valid: FieldRef, mask: (text: string) => MaskedText) {
  if ('customerId' in valid) {
    const c = await read.customers.get(valid.customerId);
    const found = c && { customerId: c.id, hidden: maskCustomerFields(c, mask).hidden };
    return { kind: 'customer', id: valid.customerId, found } as const;
  }
  if ('ticketId' in valid) {
    const t = await read.tickets.get(valid.ticketId);
    const found = t && { customerId: t.customerId, hidden: maskTicketFields(t, mask).hidden };
    return { kind: 'ticket', id: valid.ticketId, found } as const;
  }
  const c = await read.conversations.get(valid.conversationId);
  const found = c && { customerId: c.customerId, hidden: maskConversationFields(c, mask).hidden };
  return { kind: 'conversation', id: valid.conversationId, found } as const;
}

/**
 * Finds the original of one masked value (a message span, a profile, ticket or conversation
 * field) as the masking of the stored record shows it now; `NOT_FOUND` when there is no such
 * masked value.
 */
export async function findRevealed(
  read: StorageReader,
  valid: Valid,
  mask: (text: string) => MaskedText,
  /** Whether masking is on: when it is off, record fields are not masked. */
  fieldsMasked: boolean,
): Promise<Revealed> {
  if ('seq' in valid) {
    const conversation = await read.conversations.get(valid.conversationId);
    const [message] = await read.messages.listAfter(valid.conversationId, valid.seq - 1, 1);
    if (!conversation || message?.seq !== valid.seq) {
      throw new KefuError('NOT_FOUND', `No message ${valid.seq} in "${valid.conversationId}".`);
    }
    const span = mask(message.text).spans[valid.span];
    if (!span) {
      throw new KefuError('NOT_FOUND', `Message ${valid.seq} has no masked span ${valid.span}.`);
    }
    return {
      kind: span.kind,
      value: message.text.slice(span.start, span.end),
      audit: {
        customerId: conversation.customerId,
        target: { kind: 'message', id: message.id },
        details: {
          conversationId: conversation.id,
          seq: message.seq,
          span: span.index,
          kind: span.kind,
        },
      },
    };
  }
  if (!fieldsMasked) throw noSpan('With masking off, the record', valid.path, valid.span);
  // A profile, ticket or conversation field: the record's masked fields as agents see them now.
  const { kind, id, found: record } = await recordOf(read, valid, mask);
  if (!record) throw new KefuError('NOT_FOUND', `No ${kind} "${id}".`);
  const found = fromHidden(record.hidden, valid.path, valid.span, `The ${kind} "${id}"`);
  return {
    ...found,
    audit: {
      customerId: record.customerId,
      target: { kind, id },
      details: { path: valid.path, span: valid.span, kind: found.kind },
    },
  };
}
