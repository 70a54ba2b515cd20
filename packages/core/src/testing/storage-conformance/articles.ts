import { describe, expect, it } from 'vitest';
import type { Article } from '../../knowledge/article';
import { expectKefuError, type GetAdapter } from './conformance-helpers';
import { FIXTURE_NOW } from './fixtures';

/** A valid article record, with fields overridable. */
export function makeArticle(overrides: Partial<Article> = {}): Article {
  return {
    id: 'kb_ship_zh',
    locale: 'zh-CN',
    title: '下单后多久发货？',
    body: '付款后 48 小时内发货。',
    category: 'orders',
    tags: ['发货'],
    status: 'draft',
    revision: 1,
    revisions: [],
    publishedAt: null,
    createdAt: FIXTURE_NOW,
    updatedAt: FIXTURE_NOW,
    version: 1,
    schemaVersion: 1,
    ...overrides,
  };
}

export function articlesConformance(adapter: GetAdapter): void {
  describe('knowledge articles', () => {
    it('stores, reads and updates an article with a version check', async () => {
      const article = makeArticle();
      await adapter().transaction((tx) => tx.articles.insert(article));
      expect(await adapter().read.articles.get(article.id)).toEqual(article);
      const published = {
        ...article,
        status: 'published' as const,
        publishedAt: FIXTURE_NOW,
        version: 2,
      };
      await adapter().transaction((tx) => tx.articles.update(published, 1));
      expect(await adapter().transaction((tx) => tx.articles.get(article.id))).toEqual(published);
      await expectKefuError(
        adapter().transaction((tx) => tx.articles.update(published, 1)),
        'CONFLICT',
      );
      await expectKefuError(
        adapter().transaction((tx) => tx.articles.insert(article)),
        'CONFLICT',
      );
    });

    it('lists by status, locale and category, ordered by id', async () => {
      await adapter().transaction(async (tx) => {
        await tx.articles.insert(makeArticle({ id: 'kb_b', status: 'published' }));
        await tx.articles.insert(makeArticle({ id: 'kb_a', status: 'published', locale: 'en' }));
        await tx.articles.insert(makeArticle({ id: 'kb_c', status: 'draft', category: 'payment' }));
      });
      const ids = (list: Article[]) => list.map((a) => a.id);
      expect(ids(await adapter().read.articles.list({}))).toEqual(['kb_a', 'kb_b', 'kb_c']);
      expect(ids(await adapter().read.articles.list({ status: ['published'] }))).toEqual([
        'kb_a',
        'kb_b',
      ]);
      expect(
        ids(await adapter().read.articles.list({ status: ['published'], locale: 'zh-CN' })),
      ).toEqual(['kb_b']);
      expect(ids(await adapter().read.articles.list({ category: 'payment' }))).toEqual(['kb_c']);
    });
  });
}
