import type { ConversationPageRequest, TicketFilter } from '@kefu/core';
import { json } from './row-mapping';

// Ticket columns come from the document in SQL, as for conversations: one JSON parameter is the
// single source of truth for the indexed columns.
export const ticketColumns = `d->>'id', (d->>'version')::int, d->>'customerId', d->>'clientId',
  d->>'status', d->>'ownerId', d->>'department', d->>'categoryId', d->>'region',
  (d->>'createdAt')::bigint, d`;

/** WHERE clause of a ticket filter, every value a bound parameter. */
function ticketWhere(filter: TicketFilter, params: unknown[]): string[] {
  const bind = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const where: string[] = [];
  if (filter.customerId !== undefined) where.push(`customer_id = ${bind(filter.customerId)}`);
  if (filter.status !== undefined) {
    where.push(`status IN (SELECT jsonb_array_elements_text(${bind(json(filter.status))}::jsonb))`);
  }
  if (filter.ownerId === null) where.push('owner_id IS NULL');
  else if (filter.ownerId !== undefined) where.push(`owner_id = ${bind(filter.ownerId)}`);
  if (filter.department !== undefined) where.push(`department = ${bind(filter.department)}`);
  if (filter.categoryId !== undefined) where.push(`category_id = ${bind(filter.categoryId)}`);
  if (filter.region !== undefined) where.push(`region = ${bind(filter.region)}`);
  if (filter.createdFrom !== undefined)
    where.push(`created_at >= ${bind(filter.createdFrom)}::bigint`);
  return where;
}

/** The ticket list, newest first by (created_at, id), with keyset paging. */
export function ticketListQuery(s: string, filter: TicketFilter, page: ConversationPageRequest) {
  const params: unknown[] = [];
  const where = ticketWhere(filter, params);
  if (page.after) {
    params.push(page.after.createdAt, page.after.id);
    where.push(`(created_at, id) < ($${params.length - 1}::bigint, $${params.length})`);
  }
  params.push(Math.max(0, Math.floor(page.limit)));
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  return {
    text: `SELECT doc FROM ${s}.tickets ${clause} ORDER BY created_at DESC, id DESC LIMIT $${params.length}`,
    params,
  };
}

export function ticketCountQuery(s: string, filter: TicketFilter) {
  const params: unknown[] = [];
  const where = ticketWhere(filter, params);
  const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
  return { text: `SELECT count(*)::int AS count FROM ${s}.tickets ${clause}`, params };
}
