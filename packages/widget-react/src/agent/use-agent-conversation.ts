import type { ConversationView } from '@kefu/client';
import { useConversation, type WireConversation } from '@kefu/widget-react';
import { useMemo } from 'react';
import type { AgentAction, AgentActionOptions } from './agent-types';
import { useAgentClient } from './use-agent-client';

/**
 * One conversation as an agent works on it.
 *
 * @example
 * const conversation: AgentConversation = useAgentConversation(conversationId);
 * conversation.send('VIP，可补偿优惠券', { internal: true });
 */
export interface AgentConversation {
  view: ConversationView | null;
  /** Replies to the customer, or writes an internal note (内部备注) with `{ internal: true }`. */
  send(text: string, options?: { internal?: boolean }): string;
  /** Claims, resolves, reopens, closes, parks (pending) or transfers the conversation. */
  act(action: AgentAction, options?: AgentActionOptions): Promise<WireConversation>;
  setTyping(typing: boolean): void;
  /** Marks everything up to `seq` (default: the last message) as read. */
  markRead(seq?: number): void;
}

/**
 * The agent side of one conversation: live view (with agent-only `details`) and actions.
 *
 * @example
 * const { view, send, act } = useAgentConversation(conversationId);
 * send('您好，我来帮您查一下订单。');
 * await act('resolve');
 */
export function useAgentConversation(conversationId: string | null): AgentConversation {
  const client = useAgentClient();
  const view = useConversation(conversationId);
  const lastSeq = view?.syncedSeq ?? 0;
  return useMemo<AgentConversation>(() => {
    const id = () => {
      if (!conversationId) throw new Error('No conversation selected.');
      return conversationId;
    };
    return {
      view,
      send: (text, options) => client.send(id(), text, options),
      act: (action, options) => client.act(id(), action, options),
      setTyping: (typing) => {
        if (conversationId) client.setTyping(conversationId, typing);
      },
      markRead: (seq = lastSeq) => {
        if (conversationId && seq > 0) client.markRead(conversationId, seq);
      },
    };
  }, [client, conversationId, view, lastSeq]);
}
