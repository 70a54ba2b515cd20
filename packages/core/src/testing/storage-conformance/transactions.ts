import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../conversations/conversation';
import type { StorageTransaction } from '../../storage/storage-adapter';
import { type GetAdapter, whileTransactionOpen } from './conformance-helpers';
import {
  FIXTURE_NOW,
  makeConversation,
  makeCustomer,
  makeEventDraft,
  makeJobDraft,
  makeMessage,
} from './fixtures';

export function transactionsConformance(adapter: GetAdapter): void {
  describe('transactions', () => {
    it('rolls back every write when the work throws, and rethrows the same error', async () => {
      const customer = makeCustomer();
      const conversation = makeConversation({
        customerId: customer.id,
        clientId: 'start_Q7wErT5y',
      });
      const message = makeMessage({
        conversationId: conversation.id,
        seq: 1,
        clientId: 'msg_Hn3kLp9s',
      });
      const job = makeJobDraft({ dueAt: FIXTURE_NOW });
      const failure = new Error('the shop system said no');
      const writeAll = async (tx: StorageTransaction) => {
        await tx.customers.insert(customer);
        await tx.conversations.insert(conversation);
        await tx.messages.insert(message);
        await tx.events.append([makeEventDraft(conversation)]);
        return tx.jobs.schedule(job, FIXTURE_NOW);
      };
      const result = adapter().transaction(async (tx) => {
        await writeAll(tx);
        throw failure;
      });
      await expect(result).rejects.toBe(failure);

      const read = adapter().read;
      expect(await read.customers.get(customer.id)).toBeNull();
      expect(await read.conversations.get(conversation.id)).toBeNull();
      expect(await read.conversations.findByClientId(customer.id, 'start_Q7wErT5y')).toBeNull();
      expect(await read.conversations.list({}, { limit: 10 })).toEqual([]);
      expect(await read.messages.listAfter(conversation.id, 0, 10)).toEqual([]);
      expect(await read.messages.findByClientId(conversation.id, 'msg_Hn3kLp9s')).toBeNull();
      expect(await adapter().events.lastPosition()).toBe(0);
      expect(await adapter().events.read(0, 10)).toEqual([]);
      expect(await adapter().jobs.findLive(job.key)).toBeNull();
      expect(await adapter().jobs.nextDueAt()).toBeNull();
      expect(await adapter().jobs.claimDue({ now: FIXTURE_NOW, leaseMs: 1000, limit: 10 })).toEqual(
        [],
      );

      // Nothing of the failed attempt lingers: ids, client ids and seqs are free again.
      await adapter().transaction(writeAll);
      expect(await read.customers.get(customer.id)).toEqual(customer);
      expect(await read.messages.findByClientId(conversation.id, 'msg_Hn3kLp9s')).toEqual(message);
      expect(await adapter().events.lastPosition()).toBe(1);
    });

    it('lets a transaction read its own uncommitted writes', async () => {
      const customer = makeCustomer();
      const conversation = makeConversation({
        customerId: customer.id,
        clientId: 'start_Mx81Zq0v',
      });
      const message = makeMessage({
        conversationId: conversation.id,
        seq: 1,
        clientId: 'msg_Vb62Nc4d',
      });
      let assigned: Conversation = conversation;
      await whileTransactionOpen(
        adapter(),
        async (tx) => {
          await tx.customers.insert(customer);
          await tx.conversations.insert(conversation);
          assigned = { ...conversation, assigneeId: 'agt_wang', version: 2 };
          await tx.conversations.update(assigned, 1);
          await tx.messages.insert(message);
          return {
            customer: await tx.customers.get(customer.id),
            conversation: await tx.conversations.get(conversation.id, { forUpdate: true }),
            byClientId: await tx.conversations.findByClientId(customer.id, 'start_Mx81Zq0v'),
            message: await tx.messages.findByClientId(conversation.id, 'msg_Vb62Nc4d'),
          };
        },
        async (seen) => {
          expect(seen.customer).toEqual(customer);
          expect(seen.conversation).toEqual(assigned);
          expect(seen.byClientId).toEqual(assigned);
          expect(seen.message).toEqual(message);
          expect(await adapter().read.conversations.get(conversation.id)).toBeNull();
          expect(
            await adapter().read.messages.findByClientId(conversation.id, 'msg_Vb62Nc4d'),
          ).toBeNull();
        },
      );
      expect(await adapter().read.conversations.get(conversation.id)).toEqual(assigned);
    });

    it('keeps stored records apart from the objects callers hold', async () => {
      const customer = makeCustomer({ metadata: { points: 10 } });
      const conversation = makeConversation({ customerId: customer.id, tags: ['melted'] });
      const message = makeMessage({ conversationId: conversation.id, seq: 1 });
      await adapter().transaction(async (tx) => {
        await tx.customers.insert(customer);
        await tx.conversations.insert(conversation);
        await tx.messages.insert(message);
      });
      (customer.metadata as Record<string, unknown>).points = 999;
      customer.name = 'changed by the caller';
      conversation.tags.push('refund');
      message.text = '改过的';

      const stored = await adapter().read.customers.get(customer.id);
      expect(stored?.metadata).toEqual({ points: 10 });
      expect(stored?.name).toBe('林小糖');
      expect((await adapter().read.conversations.get(conversation.id))?.tags).toEqual(['melted']);
      const [storedMessage] = await adapter().read.messages.listAfter(conversation.id, 0, 1);
      expect(storedMessage?.text).toBe('我的糖果什么时候到？');

      // Changing a returned record either throws (frozen) or changes only the caller's copy.
      const attempt = (change: () => void) => {
        try {
          change();
        } catch {
          // A frozen record refuses the assignment: one of the two allowed behaviours.
        }
      };
      attempt(() => {
        (stored as { name: string }).name = 'mutated after reading';
      });
      attempt(() => {
        (stored?.metadata as Record<string, unknown>).points = -1;
      });
      attempt(() => {
        (storedMessage as { text: string }).text = 'mutated after reading';
      });
      const again = await adapter().read.customers.get(customer.id);
      expect(again?.name).toBe('林小糖');
      expect(again?.metadata).toEqual({ points: 10 });
      const [messageAgain] = await adapter().read.messages.listAfter(conversation.id, 0, 1);
      expect(messageAgain?.text).toBe('我的糖果什么时候到？');
    });

    it('returns the result of the work function', async () => {
      expect(await adapter().transaction(async () => '好的')).toBe('好的');
    });
  });
}
