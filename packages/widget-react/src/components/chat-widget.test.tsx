// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { useFakeGateway } from '../test-support/fake-gateway';
import { setupMsw } from '../test-support/msw-setup';
import { renderWithClient } from '../test-support/render-with-client';
import { ChatWidget } from './chat-widget';

const server = setupMsw();
const agent = { kind: 'agent', id: 'agt_wang' } as const;

async function openWidget(user = userEvent.setup()) {
  await user.click(await screen.findByRole('button', { name: 'Chat with us' }));
  return { user, panel: await screen.findByRole('dialog', { name: 'Customer service' }) };
}

/** An open English widget whose first message started a conversation on the fake gateway. */
async function startChat(fake: ReturnType<typeof useFakeGateway>, firstMessage: string) {
  renderWithClient(<ChatWidget locale="en" />);
  const { user, panel } = await openWidget();
  await user.type(within(panel).getByRole('textbox'), `${firstMessage}{Enter}`);
  await waitFor(() => expect(fake.conversations.size).toBe(1));
  const [id = ''] = [...fake.conversations.keys()];
  return { user, panel, id };
}

describe('<ChatWidget>', () => {
  it('moves focus into the panel on open, and back to the launcher on Escape', async () => {
    useFakeGateway(server);
    renderWithClient(<ChatWidget locale="en" />);
    const { user, panel } = await openWidget();
    const composer = within(panel).getByRole('textbox', { name: 'Message' });
    expect(composer).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Chat with us' })).toHaveFocus();
  });

  it('closes with its close button and works by keyboard alone', async () => {
    useFakeGateway(server);
    renderWithClient(<ChatWidget locale="en" />);
    const user = userEvent.setup();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Chat with us' })).toHaveFocus();
    await user.keyboard('{Enter}');
    const panel = await screen.findByRole('dialog');
    expect(within(panel).getByRole('textbox', { name: 'Message' })).toHaveFocus();
    await user.click(within(panel).getByRole('button', { name: 'Close chat' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Chat with us' })).toHaveFocus();
  });

  it('sends with Enter and breaks the line with Shift+Enter', async () => {
    const fake = useFakeGateway(server);
    renderWithClient(<ChatWidget locale="en" />);
    const { user, panel } = await openWidget();
    const composer = within(panel).getByRole('textbox', { name: 'Message' });
    await user.type(composer, '我的糖果{Shift>}{Enter}{/Shift}什么时候到？');
    expect(composer).toHaveValue('我的糖果\n什么时候到？');
    expect(fake.received.some((frame) => frame.type === 'start')).toBe(false);
    await user.keyboard('{Enter}');
    expect(composer).toHaveValue('');
    await within(panel).findByText(
      (_, element) =>
        element?.textContent === '我的糖果\n什么时候到？' && element.tagName === 'DIV',
    );
    const start = fake.received.find((frame) => frame.type === 'start');
    expect(start?.type === 'start' && start.message?.text).toBe('我的糖果\n什么时候到？');

    await user.type(composer, '订单号 20261122-0042{Enter}');
    await waitFor(() =>
      expect(fake.received.find((frame) => frame.type === 'send')).toMatchObject({
        text: '订单号 20261122-0042',
      }),
    );
  });

  it('shows XSS payloads as text and never creates their elements', async () => {
    const fake = useFakeGateway(server);
    const { panel, id } = await startChat(fake, 'hi');
    const payloads = [
      '<img src=x onerror="window.__xss=1">',
      '<script>window.__xss=1</script>',
      '<a href="javascript:window.__xss=1">click</a>',
      '"><svg onload=window.__xss=1>',
    ];
    for (const text of payloads) fake.say(id, agent, text);
    for (const text of payloads) expect(await within(panel).findByText(text)).toBeTruthy();
    expect(
      panel.querySelector('img, script, svg[onload], [onerror], a[href^="javascript"]'),
    ).toBeNull();
    expect((window as { __xss?: number }).__xss).toBeUndefined();
  });

  it('links http(s) and mailto with safe rel and target, and leaves other schemes as text', async () => {
    const fake = useFakeGateway(server);
    const { panel, id } = await startChat(fake, 'hi');
    fake.say(
      id,
      agent,
      'Track it at https://candy.example/track?o=42, or javascript:alert(1) or mailto:help@candy.example.',
      {
        attachments: [
          {
            name: 'receipt.pdf',
            url: 'https://files.candy.example/r.pdf',
            contentType: 'application/pdf',
            size: 20_480,
          },
          { name: 'evil.html', url: 'javascript:alert(1)', contentType: 'text/html', size: 10 },
        ],
      },
    );
    const track = await within(panel).findByRole('link', {
      name: 'https://candy.example/track?o=42',
    });
    expect(track).toHaveAttribute('href', 'https://candy.example/track?o=42');
    expect(track).toHaveAttribute('target', '_blank');
    expect(track).toHaveAttribute('rel', 'noopener noreferrer nofollow');
    expect(within(panel).getByRole('link', { name: 'mailto:help@candy.example' })).toHaveAttribute(
      'rel',
      'noopener noreferrer nofollow',
    );
    // Attachments render in a part loaded on first use.
    expect(await within(panel).findByRole('link', { name: 'receipt.pdf' })).toHaveAttribute(
      'href',
      'https://files.candy.example/r.pdf',
    );
    expect(within(panel).queryByRole('link', { name: 'evil.html' })).toBeNull();
    expect(within(panel).getByText('evil.html')).toBeTruthy();
    expect(within(panel).queryByRole('link', { name: /javascript/ })).toBeNull();
    for (const link of within(panel).getAllByRole('link')) {
      expect(link.getAttribute('href')).toMatch(/^(https?:|mailto:)/);
    }
  });

  it('speaks Chinese or English from the locale, the browser, or a custom dictionary', async () => {
    useFakeGateway(server);
    const { rerender, client } = renderWithClient(<ChatWidget locale="zh-CN" />);
    expect(await screen.findByRole('button', { name: '联系客服' })).toBeTruthy();
    const { KefuProvider } = await import('../provider/kefu-provider');
    rerender(
      <KefuProvider client={client}>
        <ChatWidget locale="en" />
      </KefuProvider>,
    );
    expect(screen.getByRole('button', { name: 'Chat with us' })).toBeTruthy();
    rerender(
      <KefuProvider client={client}>
        <ChatWidget locale="zh-TW" dictionaries={{ 'zh-TW': { openChat: '聯絡客服' } }} />
      </KefuProvider>,
    );
    expect(screen.getByRole('button', { name: '聯絡客服' })).toBeTruthy();
    // No locale: the browser's languages pick (jsdom says en-US).
    rerender(
      <KefuProvider client={client}>
        <ChatWidget messages={{ openChat: 'Ask the candy shop' }} />
      </KefuProvider>,
    );
    expect(screen.getByRole('button', { name: 'Ask the candy shop' })).toBeTruthy();
    expect(document.querySelector('.kefu-widget')).toHaveAttribute('lang', 'en');
  });

  it('offers to leave a message with the next opening time when the shop is closed', async () => {
    const fake = useFakeGateway(server);
    const nextOpeningAt = Date.UTC(2026, 11, 1, 1, 0);
    fake.deskStatus = { open: false, nextOpeningAt, agentsOnline: 0, acceptingNow: false };
    renderWithClient(<ChatWidget locale="en" />);
    const { panel, user } = await openWidget();
    expect(await within(panel).findByText('Leave us a message')).toBeTruthy();
    expect(within(panel).getByText(/We are closed right now/)).toBeTruthy();
    const when = new Intl.DateTimeFormat('en', {
      weekday: 'short',
      month: 'short',
      day: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
    }).format(nextOpeningAt);
    expect(within(panel).getByText(`We open again ${when}.`)).toBeTruthy();
    const composer = within(panel).getByRole('textbox', { name: 'Message' });
    expect(composer).toHaveAttribute('placeholder', 'Leave a message');
    await user.type(composer, '明早请联系我{Enter}');
    await waitFor(() =>
      expect(fake.received.find((frame) => frame.type === 'start')).toMatchObject({
        message: { text: '明早请联系我' },
      }),
    );
  });

  it('says nobody is online while open without agents', async () => {
    const fake = useFakeGateway(server);
    fake.deskStatus = { open: true, nextOpeningAt: null, agentsOnline: 0, acceptingNow: false };
    renderWithClient(<ChatWidget locale="zh-CN" />);
    await userEvent.setup().click(await screen.findByRole('button', { name: '联系客服' }));
    expect(await screen.findByText('当前客服不在线，请留言，我们会尽快回复您。')).toBeTruthy();
    expect(screen.queryByText(/下次营业时间/)).toBeNull();
  });

  it('shows the queue position and the estimated wait', async () => {
    const fake = useFakeGateway(server);
    const { panel, id } = await startChat(fake, 'hello');
    fake.push({ type: 'queue', conversationId: id, position: 3, estimatedWaitMs: 150_000 });
    expect(
      await within(panel).findByText(
        'You are number 3 in the queue. Estimated wait: about 3 minutes.',
      ),
    ).toBeTruthy();
  });

  it('shows typing, read receipts and failed sends with retry', async () => {
    const fake = useFakeGateway(server);
    const { user, panel, id } = await startChat(fake, 'hello');
    expect(await within(panel).findByText(/· Sent/)).toBeTruthy();
    fake.push({ type: 'typing', conversationId: id, author: agent, typing: true });
    expect(await within(panel).findByText('Agent is typing…')).toBeTruthy();
    fake.push({ type: 'read', conversationId: id, author: agent, seq: 1 });
    expect(await within(panel).findByText(/· Read/)).toBeTruthy();
    fake.push({ type: 'typing', conversationId: id, author: agent, typing: false });
    await waitFor(() => expect(within(panel).queryByText('Agent is typing…')).toBeNull());

    fake.refuseSends = 1;
    await user.type(within(panel).getByRole('textbox'), 'second try{Enter}');
    expect(await within(panel).findByText(/· Not sent/)).toBeInTheDocument();
    await user.click(within(panel).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(within(panel).queryByText(/· Not sent/)).toBeNull());
    const sends = fake.received.filter((frame) => frame.type === 'send');
    expect(sends.map((frame) => frame.type === 'send' && frame.text)).toEqual([
      'second try',
      'second try',
    ]);
    expect(new Set(sends.map((frame) => frame.type === 'send' && frame.clientId)).size).toBe(1);
    expect(fake.messages.get(id)?.map((message) => message.text)).toEqual(['hello', 'second try']);
  });

  it('counts unread replies on the launcher and announces them in a live region', async () => {
    const fake = useFakeGateway(server);
    const { user, id } = await startChat(fake, 'hello');
    fake.say(id, agent, '您好，我是王客服');
    const live = document.querySelector('[aria-live="polite"]');
    await waitFor(() => expect(live?.textContent).toBe('Agent: 您好，我是王客服'));
    await waitFor(() =>
      expect(fake.received).toContainEqual({ type: 'read', conversationId: id, seq: 2 }),
    );
    await user.keyboard('{Escape}');
    fake.say(id, agent, '订单已发货');
    fake.say(id, agent, '预计明天送达');
    expect(await screen.findByRole('button', { name: 'Chat with us, 2 unread' })).toBeTruthy();
    await waitFor(() => expect(live?.textContent).toBe('Agent: 预计明天送达'));
  });

  it('finds the latest conversation again after a reload', async () => {
    const fake = useFakeGateway(server);
    const { unmount } = renderWithClient(<ChatWidget locale="en" defaultOpen />);
    await userEvent.setup().type(await screen.findByRole('textbox'), 'first visit{Enter}');
    await waitFor(() => expect(fake.conversations.size).toBe(1));
    const [id = ''] = [...fake.conversations.keys()];
    fake.say(id, agent, 'reply before reload');
    await screen.findByText('reply before reload');
    unmount();
    renderWithClient(<ChatWidget locale="en" defaultOpen />);
    expect(await screen.findByText('first visit')).toBeTruthy();
    expect(await screen.findByText('reply before reload')).toBeTruthy();
    // The history counts as seen: no unread badge, nothing announced.
    expect(document.querySelector('[aria-live="polite"]')?.textContent).toBe('');
  });

  it('asks topic and question first with a pre-chat form', async () => {
    const fake = useFakeGateway(server);
    renderWithClient(
      <ChatWidget locale="zh-CN" preChat={{ topics: ['订单查询', '售后服务'] }} defaultOpen />,
    );
    const user = userEvent.setup();
    await user.selectOptions(await screen.findByLabelText('咨询类型'), '售后服务');
    await user.type(screen.getByLabelText('您的问题'), '巧克力化了');
    await user.click(screen.getByRole('button', { name: '开始咨询' }));
    await waitFor(() =>
      expect(fake.received.find((frame) => frame.type === 'start')).toMatchObject({
        topic: '售后服务',
        message: { text: '巧克力化了' },
      }),
    );
    expect(await screen.findByText('巧克力化了')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: '消息' })).toBeTruthy();
  });

  it('injects its stylesheet once, with a stable id', async () => {
    useFakeGateway(server);
    renderWithClient(
      <>
        <ChatWidget locale="en" />
        <ChatWidget locale="en" inline />
      </>,
    );
    await screen.findByRole('region', { name: 'Customer service' });
    expect(document.querySelectorAll('style#kefu-widget-styles')).toHaveLength(1);
  });
});
