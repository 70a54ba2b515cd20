// @vitest-environment jsdom
import type { WireSurvey } from '@kefu/core/wire';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useFakeGateway, wireConversation } from '../test-support/fake-gateway';
import { setupMsw } from '../test-support/msw-setup';
import { renderWithClient } from '../test-support/render-with-client';
import { ChatWidget } from './chat-widget';

const server = setupMsw();

const survey = (conversationId: string, changes: Partial<WireSurvey> = {}): WireSurvey => ({
  id: 'sur_1',
  kind: 'csat',
  conversationId,
  ticketId: null,
  status: 'sent',
  questions: [
    { id: 'overall', text: { 'zh-CN': '您对本次服务满意吗？', en: 'How satisfied are you?' } },
    { id: 'speed', text: { 'zh-CN': '回复速度如何？', en: 'How fast were we?' } },
  ],
  scale: { min: 1, max: 5 },
  answers: {},
  comment: null,
  score: null,
  expiresAt: null,
  ...changes,
});

function resolvedConversation(fake: ReturnType<typeof useFakeGateway>) {
  const conversation = wireConversation({ status: 'resolved', assigneeId: 'agt_wang', lastSeq: 1 });
  fake.conversations.set(conversation.id, conversation);
  fake.messages.set(conversation.id, []);
  fake.say(conversation.id, { kind: 'agent', id: 'agt_wang' }, '问题已解决，祝您愉快！');
  return conversation;
}

describe('<SurveyPrompt> in the widget', () => {
  it('asks each question on the survey scale after resolution and sends the answers', async () => {
    const fake = useFakeGateway(server);
    const conversation = resolvedConversation(fake);
    fake.surveys.set(conversation.id, survey(conversation.id));
    renderWithClient(<ChatWidget locale="zh-CN" defaultOpen />);
    const user = userEvent.setup();

    const form = await screen.findByRole('form', { name: '请对本次服务进行评价' });
    expect(screen.getByText('本次会话已解决。')).toBeInTheDocument();
    expect(screen.getByRole('group', { name: '您对本次服务满意吗？' })).toBeInTheDocument();
    const submit = screen.getByRole('button', { name: '提交评价' });
    const overall = screen.getByRole('group', { name: '您对本次服务满意吗？' });
    expect(within(overall).getAllByRole('radio')).toHaveLength(5);
    await user.click(within(overall).getByRole('radio', { name: '5 分（满分 5 分）' }));
    expect(submit).toBeDisabled(); // the second question is still open
    const speed = screen.getByRole('group', { name: '回复速度如何？' });
    await user.click(within(speed).getByRole('radio', { name: '4 分（满分 5 分）' }));
    await user.type(screen.getByLabelText('其他建议（选填）'), '很快，谢谢');
    await user.click(submit);

    await waitFor(() =>
      expect(fake.received.find((frame) => frame.type === 'rate')).toEqual({
        type: 'rate',
        id: expect.any(String),
        conversationId: conversation.id,
        answers: { overall: 5, speed: 4 },
        comment: '很快，谢谢',
      }),
    );
    expect(await screen.findByText('感谢您的评价！')).toBeInTheDocument();
    expect(form).not.toBeInTheDocument();
  });

  it('shows nothing before the survey is sent, and thanks once it was answered', async () => {
    const fake = useFakeGateway(server);
    const conversation = resolvedConversation(fake);
    fake.surveys.set(conversation.id, survey(conversation.id, { status: 'scheduled' }));
    renderWithClient(<ChatWidget locale="en" defaultOpen />);
    await screen.findByText('问题已解决，祝您愉快！');
    expect(screen.queryByRole('form', { name: 'How did we do?' })).toBeNull();
    fake.push({ type: 'survey', survey: survey(conversation.id) });
    expect(await screen.findByRole('form', { name: 'How did we do?' })).toBeInTheDocument();
    expect(screen.getByRole('group', { name: 'How satisfied are you?' })).toBeInTheDocument();
    fake.push({
      type: 'survey',
      survey: survey(conversation.id, { status: 'answered', score: 4 }),
    });
    expect(await screen.findByText('Thank you for your feedback!')).toBeInTheDocument();
  });

  it('starts a new conversation when the customer writes after resolution', async () => {
    const fake = useFakeGateway(server);
    resolvedConversation(fake);
    renderWithClient(<ChatWidget locale="en" defaultOpen />);
    await screen.findByText('问题已解决，祝您愉快！');
    await userEvent
      .setup()
      .type(screen.getByRole('textbox', { name: 'Message' }), 'one more thing{Enter}');
    await waitFor(() =>
      expect(fake.received.find((frame) => frame.type === 'start')).toMatchObject({
        message: { text: 'one more thing' },
      }),
    );
    expect(fake.received.some((frame) => frame.type === 'send')).toBe(false);
  });
});
