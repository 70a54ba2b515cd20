import { describe, expect, it } from 'vitest';
import { HOUR, setupDesk } from '../desk/desk-test-setup';
import { drainJobs } from '../testing/privacy-scenario';

const DAY = 24 * HOUR;
const REPORT = { from: 0, to: Date.UTC(2030, 0, 1), groupBy: [], timeZone: 'Asia/Shanghai' };

describe('retention', () => {
  it('deletes old messages and ended conversations in batches and strips old events, metrics unchanged', async () => {
    const { desk, clock, storage } = await setupDesk({
      retention: { messagesDays: 30, closedConversationsDays: 90, eventsDays: 180, batchSize: 2 },
    });
    const old = await desk.conversations.start({
      customerId: 'cus_lin',
      message: { text: '电话 13812345678' },
    });
    await desk.messages.post({
      conversationId: old.id,
      author: { kind: 'customer', id: 'cus_lin' },
      text: '还在吗',
    });
    await desk.messages.post({
      conversationId: old.id,
      author: { kind: 'customer', id: 'cus_lin' },
      text: '第三条',
    });
    await desk.conversations.close({ conversationId: old.id });
    await clock.advance(60 * DAY);
    const recent = await desk.conversations.start({
      customerId: 'cus_amy',
      message: { text: 'hello' },
    });
    const report = await desk.metrics.report(REPORT);

    expect(await desk.privacy.scheduleRetention()).toBe(true);
    await drainJobs(desk, storage);
    // 60 days on: the old messages are gone (and their events' text), the conversation stays.
    expect(await storage.read.messages.listAfter(old.id, 0, 10)).toEqual([]);
    expect(await storage.read.conversations.get(old.id)).not.toBeNull();
    expect((await storage.read.messages.listAfter(recent.id, 0, 10)).map((m) => m.text)).toEqual([
      'hello',
    ]);
    const log = JSON.stringify(await storage.events.read(0, 10_000));
    expect(log).not.toContain('13812345678');
    expect(log).toContain('hello');
    expect(await desk.metrics.report(REPORT)).toEqual(report);

    await clock.advance(40 * DAY);
    await drainJobs(desk, storage);
    expect(await storage.read.conversations.get(old.id)).toBeNull();
    expect(await storage.read.conversations.get(recent.id)).not.toBeNull();

    await clock.advance(200 * DAY);
    await drainJobs(desk, storage);
    const customerEvents = (await storage.events.read(0, 10_000)).filter(
      (e) => e.type === 'customer.upserted',
    );
    expect(JSON.stringify(customerEvents)).not.toContain('林小糖');
    expect(await desk.metrics.report(REPORT)).toEqual(report);
    // The job keeps itself scheduled for the next round.
    expect((await storage.jobs.findLive('privacy/retention'))?.dueAt).toBe(clock.now() + HOUR);
  });

  it('does nothing without retention settings, and refuses bad settings', async () => {
    const { desk } = await setupDesk();
    expect(await desk.privacy.scheduleRetention()).toBe(false);
    await expect(setupDesk({ retention: { messagesDays: -1 } })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
  });
});

describe('masking, reveal and the audit log', () => {
  it('masks for agents, reveals one span with an audit entry, and pages the audit log', async () => {
    const { desk, storage } = await setupDesk();
    const started = await desk.conversations.start({
      customerId: 'cus_lin',
      message: { text: '手机 13812345678 邮箱 lin@example.cn' },
    });
    expect(desk.privacy.mask('手机 13812345678 邮箱 lin@example.cn').text).toBe(
      '手机 138****5678 邮箱 l**@example.cn',
    );
    const agent = { kind: 'agent' as const, id: 'agt_wang' };
    const origin = { ip: '203.0.113.7', via: 'gateway' };
    expect(
      await desk.privacy.reveal({
        conversationId: started.id,
        seq: 1,
        span: 1,
        actor: agent,
        origin,
      }),
    ).toEqual({
      kind: 'email',
      value: 'lin@example.cn',
    });
    await expect(
      desk.privacy.reveal({ conversationId: started.id, seq: 1, span: 5, actor: agent }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(
      desk.privacy.reveal({ conversationId: started.id, seq: 0, span: 0, actor: agent }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await desk.privacy.readCustomer({ customerId: 'cus_lin', actor: agent });
    await desk.conversations.assign({ conversationId: started.id, agentId: 'agt_wang' });
    await desk.conversations.transfer({
      conversationId: started.id,
      toAgentId: 'agt_li',
      byAgentId: 'agt_wang',
    });
    await desk.privacy.audit.record({
      action: 'settings.changed',
      actor: { kind: 'admin', id: 'adm_zhao' },
      details: { retention: { messagesDays: 365 } },
    });

    const adminActor = { kind: 'admin' as const, id: 'adm_zhao' };
    const first = await desk.privacy.audit.list({
      customerId: 'cus_lin',
      limit: 2,
      actor: adminActor,
    });
    expect(first.entries.map((e) => e.action)).toEqual(['value.revealed', 'customer.read']);
    expect(first.entries[0]).toMatchObject({
      actor: agent,
      origin,
      details: { seq: 1, span: 1, kind: 'email' },
    });
    expect(JSON.stringify(first.entries)).not.toContain('lin@example.cn');
    const second = await desk.privacy.audit.list({
      customerId: 'cus_lin',
      cursor: first.nextCursor ?? '',
      actor: adminActor,
    });
    expect(second.entries.map((e) => e.action)).toEqual(['conversation.transferred', 'audit.read']);
    expect(second.nextCursor).toBeNull();
    const settings = await desk.privacy.audit.list({
      actions: ['settings.changed'],
      actor: adminActor,
    });
    expect(settings.entries).toHaveLength(1);
    await expect(desk.privacy.audit.list({ limit: 0, actor: adminActor })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    // Nothing in the desk's API changes or deletes an entry.
    expect(Object.keys(desk.privacy.audit).sort()).toEqual(['list', 'record']);
    expect(await storage.read.privacy.listAudit({}, { limit: 100 })).toHaveLength(7);
  });
});
