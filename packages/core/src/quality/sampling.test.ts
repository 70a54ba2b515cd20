import { describe, expect, it } from 'vitest';
import { type SampleCandidate, sampleForReview } from './sampling';

const DAY = 24 * 3600_000;
const MONDAY = Date.UTC(2026, 10, 9); // 2026-11-09, a Monday

function candidates(): SampleCandidate[] {
  const list: SampleCandidate[] = [];
  for (const agentId of ['agt_wang', 'agt_li']) {
    for (let i = 0; i < 28; i++) {
      list.push({
        conversationId: `cnv_${agentId}_${i}`,
        agentId,
        closedAt: MONDAY + (i % 14) * DAY + 3600_000,
        csat: 4,
      });
    }
  }
  list.push({ conversationId: 'cnv_low', agentId: 'agt_wang', closedAt: MONDAY, csat: 1 });
  list.push({
    conversationId: 'cnv_breach',
    agentId: 'agt_li',
    closedAt: MONDAY,
    slaBreached: true,
  });
  return list;
}

describe('sampleForReview', () => {
  it('takes the share per agent per week, plus every low CSAT and breached SLA', () => {
    const picks = sampleForReview(candidates(), { share: 0.1, seed: 's1' });
    const random = picks.filter((p) => p.reason === 'random');
    // 14 conversations per agent per week (two weeks): ceil(0.1 × 14) = 2 each → 8.
    expect(random).toHaveLength(8);
    for (const agentId of ['agt_wang', 'agt_li']) {
      for (const week of new Set(random.map((p) => p.week))) {
        expect(random.filter((p) => p.agentId === agentId && p.week === week)).toHaveLength(2);
      }
    }
    expect(picks.find((p) => p.conversationId === 'cnv_low')?.reason).toBe('low_csat');
    expect(picks.find((p) => p.conversationId === 'cnv_breach')?.reason).toBe('sla_breached');
  });

  it('is deterministic for a seed, whatever the input order, and differs across seeds', () => {
    const a = sampleForReview(candidates(), { share: 0.1, seed: 's1' });
    const b = sampleForReview(candidates().reverse(), { share: 0.1, seed: 's1' });
    const c = sampleForReview(candidates(), { share: 0.1, seed: 's2' });
    expect(b).toEqual(a);
    expect(c.map((p) => p.conversationId)).not.toEqual(a.map((p) => p.conversationId));
  });

  it('takes nothing at random with share 0 and everything with share 1', () => {
    expect(sampleForReview(candidates(), { share: 0, seed: 'x' }).map((p) => p.reason)).toEqual(
      expect.not.arrayContaining(['random']),
    );
    expect(sampleForReview(candidates(), { share: 1, seed: 'x' })).toHaveLength(58);
  });
});
