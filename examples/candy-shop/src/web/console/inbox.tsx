import type { ConversationView } from '@kefu/client';
import { useInbox } from '@kefu/widget-react/agent';
import { useEffect, useRef, useState } from 'react';
import { formatShanghai } from '../shared/format';
import { groupInbox } from './inbox-order';
import { useCustomer } from './people';
import { shortcutAction, stepThrough } from './shortcuts';
import { SlaBadge } from './sla-badge';

const STATUS: Record<string, string> = {
  queued: '排队中 Queued',
  active: '进行中 Active',
  pending: '待回复 Pending',
  resolved: '已解决 Resolved',
};

function InboxRow({
  view,
  selected,
  onSelect,
}: {
  view: ConversationView;
  selected: boolean;
  onSelect(): void;
}) {
  const conversation = view.conversation;
  const customer = useCustomer(conversation?.customerId ?? null);
  if (!conversation) return null;
  const details = conversation.details;
  return (
    <li>
      <button
        type="button"
        className={`inbox-row${selected ? ' selected' : ''}`}
        aria-current={selected ? 'true' : undefined}
        onClick={onSelect}
      >
        <span className="inbox-name">
          {customer?.name ?? conversation.customerId}
          {customer?.tier === 'vip' ? <span className="vip">VIP</span> : null}
        </span>
        <span className="inbox-meta">
          {STATUS[conversation.status] ?? conversation.status}
          {conversation.topic ? ` · ${conversation.topic}` : ''}
          {details && details.priority !== 'normal' ? ` · ${details.priority}` : ''}
        </span>
        <span className="inbox-meta">
          <SlaBadge details={details} compact /> {formatShanghai(conversation.updatedAt, false)}
        </span>
      </button>
    </li>
  );
}

/** The inbox (收件箱): the queue and the agent's own conversations, most at risk first, live. */
export function Inbox({
  agentId,
  selectedId,
  onSelect,
}: {
  agentId: string;
  selectedId: string | null;
  onSelect(conversationId: string): void;
}) {
  const { conversations, claimNext } = useInbox();
  const [claimError, setClaimError] = useState<string | null>(null);
  const { queued, mine } = groupInbox(conversations ?? [], agentId);
  const claim = async () => {
    setClaimError(null);
    try {
      const next = await claimNext();
      if (next) onSelect(next.id);
      else setClaimError('队列中没有您能接的会话 Nothing in the queue for you');
    } catch (failure) {
      setClaimError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  // The keyboard shortcuts (see SHORTCUTS), read through a ref so one listener serves all renders.
  const latest = useRef({ order: [...mine, ...queued].map((view) => view.id), selectedId, claim });
  latest.current = { order: [...mine, ...queued].map((view) => view.id), selectedId, claim };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const action = shortcutAction(event);
      if (!action) return;
      event.preventDefault();
      const { order, selectedId: current, claim: claimIt } = latest.current;
      if (action === 'claim') void claimIt();
      else if (action === 'reply') {
        document.querySelector<HTMLTextAreaElement>('.composer textarea')?.focus();
      } else {
        const next = stepThrough(order, current, action === 'next' ? 1 : -1);
        if (next) onSelect(next);
      }
    };
    addEventListener('keydown', onKeyDown);
    return () => removeEventListener('keydown', onKeyDown);
  }, [onSelect]);

  if (conversations === null) return <p className="muted">加载中 Loading…</p>;
  const section = (title: string, views: ConversationView[], label: string) => (
    <section aria-label={label}>
      <h3>
        {title} <span className="count">{views.length}</span>
      </h3>
      {views.length === 0 ? <p className="muted">—</p> : null}
      <ul className="inbox-list">
        {views.map((view) => (
          <InboxRow
            key={view.id}
            view={view}
            selected={view.id === selectedId}
            onSelect={() => onSelect(view.id)}
          />
        ))}
      </ul>
    </section>
  );
  return (
    <nav className="inbox" aria-label="Inbox">
      {section('我的会话 Mine', mine, 'My conversations')}
      {section('排队 Queue', queued, 'Queue')}
      <button type="button" onClick={claim} disabled={queued.length === 0}>
        抢单 Claim next
      </button>
      {claimError ? <p className="muted">{claimError}</p> : null}
    </nav>
  );
}
