/** The languages the bot's own sentences are written in. */
export type BotLanguage = 'zh-CN' | 'zh-TW' | 'ja' | 'en';

const TRADITIONAL = ['zh-TW', 'zh-HK', 'zh-MO', 'zh-Hant'];
const SIMPLIFIED = ['zh-CN', 'zh-SG', 'zh-Hans'];

const isTraditional = (tag: string) =>
  /^zh-(?:hant|tw|hk|mo)\b/i.test(tag) || /^zh-hant-/i.test(tag);

/**
 * The bot's language for a customer's locale (BCP 47): Traditional Chinese for zh-TW, zh-HK,
 * zh-MO and zh-Hant*, Simplified for other Chinese and for customers without a locale, Japanese
 * for ja*, English otherwise.
 *
 * @example
 * botLanguageOf('zh-HK'); // 'zh-TW'
 * botLanguageOf('ja-JP'); // 'ja'
 */
export function botLanguageOf(locale: string | undefined): BotLanguage {
  if (!locale) return 'zh-CN';
  const tag = locale.trim();
  if (/^zh\b/i.test(tag)) return isTraditional(tag) ? 'zh-TW' : 'zh-CN';
  if (/^ja\b/i.test(tag)) return 'ja';
  return 'en';
}

/**
 * Article locales to try, best first, for a customer's locale: the locale itself, its language
 * without the region (`ja-JP` → `ja`), the same script of Chinese, then the other script (search
 * folds Traditional and Simplified, so they meet), then `fallbacks`.
 *
 * @example
 * articleLocales('zh-HK', ['en']); // ['zh-HK', 'zh-TW', 'zh-MO', 'zh-Hant', 'zh-CN', 'zh-SG', 'zh-Hans', 'en']
 */
export function articleLocales(locale: string, fallbacks: readonly string[]): string[] {
  const language = locale.split('-')[0]?.toLowerCase() ?? locale;
  const chain = [locale, language];
  if (language === 'zh') {
    const [own, other] = isTraditional(locale)
      ? [TRADITIONAL, SIMPLIFIED]
      : [SIMPLIFIED, TRADITIONAL];
    chain.push(...own, ...other);
  }
  chain.push(...fallbacks);
  const seen = new Set<string>();
  return chain.filter((tag) => {
    const key = tag.toLowerCase();
    if (tag === 'zh' || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const LANGUAGE_NAMES: Record<BotLanguage, Record<BotLanguage, string>> = {
  'zh-CN': { 'zh-CN': '中文', 'zh-TW': '繁体中文', ja: '日语', en: '英文' },
  'zh-TW': { 'zh-CN': '簡體中文', 'zh-TW': '中文', ja: '日文', en: '英文' },
  ja: { 'zh-CN': '中国語', 'zh-TW': '中国語（繁体字）', ja: '日本語', en: '英語' },
  en: { 'zh-CN': 'Chinese', 'zh-TW': 'Traditional Chinese', ja: 'Japanese', en: 'English' },
};

/** What the knowledge bot says around an article, in each of its languages. */
export const BOT_PHRASES: Record<
  BotLanguage,
  { helped: string; rephrase: string; handoff: string; onlyIn: (article: BotLanguage) => string }
> = {
  'zh-CN': {
    helped: '这个回答有帮助吗？如需人工服务，请回复“转人工”。',
    rephrase: '抱歉，我没有找到合适的答案，可以换个说法吗？',
    handoff: '正在为您转接人工客服，请稍候。',
    onlyIn: (article) => `（这篇解答目前只有${LANGUAGE_NAMES['zh-CN'][article]}版本。）`,
  },
  'zh-TW': {
    helped: '這個回答有幫助嗎？如需真人客服，請回覆「轉人工」。',
    rephrase: '抱歉，我沒有找到合適的答案，可以換個說法嗎？',
    handoff: '正在為您轉接真人客服，請稍候。',
    onlyIn: (article) => `（這篇解答目前只有${LANGUAGE_NAMES['zh-TW'][article]}版本。）`,
  },
  ja: {
    helped:
      'この回答はお役に立ちましたか？担当者との会話をご希望の場合は「オペレーター」とご返信ください。',
    rephrase:
      '申し訳ございません。該当する回答が見つかりませんでした。別の言い方でお試しいただけますか？',
    handoff: '担当者におつなぎしますので、少々お待ちください。',
    onlyIn: (article) => `（この回答は現在${LANGUAGE_NAMES.ja[article]}のみでご用意しています。）`,
  },
  en: {
    helped: 'Did this help? Reply "agent" to talk to a person.',
    rephrase: "Sorry, I couldn't find an answer. Could you say it another way?",
    handoff: 'Connecting you with a person, one moment please.',
    onlyIn: (article) =>
      `(This answer is only available in ${LANGUAGE_NAMES.en[article]} for now.)`,
  },
};
