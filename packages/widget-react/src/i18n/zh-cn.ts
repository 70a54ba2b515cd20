import type { WidgetMessages } from './en';
import { mergeMessages } from './merge-messages';
import { zhCNCore } from './zh-cn-core';
import { zhCNParts } from './zh-cn-parts';

/**
 * Every string the widget shows, in Simplified Chinese.
 *
 * @example
 * <ChatWidget locale="zh-CN" />
 */
export const zhCN: WidgetMessages = /* @__PURE__ */ mergeMessages(zhCNCore, zhCNParts);
