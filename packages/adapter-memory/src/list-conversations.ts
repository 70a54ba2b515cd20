import type { Conversation, ConversationFilter, ConversationPageRequest } from '@kefu/core';

const matches = (c: Conversation, f: ConversationFilter) =>
  (f.status === undefined || f.status.includes(c.status)) &&
  (f.customerId === undefined || c.customerId === f.customerId) &&
  (f.assigneeId === undefined || c.assigneeId === f.assigneeId) &&
  (f.channel === undefined || c.channel === f.channel) &&
  (f.priority === undefined || f.priority.includes(c.priority)) &&
  (f.tag === undefined || c.tags.includes(f.tag));

/** Newest first by (createdAt, id); keyset paging. A scan: fine for memory-sized data. */
const newestFirst = (a: Conversation, b: Conversation) =>
  b.createdAt - a.createdAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export function listConversations(
  all: Iterable<Conversation>,
  filter: ConversationFilter,
  page: ConversationPageRequest,
): Conversation[] {
  const after = page.after;
  const rows: Conversation[] = [];
  for (const conversation of all) {
    if (!matches(conversation, filter)) continue;
    if (
      after &&
      newestFirst(conversation, { createdAt: after.createdAt, id: after.id } as Conversation) <= 0
    ) {
      continue;
    }
    rows.push(conversation);
  }
  return rows.sort(newestFirst).slice(0, page.limit);
}
