import { candyShopKnowledge } from '@kefu/core/fixtures';

/**
 * The shop's knowledge base (知识库) in 简体中文, English, 繁體中文 and 日本語: shipping, tracking, returns,
 * refunds, melted chocolate, allergens… Kefu's candy-shop set, which its bot is evaluated on.
 * Each is created as a draft, submitted and approved, so it is published and the bot uses it.
 */
export const knowledgeArticles = candyShopKnowledge.map((article) => ({
  id: article.id,
  title: article.title,
  body: article.body,
  category: article.category,
  tags: article.tags,
  locale: article.locale,
}));
