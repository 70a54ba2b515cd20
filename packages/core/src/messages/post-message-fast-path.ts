import type { z } from 'zod';
import { isValidClientId, isValidId } from '../validation/common-schemas';
import { MAX_MESSAGE_TEXT_LENGTH } from './message';
import type { PostMessageSchema } from './message-schemas';

type ParsedPost = z.output<typeof PostMessageSchema>;

const isPlainObject = (value: unknown): value is Record<string, unknown> => {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
};

/**
 * The message most posts are, accepted without zod: a customer or an agent writing text, maybe
 * with a client id, no attachments. Returns exactly what `PostMessageSchema` would, or `undefined`
 * for anything else (bot and system authors, attachments, and every input it would reject), which
 * then goes through the schema and gets its errors from there. It never rejects, so it cannot
 * change what is refused; a property test holds it to the schema's output.
 *
 * Why: zod's generic walk (a context, a payload and the checks of each nested schema) was the
 * largest part of the desk's own cost per message (docs/concepts/architecture.md, "The hot path").
 */
export function acceptCommonPost(input: unknown): ParsedPost | undefined {
  if (!isPlainObject(input)) return undefined;
  const { conversationId, author, text, attachments, clientId, internal } = input;
  if (!isValidId(conversationId) || !isPlainObject(author)) return undefined;
  const kind = author.kind;
  if ((kind !== 'customer' && kind !== 'agent') || !isValidId(author.id)) return undefined;
  if (typeof text !== 'string' || text.length > MAX_MESSAGE_TEXT_LENGTH) return undefined;
  if (text.trim().length === 0 || attachments !== undefined) return undefined;
  if (internal !== undefined && internal !== false && !(internal === true && kind === 'agent')) {
    return undefined;
  }
  if (clientId !== undefined && !isValidClientId(clientId)) return undefined;
  const parsed: ParsedPost = {
    conversationId,
    author: { kind, id: author.id },
    text,
    attachments: [],
    internal: internal === true,
  };
  if (clientId !== undefined) parsed.clientId = clientId;
  return parsed;
}
