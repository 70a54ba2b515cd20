import { z } from 'zod';
import { IdSchema, InstantSchema, LabelSchema } from '../validation/common-schemas';

export const ARTICLE_STATUSES = ['draft', 'in_review', 'published', 'archived'] as const;
/** Review workflow of a knowledge-base article. */
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];

export const ArticleContentSchema = z.object({
  title: z.string().trim().min(1).max(200),
  body: z.string().trim().min(1).max(20_000),
  category: LabelSchema,
  tags: z.array(LabelSchema).max(20).default([]),
});

/** One saved revision of an article's content. */
export interface ArticleRevision {
  revision: number;
  title: string;
  body: string;
  category: string;
  tags: string[];
  at: number;
  by: string;
}

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

/** A knowledge-base article or FAQ entry (知识库文章) in one locale. */
export type Article = z.infer<typeof ArticleSchema>;
