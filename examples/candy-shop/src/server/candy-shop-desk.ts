import {
  type BlobStore,
  type Clock,
  createDesk,
  createKnowledgeBot,
  createMemoryOrderLookup,
  createOrderAwareBot,
  type Desk,
  type KnowledgeSource,
  type StorageAdapter,
  strategies,
} from '@kefu/core';
import { candyShopOrders } from '../seed/orders';
import type { OpeningHours } from './config';
import { openingHours } from './opening-hours';
import { slaPolicies } from './sla-policies';

const SECOND = 1_000;
const MINUTE = 60 * SECOND;

/**
 * The candy shop's desk: new web conversations start with the bot (order status from the order
 * system, everything else from the knowledge base), routing picks the least busy agent with the
 * skills the bot asked for, SLA clocks run on Shanghai business hours,
 * after-sales tickets are triaged by keyword, and a CSAT survey follows every resolved chat.
 *
 * @example
 * const desk = createCandyShopDesk({ storage, openingHours: 'shop' });
 * await desk.jobs.start();
 */
export function createCandyShopDesk(options: {
  storage: StorageAdapter;
  openingHours: OpeningHours;
  clock?: Clock;
  /** Where uploads live, so erasure and retention delete them too. */
  blobs?: BlobStore;
  onError?: (error: unknown) => void;
}): Desk {
  // The shop's order system; a real shop implements `OrderLookup` over its own order API.
  const orders = createMemoryOrderLookup(candyShopOrders);
  // The bot searches the desk's own published articles; the desk exists by the time it is asked.
  const knowledge: KnowledgeSource = {
    search: (query, { locale, limit }) =>
      desk.knowledge.search({ query, limit, ...(locale ? { locale } : {}) }),
  };
  const bot = createOrderAwareBot({
    orders,
    fallback: createKnowledgeBot({
      knowledge,
      handoffCategories: ['payment'],
      skillsByCategory: {
        logistics: ['logistics'],
        orders: ['orders'],
        'after-sales': ['after-sales'],
        quality: ['after-sales'],
        payment: ['payment'],
      },
    }),
  });
  const desk: Desk = createDesk({
    storage: options.storage,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
    ...(options.blobs ? { blobs: options.blobs } : {}),
    orders,
    initialStatus: 'bot',
    bot,
    routing: {
      strategy: strategies.leastBusy(),
      // Nobody with the skills free after two minutes: any agent may take it.
      overflow: { afterMs: 2 * MINUTE, team: null, skills: [] },
      whenAgentLeaves: { action: 'requeue', graceMs: 2 * MINUTE },
    },
    sla: {
      calendars: { shanghai: openingHours(options.openingHours) },
      policies: slaPolicies('shanghai'),
    },
    sentiment: { raisePriority: true },
    tickets: {
      categories: [
        { id: 'logistics', name: '物流 Logistics' },
        { id: 'late', name: '延误 Late delivery', parentId: 'logistics' },
        { id: 'quality', name: '质量问题 Quality' },
        { id: 'melted', name: '融化 Melted', parentId: 'quality' },
        { id: 'payment', name: '支付 Payment' },
      ],
      triage: [
        { match: { kinds: ['delivery'] }, department: 'logistics', severity: 'medium' },
        { match: { keywords: ['融化', 'melted'] }, department: 'after-sales', severity: 'high' },
        { match: { kinds: ['payment'] }, department: 'payment', severity: 'high' },
        {
          match: { kinds: ['complaint', 'return', 'exchange', 'refund', 'product-quality'] },
          department: 'after-sales',
        },
      ],
    },
    surveys: {
      enabled: true,
      kind: 'csat',
      on: ['conversation'],
      // Short for the demo; a shop would wait a few minutes after the chat ends.
      delayMs: 2 * SECOND,
      questions: [
        { id: 'overall', text: { 'zh-CN': '您对本次服务满意吗？', en: 'How satisfied are you?' } },
        {
          id: 'speed',
          text: { 'zh-CN': '回复速度如何？', en: 'How fast did we answer?' },
        },
      ],
      followUpTicket: true,
    },
  });
  return desk;
}
