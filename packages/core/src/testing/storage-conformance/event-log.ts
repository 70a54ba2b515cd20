import { describe, expect, it } from 'vitest';
import type { GetAdapter } from './conformance-helpers';
import { makeConversation, makeEventDraft } from './fixtures';

export function eventLogConformance(adapter: GetAdapter): void {
  describe('event log', () => {
    it('assigns positions 1, 2, 3… in order and reads from any position', async () => {
      const conversation = makeConversation();
      const drafts = [0, 1, 2].map((i) => makeEventDraft(conversation, 1000 + i));
      const appended = await adapter().transaction((tx) => tx.events.append(drafts));
      expect(appended.map((event) => event.position)).toEqual([1, 2, 3]);
      expect(appended.map((event) => event.at)).toEqual([1000, 1001, 1002]);
      expect(new Set(appended.map((event) => event.id)).size).toBe(3);
      expect(appended[0]).toMatchObject({
        type: 'conversation.started',
        subject: drafts[0]?.subject,
        data: drafts[0]?.data,
      });
      expect(await adapter().events.lastPosition()).toBe(3);
      expect(await adapter().events.read(0, 100)).toEqual(appended);
      expect((await adapter().events.read(1, 1)).map((event) => event.position)).toEqual([2]);
      expect(await adapter().events.read(3, 10)).toEqual([]);
    });

    it('does not spend positions on a rolled-back append', async () => {
      const conversation = makeConversation();
      await adapter().transaction((tx) => tx.events.append([makeEventDraft(conversation)]));
      await adapter()
        .transaction(async (tx) => {
          await tx.events.append([makeEventDraft(conversation), makeEventDraft(conversation)]);
          throw new Error('rollback');
        })
        .catch(() => undefined);
      const [next] = await adapter().transaction((tx) =>
        tx.events.append([makeEventDraft(conversation)]),
      );
      expect(next?.position).toBe(2);
    });

    it('gives 50 concurrent transactions of 2 events the positions 1..100 exactly', async () => {
      const conversation = makeConversation();
      await Promise.all(
        Array.from({ length: 50 }, () =>
          adapter().transaction((tx) =>
            tx.events.append([makeEventDraft(conversation), makeEventDraft(conversation)]),
          ),
        ),
      );
      const log = await adapter().events.read(0, 1000);
      expect(log.map((event) => event.position)).toEqual(
        Array.from({ length: 100 }, (_, i) => i + 1),
      );
      expect(new Set(log.map((event) => event.id)).size).toBe(100);
    });
  });
}
