import { createContext, type ReactNode, useContext, useMemo, useSyncExternalStore } from 'react';
import { builtInDictionaries, resolveMessages, type WidgetDictionaries } from './dictionaries';
import type { WidgetMessages } from './en';
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

const I18nContext = createContext<WidgetI18n | null>(null);

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
    () => [...new Set([...Object.keys(builtInDictionaries), ...Object.keys(dictionaries ?? {})])],
    [dictionaries],
  );
  const picked = pickLocale(
    locale ? [locale] : languages ? languages.split(',') : [],
    available,
    fallbackLocale,
  );
  const value = useMemo<WidgetI18n>(
    () => ({
      locale: picked,
      t: createTranslate(resolveMessages(picked, dictionaries, messages)),
    }),
    [picked, dictionaries, messages],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

const fallback: WidgetI18n = {
  locale: 'en',
  t: createTranslate(resolveMessages('en')),
};

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
