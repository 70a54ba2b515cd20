import { en, type WidgetMessages } from './en';
import { enCore } from './en-core';
import { pickLocale } from './pick-locale';
import { zhCN } from './zh-cn';
import { zhCNCore } from './zh-cn-core';

/**
 * Dictionaries by locale; custom ones may leave keys out (English fills them).
 *
 * @example
 * const dictionaries: WidgetDictionaries = { ko: { title: '고객센터' } };
 * <ChatWidget locale="ko" dictionaries={dictionaries} />;
 */
export type WidgetDictionaries = Record<string, Partial<WidgetMessages>>;

/**
 * The dictionaries built in and in the first chunk; zh-TW and ja are built in too, loaded when
 * picked (`loadDictionary`).
 *
 * @example
 * Object.keys(builtInDictionaries); // ['en', 'zh-CN']
 */
export const builtInDictionaries: Readonly<Record<string, WidgetMessages>> = {
  en,
  'zh-CN': zhCN,
};

/** The built-in dictionaries fetched when picked, so the first chunk does not carry them. */
const LOADED_LATER: Readonly<Record<string, () => Promise<WidgetMessages>>> = {
  'zh-TW': () => import('./zh-tw').then((m) => m.zhTW),
  ja: () => import('./ja').then((m) => m.ja),
};

/** Every built-in locale, in the first chunk or not. */
export const BUILT_IN_LOCALES = ['en', 'zh-CN', ...Object.keys(LOADED_LATER)];

/**
 * A built-in dictionary that is loaded on demand (zh-TW, ja), or null for any other locale:
 * for server rendering in those languages, pass it as `dictionaries={{ ja: await
 * loadDictionary('ja') }}`.
 *
 * @example
 * const ja = await loadDictionary('ja');
 * <ChatWidget locale="ja" dictionaries={ja ? { ja } : undefined} />;
 */
export function loadDictionary(locale: string): Promise<WidgetMessages | null> {
  return LOADED_LATER[locale]?.() ?? Promise.resolve(null);
}

/**
 * The strings of what every widget shows, by built-in locale; the parts loaded later bring
 * theirs (en-parts.ts, zh-cn-parts.ts), so the first chunk has neither whole dictionary.
 */
export const coreDictionaries: Readonly<Record<string, Partial<WidgetMessages>>> = {
  en: enCore,
  'zh-CN': zhCNCore,
};

/**
 * The complete dictionary for `locale`: built in or custom (over the built-in one of the same
 * language, else English), with `overrides` on top. For zh-TW and ja, `loadDictionary` first.
 *
 * @example
 * resolveMessages('fr', { fr: { title: 'Service client' } }); // English wording, own title
 */
export function resolveMessages(
  locale: string,
  custom: WidgetDictionaries = {},
  overrides: Partial<WidgetMessages> = {},
): WidgetMessages {
  const base = builtInDictionaries[pickLocale([locale], Object.keys(builtInDictionaries))] ?? en;
  return { ...base, ...custom[locale], ...overrides };
}
