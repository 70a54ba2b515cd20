import { describe, expect, it } from 'vitest';
import { setupDesk } from '../../desk/desk-test-setup';
import { candyShopKnowledge } from '../../fixtures/candy-shop-knowledge';
import { createKnowledgeBase } from '../knowledge-base';
import { createCannedReplies, renderTemplate } from './canned-replies';
import { asksForPerson } from './handoff-request';
import { createKnowledgeBot } from './knowledge-bot';
import { lexiconSentiment } from './sentiment';

const knowledge = createKnowledgeBase(candyShopKnowledge);
const bot = createKnowledgeBot({
  knowledge,
  handoffCategories: ['payment'],
  skillsByCategory: { logistics: ['logistics'], quality: ['after-sales'], payment: ['payment'] },
});

async function botDesk() {
  const setup = await setupDesk({ bot, initialStatus: 'bot', routing: { auto: false } });
  await setup.desk.customers.upsert({ id: 'cus_amy', locale: 'en' });
  await setup.desk.customers.upsert({ id: 'cus_lin', tier: 'standard', locale: 'zh-CN' });
  return setup;
}
const customerSays = async (
  desk: Awaited<ReturnType<typeof botDesk>>['desk'],
  id: string,
  who: string,
  text: string,
) => {
  await desk.messages.post({ conversationId: id, author: { kind: 'customer', id: who }, text });
  await desk.bot.idle();
};

describe('knowledge bot in the desk', () => {
  it('answers from the knowledge base when confident, and asks whether it helped', async () => {
    const { desk } = await botDesk();
    const { id } = await desk.conversations.start({
      customerId: 'cus_lin',
      message: { text: '巧克力到货融化了怎么办' },
    });
    await desk.bot.idle();
    const [, reply] = await desk.messages.list({ conversationId: id });
    expect(reply?.author.kind).toBe('bot');
    expect(reply?.text).toContain('冰袋冷链');
    expect(reply?.text).toContain('这个回答有帮助吗');
    expect(await desk.conversations.get({ conversationId: id })).toMatchObject({
      status: 'bot',
      topic: 'quality',
      botMisses: 0,
    });
  });

  it('hands off when the customer asks for a person, carrying topic and skills into routing', async () => {
    const { desk } = await botDesk();
    const { id } = await desk.conversations.start({
      customerId: 'cus_amy',
      message: { text: 'where is my parcel, tracking please' },
    });
    await desk.bot.idle();
    await customerSays(desk, id, 'cus_amy', 'I want to talk to a human');
    const conversation = await desk.conversations.get({ conversationId: id });
    expect(conversation).toMatchObject({
      status: 'queued',
      topic: 'logistics',
      skills: ['logistics'],
    });
    const history = await desk.messages.list({ conversationId: id });
    expect(history.at(-1)).toMatchObject({ internal: true, author: { kind: 'system' } });
    expect(history.at(-1)?.text).toContain('asked-for-person');
    expect(await desk.messages.list({ conversationId: id, includeInternal: false })).toHaveLength(
      4,
    );
  });

  it('hands off after two unconfident answers', async () => {
    const { desk } = await botDesk();
    const { id } = await desk.conversations.start({
      customerId: 'cus_amy',
      message: { text: 'blorp zzz' },
    });
    await desk.bot.idle();
    expect(await desk.conversations.get({ conversationId: id })).toMatchObject({
      status: 'bot',
      botMisses: 1,
    });
    await customerSays(desk, id, 'cus_amy', 'qwerty asdf');
    expect((await desk.conversations.get({ conversationId: id }))?.status).toBe('queued');
  });

  it('hands off at once for VIP customers, angry messages and payment questions', async () => {
    const { desk } = await botDesk();
    await desk.customers.upsert({ id: 'cus_vip', tier: 'vip', locale: 'zh-CN' });
    const vip = await desk.conversations.start({
      customerId: 'cus_vip',
      message: { text: '发货时间' },
    });
    const angry = await desk.conversations.start({
      customerId: 'cus_lin',
      message: { text: '你们太差了，我要投诉' },
    });
    const payment = await desk.conversations.start({
      customerId: 'cus_amy',
      message: { text: 'I was charged twice for one order' },
    });
    await desk.bot.idle();
    for (const { id } of [vip, angry, payment])
      expect((await desk.conversations.get({ conversationId: id }))?.status).toBe('queued');
    expect((await desk.conversations.get({ conversationId: payment.id }))?.skills).toEqual([
      'payment',
    ]);
    expect((await desk.conversations.get({ conversationId: angry.id }))?.tags).toContain('angry');
  });

  it('stays quiet once a person has the conversation', async () => {
    const { desk } = await botDesk();
    const { id } = await desk.conversations.start({
      customerId: 'cus_lin',
      message: { text: '转人工' },
    });
    await desk.bot.idle();
    await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
    await customerSays(desk, id, 'cus_lin', '巧克力融化了');
    const history = await desk.messages.list({ conversationId: id, includeInternal: false });
    expect(history.filter((m) => m.author.kind === 'bot')).toHaveLength(1);
  });
});

describe('sentiment, handoff phrases and canned replies', () => {
  it('flags angry and urgent messages in Chinese and English', () => {
    expect(lexiconSentiment('快递一周都没到，太差了！！')).toMatchObject({
      angry: true,
      urgent: true,
    });
    expect(lexiconSentiment('This is unacceptable, I need it ASAP')).toMatchObject({
      angry: true,
      urgent: true,
    });
    expect(lexiconSentiment('谢谢，收到了')).toEqual({ angry: false, urgent: false, cues: [] });
  });

  it('raises priority for an angry customer when configured', async () => {
    const { desk } = await setupDesk({ sentiment: { raisePriority: true } });
    const { id } = await desk.conversations.start({
      customerId: 'cus_lin',
      message: { text: '马上给我退钱！！' },
    });
    expect(await desk.conversations.get({ conversationId: id })).toMatchObject({
      priority: 'high',
      tags: ['angry', 'urgent'],
    });
  });

  it('recognises requests for a person', () => {
    for (const text of ['人工', '转人工！', 'Can I talk to a real person?', 'AGENT please'])
      expect(asksForPerson(text)).toBe(true);
    expect(asksForPerson('巧克力融化了')).toBe(false);
  });

  it('renders canned replies by shortcut, leaving unknown variables visible', () => {
    const replies = createCannedReplies([
      {
        shortcut: 'ship',
        title: '已发货',
        template: '{{customer.name}}您好，订单 {{order.id}} 已发货，{{order.eta}}送达',
      },
    ]);
    expect(
      replies.render('/ship', { customer: { name: '林小糖' }, order: { id: 'SO-20261111-0042' } }),
    ).toBe('林小糖您好，订单 SO-20261111-0042 已发货，{{order.eta}}送达');
    expect(replies.render('nope', {})).toBeNull();
    expect(renderTemplate('{{a}}', { a: '<script>' })).toBe('<script>');
  });

  it('suggests articles while the customer types', () => {
    expect(knowledge.suggest('退款', { locale: 'zh-CN', limit: 1 })).toEqual(['退款多久到账？']);
    expect(knowledge.suggest('  ')).toEqual([]);
  });
});
