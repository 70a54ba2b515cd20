import type { Review, RuleFlagKind } from './review';

/**
 * One agent's quality results.
 *
 * @example
 * ```ts
 * const rows: AgentQuality[] = await desk.quality.report();
 * for (const row of rows) console.log(row.agentId, row.averageScore);
 * ```
 */
export interface AgentQuality {
  agentId: string;
  /** Reviews that count: submitted, disputed, upheld or revised. */
  reviews: number;
  /** Mean total of those reviews, 0–100; null with none. */
  averageScore: number | null;
  disputed: number;
  /** Disputes settled with new scores. */
  revised: number;
  flags: Record<RuleFlagKind, number>;
}

/**
 * Review results grouped by agent (drafts do not count), ordered by agent id.
 *
 * @example
 * const rows = qualityByAgent(await storage.read.reviews.list({}));
 */
export function qualityByAgent(reviews: readonly Review[]): AgentQuality[] {
  const byAgent = new Map<string, { row: AgentQuality; sum: number }>();
  for (const review of reviews) {
    if (review.status === 'draft' || review.total === null) continue;
    let entry = byAgent.get(review.agentId);
    if (!entry) {
      entry = {
        sum: 0,
        row: {
          agentId: review.agentId,
          reviews: 0,
          averageScore: null,
          disputed: 0,
          revised: 0,
          flags: { no_greeting: 0, forbidden_word: 0, unanswered_customer: 0 },
        },
      };
      byAgent.set(review.agentId, entry);
    }
    entry.row.reviews++;
    entry.sum += review.total;
    if (review.dispute) entry.row.disputed++;
    if (review.status === 'revised') entry.row.revised++;
    for (const flag of review.flags) entry.row.flags[flag.kind]++;
  }
  return [...byAgent.values()]
    .map(({ row, sum }) => ({ ...row, averageScore: Math.round((sum / row.reviews) * 100) / 100 }))
    .sort((a, b) => (a.agentId < b.agentId ? -1 : 1));
}
