import { describe, expect, it } from 'vitest';
import { ConversationSchema } from './conversation';
import { copyConversation } from './copy-conversation';
import { newConversation } from './new-conversation';

describe('copyConversation', () => {
  it('copies every field of the schema into a fresh, unfrozen object', () => {
    const stored = Object.freeze({
      ...newConversation({
        id: 'cnv_8fJ2kq1x',
        customerId: 'cus_lin',
        clientId: null,
        channel: 'web',
        topic: '物流',
        priority: 'normal',
        tags: ['催单'],
        skills: ['logistics'],
        team: null,
        leftMessage: false,
        status: 'queued',
        at: 1_700_000_000_000,
      }),
      assigneeId: 'agt_wang',
      lastSeq: 12,
    });
    const copy = copyConversation(stored);
    expect(copy).toStrictEqual(stored);
    expect(copy).not.toBe(stored);
    expect(Object.isFrozen(copy)).toBe(false);
    expect(Object.keys(copy).sort()).toEqual(Object.keys(ConversationSchema.shape).sort());
  });
});
