// @vitest-environment jsdom
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { WIDGET_MEMORY_KEY } from '../memory/widget-memory';
import { useFakeGateway } from '../test-support/fake-gateway';
import { meltedChocolate } from '../test-support/melted-chocolate';
import { setupMsw } from '../test-support/msw-setup';
import { renderWithClient } from '../test-support/render-with-client';
import { ChatWidget } from './chat-widget';

const server = setupMsw();
const agent = { kind: 'agent', id: 'agt_wang' } as const;

afterEach(() => vi.restoreAllMocks());

/** A storefront that owns the open state, recording what the widget asks for. */
function Controlled({ changes }: { changes: boolean[] }) {
  const [open, setOpen] = useState(false);
  return (
    <ChatWidget
      locale="en"
      open={open}
      onOpenChange={(next) => {
        changes.push(next);
        setOpen(next);
      }}
    />
  );
}

function setOnline(online: boolean) {
  vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(online);
  act(() => {
    window.dispatchEvent(new Event(online ? 'online' : 'offline'));
  });
}

describe('<ChatWidget> as the customer comes back to it', () => {
  it('reopens after a reload where the customer left it: open, on the ticket list', async () => {
    const fake = useFakeGateway(server);
    fake.tickets.set(meltedChocolate.id, meltedChocolate);
    const first = renderWithClient(<ChatWidget locale="en" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Chat with us' }));
    await user.click(await screen.findByRole('button', { name: 'My requests (1)' }));
    await screen.findByRole('list', { name: 'My requests' });
    first.unmount();

    const second = renderWithClient(<ChatWidget locale="en" />);
    const dialog = await screen.findByRole('dialog', { name: 'Customer service' });
    expect(within(dialog).getByRole('list', { name: 'My requests' })).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Close chat' }));
    second.unmount();

    // Closed when it was left closed.
    renderWithClient(<ChatWidget locale="en" />);
    await screen.findByRole('button', { name: 'Chat with us' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('asks a controlled parent to open again, and remembers nothing with rememberOpen={false}', async () => {
    useFakeGateway(server);
    sessionStorage.setItem(WIDGET_MEMORY_KEY, 'o');
    const changes: boolean[] = [];
    const controlled = renderWithClient(<Controlled changes={changes} />);
    await screen.findByRole('dialog', { name: 'Customer service' });
    expect(changes).toEqual([true]);
    controlled.unmount();

    sessionStorage.setItem(WIDGET_MEMORY_KEY, 'o');
    renderWithClient(<ChatWidget locale="en" rememberOpen={false} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Chat with us' }));
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(sessionStorage.getItem(WIDGET_MEMORY_KEY)).toBe('o');
  });

  it('greets from the launcher after the delay; a click opens the chat; dismissed it stays away', async () => {
    useFakeGateway(server);
    const greeting = { text: '新品巧克力上架啦，有问题随时问我！', delayMs: 60 };
    const first = renderWithClient(<ChatWidget locale="zh-CN" greeting={greeting} />);
    await screen.findByRole('button', { name: '联系客服' });
    expect(screen.queryByText(greeting.text)).toBeNull();
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: greeting.text }));
    expect(await screen.findByRole('dialog', { name: '在线客服' })).toBeInTheDocument();
    expect(screen.queryByText(greeting.text)).toBeNull();
    await user.keyboard('{Escape}');
    await user.click(await screen.findByRole('button', { name: '不再显示' }));
    expect(screen.queryByText(greeting.text)).toBeNull();
    first.unmount();

    renderWithClient(<ChatWidget locale="zh-CN" greeting={greeting} />);
    await screen.findByRole('button', { name: '联系客服' });
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(screen.queryByText(greeting.text)).toBeNull();
  });

  it('says the customer is offline as soon as the browser knows, and stops when it is back', async () => {
    useFakeGateway(server);
    renderWithClient(<ChatWidget locale="en" defaultOpen />);
    const dialog = await screen.findByRole('dialog', { name: 'Customer service' });
    setOnline(false);
    expect(
      within(dialog).getByText(
        'Connection lost. Reconnecting; your messages will be sent when we are back.',
      ),
    ).toBeInTheDocument();
    setOnline(true);
    expect(within(dialog).queryByText(/Connection lost/)).toBeNull();
  });

  it("shows the agent's avatar and name, and who is typing by name", async () => {
    const fake = useFakeGateway(server);
    renderWithClient(<ChatWidget locale="en" defaultOpen />);
    const user = userEvent.setup();
    await user.type(await screen.findByRole('textbox'), 'hello{Enter}');
    await waitFor(() => expect(fake.conversations.size).toBe(1));
    const [id = ''] = [...fake.conversations.keys()];
    fake.push({ type: 'typing', conversationId: id, author: agent, typing: true });
    // Before the agent's first message the widget knows no name.
    expect(await screen.findByText('Agent is typing…')).toBeInTheDocument();
    fake.say(id, agent, '您好，我是王客服', { authorName: '王客服' });
    const reply = (await screen.findByText('您好，我是王客服')).closest('li');
    expect(reply?.querySelector('.kefu-avatar')?.textContent).toBe('王');
    expect(reply?.querySelector('.kefu-avatar')?.getAttribute('aria-hidden')).toBe('true');
    expect(within(reply as HTMLElement).getByText('王客服')).toBeInTheDocument();
    fake.push({ type: 'typing', conversationId: id, author: agent, typing: true });
    expect(await screen.findByText('王客服 is typing…')).toBeInTheDocument();
    // Your own messages have no avatar.
    expect(screen.getByText('hello').closest('li')?.querySelector('.kefu-avatar')).toBeNull();
  });
});
