import type { Conversation } from '../../conversations/conversation';
import type { Customer } from '../../customers/customer';
import type { Message } from '../../messages/message';
import { articleLocales, BOT_PHRASES, botLanguageOf } from './bot-language';
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
  /** The article's locale, when the source knows it. */
  locale?: string;
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
  /**
   * Article locales tried after the customer's own language (default `['en']`): a customer whose
   * language has no confident article gets one of these, with a note saying so.
   */
  fallbackLocales?: readonly string[];
}

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
  const isConfident = (hits: readonly KnowledgeHit[]) => {
    const [best, second] = hits;
    return !!best && best.score >= minScore && (!second || best.score >= second.score * minMargin);
  };
  // The customer's own locale first, then the same language, then the fallbacks: the first
  // confident answer wins; with none, the first locale that had any hit decides the topic.
  const searchInOrder = async (text: string, locale: string | undefined) => {
    if (!locale) {
      const hits = await options.knowledge.search(text, { limit: 2 });
      return { hits, confident: isConfident(hits) };
    }
    let first: KnowledgeHit[] = [];
    for (const candidate of articleLocales(locale, options.fallbackLocales ?? ['en'])) {
      const found = await options.knowledge.search(text, { limit: 2, locale: candidate });
      const hits = found.map((hit) => ({ locale: candidate, ...hit }));
      if (isConfident(hits)) return { hits, confident: true };
      if (first.length === 0) first = hits;
    }
    return { hits: first, confident: false };
  };

  return {
    async decide({ conversation, customer, message, misses }) {
      const locale = customer?.locale;
      const language = botLanguageOf(locale);
      const say = BOT_PHRASES[language];
      const { hits, confident } = await searchInOrder(message.text, locale);
      const best = hits[0];
      const topic = best?.category ?? conversation.topic ?? null;
      const handoff = (reason: HandoffReason): BotDecision => ({
        kind: 'handoff',
        reason,
        topic,
        skills: skillsOf(topic),
        text: say.handoff,
      });
      if (asksForPerson(message.text)) return handoff('asked-for-person');
      if (customer && vip.includes(customer.tier)) return handoff('vip');
      if (sentiment(message.text).angry) return handoff('negative-sentiment');
      if (best && options.handoffCategories?.includes(best.category)) return handoff('topic');
      if (!confident || !best) {
        if (misses + 1 >= maxMisses) return handoff('not-confident');
        return { kind: 'answer', text: say.rephrase, articleId: null, confident: false, topic };
      }
      const written = best.locale ? botLanguageOf(best.locale) : language;
      // The other Chinese script needs no note (the customer reads it); another language does.
      const note = written.slice(0, 2) === language.slice(0, 2) ? '' : `${say.onlyIn(written)}\n`;
      return {
        kind: 'answer',
        text: `${note}${best.title}\n${best.body}\n\n${say.helped}`,
        articleId: best.id,
        confident: true,
        topic,
      };
    },
  };
}
