import type { ConversationView } from '@kefu/client';
import { useCallback, useEffect } from 'react';
import { useKefuClient } from './use-kefu-client';
import { useKefuSelector } from './use-kefu-selector';

/**
 * One conversation from the store (messages, status, typing, read receipts, queue, survey), live.
 * Watching starts on mount and continues across reconnects; `null` until the first frame arrives.
 *
 * @example
 * const view = useConversation(conversationId);
 * view?.conversation?.status; // 'queued'
 */
export function useConversation(conversationId: string | null): ConversationView | null {
  const client = useKefuClient();
  useEffect(() => {
    if (conversationId) client.watch(conversationId);
  }, [client, conversationId]);
  const select = useCallback(
    (snapshot: { conversations: Readonly<Record<string, ConversationView>> }) =>
      conversationId ? (snapshot.conversations[conversationId] ?? null) : null,
    [conversationId],
  );
  return useKefuSelector(select);
}
