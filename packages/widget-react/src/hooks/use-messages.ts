import type { ClientMessage } from '@kefu/client';
import { useConversation } from './use-conversation';

const NONE: readonly ClientMessage[] = Object.freeze([]);

/**
 * A conversation's messages: stored ones by `seq`, then this client's unsent ones (`sending`,
 * `failed`). Each has a stable `key`.
 *
 * @example
 * const messages = useMessages(conversationId);
 * return <ul>{messages.map((m) => <li key={m.key}>{m.text}</li>)}</ul>;
 */
export function useMessages(conversationId: string | null): readonly ClientMessage[] {
  return useConversation(conversationId)?.messages ?? NONE;
}
