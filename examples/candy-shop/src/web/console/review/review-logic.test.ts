import { DEFAULT_SCORECARD } from '@kefu/core';
import { describe, expect, it } from 'vitest';
import { flagsBySeq, readScores, sampleWeek } from './review-logic';

describe('console review: the sampling week', () => {
  it('runs Monday to Monday in Shanghai and is named by its ISO week', () => {
    // Wednesday 11 November 2026, 09:00 in Shanghai.
    const week = sampleWeek(Date.UTC(2026, 10, 11, 1, 0));
    expect(week).toEqual({
      from: Date.UTC(2026, 10, 8, 16, 0), // Monday 9 Nov 00:00 +08:00
      to: Date.UTC(2026, 10, 15, 16, 0),
      seed: '2026-W46',
    });
    // Sunday 23:30 in Shanghai is still that week; Monday 00:00 starts the next.
    expect(sampleWeek(Date.UTC(2026, 10, 15, 15, 30)).seed).toBe('2026-W46');
    expect(sampleWeek(Date.UTC(2026, 10, 15, 16, 0)).seed).toBe('2026-W47');
  });

  it('names the weeks around the new year as ISO 8601 does', () => {
    // Thursday 31 December 2026 is in 2026-W53; Monday 4 January 2027 starts 2027-W01.
    expect(sampleWeek(Date.UTC(2026, 11, 31, 4, 0)).seed).toBe('2026-W53');
    expect(sampleWeek(Date.UTC(2027, 0, 4, 4, 0)).seed).toBe('2027-W01');
    // Friday 1 January 2027 still belongs to 2026's last week.
    expect(sampleWeek(Date.UTC(2027, 0, 1, 4, 0)).seed).toBe('2026-W53');
  });
});

describe('console review: scores and flags', () => {
  it('reads whole scores 0–100, leaves blanks out and refuses the rest', () => {
    expect(readScores(DEFAULT_SCORECARD, { greeting: '90', accuracy: ' ', empathy: '0' })).toEqual({
      scores: { greeting: 90, empathy: 0 },
    });
    for (const bad of ['101', '-1', '7.5', 'abc']) {
      expect(readScores(DEFAULT_SCORECARD, { resolution: bad })).toEqual({
        error: expect.stringContaining('解决问题 Resolution'),
      });
    }
  });

  it('groups rule flags by the message they point at', () => {
    const flags = [
      { kind: 'no_greeting' as const, seq: 2, detail: 'The first reply has no greeting.' },
      { kind: 'forbidden_word' as const, seq: 2, detail: '"不知道"' },
      { kind: 'unanswered_customer' as const, seq: null, detail: 'last message' },
    ];
    const bySeq = flagsBySeq(flags);
    expect(bySeq.get(2)?.map((f) => f.kind)).toEqual(['no_greeting', 'forbidden_word']);
    expect(bySeq.get(null)?.map((f) => f.kind)).toEqual(['unanswered_customer']);
    expect(bySeq.has(1)).toBe(false);
  });
});
