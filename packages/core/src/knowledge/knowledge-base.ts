import { Bm25Index } from './bm25-index';
import type { KnowledgeHit, KnowledgeSource } from './bot/knowledge-bot';

/**
 * An article as the knowledge base indexes it.
 *
 * @example
 * ```ts
 * const kb = createKnowledgeBase([
 *   { id: 'kb_1', title: '发货时间', body: '付款后 48 小时内发货', category: 'orders', tags: [], locale: 'zh-CN' },
 * ]);
 * ```
 */
export interface KnowledgeArticle {
  id: string;
  title: string;
  body: string;
  category: string;
  tags: readonly string[];
  locale: string;
}

/**
 * A searchable knowledge base (知识库) in memory: BM25 over title, body and tags, Chinese and
 * English. Feed it the shop's published articles; it is the bot's `KnowledgeSource`.
 *
 * @example
 * const knowledge = createKnowledgeBase(candyShopKnowledge);
 * knowledge.search('巧克力化了', { locale: 'zh-CN', limit: 3 });
 */
export function createKnowledgeBase(articles: Iterable<KnowledgeArticle> = []) {
  const index = new Bm25Index();
  const byId = new Map<string, KnowledgeArticle>();
  const put = (article: KnowledgeArticle) => {
    byId.set(article.id, article);
    index.add(article);
  };
  for (const article of articles) put(article);
  const search = (query: string, options: { locale?: string; limit: number }): KnowledgeHit[] =>
    index.search(query, options).flatMap((hit) => {
      const article = byId.get(hit.id);
      return article
        ? [
            {
              ...hit,
              locale: article.locale,
              title: article.title,
              body: article.body,
              category: article.category,
            },
          ]
        : [];
    });
  return {
    put,
    remove(id: string) {
      byId.delete(id);
      index.remove(id);
    },
    get: (id: string) => byId.get(id) ?? null,
    get size() {
      return byId.size;
    },
    search,
    /** Article titles for what the customer has typed so far (搜索建议). */
    suggest(text: string, options: { locale?: string; limit?: number } = {}): string[] {
      if (text.trim().length === 0) return [];
      return search(text, {
        limit: options.limit ?? 5,
        ...(options.locale ? { locale: options.locale } : {}),
      }).map((hit) => hit.title);
    },
  } satisfies KnowledgeSource & Record<string, unknown>;
}

/**
 * An in-memory knowledge base: put and remove articles, search them (BM25) and suggest titles.
 *
 * @example
 * ```ts
 * const kb: KnowledgeBase = createKnowledgeBase(articles);
 * const hits = kb.search('多久发货', { locale: 'zh-CN', limit: 3 });
 * const titles = kb.suggest('发货');
 * ```
 */
export type KnowledgeBase = ReturnType<typeof createKnowledgeBase>;
