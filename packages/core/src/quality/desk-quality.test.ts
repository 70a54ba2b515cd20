import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeOf, setupDesk } from '../desk/desk-test-setup';
import { transition } from '../machine/transition';
import { makeReview } from '../testing/storage-conformance/reviews';
import { REVIEW_STATUSES, type Scorecard } from './review';
import { type ReviewMachineEvent, reviewMachine } from './review-machine';
import { DEFAULT_SCORECARD } from './scorecards';

const card: Scorecard = {
  id: 'chat-v1',
  name: '在线客服质检',
  criteria: [
    { id: 'greeting', label: '问候', weight: 1 },
    { id: 'solved', label: '解决问题', weight: 3 },
  ],
};

async function closedConversation() {
  const setup = await setupDesk();
  const { desk } = setup;
  await desk.agents.upsert({ id: 'agt_zhao', name: '赵主管', role: 'supervisor' });
  const c = await desk.conversations.start({
    customerId: 'cus_lin',
    message: { text: '奶糖什么时候到？' },
  });
  await desk.conversations.assign({ conversationId: c.id, agentId: 'agt_wang' });
  await desk.messages.post({
    conversationId: c.id,
    author: { kind: 'agent', id: 'agt_wang' },
    text: '明天到，我也不知道具体几点。',
  });
  await desk.conversations.resolve({ conversationId: c.id });
  await desk.conversations.close({ conversationId: c.id });
  return { ...setup, conversationId: c.id };
}

describe('desk.quality', () => {
  it('reviews a closed conversation: rule flags, weighted total, dispute, revision, results by agent', async () => {
    const { desk, conversationId, events } = await closedConversation();
    const review = await desk.quality.start({
      conversationId,
      reviewerId: 'agt_zhao',
      scorecard: card,
    });
    expect(review).toMatchObject({ status: 'draft', agentId: 'agt_wang', total: null });
    expect(review.flags.map((f) => f.kind)).toEqual(['no_greeting', 'forbidden_word']);
    expect(
      await desk.quality.start({ conversationId, reviewerId: 'agt_zhao', scorecard: card }),
    ).toEqual(review);

    await desk.quality.score({ reviewId: review.id, by: 'agt_zhao', scores: { greeting: 0 } });
    expect(await codeOf(desk.quality.submit({ reviewId: review.id, by: 'agt_zhao' }))).toBe(
      'INVALID_TRANSITION',
    );
    const scored = await desk.quality.score({
      reviewId: review.id,
      by: 'agt_zhao',
      scores: { solved: 80 },
      comment: '答复不完整',
    });
    expect(scored.total).toBe(60); // (0·1 + 80·3) / 4
    await desk.quality.submit({ reviewId: review.id, by: 'agt_zhao' });

    expect(
      await codeOf(desk.quality.dispute({ reviewId: review.id, by: 'agt_li', reason: '不是我' })),
    ).toBe('FORBIDDEN');
    const disputed = await desk.quality.dispute({
      reviewId: review.id,
      by: 'agt_wang',
      reason: '物流没给时间',
    });
    expect(disputed.status).toBe('disputed');
    expect(
      await codeOf(
        desk.quality.resolve({ reviewId: review.id, by: 'agt_wang', outcome: 'upheld' }),
      ),
    ).toBe('FORBIDDEN');
    const revised = await desk.quality.resolve({
      reviewId: review.id,
      by: 'agt_zhao',
      outcome: 'revised',
      scores: { solved: 100 },
      note: '物流原因',
    });
    expect(revised).toMatchObject({ status: 'revised', total: 75, resolution: { by: 'agt_zhao' } });

    expect(await desk.quality.list({ agentId: 'agt_wang' })).toEqual([revised]);
    expect(await desk.quality.report()).toEqual([
      {
        agentId: 'agt_wang',
        reviews: 1,
        averageScore: 75,
        disputed: 1,
        revised: 1,
        flags: { no_greeting: 1, forbidden_word: 1, unanswered_customer: 0 },
      },
    ]);
    expect(
      events
        .filter((e) => e.type === 'review.changed')
        .map((e) => (e.data as { action: string }).action),
    ).toEqual(['started', 'scored', 'scored', 'submitted', 'disputed', 'revised']);
  });

  it('refuses bad input and non-supervisors, changing nothing', async () => {
    const { desk, conversationId } = await closedConversation();
    expect(
      await codeOf(desk.quality.start({ conversationId, reviewerId: 'agt_wang', scorecard: card })),
    ).toBe('FORBIDDEN');
    expect(
      await codeOf(
        desk.quality.start({
          conversationId,
          reviewerId: 'agt_zhao',
          scorecard: { ...card, criteria: [] },
        }),
      ),
    ).toBe('VALIDATION');
    const greeting = { id: 'greeting', label: '问候', weight: 1 };
    const dup = { ...card, criteria: [greeting, greeting] };
    expect(
      await codeOf(desk.quality.start({ conversationId, reviewerId: 'agt_zhao', scorecard: dup })),
    ).toBe('VALIDATION');
    expect(await desk.quality.list()).toEqual([]);
    const review = await desk.quality.start({
      conversationId,
      reviewerId: 'agt_zhao',
      scorecard: card,
    });
    expect(
      await codeOf(
        desk.quality.score({ reviewId: review.id, by: 'agt_zhao', scores: { speed: 50 } }),
      ),
    ).toBe('VALIDATION');
    expect(
      await codeOf(
        desk.quality.score({ reviewId: review.id, by: 'agt_zhao', scores: { solved: 101 } }),
      ),
    ).toBe('VALIDATION');
    expect(await desk.quality.get(review.id)).toEqual(review);
  });

  it('reviews only resolved or closed conversations', async () => {
    const { desk } = await closedConversation();
    const open = await desk.conversations.start({ customerId: 'cus_amy', message: { text: 'hi' } });
    expect(
      await codeOf(
        desk.quality.start({ conversationId: open.id, reviewerId: 'agt_zhao', scorecard: card }),
      ),
    ).toBe('INVALID_TRANSITION');
  });

  it('samples the closed conversations of a period by seed and share', async () => {
    const { desk, conversationId, clock } = await closedConversation();
    const from = clock.now() - 7 * 24 * 3600_000;
    const picks = await desk.quality.sample({ from, to: clock.now() + 1, share: 1, seed: 'w49' });
    expect(picks.map((p) => [p.conversationId, p.reason])).toEqual([[conversationId, 'random']]);
    expect(await desk.quality.sample({ from, to: clock.now() + 1, share: 0, seed: 'w49' })).toEqual(
      [],
    );
    expect(await codeOf(desk.quality.sample({ from: 5, to: 1, share: 0.1, seed: 'x' }))).toBe(
      'VALIDATION',
    );
  });
});

describe('reviewMachine', () => {
  const event = fc.oneof(
    fc.record({
      type: fc.constant('SCORE' as const),
      at: fc.nat(),
      scores: fc.dictionary(
        fc.constantFrom('greeting', 'solved'),
        fc.integer({ min: 0, max: 100 }),
      ),
    }),
    fc.record({ type: fc.constant('SUBMIT' as const), at: fc.nat() }),
    fc.record({
      type: fc.constant('DISPUTE' as const),
      at: fc.nat(),
      reason: fc.constant('不同意'),
    }),
    fc.record({
      type: fc.constant('UPHOLD' as const),
      at: fc.nat(),
      by: fc.constant('agt_zhao'),
      note: fc.constant(''),
    }),
    fc.record({
      type: fc.constant('REVISE' as const),
      at: fc.nat(),
      by: fc.constant('agt_zhao'),
      note: fc.constant(''),
      scores: fc.constant({ solved: 90 }),
    }),
  ) as fc.Arbitrary<ReviewMachineEvent>;

  it('never reaches an invalid state: submitted reviews are fully scored, final states stay final', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        let review = makeReview();
        for (const e of events) {
          const wasFinal = reviewMachine.final.includes(review.status);
          const result = transition(reviewMachine, review, e);
          if (wasFinal) expect(result.ok).toBe(false);
          review = result.snapshot;
          expect(REVIEW_STATUSES).toContain(review.status);
          if (review.status !== 'draft') expect(review.total).not.toBeNull();
          if (review.status === 'disputed') expect(review.dispute).not.toBeNull();
        }
      }),
    );
  });

  it("offers the default scorecard, or the shop's own, and refuses a malformed one", async () => {
    const { desk } = await setupDesk();
    expect(desk.quality.scorecards()).toEqual([DEFAULT_SCORECARD]);
    // A copy: changing it does not change what the desk offers.
    const offered = desk.quality.scorecards();
    offered[0]?.criteria.pop();
    expect(desk.quality.scorecards()[0]?.criteria).toHaveLength(5);
    const custom = await setupDesk({ qualityScorecards: [card] });
    expect(custom.desk.quality.scorecards()).toEqual([card]);
    await expect(
      setupDesk({
        qualityScorecards: [
          { ...card, criteria: [card.criteria[0], card.criteria[0]] } as Scorecard,
        ],
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(setupDesk({ qualityScorecards: [] })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});
