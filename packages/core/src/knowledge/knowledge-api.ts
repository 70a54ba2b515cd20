import { nanoid } from 'nanoid';
import { z } from 'zod';
import type { CommandContext, RunCommand } from '../desk/command-runner';
import { KefuError } from '../errors/kefu-error';
import type { DomainEvent } from '../events/domain-events';
import { transition } from '../machine/transition';
import type { StorageAdapter, StorageTransaction } from '../storage/storage-adapter';
import { insertChanged, updateChanged } from '../storage/upsert-record';
import { IdSchema, LabelSchema } from '../validation/common-schemas';
import { parseInput } from '../validation/parse-input';
import { ARTICLE_STATUSES, type Article, ArticleContentSchema } from './article';
import { type ArticleMachineEvent, articleMachine } from './article-machine';
import type { KnowledgeHit } from './bot/knowledge-bot';
import { createKnowledgeBase, type KnowledgeBase } from './knowledge-base';

const By = { by: IdSchema };
const CreateSchema = ArticleContentSchema.extend({
  ...By,
  id: IdSchema.optional(),
  locale: z.string().min(2).max(35).default('zh-CN'),
});
const EditSchema = z.object({
  ...By,
  articleId: IdSchema,
  ...ArticleContentSchema.partial().shape,
});
const StepSchema = z.object({ ...By, articleId: IdSchema });
const ListSchema = z.object({
  status: z.array(z.enum(ARTICLE_STATUSES)).min(1).optional(),
  locale: z.string().min(2).max(35).optional(),
  category: LabelSchema.optional(),
});
const SearchSchema = z.object({
  query: z.string().max(500),
  locale: z.string().min(2).max(35).optional(),
  limit: z.number().int().min(1).max(50).default(5),
});

const SuggestForSchema = z.object({
  conversationId: IdSchema,
  locale: z.string().min(2).max(35).optional(),
  limit: z.number().int().min(1).max(20).default(3),
});

type Step = z.input<typeof StepSchema>;

/** The knowledge base (知识库): articles with a review workflow, and search over published ones. */
export interface KnowledgeApi {
  /**
   * A new draft.
   *
   * @example
   * const article = await desk.knowledge.create({ title: '下单后多久发货？', body: '付款后 48 小时内发货。', category: 'orders', locale: 'zh-CN', by: 'agt_wang' });
   */
  create(input: z.input<typeof CreateSchema>): Promise<Article>;
  /** Changes a draft's content; the previous content is kept as a revision. */
  edit(input: z.input<typeof EditSchema>): Promise<Article>;
  submit(input: Step): Promise<Article>;
  /** Publishes: searchable and used by the bot from now on. */
  approve(input: Step): Promise<Article>;
  reject(input: Step): Promise<Article>;
  archive(input: Step): Promise<Article>;
  /** Takes a published article back to draft for a new revision (unpublished meanwhile). */
  revise(input: Step): Promise<Article>;
  restore(input: Step): Promise<Article>;
  get(id: string): Promise<Article | null>;
  list(filter?: z.input<typeof ListSchema>): Promise<Article[]>;
  /** BM25 over published articles (Chinese in either script, Japanese, English); hits carry their locale. */
  search(input: z.input<typeof SearchSchema>): Promise<KnowledgeHit[]>;
  /** Titles for what the customer has typed so far. */
  suggest(input: z.input<typeof SearchSchema>): Promise<string[]>;
  /**
   * Articles for the conversation at hand, from the customer's latest messages (for agents).
   *
   * @example
   * const articles = await desk.knowledge.suggestFor({ conversationId, locale: 'zh-CN' });
   */
  suggestFor(input: {
    conversationId: string;
    locale?: string;
    limit?: number;
  }): Promise<KnowledgeHit[]>;
  /** Rebuilds the search index from storage (after other nodes published). */
  refresh(): Promise<void>;
}

export function createKnowledge(storage: StorageAdapter, run: RunCommand) {
  let index: Promise<KnowledgeBase> | null = null;
  const load = () => {
    index ??= storage.read.articles
      .list({ status: ['published'] })
      .then((articles) => createKnowledgeBase(articles))
      .catch((error: unknown) => {
        index = null;
        throw error;
      });
    return index;
  };

  const save = (
    tx: StorageTransaction,
    context: CommandContext,
    before: Article,
    next: Article,
    action: string,
  ) => updateChanged(tx.articles, context, 'article', before, next, action);
  const load1 = async (tx: StorageTransaction, id: string) => {
    const article = await tx.articles.get(id, { forUpdate: true });
    if (!article) throw new KefuError('NOT_FOUND', `No article "${id}".`);
    return article;
  };
  const step = (type: ArticleMachineEvent['type'], action: string) => async (raw: Step) => {
    const input = parseInput(StepSchema, raw, `article ${action}`);
    return run(async (tx, context) => {
      const article = await load1(tx, input.articleId);
      const result = transition(articleMachine, article, { type, at: context.now });
      if (!result.ok) throw new KefuError('INVALID_TRANSITION', `${result.message}.`);
      return save(tx, context, article, result.snapshot, action);
    });
  };

  const api: KnowledgeApi = {
    async create(raw) {
      const input = parseInput(CreateSchema, raw, 'article');
      return run(async (tx, context) => {
        const article: Article = {
          id: input.id ?? `kb_${nanoid(12)}`,
          locale: input.locale,
          title: input.title,
          body: input.body,
          category: input.category,
          tags: input.tags,
          status: 'draft',
          revision: 1,
          revisions: [],
          publishedAt: null,
          createdAt: context.now,
          updatedAt: context.now,
          version: 1,
          schemaVersion: 1,
        };
        return insertChanged(tx.articles, context, 'article', article, 'created');
      });
    },
    async edit(raw) {
      const { articleId, by, ...changes } = parseInput(EditSchema, raw, 'article edit');
      return run(async (tx, context) => {
        const article = await load1(tx, articleId);
        if (article.status !== 'draft') {
          throw new KefuError(
            'INVALID_TRANSITION',
            `Only drafts are edited; this article is ${article.status}. Revise it first.`,
          );
        }
        const previous = {
          revision: article.revision,
          title: article.title,
          body: article.body,
          category: article.category,
          tags: article.tags,
          at: article.updatedAt,
          by,
        };
        return save(
          tx,
          context,
          article,
          {
            ...article,
            ...changes,
            revision: article.revision + 1,
            revisions: [...article.revisions, previous],
          },
          'edited',
        );
      });
    },
    submit: step('SUBMIT', 'submitted'),
    approve: step('APPROVE', 'published'),
    reject: step('REJECT', 'rejected'),
    archive: step('ARCHIVE', 'archived'),
    revise: step('REVISE', 'revised'),
    restore: step('RESTORE', 'restored'),
    async get(id) {
      return storage.read.articles.get(parseInput(IdSchema, id, 'article id'));
    },
    async list(raw = {}) {
      return storage.read.articles.list(parseInput(ListSchema, raw, 'article filter'));
    },
    async search(raw) {
      const input = parseInput(SearchSchema, raw, 'knowledge search');
      return (await load()).search(input.query, {
        limit: input.limit,
        ...(input.locale ? { locale: input.locale } : {}),
      });
    },
    async suggest(raw) {
      const input = parseInput(SearchSchema, raw, 'knowledge suggestion');
      return (await load()).suggest(input.query, {
        limit: input.limit,
        ...(input.locale ? { locale: input.locale } : {}),
      });
    },
    async suggestFor(raw) {
      const input = parseInput(SuggestForSchema, raw, 'article suggestion request');
      const conversation = await storage.read.conversations.get(input.conversationId);
      if (!conversation)
        throw new KefuError('NOT_FOUND', `No conversation "${input.conversationId}".`);
      const recent = await storage.read.messages.listAfter(
        conversation.id,
        Math.max(0, conversation.lastSeq - 20),
        20,
      );
      const asked = recent
        .filter((m) => m.author.kind === 'customer')
        .slice(-3)
        .map((m) => m.text)
        .join(' ');
      if (asked.trim().length === 0) return [];
      return (await load()).search(asked, {
        limit: input.limit,
        ...(input.locale ? { locale: input.locale } : {}),
      });
    },
    async refresh() {
      index = null;
      await load();
    },
  };
  return {
    api,
    /** Keeps the index in step with this desk's own article changes. */
    async onEvent(event: DomainEvent) {
      if (event.type !== 'article.changed' || !index) return;
      const base = await index;
      const { article } = event.data;
      if (article.status === 'published') base.put(article);
      else base.remove(article.id);
    },
  };
}
