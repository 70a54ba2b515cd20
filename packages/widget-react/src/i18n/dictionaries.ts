import { en, type WidgetMessages } from './en';
import { pickLocale } from './pick-locale';
import { zhCN } from './zh-cn';

/**
 * Dictionaries by locale; custom ones may leave keys out (English fills them).
 *
 * @example
 * const dictionaries: WidgetDictionaries = { ja: { title: 'カスタマーサポート' } };
 * <ChatWidget locale="ja" dictionaries={dictionaries} />;
 */
export type WidgetDictionaries = Record<string, Partial<WidgetMessages>>;

/**
 * The dictionaries built in.
 *
 * @example
 * Object.keys(builtInDictionaries); // ['en', 'zh-CN']
 */
export const builtInDictionaries: Readonly<Record<string, WidgetMessages>> = {
  en,
  'zh-CN': zhCN,
};

/**
 * The complete dictionary for `locale`: built in or custom (over the built-in one of the same
 * language, else English), with `overrides` on top.
 *
 * @example
 * resolveMessages('zh-TW', { 'zh-TW': { title: '線上客服' } }); // zh-CN wording, own title
 */
export function resolveMessages(
  locale: string,
  custom: WidgetDictionaries = {},
  overrides: Partial<WidgetMessages> = {},
): WidgetMessages {
  const base = builtInDictionaries[pickLocale([locale], Object.keys(builtInDictionaries))] ?? en;
  return { ...base, ...custom[locale], ...overrides };
}
