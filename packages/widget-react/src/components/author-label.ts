import type { ClientMessage } from '@kefu/client';
import type { Translate } from '../i18n/translate';

/**
 * Who wrote a message, in the reader's language: 'Agent', 'Assistant', 'Notice', or `otherwise`
 * for anyone else ('Customer' in a list, 'Agent' when announcing the shop's reply).
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
  return t(kind === 'agent' || kind === 'bot' || kind === 'system' ? kind : otherwise);
}
