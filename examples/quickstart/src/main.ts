import { createMemoryAdapter } from '@kefu/adapter-memory';
import { createDesk, type DomainEvent } from '@kefu/core';
import { VirtualClock } from '@kefu/core/testing';
import { runCandyShopStory } from './candy-shop-story';

// A virtual clock lets the story cover a whole day (the reopen window) in a moment.
const clock = new VirtualClock(Date.UTC(2026, 10, 15, 1, 30));
const desk = createDesk({ storage: createMemoryAdapter(), clock, reopenWindowMs: 24 * 3_600_000 });

const time = (at: number) =>
  new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

desk.on('*', (event: DomainEvent) => {
  if (event.type === 'message.posted') {
    const { author, text, internal } = event.data.message;
    const who = { customer: '顾客', agent: '客服', bot: '机器人', system: '系统' }[author.kind];
    console.log(`${time(event.at)}  ${who}${internal ? '(内部备注)' : ''}: ${text}`);
  } else if (event.type.startsWith('conversation.')) {
    const status = 'conversation' in event.data ? (event.data.conversation?.status ?? '') : '';
    console.log(`${time(event.at)}  · ${event.type} → ${status}`);
  }
});

console.log('Kefu quickstart — a candy-shop conversation (糖果店客服会话)\n');
const conversationId = await runCandyShopStory(desk, clock);
const conversation = await desk.conversations.get({ conversationId });
const log = await desk.events.read({ after: 0, limit: 1000 });

console.log(`\nFinal status: ${conversation?.status} (${conversation?.closeReason})`);
if (conversation?.firstResponseAt && conversation.queuedAt) {
  console.log(
    `First response ${(conversation.firstResponseAt - conversation.queuedAt) / 1000} s after queueing`,
  );
}
console.log(`Messages: ${conversation?.lastSeq}, events in the log: ${log.length}`);
