import { Bm25Index, type Bm25Index as Bm25IndexType, createKnowledgeBase } from '@kefu/core';
import { candyShopKnowledge, candyShopQuestions, candyShopQuestionsTwJa } from '@kefu/core/testing';
import type { BenchResult } from './bench-result';

/**
 * `bot.top3-accuracy` and `bot.top1-accuracy`: how often the right article is among the first
 * three (first one) results for 108 labelled candy-shop questions. Baseline: the same questions
 * matched by plain word overlap with titles, in the same run.
 */
export async function benchBotAccuracy(): Promise<BenchResult[]> {
  const knowledge = createKnowledgeBase(candyShopKnowledge);
  const topicOf = new Map(candyShopKnowledge.map((a) => [a.id, a.topic]));
  let top1 = 0;
  let top3 = 0;
  let naive1 = 0;
  for (const question of candyShopQuestions) {
    const hits = knowledge.search(question.text, { locale: question.locale, limit: 3 });
    if (topicOf.get(hits[0]?.id ?? '') === question.topic) top1++;
    if (hits.some((hit) => topicOf.get(hit.id) === question.topic)) top3++;
    if (naiveBest(question.text, question.locale) === question.topic) naive1++;
  }
  const n = candyShopQuestions.length;
  const baseline = naive1 / n;
  const params = {
    questions: n,
    articles: candyShopKnowledge.length,
    baseline: 'title word/character overlap, top 1',
    goal: 'top-3 >= 0.9',
  };
  return [
    {
      name: 'bot.top3-accuracy',
      value: top3 / n,
      unit: 'share',
      baseline,
      ratio: Number((top3 / n / Math.max(baseline, 1e-9)).toFixed(2)),
      params,
    },
    {
      name: 'bot.top1-accuracy',
      value: top1 / n,
      unit: 'share',
      baseline,
      ratio: Number((top1 / n / Math.max(baseline, 1e-9)).toFixed(2)),
      params,
    },
  ];
}

/**
 * `bot.top3-accuracy-zh-tw`, `bot.top3-accuracy-ja` and `bot.top3-accuracy-zh-tw-on-zh-cn`: the
 * 72 labelled Traditional Chinese and Japanese questions against their own locale's articles, and
 * the Traditional questions against the Simplified articles only (Traditional → Simplified folding).
 * Baseline: title overlap, top 1, in the same locale, in the same run.
 */
export async function benchBotAccuracyTwJa(): Promise<BenchResult[]> {
  const knowledge = createKnowledgeBase(candyShopKnowledge);
  const topicOf = new Map(candyShopKnowledge.map((a) => [a.id, a.topic]));
  const measure = (name: string, asked: 'zh-TW' | 'ja', searched: string): BenchResult => {
    const questions = candyShopQuestionsTwJa.filter((q) => q.locale === asked);
    let top3 = 0;
    let naive1 = 0;
    for (const question of questions) {
      const hits = knowledge.search(question.text, { locale: searched, limit: 3 });
      if (hits.some((hit) => topicOf.get(hit.id) === question.topic)) top3++;
      if (naiveBest(question.text, searched) === question.topic) naive1++;
    }
    const value = top3 / questions.length;
    const baseline = naive1 / questions.length;
    return {
      name,
      value,
      unit: 'share',
      baseline,
      ratio: Number((value / Math.max(baseline, 1e-9)).toFixed(2)),
      params: {
        questions: questions.length,
        asked,
        searched,
        baseline: 'title word/character overlap, top 1',
        goal: 'top-3 >= 0.9 (own locale), >= 0.85 (zh-TW on zh-CN)',
      },
    };
  };
  return [
    measure('bot.top3-accuracy-zh-tw', 'zh-TW', 'zh-TW'),
    measure('bot.top3-accuracy-ja', 'ja', 'ja'),
    measure('bot.top3-accuracy-zh-tw-on-zh-cn', 'zh-TW', 'zh-CN'),
  ];
}

function naiveBest(text: string, locale: string): string | null {
  let best: string | null = null;
  let bestScore = 0;
  const chars = new Set(text.toLowerCase().split(/(?:)|\s+/u));
  for (const article of candyShopKnowledge) {
    if (article.locale !== locale) continue;
    const score = [...new Set(article.title.toLowerCase().split(/(?:)|\s+/u))].filter((c) =>
      chars.has(c),
    ).length;
    if (score > bestScore) {
      best = article.topic;
      bestScore = score;
    }
  }
  return best;
}

/** `knowledge.search-p99-ms`: BM25 search over 10,000 articles; baseline a substring scan. */
export async function benchKnowledgeSearch(): Promise<BenchResult> {
  const index: Bm25IndexType = new Bm25Index();
  const docs = Array.from({ length: 10_000 }, (_, i) => {
    const source = candyShopKnowledge[i % candyShopKnowledge.length];
    return {
      id: `kb_${i}`,
      title: `${source?.title ?? ''} #${i}`,
      body: `${source?.body ?? ''} 批次 ${i} batch ${i % 97}`,
      tags: source?.tags ?? [],
      locale: source?.locale ?? 'zh-CN',
    };
  });
  for (const doc of docs) index.add(doc);
  const queries = candyShopQuestions.map((q) => q.text);
  const time = (fn: (query: string) => unknown) => {
    const samples: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const query of queries) {
        const started = performance.now();
        fn(query);
        samples.push(performance.now() - started);
      }
    }
    samples.sort((a, b) => a - b);
    return samples[Math.ceil(samples.length * 0.99) - 1] ?? 0;
  };
  time((query) => index.search(query, { limit: 5 }));
  const p99 = time((query) => index.search(query, { limit: 5 }));
  const scan = time((query) =>
    docs
      .filter(
        (doc) => doc.body.includes(query.slice(0, 2)) || doc.title.includes(query.slice(0, 2)),
      )
      .slice(0, 5),
  );
  return {
    name: 'knowledge.search-p99-ms',
    value: Number(p99.toFixed(3)),
    unit: 'ms',
    baseline: Number(scan.toFixed(3)),
    ratio: Number((p99 / scan).toFixed(2)),
    params: {
      articles: docs.length,
      queries: queries.length * 5,
      baseline: 'substring scan of every article',
      goal: 'value < 5',
    },
  };
}
