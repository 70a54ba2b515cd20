import { describe, expect, it } from 'vitest';
import { expectKefuError, type GetAdapter } from './expect-kefu-error';
import { makeAgent, makeCustomer } from './fixtures';

/** Customers and agents: the versioned-record contract shared by every aggregate. */
export function recordsConformance(adapter: GetAdapter): void {
  describe('customers and agents', () => {
    it('returns null for a missing record', async () => {
      expect(await adapter().read.customers.get('cus_nobody')).toBeNull();
      expect(await adapter().transaction((tx) => tx.agents.get('agt_nobody'))).toBeNull();
    });

    it('stores and reads back a record', async () => {
      const customer = makeCustomer({ tier: 'vip', metadata: { cart: ['奶糖', 'chocolate'] } });
      await adapter().transaction((tx) => tx.customers.insert(customer));
      expect(await adapter().read.customers.get(customer.id)).toEqual(customer);
      expect(await adapter().transaction((tx) => tx.customers.get(customer.id))).toEqual(customer);
    });

    it('refuses a second record with the same id', async () => {
      const agent = makeAgent();
      await adapter().transaction((tx) => tx.agents.insert(agent));
      await expectKefuError(
        adapter().transaction((tx) => tx.agents.insert({ ...agent, name: 'copy' })),
        'CONFLICT',
      );
      expect((await adapter().read.agents.get(agent.id))?.name).toBe(agent.name);
    });

    it('updates with the version read, and refuses a stale version leaving the row unchanged', async () => {
      const customer = makeCustomer();
      await adapter().transaction((tx) => tx.customers.insert(customer));
      const v2 = { ...customer, name: '林大糖', version: 2 };
      await adapter().transaction((tx) => tx.customers.update(v2, 1));
      expect(await adapter().read.customers.get(customer.id)).toEqual(v2);
      await expectKefuError(
        adapter().transaction((tx) =>
          tx.customers.update({ ...customer, name: 'stale', version: 2 }, 1),
        ),
        'CONFLICT',
      );
      expect(await adapter().read.customers.get(customer.id)).toEqual(v2);
    });

    it('lists agents ordered by id', async () => {
      const ids = ['agt_zhao', 'agt_li', 'agt_wang'];
      await adapter().transaction(async (tx) => {
        for (const id of ids) await tx.agents.insert(makeAgent({ id }));
      });
      expect((await adapter().read.agents.list()).map((agent) => agent.id)).toEqual(
        [...ids].sort(),
      );
    });

    it('keeps stored records apart from the objects callers hold', async () => {
      const customer = makeCustomer({ metadata: { points: 10 } });
      await adapter().transaction((tx) => tx.customers.insert(customer));
      (customer.metadata as Record<string, unknown>).points = 999;
      customer.name = 'changed by the caller';
      const stored = await adapter().read.customers.get(customer.id);
      expect(stored?.metadata).toEqual({ points: 10 });
      expect(stored?.name).toBe('林小糖');
      try {
        (stored as { name: string }).name = 'mutated after reading';
      } catch {
        // Frozen records throw on assignment; that is one of the two allowed behaviours.
      }
      expect((await adapter().read.customers.get(customer.id))?.name).toBe('林小糖');
    });
  });
}
