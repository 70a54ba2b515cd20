import type { ConversationPageRequest, Ticket, TicketFilter } from '@kefu/core';

export const ticketMatches = (t: Ticket, f: TicketFilter) =>
  (f.customerId === undefined || t.customerId === f.customerId) &&
  (f.status === undefined || f.status.includes(t.status)) &&
  (f.ownerId === undefined || t.ownerId === f.ownerId) &&
  (f.department === undefined || t.department === f.department) &&
  (f.categoryId === undefined || t.categoryId === f.categoryId) &&
  (f.region === undefined || t.region === f.region) &&
  (f.createdFrom === undefined || t.createdAt >= f.createdFrom);

const newestFirst = (a: { createdAt: number; id: string }, b: { createdAt: number; id: string }) =>
  b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

/** Newest first by (createdAt, id), keyset paging; a scan, fine for memory-sized data. */
export function listTickets(
  all: Iterable<Ticket>,
  filter: TicketFilter,
  page: ConversationPageRequest,
): Ticket[] {
  const rows: Ticket[] = [];
  for (const ticket of all) {
    if (!ticketMatches(ticket, filter)) continue;
    if (page.after && newestFirst(ticket, page.after) <= 0) continue;
    rows.push(ticket);
  }
  return rows.sort(newestFirst).slice(0, page.limit);
}

export function countTickets(all: Iterable<Ticket>, filter: TicketFilter): number {
  let count = 0;
  for (const ticket of all) if (ticketMatches(ticket, filter)) count++;
  return count;
}
