import type { WireConversationDetails } from '@kefu/client';
import { describe, expect, it } from 'vitest';
import { slaText } from './sla-text';

const details = (changes: Partial<WireConversationDetails>): WireConversationDetails => ({
  channel: 'web',
  priority: 'normal',
  tags: [],
  skills: [],
  team: 'logistics',
  queuedAt: null,
  leftMessage: false,
  dueAt: null,
  slaState: 'ok',
  ...changes,
});

// Friday 16:58 in Shanghai; the three-minute first reply is due Monday 09:01.
const now = Date.parse('2026-11-13T16:58:00+08:00');
const monday = Date.parse('2026-11-16T09:01:00+08:00');

/** The badge's text for one running clock. */
const textFor = (
  dueAt: number,
  dueClock: NonNullable<WireConversationDetails['dueClock']>,
  slaState: WireConversationDetails['slaState'] = 'ok',
) => slaText(details({ dueAt, dueClock, slaState }), now);

describe('slaText', () => {
  it('names the target, its budget, the due time and that closed hours are excluded', () => {
    const text = textFor(monday, { target: 'firstResponse', budgetMs: 180_000, hours: 'business' });
    expect(text.full).toBe(
      '正常 OK · 首次响应 First reply ≤ 3 分钟 min · 截止 Due 11/16 09:01 (64h 03m) · 仅计营业时间 Closed hours excluded',
    );
    expect(text.compact).toBe('正常 OK · 首次响应 First reply · 64h 03m');
  });

  it('says calendar hours, hours budgets, and overdue as negative', () => {
    const text = textFor(
      now - 65_000,
      { target: 'resolution', budgetMs: 48 * 3_600_000, hours: 'calendar' },
      'breached',
    );
    expect(text.full).toMatch(
      /^超时 Breached · 解决 Resolution ≤ 48 小时 h · 截止 Due .+ \(-1m 05s\) · 按自然时间 Calendar hours$/,
    );
  });

  it('writes whole hours as hours', () => {
    const text = textFor(now, { target: 'resolution', budgetMs: 3_600_000, hours: 'business' });
    expect(text.full).toContain('解决 Resolution ≤ 1 小时 h');
  });

  it('shows only the state without a running clock (or from an older gateway)', () => {
    expect(slaText(details({}), now)).toEqual({ full: '正常 OK', compact: '正常 OK' });
  });
});
