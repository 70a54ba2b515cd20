import { expect } from 'vitest';
import type { CreateDeskOptions, Desk } from '../desk/create-desk';
import { createMemoryOrderLookup, type StoredOrder } from '../orders/order-lookup';
import type { StorageAdapter } from '../storage/storage-adapter';
import type { VirtualClock } from '../time/virtual-clock';

/**
 * The personal values the privacy scenario spreads over every kind of record.
 *
 * @example
 * ```ts
 * const desk = createDesk({ storage, clock, ...privacyScenarioOptions });
 * await seedPrivacyScenario(desk, clock);
 * expect(await desk.customers.get(PII.customerId)).toMatchObject({ name: PII.name });
 * ```
 */
export const PII = {
  customerId: 'cus_pii',
  name: '欧阳小雪',
  phone: '13912345678',
  email: 'xiaoxue@example.cn',
  address: '文三路88号',
  idCard: '11010519491231002X',
} as const;

const order = {
  orderRef: 'SO-PII-0001',
  customerId: PII.customerId,
  status: 'shipped',
  paymentStatus: 'paid',
  items: [{ sku: 'CHOC-DARK-200', name: '黑巧克力礼盒 200g', quantity: 1, price: 6800 }],
  total: 6800,
  currency: 'CNY',
  shipment: { carrier: '顺丰速运', trackingNo: 'SF9988776655', status: 'in_transit', city: '杭州' },
  placedAt: Date.UTC(2026, 10, 10),
  // What a shop's order system may add: exactly what erasure must strip.
  receiver: { name: PII.name, phone: PII.phone, address: `杭州市西湖区${PII.address}` },
} as StoredOrder;

/**
 * Desk options the scenario needs: surveys on, and an order system that knows its order.
 *
 * @example
 * ```ts
 * const desk = createDesk({ storage, clock, ...privacyScenarioOptions });
 * await seedPrivacyScenario(desk, clock);
 * ```
 */
export const privacyScenarioOptions: Partial<CreateDeskOptions> = {
  surveys: { enabled: true, delayMs: 60_000 },
  orders: createMemoryOrderLookup([order]),
  routing: { auto: false },
};

/**
 * Seeds a customer whose name, phone, e-mail, address and ID number appear in their profile,
 * messages (theirs and the agent's), an internal note, a ticket with an order snapshot, a
 * survey comment and therefore in the event log. One conversation is closed, one left open;
 * another customer's conversation is there too and must stay untouched.
 *
 * @example
 * ```ts
 * const desk = createDesk({ storage, clock, ...privacyScenarioOptions });
 * await seedPrivacyScenario(desk, clock);
 * await desk.privacy.eraseCustomer(ERASURE_REQUEST);
 * ```
 */
export async function seedPrivacyScenario(desk: Desk, clock: VirtualClock) {
  await desk.customers.upsert({
    id: PII.customerId,
    name: PII.name,
    contact: { phone: PII.phone, email: PII.email },
    metadata: { address: `杭州市西湖区${PII.address}` },
  });
  await desk.customers.upsert({ id: 'cus_other', name: 'Amy Chen' });
  await desk.agents.upsert({ id: 'agt_wang', name: '王客服', presence: 'online' });
  const closed = await desk.conversations.start({
    customerId: PII.customerId,
    topic: `${PII.name}的订单`,
    message: { text: `我的手机号是${PII.phone}，地址${PII.address}，身份证${PII.idCard}` },
  });
  await desk.conversations.assign({ conversationId: closed.id, agentId: 'agt_wang' });
  const agent = { kind: 'agent' as const, id: 'agt_wang' };
  await desk.messages.post({
    conversationId: closed.id,
    author: agent,
    text: `好的${PII.name}，已记录 ${PII.phone}`,
  });
  await desk.messages.post({
    conversationId: closed.id,
    author: agent,
    text: `内部备注：${PII.email}`,
    internal: true,
  });
  const ticket = await desk.tickets.create({
    kind: 'delivery',
    subject: `${PII.name}的包裹延误`,
    description: `请打 ${PII.phone}`,
    customerId: PII.customerId,
    conversationId: closed.id,
    orderRef: order.orderRef,
    by: agent,
  });
  await desk.conversations.resolve({ conversationId: closed.id });
  await clock.advance(60_000);
  await desk.jobs.runDue();
  await desk.surveys.answer({
    conversationId: closed.id,
    customerId: PII.customerId,
    answers: { overall: 5 },
    comment: `${PII.name}很满意`,
  });
  await desk.conversations.close({ conversationId: closed.id });
  const other = await desk.conversations.start({
    customerId: 'cus_other',
    message: { text: 'Where is my order?' },
  });
  const open = await desk.conversations.start({
    customerId: PII.customerId,
    message: { text: `${PII.email} 请联系我` },
  });
  return { closedId: closed.id, openId: open.id, otherId: other.id, ticketId: ticket.id };
}

/**
 * An admin's erasure request for the scenario's customer.
 *
 * @example
 * ```ts
 * await desk.privacy.eraseCustomer(ERASURE_REQUEST);
 * await drainJobs(desk, storage);
 * expect(await countErasedEvents(storage)).toBe(1);
 * ```
 */
export const ERASURE_REQUEST = {
  customerId: PII.customerId,
  reason: 'PIPL request #118',
  actor: { kind: 'admin', id: 'adm_zhao' },
} as const;

/**
 * How many `customer.erased` events the log holds (erasure must write exactly one).
 *
 * @example
 * ```ts
 * await desk.privacy.eraseCustomer(ERASURE_REQUEST);
 * await desk.privacy.eraseCustomer(ERASURE_REQUEST); // idempotent
 * await drainJobs(desk, storage);
 * expect(await countErasedEvents(storage)).toBe(1);
 * ```
 */
export async function countErasedEvents(storage: StorageAdapter): Promise<number> {
  const log = await storage.events.read(0, 1_000_000);
  return log.filter((event) => event.type === 'customer.erased').length;
}

/**
 * Every personal value of the scenario, as it could appear in stored text.
 *
 * @example
 * ```ts
 * const dump = JSON.stringify(await storage.events.read(0, 10_000));
 * expect(PII_VALUES.filter((value) => dump.includes(value))).toEqual([]);
 * ```
 */
export const PII_VALUES: readonly string[] = [
  PII.name,
  PII.phone,
  PII.email,
  PII.address,
  PII.idCard,
];

/**
 * Fails naming the values found in `text` (a dump of storage).
 *
 * @example
 * ```ts
 * await drainJobs(desk, storage);
 * expectNoPersonalValues(JSON.stringify(await storage.events.read(0, 10_000)), 'the event log');
 * ```
 */
export function expectNoPersonalValues(text: string, where: string): void {
  const found = PII_VALUES.filter((value) => text.includes(value));
  expect(found, `personal values left in ${where}`).toEqual([]);
}

/**
 * Runs due jobs until none is left (erasure and retention reschedule themselves).
 *
 * @example
 * ```ts
 * await desk.privacy.eraseCustomer(ERASURE_REQUEST);
 * await drainJobs(desk, storage); // every erasure batch has run
 * ```
 */
export async function drainJobs(desk: Desk, storage: StorageAdapter): Promise<void> {
  for (let round = 0; round < 1000; round++) {
    const ran = await desk.jobs.runDue();
    const next = await storage.jobs.nextDueAt();
    if (ran === 0 && (next === null || next > desk.clock.now())) return;
  }
  throw new Error('Jobs kept coming due for 1000 rounds.');
}

/**
 * The storage as a node that dies inside its `afterTransactions`-th transaction sees it: that
 * transaction rolls back, and nothing the node does afterwards (releasing its job claim,
 * claiming more, any write) reaches storage; its calls never settle. For crash-halfway tests.
 *
 * @example
 * const node = dyingNode(storage, 3);
 * const nodeA = createDesk({ storage: node.storage, onError: () => undefined });
 * while (!node.dead()) await nodeA.jobs.runDue();
 */
export function dyingNode(
  storage: StorageAdapter,
  afterTransactions: number,
): { storage: StorageAdapter; dead(): boolean } {
  let transactions = 0;
  let dead = false;
  const never = new Promise<never>(() => undefined);
  return {
    dead: () => dead,
    storage: {
      ...storage,
      transaction: (work) =>
        dead
          ? never
          : storage.transaction(async (tx) => {
              const result = await work(tx);
              if (++transactions >= afterTransactions) {
                dead = true;
                throw new Error('process killed');
              }
              return result;
            }),
      jobs: {
        ...storage.jobs,
        claimDue: (request) => (dead ? never : storage.jobs.claimDue(request)),
        release: (release) => (dead ? never : storage.jobs.release(release)),
      },
    },
  };
}
