// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useFakeGateway } from '../test-support/fake-gateway';
import { setupMsw } from '../test-support/msw-setup';
import { renderWithClient } from '../test-support/render-with-client';
import { ChatWidget } from './chat-widget';

const server = setupMsw();
const incident = {
  id: 'inc_1',
  mode: 'leave-message' as const,
  message: { 'zh-CN': '物流系统故障，订单查询暂不可用。', en: 'Order tracking is down for now.' },
  startedAt: Date.UTC(2026, 10, 11, 2, 0),
};

async function openWidget(name: string, button: string) {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: button }));
  return { user, panel: await screen.findByRole('dialog', { name }) };
}

describe('<IncidentBanner> in the widget', () => {
  it('shows the English banner and takes messages in leave-message mode, then goes away', async () => {
    const fake = useFakeGateway(server);
    renderWithClient(<ChatWidget locale="en" />);
    const { panel } = await openWidget('Customer service', 'Chat with us');
    expect(within(panel).queryByText('Service notice')).toBeNull();

    act(() => fake.push({ type: 'incident', incident }));
    expect(await within(panel).findByText('Order tracking is down for now.')).toBeTruthy();
    expect(within(panel).getByText(/Leave a message and we will reply/)).toBeTruthy();
    expect(within(panel).queryByText('物流系统故障，订单查询暂不可用。')).toBeNull();
    const composer = within(panel).getByRole('textbox', { name: 'Message' });
    expect(composer).toHaveAttribute('placeholder', 'Leave a message');

    act(() => fake.push({ type: 'incident', incident: null }));
    await waitFor(() => expect(within(panel).queryByText('Service notice')).toBeNull());
    expect(composer).not.toHaveAttribute('placeholder', 'Leave a message');
  });

  it('shows the Chinese banner in zh-CN, with the bot-only hint', async () => {
    const fake = useFakeGateway(server);
    renderWithClient(<ChatWidget locale="zh-CN" />);
    const { panel } = await openWidget('在线客服', '联系客服');
    act(() => fake.push({ type: 'incident', incident: { ...incident, mode: 'bot-only' } }));
    expect(await within(panel).findByText('物流系统故障，订单查询暂不可用。')).toBeTruthy();
    expect(within(panel).getByText('服务公告')).toBeTruthy();
    expect(within(panel).getByText(/智能助手/)).toBeTruthy();
    expect(within(panel).queryByText('Order tracking is down for now.')).toBeNull();
  });
});
