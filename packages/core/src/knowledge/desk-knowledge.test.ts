import { describe, expect, it } from 'vitest';
import { setupDesk } from '../desk/desk-test-setup';
import { candyShopKnowledge } from '../fixtures/candy-shop-knowledge';

describe('desk: knowledge base', () => {
  it('runs the review workflow and searches only published articles', async () => {
    const { desk } = await setupDesk();
    const draft = await desk.knowledge.create({
      title: '下单后多久发货？',
      body: '付款后 48 小时内发货。',
      category: 'orders',
      tags: ['发货'],
      by: 'agt_wang',
    });
    expect(await desk.knowledge.search({ query: '多久发货' })).toEqual([]);
    const edited = await desk.knowledge.edit({
      articleId: draft.id,
      body: '现货付款后 24 小时内发货。',
      by: 'agt_wang',
    });
    expect(edited).toMatchObject({
      revision: 2,
      revisions: [{ revision: 1, body: '付款后 48 小时内发货。' }],
    });
    await desk.knowledge.submit({ articleId: draft.id, by: 'agt_wang' });
    await expect(
      desk.knowledge.edit({ articleId: draft.id, title: 'x', by: 'agt_wang' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await desk.knowledge.approve({ articleId: draft.id, by: 'agt_li' });
    expect((await desk.knowledge.search({ query: '多久发货' }))[0]).toMatchObject({
      id: draft.id,
      body: '现货付款后 24 小时内发货。',
    });
    expect(await desk.knowledge.suggest({ query: '发货' })).toEqual(['下单后多久发货？']);
    await desk.knowledge.revise({ articleId: draft.id, by: 'agt_wang' });
    expect(await desk.knowledge.search({ query: '多久发货' })).toEqual([]);
    await expect(
      desk.knowledge.approve({ articleId: draft.id, by: 'agt_li' }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect((await desk.knowledge.list({ status: ['draft'] })).map((a) => a.id)).toEqual([draft.id]);
  });

  it('feeds the desk’s own knowledge bot', async () => {
    const { desk } = await setupDesk({
      initialStatus: 'bot',
      knowledgeBot: { skillsByCategory: { quality: ['after-sales'] } },
    });
    for (const article of candyShopKnowledge.filter(
      (a) => a.topic === 'melted' || a.topic === 'tracking',
    )) {
      const { id } = await desk.knowledge.create({ ...article, by: 'agt_wang' });
      await desk.knowledge.submit({ articleId: id, by: 'agt_wang' });
      await desk.knowledge.approve({ articleId: id, by: 'agt_li' });
    }
    // cus_lin is VIP in the setup, and VIPs go straight to a person.
    await desk.customers.upsert({ id: 'cus_lin', tier: 'standard' });
    const { id } = await desk.conversations.start({
      customerId: 'cus_lin',
      message: { text: '巧克力到了都化了' },
    });
    await desk.bot.idle();
    const messages = await desk.messages.list({ conversationId: id });
    expect(messages.at(-1)).toMatchObject({ author: { kind: 'bot' } });
    expect(messages.at(-1)?.text).toContain('冰袋');
    const suggested = await desk.knowledge.suggestFor({
      conversationId: id,
      locale: 'zh-CN',
      limit: 1,
    });
    expect(suggested.map((hit) => hit.id)).toEqual(['kb_melted_zh']);
  });

  it('refuses bad articles with VALIDATION', async () => {
    const { desk } = await setupDesk();
    await expect(
      desk.knowledge.create({ title: '', body: 'x', category: 'orders', by: 'agt_wang' }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await desk.knowledge.list()).toEqual([]);
  });
});
