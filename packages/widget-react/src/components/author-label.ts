import type { ClientMessage } from '@kefu/client';
import type { Translate } from '../i18n/translate';

/**
 * Who wrote a message: the agent's name when the gateway sent one (王客服), else in the reader's
 * language 'Agent', 'Assistant', 'Notice', or `otherwise` for anyone else ('Customer' in a list,
 * 'Agent' when announcing the shop's reply).
 *
 * @example
 * authorLabel(message, t, 'customer'); // 'Assistant' for a bot's message
 */
export function authorLabel(
  message: ClientMessage,
  t: Translate,
  otherwise: 'customer' | 'agent',
): string {
  const kind = message.author?.kind;
  if (kind === 'agent' && message.authorName) return message.authorName;
  return t(kind === 'agent' || kind === 'bot' || kind === 'system' ? kind : otherwise);
}
