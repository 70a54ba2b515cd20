/**
 * One closed conversation as sampling sees it.
 *
 * @example
 * ```ts
 * const candidate: SampleCandidate = { conversationId: 'cnv_42', agentId: 'agt_wang', closedAt: Date.now(), csat: 2 };
 * ```
 */
export interface SampleCandidate {
  conversationId: string;
  agentId: string;
  closedAt: number;
  /** The CSAT answer, 1–5, when the customer answered. */
  csat?: number | null | undefined;
  slaBreached?: boolean | undefined;
}

/**
 * How sampling picks: the share per agent per week, the seed, and what is always reviewed.
 *
 * @example
 * ```ts
 * const picked = sampleForReview(candidates, { share: 0.05, seed: '2026-W45', weekStart } satisfies SampleOptions);
 * ```
 */
export interface SampleOptions {
  /** Share of each agent's conversations per week to review, 0–1 (e.g. 0.05). */
  share: number;
  /** Same seed, same candidates → same sample. */
  seed: string;
  /** CSAT at or below this is always reviewed (default 2). */
  lowCsat?: number;
  /** Start of week 0, epoch ms (default: Monday 1970-01-05 00:00 UTC). */
  weekStart?: number;
}

/**
 * Why a conversation was picked: at random, a low CSAT, or a breached SLA.
 *
 * @example
 * ```ts
 * const reasonLabel: Record<SampleReason, string> = { random: '随机抽检', low_csat: '差评', sla_breached: 'SLA 超时' };
 * ```
 */
export type SampleReason = 'random' | 'low_csat' | 'sla_breached';

/**
 * A conversation picked for review, why, and in which week.
 *
 * @example
 * ```ts
 * const sampled: SampledConversation[] = await desk.quality.sample({ share: 0.05, seed: '2026-W45', from, to });
 * const lowCsat = sampled.filter((s) => s.reason === 'low_csat');
 * ```
 */
export interface SampledConversation extends SampleCandidate {
  reason: SampleReason;
  /** Week number since `weekStart`. */
  week: number;
}

const WEEK = 7 * 24 * 3600_000;
const MONDAY_1970 = 4 * 24 * 3600_000;

// FNV-1a, 32 bit: stable across runtimes, cheap, good enough to order candidates.
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * Picks conversations to review: every one with low CSAT or a breached SLA, plus for each agent
 * and week `ceil(share × count)` of the rest, chosen by a seeded hash (deterministic, no
 * randomness at run time). Ordered by agent, week, conversation id.
 *
 * @example
 * const picks = sampleForReview(closed, { share: 0.1, seed: '2026-W49' });
 */
export function sampleForReview(
  candidates: readonly SampleCandidate[],
  options: SampleOptions,
): SampledConversation[] {
  const { share, seed, lowCsat = 2, weekStart = MONDAY_1970 } = options;
  const picked: SampledConversation[] = [];
  const rest = new Map<string, SampledConversation[]>();
  for (const candidate of candidates) {
    const week = Math.floor((candidate.closedAt - weekStart) / WEEK);
    if (candidate.csat != null && candidate.csat <= lowCsat) {
      picked.push({ ...candidate, week, reason: 'low_csat' });
    } else if (candidate.slaBreached) {
      picked.push({ ...candidate, week, reason: 'sla_breached' });
    } else {
      const key = `${candidate.agentId}\u0000${week}`;
      const group = rest.get(key) ?? [];
      group.push({ ...candidate, week, reason: 'random' });
      rest.set(key, group);
    }
  }
  const clamped = Math.min(1, Math.max(0, share));
  for (const group of rest.values()) {
    const take = Math.ceil(clamped * group.length);
    const ranked = group
      .map((c) => ({ c, rank: hash(`${seed}\u0000${c.conversationId}`) }))
      .sort((a, b) => a.rank - b.rank || (a.c.conversationId < b.c.conversationId ? -1 : 1));
    for (const { c } of ranked.slice(0, take)) picked.push(c);
  }
  return picked.sort(
    (a, b) =>
      (a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0) ||
      a.week - b.week ||
      (a.conversationId < b.conversationId ? -1 : 1),
  );
}
