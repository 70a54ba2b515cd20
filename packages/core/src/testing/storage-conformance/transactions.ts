import { describe, expect, it } from 'vitest';
import type { GetAdapter } from './expect-kefu-error';
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
      const conversation = makeConversation({ customerId: customer.id });
      const job = makeJobDraft({ dueAt: FIXTURE_NOW });
      const failure = new Error('the shop system said no');
      const result = adapter().transaction(async (tx) => {
        await tx.customers.insert(customer);
        await tx.conversations.insert(conversation);
        await tx.messages.insert(makeMessage({ conversationId: conversation.id, seq: 1 }));
        await tx.events.append([makeEventDraft(conversation)]);
        await tx.jobs.schedule(job, FIXTURE_NOW);
        throw failure;
      });
      await expect(result).rejects.toBe(failure);
      expect(await adapter().read.customers.get(customer.id)).toBeNull();
      expect(await adapter().read.conversations.get(conversation.id)).toBeNull();
      expect(await adapter().read.messages.listAfter(conversation.id, 0, 10)).toEqual([]);
      expect(await adapter().events.lastPosition()).toBe(0);
      expect(await adapter().jobs.findLive(job.key)).toBeNull();
      expect(await adapter().jobs.claimDue({ now: FIXTURE_NOW, leaseMs: 1000, limit: 10 })).toEqual(
        [],
      );
    });

    it('lets a transaction read its own writes, and others only after commit', async () => {
      const customer = makeCustomer();
      let resume: () => void = () => undefined;
      const paused = new Promise<void>((resolve) => {
        resume = resolve;
      });
      let seenInside: unknown = 'not read';
      const pending = adapter().transaction(async (tx) => {
        await tx.customers.insert(customer);
        seenInside = await tx.customers.get(customer.id);
        await paused;
      });
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(seenInside).toEqual(customer);
      expect(await adapter().read.customers.get(customer.id)).toBeNull();
      resume();
      await pending;
      expect(await adapter().read.customers.get(customer.id)).toEqual(customer);
    });

    it('returns the work function result', async () => {
      expect(await adapter().transaction(async () => '好的')).toBe('好的');
    });
  });
}
