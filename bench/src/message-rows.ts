import type { DomainEventDraft, Message } from '@kefu/core';

/** The customer message the storage benchmarks write, as the desk would store it. */
export const customerMessage = (
  conversationId: string,
  seq: number,
  id: string,
  at: number,
): Message => ({
  id,
  conversationId,
  seq,
  author: { kind: 'customer', id: 'cus_lin' },
  text: '我的糖果什么时候到？',
  attachments: [],
  internal: false,
  clientId: null,
  createdAt: at,
});

/** The `message.posted` event a stored message goes out with. */
export const postedEvent = (m: Message): DomainEventDraft => ({
  type: 'message.posted',
  at: m.createdAt,
  subject: { kind: 'conversation', id: m.conversationId },
  data: { message: m },
});
