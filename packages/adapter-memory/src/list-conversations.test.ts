import { makeConversation } from '@kefu/core/testing';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from './create-memory-adapter';

describe('listing conversations by status (the status index)', () => {
  it('lists each conversation under its current status only, as it moves', async () => {
    const adapter = createMemoryAdapter();
    const queued = makeConversation({ status: 'queued' });
    await adapter.transaction((tx) => tx.conversations.insert(queued));
    const byStatus = async (status: 'queued' | 'active') =>
      (await adapter.read.conversations.list({ status: [status] }, { limit: 10 })).map((c) => c.id);
    expect(await byStatus('queued')).toEqual([queued.id]);
    const active = { ...queued, status: 'active' as const, assigneeId: 'agt_wang', version: 2 };
    await adapter.transaction((tx) => tx.conversations.update(active, 1));
    expect(await byStatus('queued')).toEqual([]);
    expect(await byStatus('active')).toEqual([queued.id]);
  });

  it('leaves the index alone when a transaction fails', async () => {
    const adapter = createMemoryAdapter();
    const queued = makeConversation({ status: 'queued' });
    await adapter.transaction((tx) => tx.conversations.insert(queued));
    const failed = adapter.transaction(async (tx) => {
      await tx.conversations.update({ ...queued, status: 'active', version: 2 }, 1);
      throw new Error('rollback');
    });
    await expect(failed).rejects.toThrow('rollback');
    const listed = await adapter.read.conversations.list({ status: ['queued'] }, { limit: 10 });
    expect(listed.map((c) => c.id)).toEqual([queued.id]);
    expect(await adapter.read.conversations.list({ status: ['active'] }, { limit: 10 })).toEqual(
      [],
    );
  });
});
