import type { OrderSnapshot, Resolution, Ticket } from '@kefu/core';
import { useState } from 'react';
import { formatShanghai, formatYuan } from '../shared/format';
import { maskedFields } from './masked-field-text';
import type { Masked } from './masked-segments';
import { ProposeForm } from './propose-form';

export type TicketStep =
  | 'start'
  | 'awaitCustomer'
  | 'awaitThirdParty'
  | 'resume'
  | 'resolve'
  | 'close'
  | 'cancel';

const STATUS: Record<string, string> = {
  new: '新建 New',
  triaged: '已分派 Triaged',
  in_progress: '处理中 In progress',
  awaiting_customer: '等待顾客 Awaiting customer',
  awaiting_third_party: '等待第三方 Awaiting courier/partner',
  resolution_proposed: '方案待确认 Proposal sent',
  resolved: '已解决 Resolved',
  closed: '已关闭 Closed',
  cancelled: '已取消 Cancelled',
};

/** The workflow steps an agent can take from each status (see docs/concepts/tickets.md). */
const STEPS: Record<string, { step: TicketStep; label: string }[]> = {
  new: [{ step: 'start', label: '开始处理 Start' }],
  triaged: [{ step: 'start', label: '开始处理 Start' }],
  in_progress: [
    { step: 'awaitThirdParty', label: '等快递 Await courier' },
    { step: 'awaitCustomer', label: '等顾客 Await customer' },
    { step: 'resolve', label: '直接解决 Resolve' },
  ],
  awaiting_customer: [
    { step: 'resume', label: '继续 Resume' },
    { step: 'resolve', label: '直接解决 Resolve' },
  ],
  awaiting_third_party: [
    { step: 'resume', label: '继续 Resume' },
    { step: 'resolve', label: '直接解决 Resolve' },
  ],
  resolved: [{ step: 'close', label: '关闭 Close' }],
};

const OPEN = new Set([
  'new',
  'triaged',
  'in_progress',
  'awaiting_customer',
  'awaiting_third_party',
]);

export function describeResolution(resolution: Resolution): string {
  switch (resolution.type) {
    case 'refund':
      return `退款 Refund ${formatYuan(resolution.amount, resolution.currency)}`;
    case 'compensation':
      return resolution.form === 'coupon'
        ? `优惠券 Coupon ${formatYuan(resolution.value, resolution.currency ?? 'CNY')}`
        : `积分 Points ${resolution.value}`;
    case 'replacement':
      return `补发 Replacement ${resolution.items.join(', ')}`;
    case 'exchange':
      return `换货 Exchange ${resolution.items.join(', ')} → ${resolution.for.join(', ')}`;
    case 'explanation':
      return `说明 ${resolution.text}`;
  }
}

/**
 * One ticket (工单) with its history and the steps the agent can take next; masked values in its
 * subject and history texts revealable (`{ ticketId, path, span }`).
 */
export function TicketCard({
  ticket,
  order,
  onStep,
  onPropose,
  onNote,
}: {
  ticket: Masked<Ticket>;
  order: OrderSnapshot | null;
  onStep(step: TicketStep, message?: string): void;
  onPropose(resolution: Resolution, message: string): void;
  onNote(text: string, visibility: 'internal' | 'customer'): void;
}) {
  const [note, setNote] = useState('');
  const field = maskedFields({ ticketId: ticket.id }, ticket.masked);
  // The last five entries, with their place in the whole history (their field paths).
  const from = Math.max(0, ticket.history.length - 5);
  return (
    <article className="ticket" aria-label={`Ticket ${ticket.subject}`} data-status={ticket.status}>
      <header>
        <strong>{field('subject', ticket.subject)}</strong>
        <span className={`ticket-status status-${ticket.status}`}>
          {STATUS[ticket.status] ?? ticket.status}
        </span>
      </header>
      <p className="muted">
        {ticket.kind} · {ticket.severity} · {ticket.department ?? '—'}
        {ticket.orderRef ? ` · ${ticket.orderRef}` : ''}
        {ticket.dueAt ? ` · 截止 Due ${formatShanghai(ticket.dueAt)}` : ''}
      </p>
      {ticket.proposal ? <p>方案 Proposal: {describeResolution(ticket.proposal)}</p> : null}
      {ticket.resolution ? (
        <p className="resolution">结果 Resolution: {describeResolution(ticket.resolution)}</p>
      ) : null}
      <ol className="ticket-history">
        {ticket.history.slice(from).map((entry, shown) => (
          <li key={`${entry.at}-${entry.action}`}>
            {formatShanghai(entry.at, false)} {entry.action} → {entry.toStatus}
            {entry.text ? <>: {field(`history.${from + shown}.text`, entry.text)}</> : null}
            {entry.visibility === 'internal' ? ' 🔒' : ''}
          </li>
        ))}
      </ol>
      <div className="ticket-actions">
        {(STEPS[ticket.status] ?? []).map(({ step, label }) => (
          <button key={step} type="button" onClick={() => onStep(step)}>
            {label}
          </button>
        ))}
        {ticket.status === 'in_progress' ? (
          <ProposeForm order={order} onPropose={onPropose} />
        ) : null}
        {OPEN.has(ticket.status) || ticket.status === 'resolution_proposed' ? (
          <button type="button" className="secondary" onClick={() => onStep('cancel')}>
            取消 Cancel
          </button>
        ) : null}
      </div>
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!note.trim()) return;
          onNote(note.trim(), 'internal');
          setNote('');
        }}
      >
        <input
          aria-label="Ticket note"
          placeholder="工单备注 Internal note"
          value={note}
          onChange={(event) => setNote(event.target.value)}
        />
        <button type="submit" className="secondary">
          备注 Note
        </button>
      </form>
    </article>
  );
}
