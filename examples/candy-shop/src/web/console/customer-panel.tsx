import type { Conversation, Customer } from '@kefu/core';
import { formatShanghai } from '../shared/format';
import { useDeskCall } from './use-desk-call';

/** Who the customer is (`customers.get`) and their earlier conversations (`conversations.list`). */
export function CustomerPanel({
  customer,
  conversationId,
}: {
  customer: Customer | null;
  conversationId: string;
}) {
  const history = useDeskCall<{ items: Conversation[] }>(
    'conversations.list',
    customer ? { customerId: customer.id, limit: 10 } : null,
  );
  if (!customer) return <section className="panel muted">…</section>;
  const metadata = customer.metadata as Record<string, unknown>;
  const earlier = (history.data?.items ?? []).filter((c) => c.id !== conversationId);
  return (
    <section className="panel" aria-labelledby="customer-heading">
      <h3 id="customer-heading">顾客 Customer</h3>
      <p className="customer-name">
        <strong>{customer.name}</strong>{' '}
        <span className={customer.tier === 'vip' ? 'vip' : 'tier'}>{customer.tier}</span>
      </p>
      <dl className="facts">
        <dt>语言 Locale</dt>
        <dd>{customer.locale}</dd>
        {typeof metadata.city === 'string' ? (
          <>
            <dt>城市 City</dt>
            <dd>{metadata.city}</dd>
          </>
        ) : null}
        {typeof metadata.points === 'number' ? (
          <>
            <dt>积分 Points</dt>
            <dd>{metadata.points}</dd>
          </>
        ) : null}
        {customer.contact.email ? (
          <>
            <dt>Email</dt>
            <dd>{customer.contact.email}</dd>
          </>
        ) : null}
      </dl>
      <h4>历史会话 History</h4>
      {earlier.length === 0 ? <p className="muted">首次咨询 First contact</p> : null}
      <ul className="history">
        {earlier.map((conversation) => (
          <li key={conversation.id}>
            {formatShanghai(conversation.createdAt)} · {conversation.status}
            {conversation.topic ? ` · ${conversation.topic}` : ''}
            {conversation.tags.length ? ` · ${conversation.tags.join(', ')}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
