import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../tickets/ticket';
import { expectKefuError, type GetAdapter } from './conformance-helpers';
import { FIXTURE_NOW } from './fixtures';
import { makeTicket } from './ticket-fixture';

export function ticketsConformance(adapter: GetAdapter): void {
  const insertAll = (rows: Ticket[]) =>
    adapter().transaction(async (tx) => {
      for (const row of rows) await tx.tickets.insert(row);
    });

  describe('tickets', () => {
    it('stores, reads and updates a ticket with a version check', async () => {
      const ticket = makeTicket();
      await insertAll([ticket]);
      expect(await adapter().read.tickets.get(ticket.id)).toEqual(ticket);
      const triaged = {
        ...ticket,
        status: 'triaged' as const,
        department: 'after-sales',
        version: 2,
      };
      await adapter().transaction((tx) => tx.tickets.update(triaged, 1));
      expect(await adapter().transaction((tx) => tx.tickets.get(ticket.id))).toEqual(triaged);
      await expectKefuError(
        adapter().transaction((tx) => tx.tickets.update(triaged, 1)),
        'CONFLICT',
      );
      await expectKefuError(insertAll([makeTicket({ id: ticket.id })]), 'CONFLICT');
    });

    it('finds a ticket by customer and client id, and refuses a duplicate', async () => {
      const ticket = makeTicket({ clientId: 'tkt_client_01' });
      await insertAll([ticket]);
      expect(
        await adapter().transaction((tx) => tx.tickets.findByClientId('cus_lin', 'tkt_client_01')),
      ).toEqual(ticket);
      expect(
        await adapter().transaction((tx) => tx.tickets.findByClientId('cus_amy', 'tkt_client_01')),
      ).toBeNull();
      await expectKefuError(insertAll([makeTicket({ clientId: 'tkt_client_01' })]), 'CONFLICT');
    });

    it('lists newest first with filters, and counts, also inside a transaction', async () => {
      const rows = [
        makeTicket({ createdAt: FIXTURE_NOW, categoryId: 'melted', region: '上海' }),
        makeTicket({
          createdAt: FIXTURE_NOW + 1,
          categoryId: 'late',
          region: '杭州',
          status: 'in_progress',
          ownerId: 'agt_li',
        }),
        makeTicket({
          createdAt: FIXTURE_NOW + 2,
          categoryId: 'late',
          region: '杭州',
          customerId: 'cus_amy',
          department: 'logistics',
        }),
      ];
      await insertAll(rows);
      const ids = (list: Ticket[]) => list.map((t) => t.id);
      const [a, b, c] = rows as [Ticket, Ticket, Ticket];
      expect(ids(await adapter().read.tickets.list({}, { limit: 10 }))).toEqual([c.id, b.id, a.id]);
      expect(
        ids(await adapter().read.tickets.list({ customerId: 'cus_lin' }, { limit: 10 })),
      ).toEqual([b.id, a.id]);
      expect(
        ids(await adapter().read.tickets.list({ status: ['in_progress'] }, { limit: 10 })),
      ).toEqual([b.id]);
      expect(ids(await adapter().read.tickets.list({ ownerId: null }, { limit: 10 }))).toEqual([
        c.id,
        a.id,
      ]);
      expect(
        ids(await adapter().read.tickets.list({ department: 'logistics' }, { limit: 10 })),
      ).toEqual([c.id]);
      expect(
        ids(
          await adapter().read.tickets.list(
            {},
            { limit: 1, after: { createdAt: c.createdAt, id: c.id } },
          ),
        ),
      ).toEqual([b.id]);
      expect(await adapter().read.tickets.count({ categoryId: 'late', region: '杭州' })).toBe(2);
      expect(
        await adapter().read.tickets.count({ categoryId: 'late', createdFrom: FIXTURE_NOW + 2 }),
      ).toBe(1);
      const inside = await adapter().transaction(async (tx) => {
        await tx.tickets.insert(
          makeTicket({ createdAt: FIXTURE_NOW + 3, categoryId: 'late', region: '杭州' }),
        );
        return tx.tickets.count({ categoryId: 'late', region: '杭州' });
      });
      expect(inside).toBe(3);
    });
  });
}
