import { z } from 'zod';
import { requireSupervisor } from '../agents/require-supervisor';
import type { Conversation } from '../conversations/conversation';
import type { CommandContext, RunCommand } from '../desk/command-runner';
import { KefuError } from '../errors/kefu-error';
import { transition } from '../machine/transition';
import type { Message } from '../messages/message';
import type { ReviewFilter } from '../storage/quality-storage';
import type { StorageAdapter, StorageTransaction } from '../storage/storage-adapter';
import { insertChanged, updateChanged } from '../storage/upsert-record';
import { IdSchema, InstantSchema } from '../validation/common-schemas';
import { parseInput } from '../validation/parse-input';
import { type AgentQuality, qualityByAgent } from './quality-metrics';
import {
  REVIEW_STATUSES,
  type Review,
  type Scorecard,
  ScorecardSchema,
  ScoresSchema,
} from './review';
import { type ReviewMachineEvent, reviewMachine } from './review-machine';
import { DEFAULT_RULE_FLAG_OPTIONS, flagTranscript, type RuleFlagOptions } from './rule-flags';
import { type SampledConversation, sampleForReview } from './sampling';
import { DEFAULT_SCORECARD } from './scorecards';

const StartSchema = z.object({
  conversationId: IdSchema,
  reviewerId: IdSchema,
  scorecard: ScorecardSchema,
});
const ScoreSchema = z.object({
  reviewId: IdSchema,
  by: IdSchema,
  scores: ScoresSchema,
  comment: z.string().max(5000).optional(),
});
const StepSchema = z.object({ reviewId: IdSchema, by: IdSchema });
const DisputeSchema = StepSchema.extend({ reason: z.string().trim().min(1).max(5000) });
const ResolveSchema = z.discriminatedUnion('outcome', [
  StepSchema.extend({ outcome: z.literal('upheld'), note: z.string().max(5000).default('') }),
  StepSchema.extend({
    outcome: z.literal('revised'),
    note: z.string().max(5000).default(''),
    scores: ScoresSchema,
  }),
]);
const ListSchema = z.object({
  agentId: IdSchema.optional(),
  reviewerId: IdSchema.optional(),
  conversationId: IdSchema.optional(),
  status: z.array(z.enum(REVIEW_STATUSES)).min(1).optional(),
});
const SampleSchema = z
  .object({
    from: InstantSchema,
    to: InstantSchema,
    share: z.number().min(0).max(1),
    seed: z.string().min(1).max(200),
    lowCsat: z.number().min(1).max(5).default(2),
  })
  .refine((q) => q.from < q.to, { message: '`from` must be before `to`', path: ['to'] });

/**
 * Quality review (质检): scorecards, reviews of closed conversations, sampling and results.
 *
 * @example
 * ```ts
 * const quality: QualityApi = desk.quality;
 * const sample = await quality.sample({ share: 0.05, seed: '2026-W45', from, to });
 * ```
 */
export interface QualityApi {
  /**
   * A supervisor starts a draft review of a resolved or closed conversation; the automatic rule
   * flags are computed from its transcript at once.
   *
   * @example
   * const review = await desk.quality.start({ conversationId, reviewerId: 'agt_zhao', scorecard });
   */
  start(input: z.input<typeof StartSchema>): Promise<Review>;
  /** Scores some or all criteria of a draft (0–100 each). */
  score(input: z.input<typeof ScoreSchema>): Promise<Review>;
  /** Sends a fully scored draft to the agent. */
  submit(input: z.input<typeof StepSchema>): Promise<Review>;
  /**
   * The reviewed agent contests a submitted review, once.
   *
   * @example
   * await desk.quality.dispute({ reviewId, by: 'agt_wang', reason: '客户在我回复前离开了' });
   */
  dispute(input: z.input<typeof DisputeSchema>): Promise<Review>;
  /** A supervisor settles a dispute: `upheld` keeps the scores, `revised` replaces some. */
  resolve(input: z.input<typeof ResolveSchema>): Promise<Review>;
  get(id: string): Promise<Review | null>;
  /** Reviews ordered by (createdAt, id); an agent's own list is `list({ agentId })`. */
  list(filter?: z.input<typeof ListSchema>): Promise<Review[]>;
  /**
   * Closed conversations to review in `[from, to)`: a share per agent per week chosen by seed,
   * plus every one with a low CSAT or a breached SLA.
   *
   * @example
   * const picks = await desk.quality.sample({ from, to, share: 0.1, seed: '2026-W49' });
   */
  sample(input: z.input<typeof SampleSchema>): Promise<SampledConversation[]>;
  /** Review results grouped by agent (drafts excluded). */
  report(filter?: z.input<typeof ListSchema>): Promise<AgentQuality[]>;
  /**
   * The scorecards reviewers choose from (`createDesk({ qualityScorecards })`, else
   * `DEFAULT_SCORECARD`).
   *
   * @example
   * const [card] = desk.quality.scorecards();
   * await desk.quality.start({ conversationId, reviewerId: 'agt_zhao', scorecard: card });
   */
  scorecards(): Scorecard[];
}

const REVIEWABLE = new Set(['resolved', 'closed']);

async function transcript(storage: StorageAdapter, conversationId: string): Promise<Message[]> {
  const all: Message[] = [];
  for (;;) {
    const page = await storage.read.messages.listAfter(conversationId, all.at(-1)?.seq ?? 0, 500);
    all.push(...page);
    if (page.length < 500) return all;
  }
}

function slaBreached(conversation: Conversation): boolean {
  return Object.values(conversation.sla?.clocks ?? {}).some((clock) => clock?.breachedAt != null);
}

export function createQualityApi(
  storage: StorageAdapter,
  run: RunCommand,
  rules: RuleFlagOptions = DEFAULT_RULE_FLAG_OPTIONS,
  cards: readonly Scorecard[] = [DEFAULT_SCORECARD],
): QualityApi {
  const scorecards = parseInput(z.array(ScorecardSchema).min(1), cards, 'quality scorecards');
  const save = (
    tx: StorageTransaction,
    context: CommandContext,
    before: Review,
    next: Review,
    action: string,
  ) => updateChanged(tx.reviews, context, 'review', before, next, action);
  const step = async (
    { reviewId, by }: { reviewId: string; by: string },
    action: string,
    event: (now: number) => ReviewMachineEvent,
    who: 'supervisor' | 'reviewed agent' = 'supervisor',
  ) =>
    run(async (tx, context) => {
      const review = await tx.reviews.get(reviewId, { forUpdate: true });
      if (!review) throw new KefuError('NOT_FOUND', `No review "${reviewId}".`);
      if (who === 'supervisor') await requireSupervisor(tx, by, 'review');
      else if (review.agentId !== by) {
        throw new KefuError('FORBIDDEN', `Only ${review.agentId} may dispute this review.`);
      }
      const result = transition(reviewMachine, review, event(context.now));
      if (!result.ok) throw new KefuError('INVALID_TRANSITION', `${result.message}.`);
      return save(tx, context, review, result.snapshot, action);
    });
  const checkCriteria = (review: Review | null, scores: Record<string, number>) => {
    if (!review) return;
    const known = new Set(review.scorecard.criteria.map((c) => c.id));
    const unknown = Object.keys(scores).filter((id) => !known.has(id));
    if (unknown.length > 0) {
      throw new KefuError(
        'VALIDATION',
        `Unknown criteria ${unknown.join(', ')}; the scorecard has ${[...known].join(', ')}.`,
      );
    }
  };

  return {
    async start(raw) {
      const input = parseInput(StartSchema, raw, 'review');
      const messages = await transcript(storage, input.conversationId);
      return run(async (tx, context) => {
        await requireSupervisor(tx, input.reviewerId, 'review');
        const conversation = await tx.conversations.get(input.conversationId);
        if (!conversation)
          throw new KefuError('NOT_FOUND', `No conversation "${input.conversationId}".`);
        if (!REVIEWABLE.has(conversation.status) || !conversation.assigneeId) {
          throw new KefuError(
            'INVALID_TRANSITION',
            `Only resolved or closed conversations an agent handled are reviewed; this one is ${conversation.status}.`,
          );
        }
        const id = `rev_${conversation.id}_${input.reviewerId}`.slice(0, 128);
        // One review per conversation and reviewer: starting again returns the first.
        const existing = await tx.reviews.get(id);
        if (existing) return existing;
        const review: Review = {
          id,
          conversationId: conversation.id,
          agentId: conversation.assigneeId,
          reviewerId: input.reviewerId,
          scorecard: input.scorecard,
          scores: {},
          total: null,
          comment: '',
          flags: flagTranscript(messages, rules),
          status: 'draft',
          dispute: null,
          resolution: null,
          submittedAt: null,
          createdAt: context.now,
          updatedAt: context.now,
          version: 1,
          schemaVersion: 1,
        };
        return insertChanged(tx.reviews, context, 'review', review, 'started');
      });
    },
    async score(raw) {
      const input = parseInput(ScoreSchema, raw, 'review scores');
      checkCriteria(await storage.read.reviews.get(input.reviewId), input.scores);
      return step(input, 'scored', (at) => ({
        type: 'SCORE',
        at,
        scores: input.scores,
        comment: input.comment,
      }));
    },
    async submit(raw) {
      const input = parseInput(StepSchema, raw, 'review submit');
      return step(input, 'submitted', (at) => ({ type: 'SUBMIT', at }));
    },
    async dispute(raw) {
      const input = parseInput(DisputeSchema, raw, 'review dispute');
      return step(
        input,
        'disputed',
        (at) => ({ type: 'DISPUTE', at, reason: input.reason }),
        'reviewed agent',
      );
    },
    async resolve(raw) {
      const input = parseInput(ResolveSchema, raw, 'review resolution');
      if (input.outcome === 'revised') {
        checkCriteria(await storage.read.reviews.get(input.reviewId), input.scores);
        return step(input, 'revised', (at) => ({
          type: 'REVISE',
          at,
          by: input.by,
          note: input.note,
          scores: input.scores,
        }));
      }
      return step(input, 'upheld', (at) => ({
        type: 'UPHOLD',
        at,
        by: input.by,
        note: input.note,
      }));
    },
    async get(id) {
      return storage.read.reviews.get(parseInput(IdSchema, id, 'review id'));
    },
    async list(filter = {}) {
      return storage.read.reviews.list(
        parseInput(ListSchema, filter, 'review filter') as ReviewFilter,
      );
    },
    async sample(raw) {
      const input = parseInput(SampleSchema, raw, 'review sample');
      const candidates = [];
      let after: { createdAt: number; id: string } | undefined;
      for (;;) {
        const page = await storage.read.conversations.list(
          { status: ['closed'] },
          { limit: 500, after },
        );
        for (const c of page) {
          if (
            c.closedAt === null ||
            c.closedAt < input.from ||
            c.closedAt >= input.to ||
            !c.assigneeId
          )
            continue;
          candidates.push({
            conversationId: c.id,
            agentId: c.assigneeId,
            closedAt: c.closedAt,
            csat: c.survey?.kind === 'csat' ? c.survey.score : null,
            slaBreached: slaBreached(c),
          });
        }
        const last = page.at(-1);
        if (page.length < 500 || !last) break;
        after = { createdAt: last.createdAt, id: last.id };
      }
      return sampleForReview(candidates, input);
    },
    async report(filter = {}) {
      return qualityByAgent(await this.list(filter));
    },
    scorecards: () => structuredClone(scorecards),
  };
}
