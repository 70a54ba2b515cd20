import { createHash } from 'node:crypto';
import { KefuError, MAX_MESSAGE_TEXT_LENGTH } from '@kefu/core';
import { type AddressObject, type ParsedMail, simpleParser } from 'mailparser';
import type { EmailSender, InboundFile } from '../channel-options';
import { stripQuotedText } from '../quoting/strip-quoted-text';

/** What the channel needs of an inbound mail. */
export interface InboundMail {
  sender: EmailSender;
  /** The mail's Message-ID, or one derived from its bytes when it has none. */
  messageId: string;
  /** Idempotency key: the same mail delivered twice is stored once. */
  clientId: string;
  /** Newest first: `In-Reply-To`, then `References` from the end. */
  parents: string[];
  /** Every recipient in the headers (`To`, `Cc`, `Delivered-To`, `X-Original-To`). */
  recipients: string[];
  subject: string | null;
  /** The new text, quoted parts stripped, at most `MAX_MESSAGE_TEXT_LENGTH` characters. */
  text: string;
  files: InboundFile[];
  /** Why the mail must not enter the desk (an auto-reply, a bounce…), or `null`. */
  automatic: string | null;
}

const TRUNCATED = '\n[…]';
const AUTOMATIC_PRECEDENCE = new Set(['bulk', 'junk', 'list', 'auto_reply']);

function addresses(value: AddressObject | AddressObject[] | undefined): string[] {
  const objects = value === undefined ? [] : Array.isArray(value) ? value : [value];
  const out: string[] = [];
  const visit = (entries: AddressObject['value']) => {
    for (const entry of entries) {
      if (entry.address) out.push(entry.address.trim().toLowerCase());
      if (entry.group) visit(entry.group);
    }
  };
  for (const object of objects) visit(object.value);
  return out;
}

function headerText(mail: ParsedMail, name: string): string {
  const value = mail.headers.get(name);
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(String).join(' ');
  if (value && typeof value === 'object' && 'value' in value) return String(value.value);
  return '';
}

function listOf(value: string | string[] | undefined): string[] {
  const items = value === undefined ? [] : Array.isArray(value) ? value : value.split(/\s+/);
  return items.map((item) => item.trim()).filter((item) => item.length > 0);
}

function automaticReason(mail: ParsedMail, raw: Buffer): string | null {
  const submitted = headerText(mail, 'auto-submitted').trim().toLowerCase();
  if (submitted !== '' && submitted !== 'no') return `Auto-Submitted: ${submitted}`;
  const precedence = headerText(mail, 'precedence').trim().toLowerCase();
  if (AUTOMATIC_PRECEDENCE.has(precedence)) return `Precedence: ${precedence}`;
  if (mail.headers.has('x-autoreply') || mail.headers.has('x-autorespond')) return 'X-Autoreply';
  const contentType = headerText(mail, 'content-type').toLowerCase();
  if (contentType.includes('multipart/report')) return 'a delivery report';
  return raw.length === 0 ? 'an empty mail' : null;
}

function clipped(text: string): string {
  if (text.length <= MAX_MESSAGE_TEXT_LENGTH) return text;
  return text.slice(0, MAX_MESSAGE_TEXT_LENGTH - TRUNCATED.length) + TRUNCATED;
}

function invalid(message: string, cause?: unknown): KefuError {
  return new KefuError('VALIDATION', message, cause === undefined ? {} : { cause });
}

/**
 * Parses a raw mail (RFC 5322) into what the channel stores. A mail without a sender address,
 * or without any text or file, throws `VALIDATION`.
 */
export async function parseInboundMail(raw: Buffer | string): Promise<InboundMail> {
  const bytes = typeof raw === 'string' ? Buffer.from(raw) : raw;
  let mail: ParsedMail;
  try {
    mail = await simpleParser(bytes, { skipTextToHtml: true, keepCidLinks: true });
  } catch (error) {
    throw invalid('The mail could not be parsed as RFC 5322.', error);
  }
  const from = mail.from?.value
    .find((entry) => entry.address)
    ?.address?.trim()
    .toLowerCase();
  if (!from || !/^[^\s@]+@[^\s@]+$/.test(from)) {
    throw invalid('The mail has no sender address (From).');
  }
  const name = mail.from?.value.find((entry) => entry.address)?.name ?? '';
  const messageId =
    mail.messageId?.trim() ||
    `<${createHash('sha256').update(bytes).digest('hex').slice(0, 32)}@kefu.invalid>`;
  const files: InboundFile[] = mail.attachments.map((attachment, index) => ({
    name: (attachment.filename ?? '').trim().slice(0, 255) || `attachment-${index + 1}`,
    contentType: attachment.contentType || 'application/octet-stream',
    size: attachment.size,
    content: attachment.content,
    inline: attachment.related === true || attachment.contentDisposition === 'inline',
  }));
  const text = clipped(stripQuotedText(mail.text ?? ''));
  const automatic = automaticReason(mail, bytes);
  if (automatic === null && text === '' && files.length === 0) {
    throw invalid('The mail has neither text nor attachments.');
  }
  return {
    sender: { address: from, name },
    messageId,
    clientId: `em_${createHash('sha256').update(messageId).digest('base64url').slice(0, 40)}`,
    parents: [...listOf(mail.inReplyTo), ...listOf(mail.references).reverse()],
    recipients: [
      ...addresses(mail.to),
      ...addresses(mail.cc),
      ...listOf(headerText(mail, 'delivered-to')),
      ...listOf(headerText(mail, 'x-original-to')),
    ],
    subject: mail.subject?.trim() || null,
    text,
    files,
    automatic,
  };
}
