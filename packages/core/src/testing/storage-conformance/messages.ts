import { describe, expect, it } from 'vitest';
import { expectKefuError, type GetAdapter } from './conformance-helpers';
import { makeConversation, makeMessage } from './fixtures';

export function messagesConformance(adapter: GetAdapter): void {
  describe('messages', () => {
    it('lists messages after a seq, ascending, up to a limit', async () => {
      const { id } = makeConversation();
      const messages = [3, 1, 2, 5, 4].map((seq) =>
        makeMessage({ conversationId: id, seq, text: `第${seq}条` }),
      );
      await adapter().transaction(async (tx) => {
        for (const message of messages) await tx.messages.insert(message);
      });
      await adapter().transaction((tx) =>
        tx.messages.insert(makeMessage({ conversationId: 'conv_other', seq: 1 })),
      );
      const seqs = async (after: number, limit: number) =>
        (await adapter().read.messages.listAfter(id, after, limit)).map((message) => message.seq);
      expect(await seqs(0, 100)).toEqual([1, 2, 3, 4, 5]);
      expect(await seqs(2, 2)).toEqual([3, 4]);
      expect(await seqs(5, 10)).toEqual([]);
      expect(await adapter().read.messages.listAfter('conv_nowhere', 0, 10)).toEqual([]);
      const first = await adapter().read.messages.listAfter(id, 0, 1);
      expect(first).toEqual([messages[1]]);
    });

    it('refuses a second message with the same seq in one conversation', async () => {
      const { id } = makeConversation();
      await adapter().transaction((tx) =>
        tx.messages.insert(makeMessage({ conversationId: id, seq: 1 })),
      );
      await expectKefuError(
        adapter().transaction((tx) =>
          tx.messages.insert(makeMessage({ conversationId: id, seq: 1, text: 'dup' })),
        ),
        'CONFLICT',
      );
      await expectKefuError(
        adapter().transaction(async (tx) => {
          await tx.messages.insert(makeMessage({ conversationId: id, seq: 2 }));
          await tx.messages.insert(makeMessage({ conversationId: id, seq: 2, text: 'dup' }));
        }),
        'CONFLICT',
      );
      expect((await adapter().read.messages.listAfter(id, 0, 10)).map((m) => m.text)).toEqual([
        '我的糖果什么时候到？',
      ]);
    });

    it('finds a message by client id and refuses a duplicate client id in one conversation', async () => {
      const { id } = makeConversation();
      const message = makeMessage({ conversationId: id, seq: 1, clientId: 'msg_Z3x9PqL2' });
      await adapter().transaction((tx) => tx.messages.insert(message));
      await adapter().transaction((tx) =>
        tx.messages.insert(
          makeMessage({ conversationId: 'conv_elsewhere', seq: 1, clientId: 'msg_Z3x9PqL2' }),
        ),
      );
      expect(await adapter().read.messages.findByClientId(id, 'msg_Z3x9PqL2')).toEqual(message);
      expect(
        await adapter().transaction((tx) => tx.messages.findByClientId(id, 'msg_Z3x9PqL2')),
      ).toEqual(message);
      expect(await adapter().read.messages.findByClientId(id, 'msg_unknown1')).toBeNull();
      await expectKefuError(
        adapter().transaction((tx) =>
          tx.messages.insert(makeMessage({ conversationId: id, seq: 2, clientId: 'msg_Z3x9PqL2' })),
        ),
        'CONFLICT',
      );
      expect(await adapter().read.messages.listAfter(id, 0, 10)).toEqual([message]);
    });

    it("keeps a supervisor's whisper flag, and adds none to other messages", async () => {
      const { id } = makeConversation();
      const whisper = makeMessage({
        conversationId: id,
        seq: 1,
        internal: true,
        whisper: true,
        clientId: 'c_whisper_77',
        text: '先道歉，再查物流',
      });
      const note = makeMessage({ conversationId: id, seq: 2, internal: true, text: '备注' });
      await adapter().transaction(async (tx) => {
        await tx.messages.insert(whisper);
        await tx.messages.insert(note);
      });
      const [first, second] = await adapter().read.messages.listAfter(id, 0, 10);
      expect(first).toEqual(whisper);
      expect(first?.whisper).toBe(true);
      expect(second).toEqual(note);
      expect(second && 'whisper' in second).toBe(false);
      expect(await adapter().read.messages.findByClientId(id, 'c_whisper_77')).toEqual(whisper);
    });
  });
}
