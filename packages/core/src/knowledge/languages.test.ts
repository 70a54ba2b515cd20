import { describe, expect, it } from 'vitest';
import { setupDesk } from '../desk/desk-test-setup';
import { candyShopKnowledge } from '../fixtures/candy-shop-knowledge';
import { candyShopQuestionsTwJa } from '../fixtures/candy-shop-questions-tw-ja';
import { Bm25Index } from './bm25-index';
import { articleLocales, botLanguageOf } from './bot/bot-language';
import { asksForPerson } from './bot/handoff-request';
import { createKnowledgeBot } from './bot/knowledge-bot';
import { lexiconSentiment } from './bot/sentiment';
import { foldTraditional } from './han-folding';
import { createKnowledgeBase } from './knowledge-base';
import { tokenize } from './tokenize';

describe('tokenizing Traditional Chinese and Japanese', () => {
  it('folds Traditional characters to Simplified, so both scripts give the same terms', () => {
    expect(foldTraditional('我的訂單還沒到，請幫我查一下物流')).toBe(
      '我的订单还没到，请帮我查一下物流',
    );
    expect(tokenize('巧克力融化了怎麼辦')).toEqual(tokenize('巧克力融化了怎么办'));
    expect(tokenize('退貨')).toEqual(['退货']);
    expect(foldTraditional('チョコレート and English')).toBe('チョコレート and English');
  });

  it('cuts Japanese by script: kanji and katakana bigrams, hiragana grammar left out', () => {
    expect(tokenize('チョコが溶けた')).toEqual(['チョ', 'ョコ', '溶']);
    expect(tokenize('返品はできますか？')).toEqual(['返品']);
    expect(tokenize('ハードキャンディ・グミ')).toEqual([
      'ハー',
      'ード',
      'ドキ',
      'キャ',
      'ャン',
      'ンデ',
      'ディ',
      'グミ',
    ]);
    expect(tokenize('時々')).toEqual(['时々']);
  });
});

describe('search over zh-TW and ja articles', () => {
  const index = new Bm25Index();
  for (const article of candyShopKnowledge) index.add(article);
  const topicOf = (id: string) => candyShopKnowledge.find((a) => a.id === id)?.topic;
  const accuracy = (locale: 'zh-TW' | 'ja', searchIn: string) => {
    const questions = candyShopQuestionsTwJa.filter((question) => question.locale === locale);
    let top1 = 0;
    let top3 = 0;
    const misses: string[] = [];
    for (const question of questions) {
      const hits = index.search(question.text, { limit: 3, locale: searchIn });
      if (topicOf(hits[0]?.id ?? '') === question.topic) top1++;
      if (hits.some((hit) => topicOf(hit.id) === question.topic)) top3++;
      else misses.push(question.text);
    }
    return {
      n: questions.length,
      top1: top1 / questions.length,
      top3: top3 / questions.length,
      misses,
    };
  };

  it('has articles in every topic for both new locales, and labelled questions for each', () => {
    const topics = new Set(candyShopKnowledge.map((article) => article.topic));
    for (const locale of ['zh-TW', 'ja'] as const) {
      const own = candyShopKnowledge.filter((article) => article.locale === locale);
      expect(new Set(own.map((article) => article.topic))).toEqual(topics);
      expect(candyShopQuestionsTwJa.filter((q) => q.locale === locale)).toHaveLength(
        topics.size * 2,
      );
    }
  });

  it('answers Traditional Chinese questions from zh-TW articles (top-3 ≥ 0.9)', () => {
    const result = accuracy('zh-TW', 'zh-TW');
    expect(result.top3, `missed: ${result.misses.join(' | ')}`).toBeGreaterThanOrEqual(0.9);
    expect(result.top1).toBeGreaterThanOrEqual(0.8);
  });

  it('answers Japanese questions from ja articles (top-3 ≥ 0.9, top-1 ≥ 0.95)', () => {
    const result = accuracy('ja', 'ja');
    expect(result.top3, `missed: ${result.misses.join(' | ')}`).toBeGreaterThanOrEqual(0.9);
    expect(result.top1).toBeGreaterThanOrEqual(0.95);
  });

  it('finds Simplified articles for Traditional questions through folding (top-3 ≥ 0.85)', () => {
    const result = accuracy('zh-TW', 'zh-CN');
    expect(result.top3, `missed: ${result.misses.join(' | ')}`).toBeGreaterThanOrEqual(0.85);
  });
});

describe('the bot answers in the customer’s language', () => {
  it('maps locales to the bot’s language and to article locales to try', () => {
    expect(['zh-TW', 'zh-HK', 'zh-Hant-TW', 'zh-MO'].map(botLanguageOf)).toEqual([
      'zh-TW',
      'zh-TW',
      'zh-TW',
      'zh-TW',
    ]);
    expect(['zh-CN', 'zh', 'zh-Hans-SG', undefined].map(botLanguageOf)).toEqual([
      'zh-CN',
      'zh-CN',
      'zh-CN',
      'zh-CN',
    ]);
    expect([botLanguageOf('ja-JP'), botLanguageOf('en-GB'), botLanguageOf('ko')]).toEqual([
      'ja',
      'en',
      'en',
    ]);
    expect(articleLocales('ja-JP', ['en'])).toEqual(['ja-JP', 'ja', 'en']);
    expect(articleLocales('zh-TW', ['en'])).toEqual([
      'zh-TW',
      'zh-HK',
      'zh-MO',
      'zh-Hant',
      'zh-CN',
      'zh-SG',
      'zh-Hans',
      'en',
    ]);
  });

  it('recognises requests for a person in Traditional Chinese and Japanese', () => {
    for (const text of ['請幫我轉人工', 'オペレーターと話したいです', '担当者とお話しできますか'])
      expect(asksForPerson(text)).toBe(true);
    expect(asksForPerson('チョコレートが溶けていました')).toBe(false);
  });

  it('hears anger and urgency in Traditional Chinese and Japanese', () => {
    expect(lexiconSentiment('太差了，我要投訴！！')).toMatchObject({ angry: true, urgent: true });
    expect(lexiconSentiment('最悪です。至急返金してください')).toMatchObject({
      angry: true,
      urgent: true,
    });
    expect(lexiconSentiment('ありがとうございました')).toEqual({
      angry: false,
      urgent: false,
      cues: [],
    });
  });

  async function askAs(locale: string, text: string, articles = candyShopKnowledge) {
    const knowledge = createKnowledgeBase(articles);
    const { desk } = await setupDesk({
      bot: createKnowledgeBot({ knowledge }),
      initialStatus: 'bot',
    });
    await desk.customers.upsert({ id: 'cus_asker', locale });
    const { id } = await desk.conversations.start({ customerId: 'cus_asker', message: { text } });
    await desk.bot.idle();
    const [, reply] = await desk.messages.list({ conversationId: id });
    return reply?.text ?? '';
  }

  it('zh-TW customer: the zh-TW article, in Traditional, with Traditional phrases', async () => {
    const reply = await askAs('zh-TW', '收到的巧克力都融化了');
    expect(reply).toContain('冰袋低溫配送');
    expect(reply).toContain('這個回答有幫助嗎');
  });

  it('ja customer: the ja article, with Japanese phrases', async () => {
    const reply = await askAs('ja-JP', '届いたチョコレートが溶けていました');
    expect(reply).toContain('クール便');
    expect(reply).toContain('この回答はお役に立ちましたか');
  });

  it('zh-TW customer without zh-TW articles: the Simplified article, no language note', async () => {
    const simplified = candyShopKnowledge.filter((article) => article.locale === 'zh-CN');
    const reply = await askAs('zh-TW', '收到的巧克力都融化了', simplified);
    expect(reply).toContain('冰袋冷链');
    expect(reply).not.toContain('版本');
    expect(reply).toContain('這個回答有幫助嗎');
  });

  it('ja customer without ja articles: the English article, saying so in Japanese', async () => {
    const noJapanese = candyShopKnowledge.filter((article) => article.locale !== 'ja');
    const reply = await askAs('ja', 'PayPal Visa payment?', noJapanese);
    expect(reply).toContain('（この回答は現在英語のみでご用意しています。）');
    expect(reply).toContain('PayPal');
    expect(reply).toContain('この回答はお役に立ちましたか');
  });

  it('ja customer, no article in any tried locale: asks to rephrase in Japanese', async () => {
    const chineseOnly = candyShopKnowledge.filter((article) => article.locale === 'zh-CN');
    const reply = await askAs('ja', '届いたチョコレートが溶けていました', chineseOnly);
    expect(reply).toBe(
      '申し訳ございません。該当する回答が見つかりませんでした。別の言い方でお試しいただけますか？',
    );
  });
});
