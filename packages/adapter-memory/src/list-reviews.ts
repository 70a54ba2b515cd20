import type { Review, ReviewFilter } from '@kefu/core';

/** Reviews matching every given field, ordered by (createdAt, id). */
export function listReviews(reviews: Iterable<Review>, filter: ReviewFilter): Review[] {
  return [...reviews]
    .filter(
      (r) =>
        (filter.agentId === undefined || r.agentId === filter.agentId) &&
        (filter.reviewerId === undefined || r.reviewerId === filter.reviewerId) &&
        (filter.conversationId === undefined || r.conversationId === filter.conversationId) &&
        (filter.status === undefined || filter.status.includes(r.status)),
    )
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
