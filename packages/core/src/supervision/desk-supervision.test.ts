import { describe, expect, it } from 'vitest';
import { codeOf, setupDesk } from '../desk/desk-test-setup';

const MINUTE = 60_000;

async function supervisedDesk() {
  const setup = await setupDesk({
    sla: {
      policies: [
        {
          id: 'fast',
          name: 'fast',
          targets: { firstResponse: { withinMs: 10 * MINUTE, hours: 'calendar' } },
        },
      ],
    },
    jobs: { pollIntervalMs: 24 * 3_600_000 },
  });
  const { desk } = setup;
  await desk.agents.upsert({ id: 'agt_zhao', name: '赵主管', role: 'supervisor' });
  await desk.agents.upsert({ id: 'agt_admin', name: '管理员', role: 'admin' });
  return setup;
}

describe('desk.supervision: the live view', () => {
  it('lists every open conversation with queue time, assignee, SLA state and due, sentiment', async () => {
    const { desk, clock } = await supervisedDesk();
    await desk.jobs.start();
    const waiting = await desk.conversations.start({
      customerId: 'cus_lin',
      message: { text: '太差了！！快递一周都没到' },
    });
    const served = await desk.conversations.start({
      customerId: 'cus_amy',
      message: { text: 'Hello there' },
    });
    await clock.advance(3 * MINUTE);
    await desk.conversations.assign({ conversationId: served.id, agentId: 'agt_wang' });
    const done = await desk.conversations.start({ customerId: 'cus_amy', message: { text: 'x' } });
    await desk.conversations.assign({ conversationId: done.id, agentId: 'agt_li' });
    await desk.conversations.resolve({ conversationId: done.id });
    await clock.advance(5 * MINUTE); // waiting: 8 min of 10 → past the 75 % warning

    const rows = await desk.supervision.live();
    expect(rows.map((r) => r.conversationId)).toEqual([waiting.id, served.id]);
    const [first, second] = rows;
    expect(first).toMatchObject({
      status: 'queued',
      assigneeId: null,
      queueTimeMs: 8 * MINUTE,
      slaState: 'at_risk',
      dueTarget: 'firstResponse',
      sentiment: 'angry',
    });
    expect(first?.dueAt).toBe((first?.queuedAt ?? 0) + 10 * MINUTE);
    expect(second).toMatchObject({
      status: 'active',
      assigneeId: 'agt_wang',
      queueTimeMs: 3 * MINUTE,
      sentiment: 'calm',
    });
    await clock.advance(3 * MINUTE);
    const later = await desk.supervision.live();
    expect(later.map((r) => [r.conversationId, r.slaState])).toEqual([
      [waiting.id, 'breached'],
      [served.id, 'breached'],
    ]);
    await desk.stop();
  });

  it('filters by team and refuses a bad filter without reading', async () => {
    const { desk } = await supervisedDesk();
    const candy = await desk.conversations.start({ customerId: 'cus_lin', team: 'candy' });
    await desk.conversations.start({ customerId: 'cus_amy', team: 'after-sales' });
    await desk.conversations.start({ customerId: 'cus_amy' });
    expect(
      (await desk.supervision.live({ teams: ['candy'] })).map((r) => r.conversationId),
    ).toEqual([candy.id]);
    expect(await codeOf(desk.supervision.live({ teams: [] }))).toBe('VALIDATION');
    expect(await codeOf(desk.supervision.live({ limit: 0 }))).toBe('VALIDATION');
  });
});

describe('desk.supervision: watch, whisper, barge-in, reassign', () => {
  it('whispers an internal note flagged as from a supervisor, once per client id', async () => {
    const { desk, events } = await supervisedDesk();
    const c = await desk.conversations.start({ customerId: 'cus_lin', message: { text: '在吗' } });
    await desk.conversations.assign({ conversationId: c.id, agentId: 'agt_wang' });
    const input = {
      conversationId: c.id,
      supervisorId: 'agt_zhao',
      text: '先道歉，再查物流',
      clientId: 'c_whisper_1',
    };
    const whisper = await desk.supervision.whisper(input);
    expect(whisper).toMatchObject({
      internal: true,
      whisper: true,
      author: { kind: 'agent', id: 'agt_zhao' },
    });
    expect((await desk.supervision.whisper(input)).id).toBe(whisper.id);
    const posted = events.filter((e) => e.type === 'message.posted');
    expect(posted).toHaveLength(2); // the customer's message and one whisper
    // The customer-facing list leaves it out; the agents' list has it, flagged.
    const publicList = await desk.messages.list({ conversationId: c.id, includeInternal: false });
    expect(publicList.map((m) => m.text)).toEqual(['在吗']);
    const full = await desk.messages.list({ conversationId: c.id });
    expect(full.filter((m) => m.whisper).map((m) => m.id)).toEqual([whisper.id]);
    // The conversation did not move: a whisper is no reply.
    expect((await desk.conversations.get({ conversationId: c.id }))?.firstResponseAt).toBeNull();
  });

  it('never flags an ordinary post as a whisper, even when asked to', async () => {
    const { desk } = await supervisedDesk();
    const c = await desk.conversations.start({ customerId: 'cus_lin' });
    const note = await desk.messages.post({
      conversationId: c.id,
      author: { kind: 'agent', id: 'agt_zhao' },
      text: '备注',
      internal: true,
      whisper: true,
    } as never);
    expect(note.whisper).toBeUndefined();
    expect(
      await codeOf(
        desk.supervision.whisper({
          conversationId: c.id,
          supervisorId: 'agt_zhao',
          text: 'again',
          clientId: 'c_taken_1',
        }),
      ),
    ).toBe('resolved');
    await desk.messages.post({
      conversationId: c.id,
      author: { kind: 'agent', id: 'agt_admin' },
      text: 'a note',
      internal: true,
      clientId: 'c_note_01',
    });
    // The admin's note owns this client id: replaying it as a whisper is refused, not returned.
    expect(
      await codeOf(
        desk.supervision.whisper({
          conversationId: c.id,
          supervisorId: 'agt_admin',
          text: 'x',
          clientId: 'c_note_01',
        }),
      ),
    ).toBe('CONFLICT');
  });

  it('refuses plain agents every supervisor command, and changes nothing', async () => {
    const { desk, events } = await supervisedDesk();
    const c = await desk.conversations.start({ customerId: 'cus_lin', message: { text: '在吗' } });
    await desk.conversations.assign({ conversationId: c.id, agentId: 'agt_wang' });
    const before = events.length;
    const by = { conversationId: c.id, supervisorId: 'agt_li' };
    expect(await codeOf(desk.supervision.watch(by))).toBe('FORBIDDEN');
    expect(await codeOf(desk.supervision.whisper({ ...by, text: 'hi' }))).toBe('FORBIDDEN');
    expect(await codeOf(desk.supervision.bargeIn(by))).toBe('FORBIDDEN');
    expect(await codeOf(desk.supervision.reassign({ ...by, toAgentId: 'agt_li' }))).toBe(
      'FORBIDDEN',
    );
    expect(await codeOf(desk.supervision.watch({ ...by, supervisorId: 'agt_nobody' }))).toBe(
      'NOT_FOUND',
    );
    expect(
      await codeOf(desk.supervision.whisper({ ...by, supervisorId: 'agt_zhao', text: ' ' })),
    ).toBe('VALIDATION');
    expect(events.length).toBe(before);
    expect((await desk.messages.list({ conversationId: c.id })).length).toBe(1);
    expect((await desk.conversations.get({ conversationId: c.id }))?.assigneeId).toBe('agt_wang');
  });

  it('records a watch without touching the conversation', async () => {
    const { desk, events } = await supervisedDesk();
    const c = await desk.conversations.start({ customerId: 'cus_lin' });
    const version = (await desk.conversations.get({ conversationId: c.id }))?.version;
    await desk.supervision.watch({ conversationId: c.id, supervisorId: 'agt_zhao' });
    expect(events.at(-1)).toMatchObject({
      type: 'conversation.watched',
      subject: { kind: 'conversation', id: c.id },
      data: { conversationId: c.id, supervisorId: 'agt_zhao' },
    });
    expect((await desk.conversations.get({ conversationId: c.id }))?.version).toBe(version);
    expect((await desk.events.read({ after: 0, limit: 100 })).map((e) => e.type)).toContain(
      'conversation.watched',
    );
  });

  it('barges in: the supervisor takes the conversation, with an event naming who had it', async () => {
    const { desk, events } = await supervisedDesk();
    const c = await desk.conversations.start({ customerId: 'cus_lin', message: { text: '投诉' } });
    await desk.conversations.assign({ conversationId: c.id, agentId: 'agt_wang' });
    const taken = await desk.supervision.bargeIn({
      conversationId: c.id,
      supervisorId: 'agt_zhao',
      reason: '客户投诉升级',
    });
    expect(taken).toMatchObject({ status: 'active', assigneeId: 'agt_zhao' });
    expect(events.slice(-2).map((e) => e.type)).toEqual([
      'conversation.transferred',
      'conversation.barged_in',
    ]);
    expect(events.at(-1)?.data).toMatchObject({
      supervisorId: 'agt_zhao',
      fromAgentId: 'agt_wang',
      reason: '客户投诉升级',
      conversation: { assigneeId: 'agt_zhao' },
    });
    expect((await desk.agents.get('agt_wang'))?.load).toBe(0);
    expect((await desk.agents.get('agt_zhao'))?.load).toBe(1);
    // Now the supervisor is the assignee and replies; barging in again is refused.
    await desk.messages.post({
      conversationId: c.id,
      author: { kind: 'agent', id: 'agt_zhao' },
      text: '您好，我是主管',
    });
    expect(
      await codeOf(desk.supervision.bargeIn({ conversationId: c.id, supervisorId: 'agt_zhao' })),
    ).toBe('INVALID_TRANSITION');
  });

  it('barges in on a queued conversation by assigning it', async () => {
    const { desk, events } = await supervisedDesk();
    const c = await desk.conversations.start({ customerId: 'cus_amy', message: { text: 'hi' } });
    await desk.supervision.bargeIn({ conversationId: c.id, supervisorId: 'agt_admin' });
    expect(
      events.slice(-2).map((e) => [e.type, (e.data as { fromAgentId?: unknown }).fromAgentId]),
    ).toEqual([
      ['conversation.assigned', undefined],
      ['conversation.barged_in', null],
    ]);
  });

  it('reassigns to another agent or back to a team queue, naming the supervisor', async () => {
    const { desk, events } = await supervisedDesk();
    const c = await desk.conversations.start({ customerId: 'cus_lin', message: { text: '退货' } });
    await desk.conversations.assign({ conversationId: c.id, agentId: 'agt_wang' });
    const moved = await desk.supervision.reassign({
      conversationId: c.id,
      supervisorId: 'agt_zhao',
      toAgentId: 'agt_li',
      reason: '售后问题',
    });
    expect(moved.assigneeId).toBe('agt_li');
    expect(events.at(-1)).toMatchObject({
      type: 'conversation.transferred',
      data: { fromAgentId: 'agt_wang', toAgentId: 'agt_li', by: 'agt_zhao', reason: '售后问题' },
    });
    const queued = await desk.supervision.reassign({
      conversationId: c.id,
      supervisorId: 'agt_zhao',
      toAgentId: null,
      toTeam: 'after-sales',
    });
    expect(queued).toMatchObject({ status: 'queued', assigneeId: null, team: 'after-sales' });
    const assigned = await desk.supervision.reassign({
      conversationId: c.id,
      supervisorId: 'agt_zhao',
      toAgentId: 'agt_wang',
    });
    expect(assigned.assigneeId).toBe('agt_wang');
    expect(
      await codeOf(
        desk.supervision.reassign({
          conversationId: c.id,
          supervisorId: 'agt_zhao',
          toAgentId: 'agt_ghost',
        }),
      ),
    ).toBe('NOT_FOUND');
    expect(
      await codeOf(
        desk.supervision.reassign({
          conversationId: c.id,
          supervisorId: 'agt_zhao',
          toAgentId: 'agt_li',
          toTeam: 'x',
        }),
      ),
    ).toBe('VALIDATION');
  });

  it('refuses commands on a closed conversation', async () => {
    const { desk } = await supervisedDesk();
    const c = await desk.conversations.start({ customerId: 'cus_lin' });
    await desk.conversations.assign({ conversationId: c.id, agentId: 'agt_wang' });
    await desk.conversations.close({ conversationId: c.id });
    const by = { conversationId: c.id, supervisorId: 'agt_zhao' };
    expect(await codeOf(desk.supervision.whisper({ ...by, text: 'late' }))).toBe(
      'INVALID_TRANSITION',
    );
    expect(await codeOf(desk.supervision.bargeIn(by))).toBe('INVALID_TRANSITION');
    expect(await desk.supervision.live()).toEqual([]);
  });
});

describe('desk.supervision: concurrent supervisors', () => {
  it('lets exactly one of two simultaneous barge-ins win, with the load moved once', async () => {
    for (let round = 0; round < 5; round++) {
      const { desk, events } = await supervisedDesk();
      const c = await desk.conversations.start({
        customerId: 'cus_lin',
        message: { text: '投诉' },
      });
      await desk.conversations.assign({ conversationId: c.id, agentId: 'agt_wang' });
      const results = await Promise.allSettled([
        desk.supervision.bargeIn({ conversationId: c.id, supervisorId: 'agt_zhao' }),
        desk.supervision.bargeIn({ conversationId: c.id, supervisorId: 'agt_admin' }),
      ]);
      const won = results.filter((r) => r.status === 'fulfilled');
      const lost = results.filter((r) => r.status === 'rejected');
      expect(won).toHaveLength(1);
      expect(lost.map((r) => (r as PromiseRejectedResult).reason.code)).toEqual(['CONFLICT']);
      const winner = (await desk.conversations.get({ conversationId: c.id }))?.assigneeId;
      expect(events.filter((e) => e.type === 'conversation.barged_in')).toHaveLength(1);
      const loads = await Promise.all(
        ['agt_wang', 'agt_zhao', 'agt_admin'].map(async (id) => [
          id,
          (await desk.agents.get(id))?.load,
        ]),
      );
      expect(loads).toEqual(
        ['agt_wang', 'agt_zhao', 'agt_admin'].map((id) => [id, id === winner ? 1 : 0]),
      );
    }
  });

  it('gives concurrent whispers and replies gap-free seqs, each stored once', async () => {
    const { desk } = await supervisedDesk();
    const c = await desk.conversations.start({ customerId: 'cus_lin', message: { text: '在吗' } });
    await desk.conversations.assign({ conversationId: c.id, agentId: 'agt_wang' });
    await Promise.all([
      ...Array.from({ length: 5 }, (_, i) =>
        desk.supervision.whisper({
          conversationId: c.id,
          supervisorId: i % 2 ? 'agt_zhao' : 'agt_admin',
          text: `耳语 ${i}`,
          clientId: `c_whisper_${i}x`,
        }),
      ),
      ...Array.from({ length: 5 }, (_, i) =>
        desk.messages.post({
          conversationId: c.id,
          author: { kind: 'agent', id: 'agt_wang' },
          text: `回复 ${i}`,
        }),
      ),
      // The same whisper twice at once: stored once.
      desk.supervision.whisper({
        conversationId: c.id,
        supervisorId: 'agt_zhao',
        text: '耳语 1',
        clientId: 'c_whisper_1x',
      }),
    ]);
    const messages = await desk.messages.list({ conversationId: c.id });
    expect(messages.map((m) => m.seq)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    expect(messages.filter((m) => m.whisper)).toHaveLength(5);
  });
});
