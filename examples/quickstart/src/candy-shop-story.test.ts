import { createMemoryAdapter } from '@kefu/adapter-memory';
import { createDesk } from '@kefu/core';
import { VirtualClock } from '@kefu/core/testing';
import { describe, expect, it } from 'vitest';
import { runCandyShopStory } from './candy-shop-story';

describe('quickstart story', () => {
  it('ends with the conversation closed by its reopen window, every message stored', async () => {
    const clock = new VirtualClock(Date.UTC(2026, 10, 15, 1, 30));
    const desk = createDesk({ storage: createMemoryAdapter(), clock });
    const id = await runCandyShopStory(desk, clock);
    expect(await desk.conversations.get({ conversationId: id })).toMatchObject({
      status: 'closed',
      closeReason: 'reopen-window-ended',
      lastSeq: 7,
      priority: 'high',
    });
    const customerView = await desk.messages.list({ conversationId: id, includeInternal: false });
    expect(customerView.map((m) => m.author.kind)).toEqual([
      'customer',
      'bot',
      'customer',
      'agent',
      'customer',
      'agent',
    ]);
  });
});
