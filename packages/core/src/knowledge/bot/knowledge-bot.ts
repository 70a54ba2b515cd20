import type { Conversation } from '../../conversations/conversation';
import type { Customer } from '../../customers/customer';
import type { Message } from '../../messages/message';
import { asksForPerson } from './handoff-request';
import { lexiconSentiment, type SentimentAnalyzer } from './sentiment';

/**
 * What the bot sees when a customer writes.
 *
 * @example
 * ```ts
 * const bot: BotHandler = {
 *   decide(context: BotContext) {
 *     const askedForPerson = context.message.text.includes('人工');
 *     return askedForPerson
 *       ? { kind: 'handoff', reason: 'asked-for-person', topic: null, skills: [], text: '正在为您转接人工客服' }
 *       : { kind: 'answer', text: '您好，请问有什么可以帮您？', articleId: null, confident: false, topic: null };
 *   },
 * };
 * ```
 */
export interface BotContext {
  conversation: Conversation;
  customer: Customer | null;
  message: Message;
  /** Unconfident answers so far in this conversation. */
  misses: number;
}

/**
 * Why the bot handed a conversation to a person.
 *
 * @example
 * ```ts
 * const reasonLabel: Partial<Record<HandoffReason, string>> = { 'asked-for-person': '客户要求转人工', vip: 'VIP 客户' };
 * ```
 */
export type HandoffReason =
  | 'asked-for-person'
  | 'not-confident'
  | 'negative-sentiment'
  | 'vip'
  | 'topic';

/**
 * What the bot does with a customer message: answer it (confidently or not), or hand it over to a person.
 *
 * @example
 * ```ts
 * const decision: BotDecision = { kind: 'answer', text: '一般 3–5 天送达。', articleId: 'kb_shipping', confident: true, topic: 'shipping' };
 * ```
 */
export type BotDecision =
  | {
      kind: 'answer';
      text: string;
      articleId: string | null;
      confident: boolean;
      topic: string | null;
    }
  | {
      kind: 'handoff';
      reason: HandoffReason;
      topic: string | null;
      skills: string[];
      text: string;
    };

/**
 * Plug in your own NLU or a language model by implementing this.
 *
 * @example
 * ```ts
 * const handler: BotHandler = { decide: async (context) => ({
 *     kind: 'handoff', reason: 'not-confident', topic: null, skills: ['orders'], text: '稍等，为您转人工',
 *   }) };
 * const desk = createDesk({ storage, bot: handler });
 * ```
 */
export interface BotHandler {
  decide(context: BotContext): BotDecision | Promise<BotDecision>;
}

/**
 * A knowledge-base hit as the bot needs it.
 *
 * @example
 * ```ts
 * const hits: KnowledgeHit[] = await knowledge.search('发货时间', { locale: 'zh-CN', limit: 3 });
 * ```
 */
export interface KnowledgeHit {
  id: string;
  score: number;
  title: string;
  body: string;
  category: string;
}

/**
 * Where the bot looks up answers: the desk’s knowledge base, or your own search.
 *
 * @example
 * ```ts
 * const source: KnowledgeSource = {
 *   search: (query, { limit }) => myIndex.search(query).slice(0, limit),
 * };
 * const bot = createKnowledgeBot({ knowledge: source });
 * ```
 */
export interface KnowledgeSource {
  search(
    query: string,
    options: { locale?: string; limit: number },
  ): KnowledgeHit[] | Promise<KnowledgeHit[]>;
}

/**
 * How the built-in knowledge bot decides: its source and the thresholds of a confident answer.
 *
 * @example
 * ```ts
 * const bot = createKnowledgeBot({ knowledge: desk.knowledge, minScore: 2.5 });
 * ```
 */
export interface KnowledgeBotOptions {
  knowledge: KnowledgeSource;
  /** Lowest BM25 score of a confident answer. */
  minScore?: number;
  /** How much the best hit must beat the second (ratio) to be confident. */
  minMargin?: number;
  /** Unconfident answers before handing off (default 2). */
  maxMisses?: number;
  /** Categories that always go to a person (e.g. `payment`). */
  handoffCategories?: readonly string[];
  vipTiers?: readonly string[];
  sentiment?: SentimentAnalyzer;
  /** Skills routing should ask for, by knowledge category. */
  skillsByCategory?: Readonly<Record<string, readonly string[]>>;
}

const zh = (locale: string | undefined) => !locale || locale.startsWith('zh');

const TEXT = {
  helped: (locale?: string) =>
    zh(locale)
      ? '这个回答有帮助吗？如需人工服务，请回复“转人工”。'
      : 'Did this help? Reply "agent" to talk to a person.',
  rephrase: (locale?: string) =>
    zh(locale)
      ? '抱歉，我没有找到合适的答案，可以换个说法吗？'
      : "Sorry, I couldn't find an answer. Could you say it another way?",
  handoff: (locale?: string) =>
    zh(locale)
      ? '正在为您转接人工客服，请稍候。'
      : 'Connecting you with a person, one moment please.',
};

/**
 * A bot that answers from the knowledge base when confident, asks whether it helped, and hands
 * over to a person when asked (人工, 转人工, human…), after `maxMisses` unconfident answers, on
 * negative sentiment, for VIP customers, or for categories that always need a person.
 *
 * @example
 * const bot = createKnowledgeBot({ knowledge: desk.knowledge, skillsByCategory: { payment: ['payment'] } });
 * const desk = createDesk({ storage, initialStatus: 'bot', bot });
 */
export function createKnowledgeBot(options: KnowledgeBotOptions): BotHandler {
  const minScore = options.minScore ?? 2;
  const minMargin = options.minMargin ?? 1.15;
  const maxMisses = options.maxMisses ?? 2;
  const vip = options.vipTiers ?? ['vip'];
  const sentiment = options.sentiment ?? lexiconSentiment;
  const skillsOf = (category: string | null) => [
    ...(category ? (options.skillsByCategory?.[category] ?? []) : []),
  ];

  return {
    async decide({ conversation, customer, message, misses }) {
      const locale = customer?.locale;
      const hits = await options.knowledge.search(message.text, {
        limit: 2,
        ...(locale ? { locale } : {}),
      });
      const best = hits[0];
      const topic = best?.category ?? conversation.topic ?? null;
      const handoff = (reason: HandoffReason): BotDecision => ({
        kind: 'handoff',
        reason,
        topic,
        skills: skillsOf(topic),
        text: TEXT.handoff(locale),
      });
      if (asksForPerson(message.text)) return handoff('asked-for-person');
      if (customer && vip.includes(customer.tier)) return handoff('vip');
      if (sentiment(message.text).angry) return handoff('negative-sentiment');
      if (best && options.handoffCategories?.includes(best.category)) return handoff('topic');
      const second = hits[1];
      const confident =
        !!best && best.score >= minScore && (!second || best.score >= second.score * minMargin);
      if (!confident) {
        if (misses + 1 >= maxMisses) return handoff('not-confident');
        return {
          kind: 'answer',
          text: TEXT.rephrase(locale),
          articleId: null,
          confident: false,
          topic,
        };
      }
      return {
        kind: 'answer',
        text: `${best.title}\n${best.body}\n\n${TEXT.helped(locale)}`,
        articleId: best.id,
        confident: true,
        topic,
      };
    },
  };
}
