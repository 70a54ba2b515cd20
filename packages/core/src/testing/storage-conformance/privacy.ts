import { describe, expect, it } from 'vitest';
import type { AuditEntryDraft, AuditFilter } from '../../storage/privacy-storage';
import { expectKefuError, type GetAdapter } from './conformance-helpers';
import {
  FIXTURE_NOW,
  makeConversation,
  makeCustomer,
  makeEventDraft,
  makeMessage,
} from './fixtures';
import { makeTicket } from './ticket-fixture';

const audit = (overrides: Partial<AuditEntryDraft> = {}): AuditEntryDraft => ({
  at: FIXTURE_NOW,
  actor: { kind: 'agent', id: 'agt_wang' },
  action: 'customer.read',
  customerId: 'cus_lin',
  target: null,
  origin: { ip: '203.0.113.7', via: 'gateway' },
  details: {},
  ...overrides,
});

export function privacyConformance(adapter: GetAdapter): void {
  describe('privacy: audit log', () => {
    it('appends entries with increasing seqs and reads them with filters and a cursor', async () => {
      await adapter().transaction(async (tx) => {
        await tx.privacy.appendAudit(audit());
        await tx.privacy.appendAudit(audit({ action: 'value.revealed', at: FIXTURE_NOW + 1 }));
      });
      await adapter().transaction((tx) =>
        tx.privacy.appendAudit(
          audit({
            actor: { kind: 'admin', id: 'adm_zhao' },
            customerId: 'cus_amy',
            at: FIXTURE_NOW + 2,
          }),
        ),
      );
      const all = await adapter().read.privacy.listAudit({}, { limit: 10 });
      expect(all.map((e) => e.seq)).toEqual([1, 2, 3]);
      expect(all[0]).toMatchObject({ action: 'customer.read', origin: { ip: '203.0.113.7' } });
      const page = await adapter().read.privacy.listAudit({}, { after: 1, limit: 1 });
      expect(page.map((e) => e.seq)).toEqual([2]);
      const byFilter = (filter: AuditFilter) =>
        adapter()
          .read.privacy.listAudit(filter, { limit: 10 })
          .then((entries) => entries.map((e) => e.seq));
      expect(await byFilter({ customerId: 'cus_lin' })).toEqual([1, 2]);
      expect(await byFilter({ actorId: 'adm_zhao' })).toEqual([3]);
      expect(await byFilter({ actions: ['value.revealed'] })).toEqual([2]);
      expect(await byFilter({ from: FIXTURE_NOW + 1, to: FIXTURE_NOW + 2 })).toEqual([2]);
    });

    it('drops audit entries of a transaction that throws', async () => {
      await expect(
        adapter().transaction(async (tx) => {
          await tx.privacy.appendAudit(audit());
          throw new Error('boom');
        }),
      ).rejects.toThrow('boom');
      expect(await adapter().read.privacy.listAudit({}, { limit: 10 })).toEqual([]);
    });
  });

  describe('privacy: redaction and deletes', () => {
    it('replaces a stored message in place and refuses one that is not stored', async () => {
      const { id } = makeConversation();
      const message = makeMessage({ conversationId: id, seq: 1, clientId: 'msg_P1vacy00' });
      await adapter().transaction((tx) => tx.messages.insert(message));
      const redacted = { ...message, text: '[erased]' };
      await adapter().transaction((tx) => tx.privacy.replaceMessage(redacted));
      expect(await adapter().read.messages.listAfter(id, 0, 10)).toEqual([redacted]);
      await expectKefuError(
        adapter().transaction((tx) => tx.privacy.replaceMessage({ ...message, seq: 2 })),
        'CONFLICT',
      );
    });

    it('replaces event data keeping position, and finds the events about a customer', async () => {
      const mine = makeConversation({ customerId: 'cus_lin' });
      const theirs = makeConversation({ customerId: 'cus_amy' });
      const ticket = makeTicket({ customerId: 'cus_lin' });
      const message = makeMessage({ conversationId: mine.id, seq: 1 });
      const events = await adapter().transaction((tx) =>
        tx.events.append([
          makeEventDraft(mine),
          makeEventDraft(theirs),
          {
            type: 'customer.upserted',
            at: FIXTURE_NOW,
            subject: { kind: 'customer', id: 'cus_lin' },
            data: { customer: makeCustomer(), created: true },
          },
          {
            type: 'message.posted',
            at: FIXTURE_NOW,
            subject: { kind: 'conversation', id: mine.id },
            data: { message },
          },
          {
            type: 'ticket.created',
            at: FIXTURE_NOW,
            subject: { kind: 'ticket', id: ticket.id },
            data: { ticket },
          },
        ]),
      );
      await adapter().transaction((tx) => tx.conversations.insert(mine));
      const about = await adapter().read.privacy.eventsAbout({ customerId: 'cus_lin' }, 0, 10);
      expect(about.map((e) => e.position)).toEqual([1, 3, 4, 5]);
      const paged = await adapter().read.privacy.eventsAbout({ customerId: 'cus_lin' }, 3, 1);
      expect(paged.map((e) => e.position)).toEqual([4]);
      const ofConversation = await adapter().read.privacy.eventsAbout(
        { conversationIds: [theirs.id] },
        0,
        10,
      );
      expect(ofConversation.map((e) => e.position)).toEqual([2]);

      const position = events[3]?.position ?? 0;
      await adapter().transaction((tx) =>
        tx.privacy.replaceEventData(position, { message: { ...message, text: '' } }),
      );
      const [stored] = await adapter().events.read(position - 1, 1);
      expect(stored).toMatchObject({
        position,
        type: 'message.posted',
        data: { message: { text: '' } },
      });
      expect(await adapter().events.lastPosition()).toBe(5);
      await expectKefuError(
        adapter().transaction((tx) => tx.privacy.replaceEventData(99, { message })),
        'CONFLICT',
      );
    });

    it('reads the old end of the event log, stopping at the first event at or after the instant', async () => {
      const c = makeConversation();
      await adapter().transaction((tx) =>
        tx.events.append([
          makeEventDraft(c, FIXTURE_NOW - 3),
          makeEventDraft(c, FIXTURE_NOW - 2),
          makeEventDraft(c, FIXTURE_NOW),
          makeEventDraft(c, FIXTURE_NOW - 1),
        ]),
      );
      const positions = async (after: number, limit: number) =>
        (await adapter().read.privacy.eventsBefore(FIXTURE_NOW, after, limit)).map(
          (e) => e.position,
        );
      expect(await positions(0, 10)).toEqual([1, 2]);
      expect(await positions(1, 10)).toEqual([2]);
      expect(await positions(0, 1)).toEqual([1]);
      expect(await positions(2, 10)).toEqual([]);
    });

    it('lists old messages and ended conversations oldest first, and deletes them in batches', async () => {
      const DAY = 86_400_000;
      const old = makeConversation({
        status: 'closed',
        closedAt: FIXTURE_NOW - 10 * DAY,
        clientId: 'conv_Old00001',
      });
      const recent = makeConversation({ status: 'closed', closedAt: FIXTURE_NOW });
      const open = makeConversation({ status: 'active' });
      const messages = [
        makeMessage({ conversationId: open.id, seq: 1, createdAt: FIXTURE_NOW - 5 * DAY }),
        makeMessage({ conversationId: open.id, seq: 2, createdAt: FIXTURE_NOW }),
        makeMessage({ conversationId: old.id, seq: 1, createdAt: FIXTURE_NOW - 11 * DAY }),
      ];
      await adapter().transaction(async (tx) => {
        for (const c of [old, recent, open]) await tx.conversations.insert(c);
        for (const m of messages) await tx.messages.insert(m);
      });
      const ended = await adapter().read.privacy.endedConversationsBefore(FIXTURE_NOW - DAY, 10);
      expect(ended.map((c) => c.id)).toEqual([old.id]);
      const before = await adapter().read.privacy.messagesBefore(FIXTURE_NOW - DAY, 1);
      expect(before.map((m) => m.id)).toEqual([messages[2]?.id]);

      const deleted = await adapter().transaction((tx) =>
        tx.privacy.deleteMessages([
          { conversationId: open.id, seq: 1 },
          { conversationId: open.id, seq: 7 },
        ]),
      );
      expect(deleted).toBe(1);
      expect((await adapter().read.messages.listAfter(open.id, 0, 10)).map((m) => m.seq)).toEqual([
        2,
      ]);

      expect(
        await adapter().transaction((tx) => tx.privacy.deleteConversations([old.id, 'conv_none'])),
      ).toBe(1);
      expect(await adapter().read.conversations.get(old.id)).toBeNull();
      expect(
        await adapter().read.conversations.findByClientId('cus_lin', 'conv_Old00001'),
      ).toBeNull();
      expect(await adapter().read.messages.listAfter(old.id, 0, 10)).toEqual([]);
      expect(await adapter().read.conversations.get(recent.id)).not.toBeNull();
    });
  });
}
