import { DEFAULT_SCORECARD, type Incident, type Review } from '@kefu/core';
import type { AgentCallMethod } from '@kefu/core/protocol';
import { describe, expect, it } from 'vitest';
import {
  agent,
  authenticateTestAgent,
  openRaw,
  type RawSocket,
  rawGatewayPerTest,
} from './gateway-test-setup';

const gateway = rawGatewayPerTest();
const message = {
  'zh-CN': '物流系统故障，请先留言。',
  en: 'Delivery tracking is down; leave a message.',
};
const allScores = { greeting: 100, accuracy: 80, empathy: 60, resolution: 90, compliance: 100 };

/** One call over the socket: the ack's result, or the error frame's code. */
async function call(
  socket: RawSocket,
  method: AgentCallMethod,
  input: Record<string, unknown> = {},
) {
  const id = `c_${Math.random().toString(36).slice(2)}`;
  socket.send({ type: 'call', id, method, input });
  const answer = await Promise.race([
    socket.next('ack', (f) => f.id === id),
    socket.next('error', (f) => f.id === id),
  ]);
  return answer.type === 'ack'
    ? { ok: true as const, result: (answer as { result?: unknown }).result }
    : { ok: false as const, code: (answer as { code: string }).code };
}

/**
 * 王 (candy) and 李 (after-sales) are plain agents, 赵 a supervisor; each of 王 and 李 handled a
 * conversation that is now closed.
 */
async function startDesk(enforceRoles = false) {
  const fixture = await gateway.start({
    enforceRoles,
    authenticate: async (request) =>
      request.token === 'token-zhao' ? { agentId: 'agt_zhao' } : authenticateTestAgent(request),
  });
  const { desk } = fixture;
  await desk.agents.upsert({ id: 'agt_wang', name: '王客服', teams: ['candy'] });
  await desk.agents.upsert({ id: 'agt_li', name: '李售后', teams: ['after-sales'] });
  await desk.agents.upsert({ id: 'agt_zhao', name: '赵主管', role: 'supervisor' });
  const closed = async (agentId: string, customerId: string, text: string) => {
    const c = await desk.conversations.start({ customerId, message: { text } });
    await desk.conversations.assign({ conversationId: c.id, agentId });
    await desk.messages.post({
      conversationId: c.id,
      author: { kind: 'agent', id: agentId },
      text: '明天到，我也不知道具体几点。',
    });
    await desk.conversations.resolve({ conversationId: c.id });
    await desk.conversations.close({ conversationId: c.id });
    return c.id;
  };
  const wangChat = await closed('agt_wang', 'cus_lin', '奶糖什么时候到？');
  const liChat = await closed('agt_li', 'cus_amy', 'Where is my refund?');
  const zhao = gateway.track(await openRaw(fixture.url, agent('token-zhao')));
  const wang = gateway.track(await openRaw(fixture.url, agent('token-wang')));
  await zhao.next('welcome');
  await wang.next('welcome');
  return { fixture, desk, wangChat, liChat, zhao, wang };
}

describe('gateway: quality review (质检) calls over WebSockets', () => {
  it('lets a supervisor sample, review, score, submit and report, acting as themselves', async () => {
    const { desk, wangChat, liChat, zhao } = await startDesk();
    const cards = await call(zhao, 'quality.scorecards');
    expect(cards).toEqual({ ok: true, result: [DEFAULT_SCORECARD] });
    const sample = await call(zhao, 'quality.sample', {
      from: 0,
      to: desk.clock.now() + 1,
      share: 1,
      seed: '2026-W46',
    });
    expect(sample.ok).toBe(true);
    const picked = (sample.result as { conversationId: string }[]).map((s) => s.conversationId);
    expect(picked.sort()).toEqual([wangChat, liChat].sort());

    // Whoever the input names, the reviewer is the connection's agent.
    const started = await call(zhao, 'quality.start', {
      conversationId: wangChat,
      scorecard: DEFAULT_SCORECARD,
      reviewerId: 'agt_li',
    });
    const review = started.result as Review;
    expect(review).toMatchObject({ agentId: 'agt_wang', reviewerId: 'agt_zhao', status: 'draft' });
    expect(review.flags.map((f) => f.kind)).toContain('forbidden_word');
    const scored = await call(zhao, 'quality.score', { reviewId: review.id, scores: allScores });
    expect((scored.result as Review).total).not.toBeNull();
    const submitted = await call(zhao, 'quality.submit', { reviewId: review.id });
    expect((submitted.result as Review).status).toBe('submitted');
    const report = await call(zhao, 'quality.report');
    expect(report.result).toMatchObject([{ agentId: 'agt_wang', reviews: 1 }]);
    const listed = await call(zhao, 'quality.list', { agentId: 'agt_wang' });
    expect((listed.result as Review[]).map((r) => r.id)).toEqual([review.id]);
  });

  it('shows a plain agent only their own reviews, lets them dispute those, and nothing else', async () => {
    const { desk, wangChat, liChat, zhao, wang } = await startDesk();
    const review = async (conversationId: string) => {
      const { result } = (await call(zhao, 'quality.start', {
        conversationId,
        scorecard: DEFAULT_SCORECARD,
      })) as { result: Review };
      await call(zhao, 'quality.score', { reviewId: result.id, scores: allScores });
      await call(zhao, 'quality.submit', { reviewId: result.id });
      return result.id;
    };
    const own = await review(wangChat);
    const other = await review(liChat);

    const mine = await call(wang, 'quality.list');
    expect((mine.result as Review[]).map((r) => r.id)).toEqual([own]);
    expect(await call(wang, 'quality.list', { agentId: 'agt_li' })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect((await call(wang, 'quality.get', { reviewId: own })).ok).toBe(true);
    expect(await call(wang, 'quality.get', { reviewId: other })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    const before = await desk.quality.get(other);
    expect(
      await call(wang, 'quality.dispute', {
        reviewId: other,
        reason: '不是我的会话',
        by: 'agt_li',
      }),
    ).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(await desk.quality.get(other)).toEqual(before);

    for (const [method, input] of [
      ['quality.scorecards', {}],
      ['quality.sample', { from: 0, to: desk.clock.now() + 1, share: 1, seed: 's' }],
      ['quality.start', { conversationId: wangChat, scorecard: DEFAULT_SCORECARD }],
      ['quality.score', { reviewId: own, scores: { greeting: 0 } }],
      ['quality.resolve', { reviewId: own, outcome: 'upheld' }],
      ['quality.report', {}],
    ] as const) {
      expect(await call(wang, method, input), method).toEqual({ ok: false, code: 'FORBIDDEN' });
    }

    const disputed = await call(wang, 'quality.dispute', { reviewId: own, reason: '客户先离开了' });
    expect(disputed.result).toMatchObject({
      status: 'disputed',
      dispute: { reason: '客户先离开了' },
    });
    const settled = await call(zhao, 'quality.resolve', {
      reviewId: own,
      outcome: 'revised',
      note: '改判',
      scores: { empathy: 90 },
    });
    expect(settled.result).toMatchObject({ status: 'revised', resolution: { by: 'agt_zhao' } });
  });

  it('refuses a plain agent the supervisor calls with roles enforced too', async () => {
    const { wang, zhao } = await startDesk(true);
    expect(await call(wang, 'quality.report')).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect((await call(zhao, 'quality.report')).ok).toBe(true);
    expect((await call(wang, 'quality.list')).ok).toBe(true);
  });
});

describe('gateway: incident calls over WebSockets', () => {
  it('lets a supervisor switch incident mode and every agent read it', async () => {
    const { desk, zhao, wang } = await startDesk();
    expect(await call(wang, 'incidents.current')).toEqual({ ok: true, result: null });
    expect(await call(wang, 'incidents.start', { message, mode: 'leave-message' })).toEqual({
      ok: false,
      code: 'FORBIDDEN',
    });
    expect(await call(wang, 'incidents.history')).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(await desk.incidents.current()).toBeNull();

    const started = await call(zhao, 'incidents.start', {
      message,
      mode: 'leave-message',
      by: 'agt_wang',
    });
    const incident = started.result as Incident;
    expect(incident).toMatchObject({ mode: 'leave-message', startedBy: 'agt_zhao', message });
    expect((await wang.next('incident', (f) => f.incident !== null)).incident?.id).toBe(
      incident.id,
    );
    expect((await call(wang, 'incidents.current')).result).toEqual(incident);
    expect(await call(wang, 'incidents.end')).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(await call(zhao, 'incidents.start', { message })).toEqual({
      ok: false,
      code: 'INVALID_TRANSITION',
    });
    const ended = await call(zhao, 'incidents.end');
    expect(ended.result).toMatchObject({ id: incident.id, endedBy: 'agt_zhao' });
    await wang.next('incident', (f) => f.incident === null);
    const history = await call(zhao, 'incidents.history', { limit: 5 });
    expect((history.result as Incident[]).map((i) => i.id)).toEqual([incident.id]);
    expect(await call(zhao, 'incidents.start', { message: { en: 'no Chinese' } })).toEqual({
      ok: false,
      code: 'VALIDATION',
    });
  });
});
