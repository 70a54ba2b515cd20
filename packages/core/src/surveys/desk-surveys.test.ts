import { describe, expect, it } from 'vitest';
import type { CreateDeskOptions } from '../desk/create-desk';
import { HOUR, setupDesk } from '../desk/desk-test-setup';

const MINUTE = 60_000;
const options = (surveys: CreateDeskOptions['surveys']): Partial<CreateDeskOptions> => ({
  surveys,
  reopenWindowMs: 100 * HOUR,
  jobs: { pollIntervalMs: 1000 * HOUR },
});

async function resolvedConversation(desk: Awaited<ReturnType<typeof setupDesk>>['desk']) {
  const { id } = await desk.conversations.start({ customerId: 'cus_lin' });
  await desk.conversations.assign({ conversationId: id, agentId: 'agt_wang' });
  await desk.messages.post({
    conversationId: id,
    author: { kind: 'agent', id: 'agt_wang' },
    text: '已处理',
  });
  await desk.conversations.resolve({ conversationId: id });
  return id;
}

describe('desk: satisfaction surveys', () => {
  it('schedules a CSAT survey on resolution, sends it after the delay, takes one answer', async () => {
    const { desk, clock, events } = await setupDesk(
      options({ enabled: true, delayMs: 5 * MINUTE }),
    );
    await desk.jobs.start();
    const id = await resolvedConversation(desk);
    expect(await desk.surveys.get({ conversationId: id })).toMatchObject({
      status: 'scheduled',
      agentId: 'agt_wang',
    });
    await clock.advance(5 * MINUTE);
    expect(await desk.surveys.get({ conversationId: id })).toMatchObject({
      status: 'sent',
      sentAt: clock.now(),
    });
    const answered = await desk.surveys.answer({
      conversationId: id,
      customerId: 'cus_lin',
      answers: { overall: 5 },
      comment: '很快',
    });
    expect(answered).toMatchObject({ status: 'answered', score: 5, comment: '很快' });
    await expect(
      desk.surveys.answer({ conversationId: id, customerId: 'cus_lin', answers: { overall: 1 } }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    expect(events.filter((e) => e.type.startsWith('survey.')).map((e) => e.type)).toEqual([
      'survey.scheduled',
      'survey.sent',
      'survey.answered',
    ]);
    await desk.stop();
  });

  it('expires an unanswered survey', async () => {
    const { desk, clock } = await setupDesk(
      options({ enabled: true, delayMs: 0, expiresAfterMs: HOUR }),
    );
    await desk.jobs.start();
    const id = await resolvedConversation(desk);
    await clock.advance(HOUR);
    expect((await desk.surveys.get({ conversationId: id }))?.status).toBe('expired');
    await expect(
      desk.surveys.answer({ conversationId: id, customerId: 'cus_lin', answers: { overall: 4 } }),
    ).rejects.toMatchObject({ code: 'INVALID_TRANSITION' });
    await desk.stop();
  });

  it('drops a survey not yet sent when the conversation is reopened, and schedules a new one later', async () => {
    const { desk, clock } = await setupDesk(options({ enabled: true, delayMs: 10 * MINUTE }));
    await desk.jobs.start();
    const id = await resolvedConversation(desk);
    await desk.conversations.reopen({ conversationId: id });
    expect(await desk.surveys.get({ conversationId: id })).toBeNull();
    await clock.advance(20 * MINUTE);
    await desk.conversations.resolve({ conversationId: id });
    expect((await desk.surveys.get({ conversationId: id }))?.status).toBe('scheduled');
    await desk.stop();
  });

  it('raises survey.low_score and opens a follow-up complaint for an NPS detractor', async () => {
    const { desk, clock, events } = await setupDesk(
      options({
        enabled: true,
        kind: 'nps',
        delayMs: 0,
        followUpTicket: true,
        questions: [{ id: 'recommend', text: { en: 'Recommend us?' } }],
      }),
    );
    await desk.jobs.start();
    const id = await resolvedConversation(desk);
    await clock.advance(1);
    await desk.surveys.answer({
      conversationId: id,
      customerId: 'cus_lin',
      answers: { recommend: 3 },
      comment: '等太久',
    });
    const low = events.find((e) => e.type === 'survey.low_score');
    const ticketId = low?.type === 'survey.low_score' ? low.data.ticketId : null;
    expect(ticketId).not.toBeNull();
    expect(await desk.tickets.get(ticketId ?? '')).toMatchObject({
      kind: 'complaint',
      severity: 'high',
      conversationIds: [id],
    });
    await desk.stop();
  });

  it('refuses answers from another customer or off the scale, changing nothing', async () => {
    const { desk, clock } = await setupDesk(options({ enabled: true, delayMs: 0 }));
    await desk.jobs.start();
    const id = await resolvedConversation(desk);
    await clock.advance(1);
    await expect(
      desk.surveys.answer({ conversationId: id, customerId: 'cus_amy', answers: { overall: 5 } }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(
      desk.surveys.answer({ conversationId: id, customerId: 'cus_lin', answers: { overall: 6 } }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(
      desk.surveys.answer({
        conversationId: id,
        customerId: 'cus_lin',
        answers: { overall: 4, extra: 2 },
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await desk.surveys.get({ conversationId: id }))?.status).toBe('sent');
    await desk.stop();
  });

  it('surveys resolved tickets too, when configured', async () => {
    const { desk, clock } = await setupDesk(
      options({ enabled: true, on: ['ticket'], kind: 'ces', delayMs: 0 }),
    );
    await desk.jobs.start();
    const agent = { kind: 'agent' as const, id: 'agt_li' };
    const { id } = await desk.tickets.create({
      kind: 'refund',
      subject: '退款',
      customerId: 'cus_lin',
      by: agent,
    });
    await desk.tickets.start({ ticketId: id, by: agent });
    await desk.tickets.resolve({ ticketId: id, by: agent });
    await clock.advance(1);
    expect(
      await desk.surveys.answer({ ticketId: id, customerId: 'cus_lin', answers: { overall: 2 } }),
    ).toMatchObject({
      kind: 'ces',
      score: 2,
      ticketId: id,
    });
    await desk.stop();
  });
});
