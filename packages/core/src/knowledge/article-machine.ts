import { defineMachine } from '../machine/define-machine';
import { ARTICLE_STATUSES, type Article, type ArticleStatus } from './article';

/**
 * What moves an article through review: submit, approve, reject, archive, revise.
 *
 * @example
 * ```ts
 * const result = transition(articleMachine, article, { type: 'SUBMIT', at: Date.now() });
 * ```
 */
export type ArticleMachineEvent =
  | { type: 'SUBMIT'; at: number }
  | { type: 'APPROVE'; at: number }
  | { type: 'REJECT'; at: number }
  | { type: 'ARCHIVE'; at: number }
  | { type: 'REVISE'; at: number }
  | { type: 'RESTORE'; at: number };

/**
 * The review workflow: drafts are submitted for review, approved (published) or sent back;
 * published articles are archived, or taken back to draft for a new revision.
 *
 * @example
 * transition(articleMachine, article, { type: 'APPROVE', at: clock.now() });
 */
export const articleMachine = defineMachine<ArticleStatus, Article, ArticleMachineEvent, never>({
  id: 'article',
  states: ARTICLE_STATUSES,
  initial: ['draft'],
  final: [],
  on: {
    SUBMIT: [{ from: ['draft'], to: 'in_review', update: (_a, e) => ({ updatedAt: e.at }) }],
    APPROVE: [
      {
        from: ['in_review'],
        to: 'published',
        update: (_a, e) => ({ updatedAt: e.at, publishedAt: e.at }),
      },
    ],
    REJECT: [{ from: ['in_review'], to: 'draft', update: (_a, e) => ({ updatedAt: e.at }) }],
    ARCHIVE: [
      { from: ['draft', 'published'], to: 'archived', update: (_a, e) => ({ updatedAt: e.at }) },
    ],
    REVISE: [{ from: ['published'], to: 'draft', update: (_a, e) => ({ updatedAt: e.at }) }],
    RESTORE: [{ from: ['archived'], to: 'draft', update: (_a, e) => ({ updatedAt: e.at }) }],
  },
});
