import { z } from 'zod';
import { IdSchema, InstantSchema, LabelSchema } from '../validation/common-schemas';

export const REVIEW_STATUSES = ['draft', 'submitted', 'disputed', 'upheld', 'revised'] as const;
/** Where a quality review (质检) stands: scored, sent to the agent, contested, settled. */
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export const CriterionSchema = z.object({
  id: LabelSchema,
  label: z.string().trim().min(1).max(200),
  /** Relative weight; a review's total is the weighted mean of its criteria's scores. */
  weight: z.number().positive().max(100),
});

/** One scored aspect of a conversation, e.g. 问候 (greeting) with weight 1. */
export type Criterion = z.infer<typeof CriterionSchema>;

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

export const RULE_FLAG_KINDS = ['no_greeting', 'forbidden_word', 'unanswered_customer'] as const;
export type RuleFlagKind = (typeof RULE_FLAG_KINDS)[number];

export const RuleFlagSchema = z.object({
  kind: z.enum(RULE_FLAG_KINDS),
  /** The message the flag points at, when there is one. */
  seq: z.number().int().positive().nullable(),
  detail: z.string().max(500),
});

/** A finding of the automatic rules on a transcript, e.g. a forbidden word in message 4. */
export type RuleFlag = z.infer<typeof RuleFlagSchema>;

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

/** A supervisor's quality review of one closed conversation. */
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
