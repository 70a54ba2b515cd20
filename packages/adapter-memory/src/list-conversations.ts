import type { Conversation, ConversationFilter, ConversationPageRequest } from '@kefu/core';
import type { MemoryState } from './memory-state';

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

/** The committed conversations a filter can match: with a status, only those the index holds. */
export function* candidates(
  state: MemoryState,
  filter: ConversationFilter,
): Iterable<Conversation> {
  if (filter.status === undefined) {
    yield* state.conversations.values();
    return;
  }
  for (const status of new Set(filter.status)) {
    for (const id of state.conversationsByStatus.get(status) ?? []) {
      const conversation = state.conversations.get(id);
      if (conversation) yield conversation;
    }
  }
}
