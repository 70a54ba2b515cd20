import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../conversations/conversation';
import type { ConversationFilter } from '../../storage/storage-adapter';
import { expectKefuError, type GetAdapter } from './conformance-helpers';
import { FIXTURE_NOW, makeConversation } from './fixtures';

export function conversationsConformance(adapter: GetAdapter): void {
  const insertAll = (rows: Conversation[]) =>
    adapter().transaction(async (tx) => {
      for (const row of rows) await tx.conversations.insert(row);
    });
  const ids = (rows: Conversation[]) => rows.map((row) => row.id);

  describe('conversations', () => {
    it('stores, reads and updates a conversation with a version check', async () => {
      const conversation = makeConversation();
      await insertAll([conversation]);
      expect(await adapter().read.conversations.get(conversation.id)).toEqual(conversation);
      const next = {
        ...conversation,
        status: 'active' as const,
        assigneeId: 'agt_wang',
        version: 2,
      };
      await adapter().transaction((tx) => tx.conversations.update(next, 1));
      expect(await adapter().read.conversations.get(conversation.id)).toEqual(next);
      await expectKefuError(
        adapter().transaction((tx) => tx.conversations.update(next, 1)),
        'CONFLICT',
      );
    });

    it('finds a conversation by customer and client id, and refuses a duplicate client id', async () => {
      const first = makeConversation({ customerId: 'cus_lin', clientId: 'start_8fJ2kq1x' });
      await insertAll([
        first,
        makeConversation({ customerId: 'cus_amy', clientId: 'start_8fJ2kq1x' }),
      ]);
      expect(
        await adapter().read.conversations.findByClientId('cus_lin', 'start_8fJ2kq1x'),
      ).toEqual(first);
      expect(
        await adapter().transaction((tx) =>
          tx.conversations.findByClientId('cus_lin', 'start_8fJ2kq1x'),
        ),
      ).toEqual(first);
      expect(
        await adapter().read.conversations.findByClientId('cus_lin', 'start_other000'),
      ).toBeNull();
      await expectKefuError(
        insertAll([makeConversation({ customerId: 'cus_lin', clientId: 'start_8fJ2kq1x' })]),
        'CONFLICT',
      );
    });

    it('filters by status, customer, assignee (null = unassigned), channel, priority and tag', async () => {
      const a = makeConversation({
        status: 'queued',
        customerId: 'cus_lin',
        channel: 'web',
        tags: ['melted'],
      });
      const b = makeConversation({
        status: 'active',
        assigneeId: 'agt_wang',
        customerId: 'cus_lin',
        channel: 'mini-program',
        priority: 'urgent',
        createdAt: FIXTURE_NOW + 1,
      });
      const c = makeConversation({
        status: 'resolved',
        assigneeId: 'agt_li',
        customerId: 'cus_amy',
        priority: 'high',
        tags: ['melted', 'refund'],
        createdAt: FIXTURE_NOW + 2,
      });
      await insertAll([a, b, c]);
      const list = (filter: ConversationFilter) =>
        adapter().read.conversations.list(filter, { limit: 50 }).then(ids);
      expect(await list({})).toEqual([c.id, b.id, a.id]);
      expect(await list({ status: ['queued', 'resolved'] })).toEqual([c.id, a.id]);
      expect(await list({ customerId: 'cus_lin' })).toEqual([b.id, a.id]);
      expect(await list({ assigneeId: 'agt_wang' })).toEqual([b.id]);
      expect(await list({ assigneeId: null })).toEqual([a.id]);
      expect(await list({ channel: 'mini-program' })).toEqual([b.id]);
      expect(await list({ priority: ['urgent', 'high'] })).toEqual([c.id, b.id]);
      expect(await list({ tag: 'melted' })).toEqual([c.id, a.id]);
      expect(await list({ tag: 'melted', customerId: 'cus_amy', status: ['resolved'] })).toEqual([
        c.id,
      ]);
    });

    it('pages newest first by (createdAt, id) with a keyset, each row exactly once', async () => {
      // Pairs share a createdAt, so the id must break ties.
      const rows = Array.from({ length: 25 }, (_, i) =>
        makeConversation({
          id: `conv_page_${String(i).padStart(2, '0')}`,
          createdAt: FIXTURE_NOW + Math.floor(i / 2),
        }),
      );
      await insertAll([...rows].reverse());
      const expected = [...rows]
        .sort((x, y) => y.createdAt - x.createdAt || (x.id < y.id ? 1 : -1))
        .map((row) => row.id);
      const seen: string[] = [];
      let after: { createdAt: number; id: string } | undefined;
      for (let guard = 0; guard < 10; guard++) {
        const page = await adapter().read.conversations.list({}, { limit: 7, after });
        seen.push(...ids(page));
        const last = page.at(-1);
        if (page.length < 7 || !last) break;
        after = { createdAt: last.createdAt, id: last.id };
      }
      expect(seen).toEqual(expected);
    });
  });
}
