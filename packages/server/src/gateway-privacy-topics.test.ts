import type { AgentCallMethod, ServerFrame } from '@kefu/core/protocol';
import { describe, expect, it } from 'vitest';
import {
  agent,
  connectClient,
  customer,
  openRaw,
  type RawSocket,
  rawGatewayPerTest,
  request,
  until,
} from './gateway-test-setup';

const gateway = rawGatewayPerTest();
const PHONE = '13912345678';
const EMAIL = 'lin@example.cn';
const TOPIC = `改收货电话 ${PHONE} / ${EMAIL}`;
const MASKED_TOPIC = '改收货电话 139****5678 / l**@example.cn';
const COMMENT = `很满意，有事打 ${PHONE}`;
const leaks = new RegExp(`${PHONE}|${EMAIL}`);

const call = async <T>(socket: RawSocket, method: AgentCallMethod, input: object) =>
  (await request(socket, { type: 'call', method, input })).result as T;

type Topic = { topic: string | null; masked?: { path: string; index: number; kind: string }[] };
const topicOf = ({ topic, masked }: Topic) => ({ topic, masked: masked?.map((m) => m.path) });
const conversationFrames = (frames: ServerFrame[], id: string) =>
  frames.flatMap((f) => (f.type === 'conversation' && f.conversation.id === id ? [f] : []));

describe('gateway: conversation topics and survey comments', () => {
  it('masks them in every call result and live frame an agent gets; the customer sees them as typed', async () => {
    // 王 is in scope (a supervisor, so the live view is his too); 李 may see nothing of 林's.
    const fixture = await gateway.start(
      { authorizeAgent: (agentId) => agentId !== 'agt_li' },
      { surveys: { enabled: true, delayMs: 0 } },
    );
    const { desk } = fixture;
    await desk.agents.upsert({ id: 'agt_wang', name: '王客服', role: 'supervisor' });
    const lin = gateway.track(connectClient(fixture.url, customer('cus_lin')));
    const started = await lin.startConversation({ topic: TOPIC, text: '你好' });
    expect(started.topic).toBe(TOPIC);
    const conversationId = started.id;

    const wang = gateway.track(await openRaw(fixture.url, agent('token-wang')));
    // The inbox ack (queued), the subscription's snapshot, the live view and its rows.
    const inbox = await request(wang, { type: 'inbox' });
    expect(inbox.conversations?.map(topicOf)).toEqual([
      { topic: MASKED_TOPIC, masked: ['topic', 'topic'] },
    ]);
    wang.send({ type: 'subscribe', id: 'sub', conversationId });
    await wang.next('synced');
    const [backlog] = conversationFrames(wang.frames, conversationId);
    expect(backlog && topicOf(backlog.conversation)).toEqual({
      topic: MASKED_TOPIC,
      masked: ['topic', 'topic'],
    });
    const live = await request(wang, { type: 'watch_supervision' });
    expect(live.supervision?.map(topicOf)).toEqual([
      { topic: MASKED_TOPIC, masked: ['topic', 'topic'] },
    ]);

    // A change: the ack, the live conversation frame and the live-view row, all masked.
    const claimed = await request(wang, { type: 'act', conversationId, action: 'claim' });
    expect(claimed.conversation?.topic).toBe(MASKED_TOPIC);
    const frame = await wang.next(
      'conversation',
      (f) => f.conversation.id === conversationId && f.conversation.status === 'active',
    );
    expect(topicOf(frame.conversation)).toEqual({
      topic: MASKED_TOPIC,
      masked: ['topic', 'topic'],
    });
    expect(frame.conversation.masked?.[0]).toEqual({
      path: 'topic',
      index: 0,
      start: 6,
      end: 17,
      kind: 'mobile',
    });
    const row = await wang.next('supervision', (f) => f.row?.status === 'active');
    expect(row.row?.topic).toBe(MASKED_TOPIC);
    await until(
      () => lin.getSnapshot().conversations[conversationId]?.conversation?.status === 'active',
    );
    expect(lin.getSnapshot().conversations[conversationId]?.conversation?.topic).toBe(TOPIC);

    // The survey: the customer answers it and gets the comment back as typed.
    await request(wang, { type: 'act', conversationId, action: 'resolve' });
    await desk.jobs.runDue();
    await until(() => lin.getSnapshot().conversations[conversationId]?.survey?.status === 'sent');
    const answered = await lin.rate(conversationId, { answers: { overall: 5 }, comment: COMMENT });
    expect(answered.comment).toBe(COMMENT);

    // Call results: conversations.*, surveys.get, supervision.*.
    const got = await call<Topic & { survey: { comment: string } }>(wang, 'conversations.get', {
      conversationId,
    });
    expect(got.topic).toBe(MASKED_TOPIC);
    expect(got.survey.comment).toBe('很满意，有事打 139****5678');
    expect(got.masked?.map((m) => m.path)).toEqual(['topic', 'topic', 'survey.comment']);
    const page = await call<{ items: Topic[] }>(wang, 'conversations.list', {
      customerId: 'cus_lin',
    });
    expect(page.items.map((c) => c.topic)).toEqual([MASKED_TOPIC]);
    const tagged = await call<Topic>(wang, 'conversations.tag', { conversationId, add: ['vip'] });
    expect(tagged.topic).toBe(MASKED_TOPIC);
    const survey = await call<{ comment: string } & Topic>(wang, 'surveys.get', {
      conversationId,
    });
    expect(survey.comment).toBe('很满意，有事打 139****5678');
    expect(survey.masked).toEqual([
      { path: 'comment', index: 0, start: 8, end: 19, kind: 'mobile' },
    ]);
    await desk.conversations.reopen({ conversationId, by: 'customer' });
    const watched = await call<Topic>(wang, 'supervision.watch', { conversationId });
    expect(watched.topic).toBe(MASKED_TOPIC);
    const rows = await call<Topic[]>(wang, 'supervision.live', {});
    expect(rows.map((r) => r.topic)).toEqual([MASKED_TOPIC]);
    // A report grouped by category groups by topic: the group's name is masked.
    const report = await call<{ rows: { group: { category?: string } }[] }>(
      wang,
      'metrics.report',
      { from: 0, to: desk.clock.now() + 1, groupBy: ['category'] },
    );
    expect(report.rows.map((r) => r.group.category)).toEqual([MASKED_TOPIC]);

    // Nothing that reached the agent's socket so far carries the values.
    await until(() => conversationFrames(wang.frames, conversationId).length >= 4);
    expect(JSON.stringify(wang.frames)).not.toMatch(leaks);

    // The audited reveal, in scope only.
    expect(await call(wang, 'privacy.reveal', { conversationId, path: 'topic', span: 1 })).toEqual({
      kind: 'email',
      value: EMAIL,
    });
    expect(
      await call(wang, 'privacy.reveal', { conversationId, path: 'survey.comment', span: 0 }),
    ).toEqual({ kind: 'mobile', value: PHONE });
    const li = gateway.track(await openRaw(fixture.url, agent('token-li')));
    await expect(
      call(li, 'privacy.reveal', { conversationId, path: 'topic', span: 0 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const audit = await desk.privacy.audit.list({
      actions: ['value.revealed'],
      actor: { kind: 'admin', id: 'adm_test' },
    });
    expect(audit.entries.map((e) => [e.actor.id, e.target, e.details.path, e.origin?.via])).toEqual(
      [
        ['agt_wang', { kind: 'conversation', id: conversationId }, 'topic', 'gateway'],
        ['agt_wang', { kind: 'conversation', id: conversationId }, 'survey.comment', 'gateway'],
      ],
    );
  });

  it('masks the topic in the frame telling an agent a conversation left their inbox', async () => {
    // With roles, a plain agent sees the queue; once another agent claims a conversation, they
    // are told it left, without the agent-only details: the topic is masked there too.
    const fixture = await gateway.start();
    const lin = gateway.track(connectClient(fixture.url, customer('cus_lin')));
    const { id: conversationId } = await lin.startConversation({ topic: TOPIC, text: '你好' });
    const li = gateway.track(await openRaw(fixture.url, agent('token-li')));
    const inbox = await request(li, { type: 'inbox' });
    expect(inbox.conversations?.map((c) => c.topic)).toEqual([MASKED_TOPIC]);
    const wang = gateway.track(await openRaw(fixture.url, agent('token-wang')));
    const claimed = await request(wang, { type: 'claim_next' });
    expect(claimed.conversation?.topic).toBe(MASKED_TOPIC);
    const left = await li.next(
      'conversation',
      (f) => f.conversation.id === conversationId && f.conversation.status === 'active',
    );
    expect(left.conversation.details).toBeUndefined();
    expect(topicOf(left.conversation)).toEqual({
      topic: MASKED_TOPIC,
      masked: ['topic', 'topic'],
    });
    expect(JSON.stringify([li.frames, wang.frames])).not.toMatch(leaks);
  });
});
