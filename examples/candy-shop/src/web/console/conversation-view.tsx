import type { Agent, OrderSnapshot } from '@kefu/core';
import {
  type AgentAction,
  type AgentActionOptions,
  useAgentConversation,
} from '@kefu/widget-react/agent';
import { useEffect, useMemo, useState } from 'react';
import { CustomerPanel } from './customer-panel';
import { MaskedTopic } from './masked-topic';
import { MessageThread } from './message-thread';
import { OrderPanel } from './order-panel';
import { lastOrderRef } from './order-refs';
import { useCustomer } from './people';
import { ReplyComposer } from './reply-composer';
import { SlaBadge } from './sla-badge';
import { SuggestionsPanel } from './suggestions-panel';
import { TicketsPanel } from './tickets-panel';
import { TransferForm } from './transfer-form';
import { useDeskCall } from './use-desk-call';

const STATUS: Record<string, string> = {
  bot: '机器人接待 With the bot',
  queued: '排队中 Queued',
  active: '进行中 Active',
  pending: '等待顾客 Waiting on customer',
  resolved: '已解决 Resolved',
  closed: '已关闭 Closed',
  abandoned: '已放弃 Abandoned',
};

/**
 * One conversation as the agent works it: the thread, reply and internal notes with canned
 * replies, claim / wait / resolve / reopen / transfer, and beside it the customer, the order
 * snapshot, suggested articles and tickets.
 */
export function ConversationView({
  conversationId,
  self,
  agents,
}: {
  conversationId: string;
  self: { id: string; name: string };
  agents: readonly Agent[];
}) {
  const { view, send, act, setTyping, markRead } = useAgentConversation(conversationId);
  const conversation = view?.conversation ?? null;
  const customer = useCustomer(conversation?.customerId ?? null);
  const messages = view?.messages ?? [];
  const mentioned = lastOrderRef(messages);
  const [typedRef, setTypedRef] = useState<string | null>(null);
  const orderRef = typedRef ?? mentioned;
  const order = useDeskCall<OrderSnapshot | null>(
    'orders.lookup',
    orderRef && conversation ? { orderRef, customerId: conversation.customerId } : null,
  );
  const [actionError, setActionError] = useState<string | null>(null);
  const [draft, setDraft] = useState<{ text: string; nonce: number } | null>(null);
  const agentNames = useMemo(
    () => new Map(agents.map((agent) => [agent.id, agent.name])),
    [agents],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new conversation forgets the typed order
  useEffect(() => {
    setTypedRef(null);
  }, [conversationId]);
  const lastSeq = view?.syncedSeq ?? 0;
  // biome-ignore lint/correctness/useExhaustiveDependencies: mark read as messages arrive
  useEffect(() => {
    markRead();
  }, [lastSeq]);

  if (!conversation) return <p className="muted">加载中 Loading…</p>;
  const mine = conversation.assigneeId === self.id;
  const status = conversation.status;
  const run = async (action: AgentAction, options?: AgentActionOptions) => {
    setActionError(null);
    try {
      await act(action, options);
    } catch (failure) {
      setActionError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const values = {
    customer: { name: customer?.name ?? '' },
    agent: { name: self.name },
    ...(order.data ? { order: order.data } : {}),
  };

  return (
    <div className="conversation">
      <section className="conversation-main" aria-label="Conversation">
        <header className="conversation-header">
          <div>
            <h2>{customer?.name ?? conversation.customerId}</h2>
            <p className="muted">
              {STATUS[status] ?? status}
              {conversation.assigneeId
                ? ` · ${agentNames.get(conversation.assigneeId) ?? conversation.assigneeId}`
                : ''}
              <MaskedTopic conversation={conversation} />{' '}
              <SlaBadge details={conversation.details} />
            </p>
          </div>
          <div className="conversation-actions">
            {status === 'queued' ? (
              <button type="button" onClick={() => run('claim')}>
                接入 Claim
              </button>
            ) : null}
            {mine && status === 'active' ? (
              <button type="button" className="secondary" onClick={() => run('pending')}>
                等待顾客 Wait on customer
              </button>
            ) : null}
            {mine && (status === 'active' || status === 'pending') ? (
              <button type="button" onClick={() => run('resolve')}>
                解决 Resolve
              </button>
            ) : null}
            {status === 'resolved' ? (
              <button type="button" className="secondary" onClick={() => run('reopen')}>
                重新打开 Reopen
              </button>
            ) : null}
          </div>
        </header>
        {actionError ? (
          <p role="alert" className="error">
            {actionError}
          </p>
        ) : null}
        <MessageThread messages={messages} agentNames={agentNames} />
        {view?.typing.length ? <p className="muted typing">顾客正在输入… typing</p> : null}
        <ReplyComposer
          disabled={status === 'closed' || status === 'abandoned'}
          values={values}
          draft={draft}
          onSend={(text, internal) => send(text, { internal })}
          onTyping={setTyping}
        />
        {mine && (status === 'active' || status === 'pending') ? (
          <TransferForm
            agents={agents}
            selfId={self.id}
            team={conversation.details?.team ?? null}
            skills={conversation.details?.skills ?? []}
            onTransfer={(options) => run('transfer', options)}
          />
        ) : null}
      </section>
      <aside className="conversation-side" aria-label="Context">
        <CustomerPanel customer={customer} conversationId={conversation.id} />
        <OrderPanel orderRef={orderRef} onOrderRef={setTypedRef} order={order} />
        <TicketsPanel
          conversationId={conversation.id}
          customerId={conversation.customerId}
          orderRef={orderRef}
          order={order.data}
        />
        <SuggestionsPanel
          conversationId={conversation.id}
          lastSeq={lastSeq}
          locale={customer?.locale}
          onQuote={(text) => setDraft({ text, nonce: Date.now() })}
        />
      </aside>
    </div>
  );
}
