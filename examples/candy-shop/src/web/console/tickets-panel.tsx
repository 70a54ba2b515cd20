import type { AgentClientSnapshot } from '@kefu/client/agent';
import type { OrderSnapshot, Resolution, Ticket } from '@kefu/core';
import { useAgentClient, useAgentSelector } from '@kefu/widget-react/agent';
import { type FormEvent, useState } from 'react';
import { TicketCard, type TicketStep } from './ticket-card';
import { useDeskCall } from './use-desk-call';

const KINDS = [
  ['delivery', '物流 Delivery'],
  ['complaint', '投诉 Complaint'],
  ['refund', '退款 Refund'],
  ['return', '退货 Return'],
  ['exchange', '换货 Exchange'],
  ['payment', '支付 Payment'],
  ['product-quality', '质量 Quality'],
] as const;

/** Whole tickets the gateway pushed to this console (those of the conversations it watches). */
const selectPushedTickets = (snapshot: AgentClientSnapshot) => snapshot.agentTickets;

/**
 * The customer's tickets (工单) from this conversation: open one with the order attached, move it
 * through the workflow, propose a refund or compensation. Listed again whenever the gateway pushes
 * a change of a ticket of a watched conversation (the customer accepting a proposal, say).
 */
export function TicketsPanel({
  conversationId,
  customerId,
  orderRef,
  order,
}: {
  conversationId: string;
  customerId: string;
  orderRef: string | null;
  order: OrderSnapshot | null;
}) {
  const client = useAgentClient();
  const pushed = useAgentSelector(selectPushedTickets);
  const tickets = useDeskCall<{ items: Ticket[] }>(
    'tickets.list',
    { customerId, limit: 20 },
    { refreshKey: pushed },
  );
  const [kind, setKind] = useState<string>('delivery');
  const [subject, setSubject] = useState('');
  const [error, setError] = useState<string | null>(null);

  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      tickets.reload();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  };
  const create = (event: FormEvent) => {
    event.preventDefault();
    void run(() =>
      client.call('tickets.create', {
        kind,
        subject: subject.trim() || (KINDS.find(([value]) => value === kind)?.[1] ?? kind),
        customerId,
        conversationId,
        ...(orderRef ? { orderRef } : {}),
      }),
    ).then(() => setSubject(''));
  };
  const step = (ticket: Ticket, name: TicketStep, message?: string) =>
    run(() =>
      client.call(`tickets.${name}`, { ticketId: ticket.id, ...(message ? { message } : {}) }),
    );
  const propose = (ticket: Ticket, resolution: Resolution, message: string) =>
    run(() =>
      client.call('tickets.propose', {
        ticketId: ticket.id,
        resolution,
        ...(message ? { message } : {}),
      }),
    );
  const note = (ticket: Ticket, text: string, visibility: 'internal' | 'customer') =>
    run(() => client.call('tickets.addNote', { ticketId: ticket.id, text, visibility }));

  const mine = (tickets.data?.items ?? []).filter((ticket) =>
    ticket.conversationIds.includes(conversationId),
  );
  return (
    <section className="panel" aria-labelledby="tickets-heading">
      <h3 id="tickets-heading">工单 Tickets</h3>
      <form className="create-ticket" onSubmit={create} aria-label="Open a ticket">
        <select
          aria-label="Ticket kind"
          value={kind}
          onChange={(event) => setKind(event.target.value)}
        >
          {KINDS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
        <input
          aria-label="Ticket subject"
          placeholder="标题 Subject"
          value={subject}
          onChange={(event) => setSubject(event.target.value)}
        />
        <button type="submit">创建工单 Open ticket</button>
      </form>
      {orderRef ? <p className="muted">附订单 With order {orderRef}</p> : null}
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
      {mine.map((ticket) => (
        <TicketCard
          key={ticket.id}
          ticket={ticket}
          order={order}
          onStep={(name, message) => step(ticket, name, message)}
          onPropose={(resolution, message) => propose(ticket, resolution, message)}
          onNote={(text, visibility) => note(ticket, text, visibility)}
        />
      ))}
    </section>
  );
}
