import type { Desk } from '@kefu/core';
import type { VirtualClock } from '@kefu/core/testing';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * A customer asks where her candy is, the bot answers, she asks for a person, routing gives the
 * conversation to an agent with the right skills, the problem is solved, and the desk closes the conversation when the reopen window ends.
 * Returns the conversation id.
 */
export async function runCandyShopStory(desk: Desk, clock: VirtualClock): Promise<string> {
  await desk.customers.upsert({ id: 'cus_lin', name: '林小糖', tier: 'vip', locale: 'zh-CN' });
  await desk.agents.upsert({
    id: 'agt_wang',
    name: '王客服',
    skills: ['orders', 'logistics', 'zh'],
    capacity: 4,
    presence: 'online',
  });
  await desk.agents.upsert({
    id: 'agt_li',
    name: '李售后',
    skills: ['after-sales', 'refund', 'zh'],
    capacity: 4,
    presence: 'online',
  });
  await desk.jobs.start();

  const conversation = await desk.conversations.start({
    customerId: 'cus_lin',
    channel: 'web',
    status: 'bot',
    topic: 'delivery',
    skills: ['logistics', 'zh'],
    message: { text: '我的糖果什么时候到？订单 SO-20261111-0042' },
  });
  const conversationId = conversation.id;

  await clock.advance(2_000);
  await desk.messages.post({
    conversationId,
    author: { kind: 'bot', id: 'bot' },
    text: '订单 SO-20261111-0042 已于 11 月 12 日发货，预计 11 月 14 日送达。',
  });
  await clock.advance(30_000);
  await desk.messages.post({
    conversationId,
    author: { kind: 'customer', id: 'cus_lin' },
    text: '已经 15 号了还没到，转人工',
  });
  await desk.conversations.handoff({ conversationId });
  await desk.conversations.setPriority({ conversationId, priority: 'high' });

  // Routing picks the least busy online agent with the skills the conversation needs.
  await desk.routing.idle();
  await clock.advance(15_000);
  await desk.messages.post({
    conversationId,
    author: { kind: 'agent', id: 'agt_wang' },
    text: '林女士您好，我查到包裹在杭州转运中心滞留，我马上联系快递加急。',
  });
  await desk.messages.post({
    conversationId,
    author: { kind: 'agent', id: 'agt_wang' },
    text: 'VIP 会员，可补偿 20 元优惠券',
    internal: true,
  });
  await desk.conversations.tag({ conversationId, add: ['logistics', 'late-delivery'] });
  await desk.conversations.waitOnCustomer({ conversationId });

  await clock.advance(10 * MINUTE);
  await desk.messages.post({
    conversationId,
    author: { kind: 'customer', id: 'cus_lin' },
    text: '好的，谢谢！',
  });
  await desk.messages.post({
    conversationId,
    author: { kind: 'agent', id: 'agt_wang' },
    text: '不客气，已为您补发 20 元优惠券，祝您生活甜甜的 🍬',
  });
  await desk.conversations.resolve({ conversationId });

  // Nobody writes again: the durable job closes it when the 24-hour reopen window ends.
  await clock.advance(24 * HOUR);
  await desk.stop();
  return conversationId;
}
