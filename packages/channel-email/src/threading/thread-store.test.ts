import { describe, expect, it } from 'vitest';
import { createMemoryThreadStore } from './thread-store';

describe('createMemoryThreadStore', () => {
  it('remembers mails per conversation, oldest first, each once', () => {
    const store = createMemoryThreadStore();
    store.remember('conv_1', { messageId: '<a@x>', inbound: true });
    store.remember('conv_1', { messageId: '<b@x>', inbound: false });
    store.remember('conv_2', { messageId: '<a@x>', inbound: true });
    expect(store.thread('conv_1')).toEqual([
      { messageId: '<a@x>', inbound: true },
      { messageId: '<b@x>', inbound: false },
    ]);
    expect(store.conversationOf('<a@x>')).toBe('conv_1');
    expect(store.thread('conv_2')).toEqual([]);
  });

  it('stays within its bounds, forgetting the oldest first', () => {
    const store = createMemoryThreadStore({ maxEntries: 3, maxPerConversation: 2 });
    for (const id of ['<1@x>', '<2@x>', '<3@x>'])
      store.remember('conv_1', { messageId: id, inbound: true });
    expect(store.thread('conv_1').map((e) => e.messageId)).toEqual(['<2@x>', '<3@x>']);
    store.remember('conv_2', { messageId: '<4@x>', inbound: true });
    expect(store.conversationOf('<1@x>')).toBeNull();
    expect(store.conversationOf('<4@x>')).toBe('conv_2');
    expect(store.conversationOf('<2@x>')).toBe('conv_1');
  });
});
