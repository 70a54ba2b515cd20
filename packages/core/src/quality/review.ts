import { z } from 'zod';
import { IdSchema, InstantSchema, LabelSchema } from '../validation/common-schemas';

/**
 * Every status of a quality review, in workflow order.
 *
 * @example
 * ```ts
 * const open = REVIEW_STATUSES.filter((status) => status === 'submitted' || status === 'disputed');
 * const reviews = await desk.quality.list({ status: open });
 * ```
 */
export const REVIEW_STATUSES = ['draft', 'submitted', 'disputed', 'upheld', 'revised'] as const;
/**
 * Where a quality review (质检) stands: scored, sent to the agent, contested, settled.
 *
 * @example
 * ```ts
 * const label: Record<ReviewStatus, string> = {
 *   draft: '草稿', submitted: '已提交', disputed: '申诉中', upheld: '维持', revised: '已改分',
 * };
 * ```
 */
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * One criterion of a scorecard: an id, a label shown to reviewers and a relative weight.
 *
 * @example
 * ```ts
 * const criterion = CriterionSchema.parse({ id: 'empathy', label: '共情 Empathy', weight: 2 });
 * ```
 */
export const CriterionSchema = z.object({
  id: LabelSchema,
  label: z.string().trim().min(1).max(200),
  /** Relative weight; a review's total is the weighted mean of its criteria's scores. */
  weight: z.number().positive().max(100),
});

/**
 * One scored aspect of a conversation, e.g. 问候 (greeting) with weight 1.
 *
 * @example
 * ```ts
 * const heaviest = (criteria: Criterion[]) => criteria.reduce((a, b) => (b.weight > a.weight ? b : a));
 * ```
 */
export type Criterion = z.infer<typeof CriterionSchema>;

/**
 * A scorecard (质检表): the criteria a review scores, each id unique.
 *
 * @example
 * ```ts
 * const scorecard: Scorecard = ScorecardSchema.parse({
 *   id: 'chat-2026',
 *   name: '在线客服质检表',
 *   criteria: [
 *     { id: 'greeting', label: '问候', weight: 1 },
 *     { id: 'accuracy', label: '准确', weight: 3 },
 *     { id: 'empathy', label: '共情', weight: 2 },
 *   ],
 * });
 * ```
 */
export const ScorecardSchema = z
  .object({
    id: LabelSchema,
    name: z.string().trim().min(1).max(200),
    criteria: z.array(CriterionSchema).min(1).max(50),
  })
  .refine((card) => new Set(card.criteria.map((c) => c.id)).size === card.criteria.length, {
    message: 'criterion ids must be unique',
    path: ['criteria'],
  });

/**
 * What a quality review scores: criteria with weights (e.g. greeting 1, solved the problem 3).
 *
 * @example
 * const card: Scorecard = { id: 'chat-v1', name: '在线客服质检', criteria: [
 *   { id: 'greeting', label: '问候', weight: 1 }, { id: 'solved', label: '解决问题', weight: 3 }] };
 */
export type Scorecard = z.infer<typeof ScorecardSchema>;

/** Per-criterion scores, 0 (missed) to 100 (excellent). */
export const ScoresSchema = z.record(LabelSchema, z.number().min(0).max(100));

/**
 * What the automatic rules can flag on a transcript.
 *
 * @example
 * ```ts
 * const counts = Object.fromEntries(RULE_FLAG_KINDS.map((kind) => [kind, 0]));
 * for (const flag of review.flags) counts[flag.kind]++;
 * ```
 */
export const RULE_FLAG_KINDS = ['no_greeting', 'forbidden_word', 'unanswered_customer'] as const;

/**
 * One of `RULE_FLAG_KINDS`.
 *
 * @example
 * ```ts
 * const flagLabel: Record<RuleFlagKind, string> = {
 *   no_greeting: '首句未问候', forbidden_word: '禁用词', unanswered_customer: '客户消息未回复',
 * };
 * ```
 */
export type RuleFlagKind = (typeof RULE_FLAG_KINDS)[number];

/**
 * A rule finding: its kind, the message (seq) it is about, and what was found.
 *
 * @example
 * ```ts
 * const flag = RuleFlagSchema.parse({ kind: 'forbidden_word', seq: 4, detail: '"不知道"' });
 * ```
 */
export const RuleFlagSchema = z.object({
  kind: z.enum(RULE_FLAG_KINDS),
  /** The message the flag points at, when there is one. */
  seq: z.number().int().positive().nullable(),
  detail: z.string().max(500),
});

/**
 * A finding of the automatic rules on a transcript, e.g. a forbidden word in message 4.
 *
 * @example
 * ```ts
 * const where = (flag: RuleFlag) => (flag.seq === null ? 'conversation' : `message #${flag.seq}`);
 * ```
 */
export type RuleFlag = z.infer<typeof RuleFlagSchema>;

/**
 * A quality review as stored: the scorecard it used, scores, rule flags, dispute and resolution.
 *
 * @example
 * ```ts
 * const review = ReviewSchema.parse(JSON.parse(row.data));
 * console.log(review.agentId, review.total, review.status);
 * ```
 */
export const ReviewSchema = z.object({
  id: IdSchema,
  conversationId: IdSchema,
  /** The agent whose work is reviewed. */
  agentId: IdSchema,
  reviewerId: IdSchema,
  scorecard: ScorecardSchema,
  scores: ScoresSchema,
  /** Weighted mean of `scores` over the scorecard, 0–100; null until every criterion is scored. */
  total: z.number().min(0).max(100).nullable(),
  comment: z.string().max(5000),
  flags: z.array(RuleFlagSchema),
  status: z.enum(REVIEW_STATUSES),
  dispute: z.object({ reason: z.string().min(1).max(5000), at: InstantSchema }).nullable(),
  resolution: z.object({ note: z.string().max(5000), by: IdSchema, at: InstantSchema }).nullable(),
  submittedAt: InstantSchema.nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  version: z.number().int().positive(),
  schemaVersion: z.literal(1),
});

/**
 * A supervisor's quality review of one closed conversation.
 *
 * @example
 * ```ts
 * const review: Review = await desk.quality.start({ conversationId, reviewerId: 'agt_zhao', scorecard });
 * console.log(review.flags.map((flag) => flag.kind));
 * ```
 */
export type Review = z.infer<typeof ReviewSchema>;

/**
 * The weighted mean of the scores, or null while some criterion is unscored.
 *
 * @example
 * weightedTotal(card, { greeting: 100, solved: 50 }); // (100·1 + 50·3) / 4 = 62.5
 */
export function weightedTotal(card: Scorecard, scores: Record<string, number>): number | null {
  let sum = 0;
  let weights = 0;
  for (const criterion of card.criteria) {
    const score = scores[criterion.id];
    if (score === undefined) return null;
    sum += score * criterion.weight;
    weights += criterion.weight;
  }
  return Math.round((sum / weights) * 100) / 100;
}
