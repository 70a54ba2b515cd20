import { describe, expect, it } from 'vitest';
import { candyShopKnowledge } from '../fixtures/candy-shop-knowledge';
import { candyShopQuestions } from '../fixtures/candy-shop-questions';
import { Bm25Index } from './bm25-index';
import { tokenize } from './tokenize';

describe('tokenize', () => {
  it('cuts Chinese into bigrams and folds English words', () => {
    expect(tokenize('我的巧克力 melted!')).toEqual(['我的', '的巧', '巧克', '克力', 'melt']);
    expect(tokenize('Where are my orders?')).toEqual(['order']);
    expect(tokenize('糖')).toEqual(['糖']);
  });
});

describe('BM25 index', () => {
  const index = new Bm25Index();
  for (const article of candyShopKnowledge) index.add(article);
  const topicOf = (id: string) => candyShopKnowledge.find((a) => a.id === id)?.topic;

  it('ranks the right article first for a plain question, in both languages', () => {
    expect(index.search('巧克力融化了')[0]?.id).toBe('kb_melted_zh');
    expect(index.search('my parcel tracking number')[0]?.id).toBe('kb_tracking_en');
  });

  it('filters by locale, replaces and removes documents', () => {
    expect(
      index.search('chocolate', { locale: 'zh-CN' }).every((hit) => hit.id.endsWith('_zh')),
    ).toBe(true);
    const copy = new Bm25Index();
    copy.add({ id: 'a', title: '发货', body: '', tags: [], locale: 'zh-CN' });
    copy.add({ id: 'a', title: '退款', body: '', tags: [], locale: 'zh-CN' });
    expect(copy.search('发货')).toEqual([]);
    expect(copy.search('退款')[0]?.id).toBe('a');
    copy.remove('a');
    expect(copy.size).toBe(0);
    expect(copy.search('退款')).toEqual([]);
  });

  it('answers the labelled candy-shop questions: top-3 accuracy at least 0.9', () => {
    expect(candyShopQuestions.length).toBeGreaterThanOrEqual(100);
    let top3 = 0;
    const misses: string[] = [];
    for (const question of candyShopQuestions) {
      const hits = index.search(question.text, { limit: 3, locale: question.locale });
      if (hits.some((hit) => topicOf(hit.id) === question.topic)) top3++;
      else misses.push(question.text);
    }
    const accuracy = top3 / candyShopQuestions.length;
    expect(accuracy, `missed: ${misses.join(' | ')}`).toBeGreaterThanOrEqual(0.9);
  });
});
