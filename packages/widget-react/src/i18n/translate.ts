import type { WidgetMessageKey, WidgetMessages } from './en';

/**
 * Values for a message's `{placeholders}`.
 *
 * @example
 * const values: TranslateValues = { name: 'Wang' };
 * t('typing', values); // 'Wang is typing…'
 */
export type TranslateValues = Record<string, string | number>;

/**
 * Looks a key up and fills its placeholders.
 *
 * @example
 * const t: Translate = createTranslate(builtInDictionaries.en);
 * t('send'); // 'Send'
 */
export type Translate = (key: WidgetMessageKey, values?: TranslateValues) => string;

/**
 * A `t` function over a dictionary; unknown placeholders stay as written.
 *
 * @example
 * createTranslate(en)('typing', { name: 'Wang' }); // 'Wang is typing…'
 */
export function createTranslate(messages: WidgetMessages): Translate {
  return (key, values) => {
    const template = messages[key];
    if (!values) return template;
    return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
      name in values ? String(values[name]) : whole,
    );
  };
}
