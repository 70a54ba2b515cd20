import type { Conversation, Customer } from '@kefu/core';
import { formatShanghai } from '../shared/format';
import { maskedFields } from './masked-field-text';
import type { Masked } from './masked-segments';
import { MaskedTopic } from './masked-topic';
import { useDeskCall } from './use-desk-call';

/**
 * Who the customer is (`customers.get`) and their earlier conversations (`conversations.list`),
 * each masked value (name, phone, e-mail, city, a topic) with its audited reveal button.
 */
export function CustomerPanel({
  customer,
  conversationId,
}: {
  customer: Masked<Customer> | null;
  conversationId: string;
}) {
  const history = useDeskCall<{ items: Masked<Conversation>[] }>(
    'conversations.list',
    customer ? { customerId: customer.id, limit: 10 } : null,
  );
  if (!customer) return <section className="panel muted">…</section>;
  const metadata = customer.metadata as Record<string, unknown>;
  const earlier = (history.data?.items ?? []).filter((c) => c.id !== conversationId);
  const field = maskedFields({ customerId: customer.id }, customer.masked);
  return (
    <section className="panel" aria-labelledby="customer-heading">
      <h3 id="customer-heading">顾客 Customer</h3>
      <p className="customer-name">
        <strong>{customer.name ? field('name', customer.name) : null}</strong>{' '}
        <span className={customer.tier === 'vip' ? 'vip' : 'tier'}>{customer.tier}</span>
      </p>
      <dl className="facts">
        <dt>语言 Locale</dt>
        <dd>{customer.locale}</dd>
        {typeof metadata.city === 'string' ? (
          <>
            <dt>城市 City</dt>
            <dd>{field('metadata.city', metadata.city)}</dd>
          </>
        ) : null}
        {typeof metadata.points === 'number' ? (
          <>
            <dt>积分 Points</dt>
            <dd>{metadata.points}</dd>
          </>
        ) : null}
        {customer.contact.phone ? (
          <>
            <dt>电话 Phone</dt>
            <dd>{field('contact.phone', customer.contact.phone)}</dd>
          </>
        ) : null}
        {customer.contact.email ? (
          <>
            <dt>Email</dt>
            <dd>{field('contact.email', customer.contact.email)}</dd>
          </>
        ) : null}
      </dl>
      <h4>历史会话 History</h4>
      {earlier.length === 0 ? <p className="muted">首次咨询 First contact</p> : null}
      <ul className="history">
        {earlier.map((conversation) => (
          <li key={conversation.id}>
            {formatShanghai(conversation.createdAt)} · {conversation.status}
            <MaskedTopic conversation={conversation} />
            {conversation.tags.length ? ` · ${conversation.tags.join(', ')}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
