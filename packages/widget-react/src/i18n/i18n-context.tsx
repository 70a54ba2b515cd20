import {
  createContext,
  type ReactNode,
  useContext,
  useEffect,
  useMemo,
  useState,
  useSyncExternalStore,
} from 'react';
import {
  BUILT_IN_LOCALES,
  coreDictionaries,
  loadDictionary,
  type WidgetDictionaries,
} from './dictionaries';
import type { WidgetMessages } from './en';
import type { PartI18n } from './part-translate';
import { browserLocales, pickLocale } from './pick-locale';
import { createTranslate, type Translate } from './translate';

/**
 * What components read to speak the customer's language.
 *
 * @example
 * const { t }: WidgetI18n = useWidgetI18n();
 * t('typing', { name: '王客服' });
 */
export interface WidgetI18n {
  locale: string;
  t: Translate;
}

const I18nContext = createContext<(WidgetI18n & { part: PartI18n }) | null>(null);

/** Built-in dictionaries loaded on demand (zh-TW, ja), kept for the page's life. */
const loaded: Record<string, WidgetMessages> = {};

/**
 * The widget's strings for `locale`: a built-in dictionary (in the first chunk: only what every
 * widget shows; zh-TW and ja once loaded, until then zh-CN and en), custom ones and `overrides`
 * on top.
 */
function resolve(
  locale: string,
  custom: WidgetDictionaries | undefined,
  overrides: Partial<WidgetMessages> | undefined,
): WidgetI18n & { part: PartI18n } {
  const base = pickLocale([locale], ['en', 'zh-CN']);
  const messages = {
    ...(loaded[locale] ?? coreDictionaries[base]),
    ...custom?.[locale],
    ...overrides,
  };
  return {
    locale,
    t: createTranslate(messages as WidgetMessages),
    part: { locale, messages, base },
  };
}

/**
 * Props of `WidgetI18nProvider`.
 *
 * @example
 * <WidgetI18nProvider locale="en" messages={{ title: 'Candy help' }}>
 *   <Composer onSend={send} />
 * </WidgetI18nProvider>
 */
export interface WidgetI18nProviderProps {
  /** Force a locale (e.g. the customer's profile locale); else the browser's languages pick. */
  locale?: string;
  /** Extra or replacement dictionaries by locale. */
  dictionaries?: WidgetDictionaries;
  /** Single strings to change in whatever locale is picked. */
  messages?: Partial<WidgetMessages>;
  /** Used when nothing matches, and when rendering on a server. Default 'en'. */
  fallbackLocale?: string;
  children: ReactNode;
}

const subscribeToLanguages = (onChange: () => void) => {
  const target = globalThis as {
    addEventListener?: (type: string, listener: () => void) => void;
    removeEventListener?: (type: string, listener: () => void) => void;
  };
  target.addEventListener?.('languagechange', onChange);
  return () => target.removeEventListener?.('languagechange', onChange);
};
const readLanguages = () => browserLocales().join(',');
// The server does not know the browser's languages: hydrate with the fallback, then switch.
const serverLanguages = () => '';

/**
 * Gives the widget's parts a language. `<ChatWidget>` has one inside; use it directly when you
 * compose the parts yourself.
 *
 * @example
 * <WidgetI18nProvider locale="zh-CN">
 *   <Composer conversationId={id} />
 * </WidgetI18nProvider>
 */
export function WidgetI18nProvider({
  locale,
  dictionaries,
  messages,
  fallbackLocale = 'en',
  children,
}: WidgetI18nProviderProps) {
  const languages = useSyncExternalStore(subscribeToLanguages, readLanguages, serverLanguages);
  const available = useMemo(
    () => [...new Set([...BUILT_IN_LOCALES, ...Object.keys(dictionaries ?? {})])],
    [dictionaries],
  );
  const picked = pickLocale(
    locale ? [locale] : languages ? languages.split(',') : [],
    available,
    fallbackLocale,
  );
  // zh-TW and ja come in a chunk of their own, fetched once picked (after hydration).
  const [, setLoadedCount] = useState(0);
  const ready = picked in loaded;
  useEffect(() => {
    if (ready) return;
    let live = true;
    loadDictionary(picked).then((dictionary) => {
      if (!dictionary) return;
      loaded[picked] = dictionary;
      if (live) setLoadedCount((count) => count + 1);
    });
    return () => {
      live = false;
    };
  }, [picked, ready]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `ready` changes what resolve reads
  const value = useMemo(
    () => resolve(picked, dictionaries, messages),
    [picked, dictionaries, messages, ready],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

const fallback = resolve('en', undefined, undefined);

/**
 * The current locale and `t`. Outside a `WidgetI18nProvider`, English.
 *
 * @example
 * const { t } = useWidgetI18n();
 * return <button type="button">{t('send')}</button>;
 */
export function useWidgetI18n(): WidgetI18n {
  return useContext(I18nContext) ?? fallback;
}

/** What a part loaded later needs for its language (lazy-parts.tsx). */
export function usePartI18n(): PartI18n {
  return (useContext(I18nContext) ?? fallback).part;
}
