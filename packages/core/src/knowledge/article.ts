import { z } from 'zod';
import { IdSchema, InstantSchema, LabelSchema } from '../validation/common-schemas';

/**
 * The review workflow of an article, in order.
 *
 * @example
 * ```ts
 * const live = articles.filter((article) => article.status === ARTICLE_STATUSES[2]); // published
 * ```
 */
export const ARTICLE_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
/**
 * Review workflow of a knowledge-base article.
 *
 * @example
 * ```ts
 * const label: Record<ArticleStatus, string> = { draft: '草稿', in_review: '审核中', published: '已发布', archived: '已归档' };
 * ```
 */
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

/**
 * The editable content of an article: title, body, category and tags.
 *
 * @example
 * ```ts
 * const content = ArticleContentSchema.parse({ title: '下单后多久发货？', body: '付款后 48 小时内发货。', category: 'orders' });
 * ```
 */
export const ArticleContentSchema = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
  category: LabelSchema,
  tags: z.array(LabelSchema).max(20).default([]),
});

/**
 * One saved revision of an article's content.
 *
 * @example
 * ```ts
 * const history: ArticleRevision[] = article.revisions;
 * const previous = history.at(-2);
 * ```
 */
export interface ArticleRevision {
  revision: number;
  title: string;
  body: string;
  category: string;
  tags: string[];
  at: number;
  by: string;
}

/**
 * An article as stored: its locale, current content, status and revisions.
 *
 * @example
 * ```ts
 * const article = ArticleSchema.parse(JSON.parse(row.data));
 * ```
 */
export const ArticleSchema = z.object({
  id: IdSchema,
  locale: z.string().min(2).max(35),
  title: z.string(),
  body: z.string(),
  category: LabelSchema,
  tags: z.array(LabelSchema),
  status: z.enum(ARTICLE_STATUSES),
  /** Content revision: 1 at creation, +1 per edit. */
  revision: z.number().int().positive(),
  revisions: z.array(z.custom<ArticleRevision>()),
  publishedAt: InstantSchema.nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  version: z.number().int().positive(),
  schemaVersion: z.literal(1),
});

/**
 * A knowledge-base article or FAQ entry (知识库文章) in one locale.
 *
 * @example
 * ```ts
 * const article: Article = await desk.knowledge.create({
 *   title: '巧克力融化了怎么办？',
 *   body: '请拍照后联系客服，我们会为您补发或退款。',
 *   category: 'after-sales',
 *   locale: 'zh-CN',
 *   by: 'agt_wang',
 * });
 * ```
 */
export type Article = z.infer<typeof ArticleSchema>;
