import type { ConversationView } from '@kefu/client';
import type { WireConversation } from '@kefu/core/wire';
import { describe, expect, it } from 'vitest';
import { groupInbox } from './inbox-order';

function view(
  id: string,
  status: string,
  details: Partial<NonNullable<WireConversation['details']>> = {},
  assigneeId: string | null = null,
): ConversationView {
  return {
    id,
    conversation: {
      id,
      customerId: 'cus_lin',
      clientId: null,
      status,
      topic: null,
      assigneeId,
      lastSeq: 1,
      createdAt: 0,
      updatedAt: 0,
      details: {
        channel: 'web',
        priority: 'normal',
        tags: [],
        skills: [],
        team: null,
        queuedAt: 0,
        leftMessage: false,
        dueAt: null,
        slaState: 'ok',
        ...details,
      },
    } as WireConversation,
    messages: [],
    syncedSeq: 1,
    typing: [],
    peerReadSeq: 0,
    queue: null,
    survey: null,
  } as ConversationView;
}

describe('the inbox order', () => {
  it('puts breached before at risk before on time, then the nearest deadline, then priority and wait', () => {
    const { queued } = groupInbox(
      [
        view('ok-late', 'queued', { dueAt: 9_000 }),
        view('urgent', 'queued', { priority: 'urgent' }),
        view('risk', 'queued', { slaState: 'at_risk', dueAt: 5_000 }),
        view('ok-soon', 'queued', { dueAt: 1_000 }),
        view('breached', 'queued', { slaState: 'breached', dueAt: 8_000 }),
        view('waited', 'queued', { queuedAt: -5 }),
      ],
      'agt_wang',
    );
    expect(queued.map((v) => v.id)).toEqual([
      'breached',
      'risk',
      'ok-soon',
      'ok-late',
      'urgent',
      'waited',
    ]);
  });

  it("splits the queue from the agent's own conversations and leaves out other agents'", () => {
    const { queued, mine } = groupInbox(
      [
        view('q', 'queued'),
        view('mine', 'active', {}, 'agt_wang'),
        view('parked', 'pending', {}, 'agt_wang'),
        view('theirs', 'active', {}, 'agt_li'),
      ],
      'agt_wang',
    );
    expect(queued.map((v) => v.id)).toEqual(['q']);
    expect(mine.map((v) => v.id).sort()).toEqual(['mine', 'parked']);
  });
});
