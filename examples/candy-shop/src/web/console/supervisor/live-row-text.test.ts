import type { WireLiveConversation } from '@kefu/client/agent';
import { describe, expect, it } from 'vitest';
import { liveRowText } from './live-row-text';

const row = (over: Partial<WireLiveConversation>): WireLiveConversation => ({
  conversationId: 'conv_1',
  customerId: 'cus_lin',
  status: 'queued',
  topic: null,
  channel: 'web',
  priority: 'normal',
  team: null,
  leftMessage: false,
  assigneeId: null,
  queuedAt: Date.UTC(2026, 11, 4, 2, 0),
  assignedAt: null,
  queueTimeMs: 0,
  slaState: 'ok',
  dueAt: null,
  dueTarget: null,
  sentiment: 'calm',
  lastSeq: 1,
  updatedAt: 1,
  ...over,
});

describe('liveRowText', () => {
  it('keeps counting the queue time of a waiting conversation', () => {
    const waiting = row({ queueTimeMs: 1_000 });
    const now = (waiting.queuedAt ?? 0) + 192_000;
    expect(liveRowText(waiting, now).queueTime).toBe('3m 12s');
  });

  it('shows the time it waited once assigned, and an overdue deadline in Shanghai time', () => {
    const served = row({
      status: 'active',
      assigneeId: 'agt_wang',
      queueTimeMs: 45_000,
      slaState: 'breached',
      dueAt: Date.UTC(2026, 11, 4, 2, 10),
      sentiment: 'angry',
    });
    const text = liveRowText(served, Date.UTC(2026, 11, 4, 2, 12));
    expect(text).toEqual({
      status: '接待中 Active',
      sentiment: '😠 不满 Angry',
      sla: '超时 Breached',
      queueTime: '45s',
      due: '10:10:00 (-2m 00s)',
    });
  });
});
