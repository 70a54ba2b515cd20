import type { CustomerInput } from '@kefu/core';

/**
 * The demo's customers (顾客). The storefront's sign-in picks one; a real shop upserts its
 * signed-in user when it signs the id (or lets the gateway create the record on first contact).
 *
 * @example
 * for (const customer of demoCustomers) await desk.customers.upsert(customer);
 */
export const demoCustomers: readonly (CustomerInput & { id: string; name: string })[] = [
  {
    id: 'cus_lin',
    name: '林小糖',
    tier: 'standard',
    locale: 'zh-CN',
    contact: { email: 'lin@example.com' },
    metadata: { city: '杭州', points: 1280, memberSince: '2024-03-08' },
  },
  {
    id: 'cus_amy',
    name: 'Amy Chen',
    tier: 'standard',
    locale: 'en',
    contact: { email: 'amy@example.com' },
    metadata: { city: 'Shanghai', points: 300, memberSince: '2025-09-01' },
  },
  {
    id: 'cus_wu',
    name: '吴大伟',
    tier: 'vip',
    locale: 'zh-CN',
    contact: { phone: '138-0000-0815' },
    metadata: { city: '北京', points: 15_600, memberSince: '2021-11-11' },
  },
];
