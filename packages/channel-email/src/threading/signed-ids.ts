import { createHmac, timingSafeEqual } from 'node:crypto';
import { fromBase32, toBase32 } from './base32';

/** 80 bits of HMAC-SHA256: enough against forgery by guessing, short enough for a local part. */
const SIGNATURE_CHARS = 16;
/** RFC 5321 caps an address's local part at 64 octets. */
const MAX_LOCAL_PART = 64;

const utf8 = new TextEncoder();
const utf8Decoder = new TextDecoder('utf-8', { fatal: true });

function sign(secret: string, purpose: string, ...parts: string[]): string {
  const mac = createHmac('sha256', secret).update(purpose);
  for (const part of parts) mac.update('\n').update(part);
  return toBase32(mac.digest().subarray(0, 10));
}

function sameSignature(a: string, b: string): boolean {
  const left = Buffer.from(a.toLowerCase());
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

function decodeId(encoded: string): string | null {
  const bytes = fromBase32(encoded);
  // Only the canonical spelling: unused trailing bits must not give one id several tokens.
  if (!bytes || bytes.length === 0 || toBase32(bytes) !== encoded.toLowerCase()) return null;
  try {
    return utf8Decoder.decode(bytes);
  } catch {
    return null;
  }
}

/** The parts of an address: `reply` and `candy.example` of `reply@candy.example`. */
export function splitAddress(address: string): { local: string; domain: string } | null {
  const at = address.lastIndexOf('@');
  if (at <= 0 || at === address.length - 1) return null;
  return { local: address.slice(0, at), domain: address.slice(at + 1).toLowerCase() };
}

/** The signed token that names a conversation in a reply address (`reply+TOKEN@domain`). */
export function replyToken(conversationId: string, secret: string): string {
  return toBase32(utf8.encode(conversationId)) + sign(secret, 'reply', conversationId);
}

/** The conversation a reply token names, or `null` for anything not signed with `secret`. */
export function readReplyToken(token: string, secret: string): string | null {
  if (token.length <= SIGNATURE_CHARS) return null;
  const conversationId = decodeId(token.slice(0, -SIGNATURE_CHARS));
  if (conversationId === null) return null;
  const expected = sign(secret, 'reply', conversationId);
  return sameSignature(token.slice(-SIGNATURE_CHARS), expected) ? conversationId : null;
}

/**
 * `reply@candy.example` with the conversation's token: `reply+TOKEN@candy.example`; the plain
 * address when the token would not fit the 64-octet local part.
 */
export function tokenizedAddress(replyAddress: string, conversationId: string, secret: string) {
  const parts = splitAddress(replyAddress);
  if (!parts) return replyAddress;
  const local = `${parts.local}+${replyToken(conversationId, secret)}`;
  return local.length > MAX_LOCAL_PART ? replyAddress : `${local}@${parts.domain}`;
}

/** The conversation a recipient address names by its signed token, or `null`. */
export function conversationOfAddress(
  address: string,
  replyAddress: string,
  secret: string,
): string | null {
  const parts = splitAddress(address.trim());
  const ours = splitAddress(replyAddress);
  if (!parts || !ours || parts.domain !== ours.domain) return null;
  const prefix = `${ours.local.toLowerCase()}+`;
  if (!parts.local.toLowerCase().startsWith(prefix)) return null;
  return readReplyToken(parts.local.slice(prefix.length), secret);
}

/**
 * The Message-ID of an outgoing message: it names the conversation and message and is signed, so
 * a reply's `In-Reply-To` leads back to the conversation with no lookup table.
 */
export function mintMessageId(
  conversationId: string,
  messageId: string,
  domain: string,
  secret: string,
): string {
  const conversation = toBase32(utf8.encode(conversationId));
  const message = toBase32(utf8.encode(messageId));
  return `<${conversation}.${message}.${sign(secret, 'mid', conversationId, messageId)}@${domain}>`;
}

/** The conversation and message of a Message-ID minted with `secret`, or `null`. */
export function readMessageId(
  value: string,
  secret: string,
): { conversationId: string; messageId: string } | null {
  const match = /^<?([a-z2-7]+)\.([a-z2-7]+)\.([a-z2-7]+)@[^>\s]+>?$/i.exec(value.trim());
  if (!match) return null;
  const [, conversationPart = '', messagePart = '', signature = ''] = match;
  const conversationId = decodeId(conversationPart);
  const messageId = decodeId(messagePart);
  if (conversationId === null || messageId === null) return null;
  const expected = sign(secret, 'mid', conversationId, messageId);
  return sameSignature(signature, expected) ? { conversationId, messageId } : null;
}
