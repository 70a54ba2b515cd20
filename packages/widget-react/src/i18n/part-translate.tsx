import type { ComponentType } from 'react';
import type { WidgetMessages } from './en';
import { createTranslate, type Translate } from './translate';

/**
 * What a part loaded later is given for its language: the widget's strings as resolved (the
 * built-in ones of the first chunk or a dictionary loaded on demand, custom dictionaries and
 * `messages` on top), and which built-in dictionary's part strings fill what is missing.
 */
export interface PartI18n {
  locale: string;
  messages: Partial<WidgetMessages>;
  base: string;
}

/** A part's own built-in strings, in English and Simplified Chinese (en-parts.ts, zh-cn-parts.ts). */
export interface PartStrings {
  en: Partial<WidgetMessages>;
  'zh-CN': Partial<WidgetMessages>;
}

/** The part's `t`: its own built-in strings under whatever the widget resolved. */
export function partTranslate({ messages, base }: PartI18n, strings: PartStrings): Translate {
  const own = base === 'zh-CN' ? strings['zh-CN'] : strings.en;
  return createTranslate({ ...own, ...messages } as WidgetMessages);
}

/** A part that speaks through `t` and `locale`, given them from `i18n` and its own `strings`. */
export function withPartI18n<P extends { t: Translate; locale?: string }>(
  Part: ComponentType<P>,
  strings: PartStrings,
): ComponentType<Omit<P, 't' | 'locale'> & { i18n: PartI18n }> {
  return ({ i18n, ...props }) => (
    <Part {...(props as unknown as P)} t={partTranslate(i18n, strings)} locale={i18n.locale} />
  );
}
