import { describe, expect, it } from 'vitest';
import { expectKefuError, type GetAdapter, whileTransactionOpen } from './conformance-helpers';
import { makeAgent, makeCustomer } from './fixtures';

/** Customers and agents: the versioned-record contract shared by every aggregate. */
export function customersAgentsConformance(adapter: GetAdapter): void {
  describe('customers and agents', () => {
    it('returns null for a missing record', async () => {
      expect(await adapter().read.customers.get('cus_nobody')).toBeNull();
      expect(await adapter().read.agents.get('agt_nobody')).toBeNull();
      expect(await adapter().transaction((tx) => tx.customers.get('cus_nobody'))).toBeNull();
      expect(await adapter().transaction((tx) => tx.agents.get('agt_nobody'))).toBeNull();
    });

    it('stores and reads back a record', async () => {
      const customer = makeCustomer({ tier: 'vip', metadata: { cart: ['奶糖', 'chocolate'] } });
      const agent = makeAgent({ skills: ['refund', 'zh'] });
      await adapter().transaction(async (tx) => {
        await tx.customers.insert(customer);
        await tx.agents.insert(agent);
      });
      expect(await adapter().read.customers.get(customer.id)).toEqual(customer);
      expect(await adapter().read.agents.get(agent.id)).toEqual(agent);
      expect(await adapter().transaction((tx) => tx.customers.get(customer.id))).toEqual(customer);
      expect(await adapter().transaction((tx) => tx.agents.get(agent.id))).toEqual(agent);
    });

    it('refuses a second record with the same id', async () => {
      const customer = makeCustomer();
      const agent = makeAgent();
      await adapter().transaction(async (tx) => {
        await tx.customers.insert(customer);
        await tx.agents.insert(agent);
      });
      await expectKefuError(
        adapter().transaction((tx) => tx.agents.insert({ ...agent, name: 'copy' })),
        'CONFLICT',
      );
      await expectKefuError(
        adapter().transaction((tx) => tx.customers.insert({ ...customer, name: 'copy' })),
        'CONFLICT',
      );
      expect(await adapter().read.agents.get(agent.id)).toEqual(agent);
      expect(await adapter().read.customers.get(customer.id)).toEqual(customer);
    });

    it('updates with the version read, and refuses a stale version leaving the row unchanged', async () => {
      const customer = makeCustomer();
      await adapter().transaction((tx) => tx.customers.insert(customer));
      const v2 = { ...customer, name: '林大糖', tier: 'vip', version: 2 };
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

    it('refuses to update a record that was never stored', async () => {
      const ghost = makeCustomer();
      await expectKefuError(
        adapter().transaction((tx) => tx.customers.update({ ...ghost, version: 2 }, 1)),
        'CONFLICT',
      );
      expect(await adapter().read.customers.get(ghost.id)).toBeNull();
    });

    it('checks the version on agent updates too', async () => {
      const agent = makeAgent({ presence: 'offline' });
      await adapter().transaction((tx) => tx.agents.insert(agent));
      const online = { ...agent, presence: 'online' as const, version: 2 };
      await adapter().transaction((tx) => tx.agents.update(online, 1));
      await expectKefuError(
        adapter().transaction((tx) => tx.agents.update({ ...agent, capacity: 99, version: 3 }, 3)),
        'CONFLICT',
      );
      expect(await adapter().read.agents.get(agent.id)).toEqual(online);
    });

    it('lists agents ordered by id', async () => {
      const ids = ['agt_zhao', 'agt_li', 'agt_wang', 'agt_chen'];
      await adapter().transaction(async (tx) => {
        for (const id of ids) await tx.agents.insert(makeAgent({ id }));
      });
      expect((await adapter().read.agents.list()).map((agent) => agent.id)).toEqual([
        'agt_chen',
        'agt_li',
        'agt_wang',
        'agt_zhao',
      ]);
    });

    it('shows reads outside a transaction only committed data', async () => {
      const committed = makeAgent({ id: 'agt_a' });
      await adapter().transaction((tx) => tx.agents.insert(committed));
      const customer = makeCustomer();
      await whileTransactionOpen(
        adapter(),
        async (tx) => {
          await tx.agents.insert(makeAgent({ id: 'agt_b' }));
          await tx.agents.update({ ...committed, name: '未提交', version: 2 }, 1);
          await tx.customers.insert(customer);
        },
        async () => {
          expect(await adapter().read.customers.get(customer.id)).toBeNull();
          expect(await adapter().read.agents.get('agt_b')).toBeNull();
          expect(await adapter().read.agents.list()).toEqual([committed]);
        },
      );
      expect((await adapter().read.agents.list()).map((agent) => agent.name)).toEqual([
        '未提交',
        '王客服',
      ]);
      expect(await adapter().read.customers.get(customer.id)).toEqual(customer);
    });
  });
}
