/**
 * A quick reply (快捷回复) an agent inserts by shortcut.
 *
 * @example
 * ```ts
 * const reply: CannedReply = {
 *   shortcut: '/hi',
 *   title: '问候',
 *   template: '{{customer.name}}您好，我是客服小王，很高兴为您服务！',
 *   locale: 'zh-CN',
 * };
 * ```
 */
export interface CannedReply {
  shortcut: string;
  title: string;
  /** Text with `{{path.to.value}}` variables, e.g. `{{customer.name}}`, `{{order.id}}`. */
  template: string;
  locale?: string;
}

/**
 * Fills `{{a.b}}` variables from nested values. A missing variable stays visible as `{{a.b}}`,
 * so the agent notices before sending; values are inserted as text.
 *
 * @example
 * renderTemplate('您好 {{customer.name}}，订单 {{order.id}} 已发货', { customer: { name: '林小糖' }, order: { id: 'SO-1' } });
 */
export function renderTemplate(template: string, values: Record<string, unknown>): string {
  return template.replace(/\{\{\s*([\w.]+)\s*\}\}/g, (whole, path: string) => {
    let value: unknown = values;
    for (const key of path.split('.')) {
      value =
        typeof value === 'object' && value !== null
          ? (value as Record<string, unknown>)[key]
          : undefined;
    }
    return typeof value === 'string' || typeof value === 'number' ? String(value) : whole;
  });
}

/**
 * A set of canned replies: look one up by shortcut (with or without the leading `/`) and render it.
 *
 * @example
 * const replies = createCannedReplies([{ shortcut: 'ship', title: '发货', template: '{{customer.name}}，您的订单已发货' }]);
 * replies.render('/ship', { customer: { name: '林小糖' } });
 */
export function createCannedReplies(replies: readonly CannedReply[]) {
  const byShortcut = new Map(replies.map((reply) => [reply.shortcut.replace(/^\//, ''), reply]));
  return {
    list: (locale?: string) =>
      replies.filter((reply) => !locale || !reply.locale || reply.locale === locale),
    find: (shortcut: string) => byShortcut.get(shortcut.replace(/^\//, '')) ?? null,
    /** The rendered text, or null for an unknown shortcut. */
    render(shortcut: string, values: Record<string, unknown>): string | null {
      const reply = byShortcut.get(shortcut.replace(/^\//, ''));
      return reply ? renderTemplate(reply.template, values) : null;
    },
  };
}
