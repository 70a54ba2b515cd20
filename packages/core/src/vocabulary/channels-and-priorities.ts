/**
 * Words that several capabilities share: where a customer writes from and how urgent the matter
 * is. Conversations, SLA policies, tickets and routing all use them, so they live below all of
 * them (keeping conversations and SLA free of an import cycle).
 *
 * @example
 * ```ts
 * const label = (channel: Channel) => ({ web: '网页', 'mini-program': '小程序', email: '邮件' })[channel as string] ?? channel;
 * ```
 */

export const CHANNELS = [
  'web',
  'mobile',
  'app',
  'mini-program',
  'email',
  'social',
  'phone',
] as const;
/**
 * Where the customer writes from (网页, 移动端, 小程序…).
 *
 * @example
 * ```ts
 * await desk.conversations.start({ customerId: 'cus_lin', channel: 'mini-program' satisfies Channel });
 * ```
 */
export type Channel = (typeof CHANNELS)[number];

/**
 * Conversation priorities, lowest first.
 *
 * @example
 * ```ts
 * const higher = (a: Priority, b: Priority) => PRIORITIES.indexOf(a) > PRIORITIES.indexOf(b);
 * ```
 */
export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;

/**
 * One of `PRIORITIES`.
 *
 * @example
 * ```ts
 * await desk.conversations.setPriority({ conversationId, priority: 'urgent' satisfies Priority });
 * ```
 */
export type Priority = (typeof PRIORITIES)[number];
