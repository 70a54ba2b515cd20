import type { ConversationView } from '@kefu/client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { isFinished } from '../conversation-status';
import { useConnectionStatus } from './use-connection-status';
import { useConversation } from './use-conversation';
import { useKefuClient } from './use-kefu-client';

/**
 * The customer's conversation the widget shows, and how to start or continue one.
 *
 * @example
 * const current: CurrentConversation = useCurrentConversation();
 * if (!current.conversationId) await current.start({ topic: 'delivery' });
 */
export interface CurrentConversation {
  conversationId: string | null;
  view: ConversationView | null;
  /** True once the customer's earlier conversations were looked up (after the first connect). */
  ready: boolean;
  /** Starts a conversation (with an optional topic and first message) and makes it current. */
  start(input?: { topic?: string; text?: string }): Promise<string>;
  /** Sends into the current conversation, or starts a new one when there is none or it ended. */
  send(text: string): Promise<void>;
}

/**
 * The customer's latest conversation (found again after a reload with `listConversations`), kept
 * live, with `start` and `send`. Pass an id to show a particular conversation instead.
 *
 * @example
 * const { view, send } = useCurrentConversation();
 * await send('我的糖果什么时候到？');
 */
export function useCurrentConversation(conversationId?: string | null): CurrentConversation {
  const client = useKefuClient();
  const status = useConnectionStatus();
  const [found, setFound] = useState<string | null>(null);
  const [ready, setReady] = useState(conversationId != null);
  const starting = useRef<Promise<string> | null>(null);
  const current = conversationId ?? found;

  useEffect(() => {
    if (conversationId != null || ready || status !== 'open') return;
    let live = true;
    client.listConversations().then(
      (conversations) => {
        if (!live) return;
        const latest = conversations[0];
        if (latest) setFound((existing) => existing ?? latest.id);
        setReady(true);
      },
      () => live && setReady(true),
    );
    return () => {
      live = false;
    };
  }, [client, conversationId, ready, status]);

  const view = useConversation(current);

  const start = useCallback<CurrentConversation['start']>(
    (input = {}) => {
      starting.current ??= client.startConversation(input).then(
        (conversation) => {
          starting.current = null;
          setFound(conversation.id);
          return conversation.id;
        },
        (error: unknown) => {
          starting.current = null;
          throw error;
        },
      );
      return starting.current;
    },
    [client],
  );

  const finished = isFinished(view?.conversation?.status);
  const send = useCallback<CurrentConversation['send']>(
    async (text) => {
      if (current && !finished) {
        client.send(current, text);
        return;
      }
      await start({ text });
    },
    [client, current, finished, start],
  );

  return { conversationId: current, view, ready, start, send };
}
