import { enCore } from './en-core';
import { enParts } from './en-parts';
import { mergeMessages } from './merge-messages';

/**
 * Every string the widget shows, in English. Other dictionaries have the same keys; `{name}`
 * placeholders are filled by `translate`.
 *
 * @example
 * <ChatWidget messages={{ ...en, title: 'Candy help' }} />
 */
export const en = /* @__PURE__ */ mergeMessages(enCore, enParts);

/**
 * The keys a dictionary has.
 *
 * @example
 * const key: WidgetMessageKey = 'send';
 * t(key);
 */
export type WidgetMessageKey = keyof typeof enCore | keyof typeof enParts;

/**
 * A complete dictionary.
 *
 * @example
 * const candy: WidgetMessages = { ...builtInDictionaries.en, title: 'Candy help' };
 */
export type WidgetMessages = Record<WidgetMessageKey, string>;
