import { defineMachine } from '../machine/define-machine';
import { REVIEW_STATUSES, type Review, type ReviewStatus, weightedTotal } from './review';

/**
 * What moves a review: score, submit, dispute, uphold or revise.
 *
 * @example
 * ```ts
 * const result = transition(reviewMachine, review, { type: 'DISPUTE', at: Date.now(), reason: '客户先骂人' });
 * ```
 */
export type ReviewMachineEvent =
  | { type: 'SCORE'; at: number; scores: Record<string, number>; comment?: string | undefined }
  | { type: 'SUBMIT'; at: number }
  | { type: 'DISPUTE'; at: number; reason: string }
  | { type: 'UPHOLD'; at: number; by: string; note: string }
  | { type: 'REVISE'; at: number; by: string; note: string; scores: Record<string, number> };

const complete = {
  name: 'every criterion scored',
  check: (review: Review) => weightedTotal(review.scorecard, review.scores) !== null,
};

const rescore = (review: Review, scores: Record<string, number>) => {
  const merged = { ...review.scores, ...scores };
  return { scores: merged, total: weightedTotal(review.scorecard, merged) };
};

/**
 * A review's life: scored as a draft, submitted to the agent, disputed by the agent once, then
 * upheld or revised (with new scores) by a supervisor. Upheld and revised are final.
 *
 * @example
 * transition(reviewMachine, review, { type: 'DISPUTE', at: clock.now(), reason: '客户先离开了' });
 */
export const reviewMachine = defineMachine<ReviewStatus, Review, ReviewMachineEvent, never>({
  id: 'review',
  states: REVIEW_STATUSES,
  initial: ['draft'],
  final: ['upheld', 'revised'],
  on: {
    SCORE: [
      {
        from: ['draft'],
        to: 'draft',
        update: (r, e) => ({
          ...rescore(r, e.scores),
          ...(e.comment === undefined ? {} : { comment: e.comment }),
          updatedAt: e.at,
        }),
      },
    ],
    SUBMIT: [
      {
        from: ['draft'],
        to: 'submitted',
        guard: complete,
        update: (_r, e) => ({ submittedAt: e.at, updatedAt: e.at }),
      },
    ],
    DISPUTE: [
      {
        from: ['submitted'],
        to: 'disputed',
        update: (_r, e) => ({ dispute: { reason: e.reason, at: e.at }, updatedAt: e.at }),
      },
    ],
    UPHOLD: [
      {
        from: ['disputed'],
        to: 'upheld',
        update: (_r, e) => ({ resolution: { note: e.note, by: e.by, at: e.at }, updatedAt: e.at }),
      },
    ],
    REVISE: [
      {
        from: ['disputed'],
        to: 'revised',
        update: (r, e) => ({
          ...rescore(r, e.scores),
          resolution: { note: e.note, by: e.by, at: e.at },
          updatedAt: e.at,
        }),
      },
    ],
  },
});
