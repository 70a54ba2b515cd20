import { describe, expect, it } from 'vitest';
import type { Conversation } from '../../conversations/conversation';
import { lockFirstQueued } from '../../storage/lock-first-queued';
import type { GetAdapter } from './conformance-helpers';
import { makeConversation } from './fixtures';

/**
 * `tx.conversations.lockFirstQueued`, through the helper routing calls (which asks `get` per id
 * for adapters without it): the first of the ids still queued and free, in the order given.
 */
export function lockFirstQueuedConformance(adapter: GetAdapter): void {
  const insertAll = (rows: Conversation[]) =>
    adapter().transaction(async (tx) => {
      for (const row of rows) await tx.conversations.insert(row);
    });
  const first = (ids: readonly string[]) =>
    adapter().transaction(async (tx) => (await lockFirstQueued(tx, ids))?.id ?? null);

  describe('conversations.lockFirstQueued', () => {
    it('answers the first still queued in the order given, not in id or insertion order', async () => {
      const rows = ['conv_q1', 'conv_q2', 'conv_q3'].map((id) => makeConversation({ id }));
      await insertAll(rows);
      expect(await first(['conv_q3', 'conv_q1', 'conv_q2'])).toBe('conv_q3');
      expect(await first(['conv_q2', 'conv_q3'])).toBe('conv_q2');
      const stored = await adapter().transaction((tx) => lockFirstQueued(tx, ['conv_q1']));
      expect(stored).toEqual(rows[0]);
    });

    it('passes over conversations no longer queued and ids not stored', async () => {
      await insertAll([
        makeConversation({ id: 'conv_active', status: 'active', assigneeId: 'agt_wang' }),
        makeConversation({ id: 'conv_resolved', status: 'resolved', assigneeId: 'agt_wang' }),
        makeConversation({ id: 'conv_bot', status: 'bot' }),
        makeConversation({ id: 'conv_waiting' }),
      ]);
      expect(
        await first(['conv_active', 'conv_nobody', 'conv_resolved', 'conv_bot', 'conv_waiting']),
      ).toBe('conv_waiting');
    });

    it('answers null for an empty list and when none of the ids is queued', async () => {
      await insertAll([
        makeConversation({ id: 'conv_active', status: 'active', assigneeId: 'agt_wang' }),
      ]);
      expect(await first([])).toBeNull();
      expect(await first(['conv_active', 'conv_nobody'])).toBeNull();
    });

    it("sees the transaction's own writes, and the row it answers can be updated", async () => {
      const [a, b] = [makeConversation({ id: 'conv_a' }), makeConversation({ id: 'conv_b' })];
      await insertAll([a, b]);
      const taken = await adapter().transaction(async (tx) => {
        const held = await lockFirstQueued(tx, ['conv_a', 'conv_b']);
        if (!held) throw new Error('nothing queued');
        await tx.conversations.update(
          { ...held, status: 'active', assigneeId: 'agt_wang', version: held.version + 1 },
          held.version,
        );
        return { held: held.id, next: (await lockFirstQueued(tx, ['conv_a', 'conv_b']))?.id };
      });
      expect(taken).toEqual({ held: 'conv_a', next: 'conv_b' });
      expect(await first(['conv_a', 'conv_b'])).toBe('conv_b');
    });

    it('skips, without waiting, a conversation another open transaction holds; never answers one twice', async () => {
      await insertAll([
        makeConversation({ id: 'conv_held' }),
        makeConversation({ id: 'conv_free' }),
      ]);
      const ids = ['conv_held', 'conv_free'];
      let open = true;
      let secondDone: () => void = () => undefined;
      const secondFinished = new Promise<void>((resolve) => {
        secondDone = resolve;
      });
      let locked: () => void = () => undefined;
      const firstLocked = new Promise<void>((resolve) => {
        locked = resolve;
      });
      const holder = adapter().transaction(async (tx) => {
        const held = await lockFirstQueued(tx, ids);
        if (!held) throw new Error('nothing queued');
        locked();
        // Where transactions overlap (a database), the second one runs now and must not wait for
        // this one; adapters that run them one at a time start it only after this one ends.
        await Promise.race([secondFinished, new Promise((resolve) => setTimeout(resolve, 300))]);
        await tx.conversations.update(
          { ...held, status: 'active', assigneeId: 'agt_wang', version: held.version + 1 },
          held.version,
        );
        open = false;
        return held.id;
      });
      await firstLocked;
      const other = adapter()
        .transaction(async (tx) => {
          const startedWhileOpen = open;
          const found = await lockFirstQueued(tx, ids);
          return { startedWhileOpen, finishedWhileOpen: open, id: found?.id ?? null };
        })
        .finally(() => secondDone());
      expect(await holder).toBe('conv_held');
      const seen = await other;
      expect(seen.id).toBe('conv_free');
      if (seen.startedWhileOpen) expect(seen.finishedWhileOpen, 'waited for the lock').toBe(true);
    });
  });
}
