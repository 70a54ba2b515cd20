import { describe, expect, it } from 'vitest';
import { setupDesk } from '../desk/desk-test-setup';

const PHONE = '13912345678';
const EMAIL = 'xiaoxue@example.cn';
const ADDRESS = '杭州市西湖区文三路88号';
const TOPIC = `改收货电话 ${PHONE}，发票寄 ${EMAIL}`;
const COMMENT = `很满意，下次请送到${ADDRESS}，电话 ${PHONE}`;
const agent = { kind: 'agent' as const, id: 'agt_wang' };

/** A resolved conversation of cus_lin whose topic and answered survey carry personal data. */
async function scenario(options = {}) {
  const setup = await setupDesk({ surveys: { enabled: true, delayMs: 60_000 }, ...options });
  const { desk, clock } = setup;
  const started = await desk.conversations.start({
    customerId: 'cus_lin',
    topic: TOPIC,
    message: { text: '你好' },
  });
  await desk.conversations.assign({ conversationId: started.id, agentId: 'agt_wang' });
  await desk.conversations.resolve({ conversationId: started.id });
  await clock.advance(60_000);
  await desk.jobs.runDue();
  await desk.surveys.answer({
    conversationId: started.id,
    customerId: 'cus_lin',
    answers: { overall: 5 },
    comment: COMMENT,
  });
  const conversation = await desk.conversations.get({ conversationId: started.id });
  const survey = await desk.surveys.get({ conversationId: started.id });
  if (!conversation?.survey || !survey) throw new Error('scenario not seeded');
  return { ...setup, conversation, survey };
}

describe('masked conversations and surveys', () => {
  it('masks the phone number and e-mail in a topic, and lists both spans', async () => {
    const { desk, conversation } = await scenario();
    const view = desk.privacy.maskConversation(conversation);
    expect(view.topic).toBe('改收货电话 139****5678，发票寄 x******@example.cn');
    expect(view.masked.filter((m) => m.path === 'topic')).toEqual([
      { path: 'topic', index: 0, start: 6, end: 17, kind: 'mobile' },
      { path: 'topic', index: 1, start: 22, end: 22 + EMAIL.length, kind: 'email' },
    ]);
    // Everything else as stored, and the stored record untouched.
    expect({ ...view, topic: conversation.topic, survey: conversation.survey }).toEqual({
      ...conversation,
      masked: view.masked,
    });
    expect(conversation.topic).toBe(TOPIC);
  });

  it('masks detected spans of a survey comment, in the survey and the conversation’s copy', async () => {
    const { desk, conversation, survey } = await scenario();
    // The built-in detectors find numbers and e-mail; an address in free text is kept as typed.
    const masked = `很满意，下次请送到${ADDRESS}，电话 139****5678`;
    const view = desk.privacy.maskSurvey(survey);
    expect(view.comment).toBe(masked);
    expect(view.masked).toEqual([
      {
        path: 'comment',
        index: 0,
        start: COMMENT.indexOf(PHONE),
        end: COMMENT.length,
        kind: 'mobile',
      },
    ]);
    expect(view.score).toBe(5);
    const inConversation = desk.privacy.maskConversation(conversation);
    expect(inConversation.survey?.comment).toBe(masked);
    expect(inConversation.masked.map((m) => m.path)).toEqual(['topic', 'topic', 'survey.comment']);
    expect(survey.comment).toBe(COMMENT);
  });

  it('masks an address when the shop adds a detector for it', async () => {
    const { desk, survey } = await scenario({
      masking: {
        detectors: [
          {
            kind: 'address',
            find: (text: string) => {
              const start = text.indexOf('杭州市');
              return start < 0 ? [] : [{ start, end: text.indexOf('号', start) + 1 }];
            },
          },
        ],
      },
    });
    const view = desk.privacy.maskSurvey(survey);
    expect(view.comment).not.toContain('文三路');
    expect(view.masked.map((m) => m.kind)).toEqual(['address', 'mobile']);
  });

  it('reveals a topic or comment span by path, audited, and refuses what is not masked', async () => {
    const { desk, storage, conversation } = await scenario();
    const reveal = (input: Record<string, unknown>) =>
      desk.privacy.reveal({ actor: agent, origin: { ip: '10.0.0.7' }, ...input } as never);
    const conversationId = conversation.id;
    expect(await reveal({ conversationId, path: 'topic', span: 1 })).toEqual({
      kind: 'email',
      value: EMAIL,
    });
    expect(await reveal({ conversationId, path: 'survey.comment', span: 0 })).toEqual({
      kind: 'mobile',
      value: PHONE,
    });
    const audit = await storage.read.privacy.listAudit({}, { limit: 100 });
    expect(audit.map((e) => [e.action, e.actor, e.customerId, e.target, e.details])).toEqual([
      [
        'value.revealed',
        agent,
        'cus_lin',
        { kind: 'conversation', id: conversationId },
        { path: 'topic', span: 1, kind: 'email' },
      ],
      [
        'value.revealed',
        agent,
        'cus_lin',
        { kind: 'conversation', id: conversationId },
        { path: 'survey.comment', span: 0, kind: 'mobile' },
      ],
    ]);
    expect(audit[0]?.origin).toEqual({ ip: '10.0.0.7' });
    expect(JSON.stringify(audit)).not.toMatch(new RegExp(`${PHONE}|${EMAIL}`));
    // Nothing masked there, no such span, no such conversation: refused, and nothing audited.
    for (const refused of [
      { conversationId, path: 'status' },
      { conversationId, path: 'topic', span: 2 },
      { conversationId: 'conv_nobody', path: 'topic' },
    ]) {
      await expect(reveal(refused)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    }
    // A message span still needs its seq (the message form is unchanged).
    await expect(reveal({ conversationId, seq: 1, span: 0 })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect(await storage.read.privacy.listAudit({}, { limit: 100 })).toEqual(audit);
  });

  it('masks nothing when masking is off, and has nothing to reveal then', async () => {
    const { desk, conversation, survey } = await scenario({ masking: { enabled: false } });
    const views = [
      [desk.privacy.maskConversation(conversation), conversation],
      [desk.privacy.maskSurvey(survey), survey],
    ] as const;
    for (const [view, stored] of views) expect(view).toEqual({ ...stored, masked: [] });
    const topic = { conversationId: conversation.id, path: 'topic', actor: agent };
    await expect(desk.privacy.reveal(topic)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('masks topics and survey comments inside the conversation events webhooks get', async () => {
    const { desk, storage, conversation } = await scenario();
    // Closing copies the conversation, its answered survey inside, into the event.
    await desk.conversations.close({ conversationId: conversation.id });
    const log = await storage.events.read(0, 1000);
    const closed = log.find((event) => event.type === 'conversation.closed');
    expect(JSON.stringify(closed)).toContain(COMMENT);
    const masked = log.map((event) => desk.privacy.maskEvent(event));
    expect(JSON.stringify(masked)).not.toMatch(new RegExp(`${PHONE}|${EMAIL}`));
    expect(JSON.stringify(masked)).not.toContain('"masked"');
    expect(JSON.stringify(log)).toContain(PHONE);
  });
});
