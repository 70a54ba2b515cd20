import { describe, expect, it } from 'vitest';
import type { Review } from '../../quality/review';
import { expectKefuError, type GetAdapter } from './conformance-helpers';
import { FIXTURE_NOW } from './fixtures';

/** A valid review record, with fields overridable. */
export function makeReview(overrides: Partial<Review> = {}): Review {
  return {
    id: 'rev_1',
    conversationId: 'cnv_1',
    agentId: 'agt_wang',
    reviewerId: 'agt_zhao',
    scorecard: {
      id: 'chat-v1',
      name: '在线客服质检',
      criteria: [
        { id: 'greeting', label: '问候', weight: 1 },
        { id: 'solved', label: '解决问题', weight: 3 },
      ],
    },
    scores: {},
    total: null,
    comment: '',
    flags: [{ kind: 'no_greeting', seq: 2, detail: 'The first reply has no greeting.' }],
    status: 'draft',
    dispute: null,
    resolution: null,
    submittedAt: null,
    createdAt: FIXTURE_NOW,
    updatedAt: FIXTURE_NOW,
    version: 1,
    schemaVersion: 1,
    ...overrides,
  };
}

export function reviewsConformance(adapter: GetAdapter): void {
  describe('quality reviews', () => {
    it('stores, reads and updates a review with a version check', async () => {
      const review = makeReview();
      await adapter().transaction((tx) => tx.reviews.insert(review));
      expect(await adapter().read.reviews.get(review.id)).toEqual(review);
      expect(await adapter().read.reviews.get('rev_missing')).toBeNull();
      const scored = {
        ...review,
        scores: { greeting: 100, solved: 50 },
        total: 62.5,
        status: 'submitted' as const,
        version: 2,
      };
      await adapter().transaction((tx) => tx.reviews.update(scored, 1));
      expect(
        await adapter().transaction((tx) => tx.reviews.get(review.id, { forUpdate: true })),
      ).toEqual(scored);
      await expectKefuError(
        adapter().transaction((tx) => tx.reviews.update({ ...scored, version: 3 }, 1)),
        'CONFLICT',
      );
      await expectKefuError(
        adapter().transaction((tx) => tx.reviews.insert(review)),
        'CONFLICT',
      );
      expect(await adapter().read.reviews.get(review.id)).toEqual(scored);
    });

    it('keeps nothing of a transaction that throws', async () => {
      await expect(
        adapter().transaction(async (tx) => {
          await tx.reviews.insert(makeReview({ id: 'rev_gone' }));
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await adapter().read.reviews.get('rev_gone')).toBeNull();
    });

    it('lists by agent, reviewer, conversation and status, ordered by (createdAt, id)', async () => {
      await adapter().transaction(async (tx) => {
        await tx.reviews.insert(makeReview({ id: 'rev_c', createdAt: FIXTURE_NOW + 2 }));
        await tx.reviews.insert(makeReview({ id: 'rev_b', createdAt: FIXTURE_NOW + 1 }));
        await tx.reviews.insert(
          makeReview({ id: 'rev_a', createdAt: FIXTURE_NOW + 1, status: 'disputed' }),
        );
        await tx.reviews.insert(
          makeReview({
            id: 'rev_d',
            agentId: 'agt_li',
            reviewerId: 'agt_sun',
            conversationId: 'cnv_2',
          }),
        );
      });
      const ids = (list: Review[]) => list.map((r) => r.id);
      expect(ids(await adapter().read.reviews.list({}))).toEqual([
        'rev_d',
        'rev_a',
        'rev_b',
        'rev_c',
      ]);
      expect(ids(await adapter().read.reviews.list({ agentId: 'agt_wang' }))).toEqual([
        'rev_a',
        'rev_b',
        'rev_c',
      ]);
      expect(ids(await adapter().read.reviews.list({ reviewerId: 'agt_sun' }))).toEqual(['rev_d']);
      expect(ids(await adapter().read.reviews.list({ conversationId: 'cnv_2' }))).toEqual([
        'rev_d',
      ]);
      expect(
        ids(await adapter().read.reviews.list({ agentId: 'agt_wang', status: ['disputed'] })),
      ).toEqual(['rev_a']);
      expect(ids(await adapter().read.reviews.list({ agentId: 'agt_nobody' }))).toEqual([]);
    });
  });
}
