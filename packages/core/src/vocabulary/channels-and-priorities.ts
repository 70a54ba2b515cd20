/**
 * Words that several capabilities share: where a customer writes from and how urgent the matter
 * is. Conversations, SLA policies, tickets and routing all use them, so they live below all of
 * them (keeping conversations and SLA free of an import cycle).
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
/** Where the customer writes from (网页, 移动端, 小程序…). */
export type Channel = (typeof CHANNELS)[number];

export const PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type Priority = (typeof PRIORITIES)[number];
