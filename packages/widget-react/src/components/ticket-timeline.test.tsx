// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { WidgetI18nProvider } from '../i18n/i18n-context';
import { useFakeGateway } from '../test-support/fake-gateway';
import { meltedChocolate } from '../test-support/melted-chocolate';
import { setupMsw } from '../test-support/msw-setup';
import { renderWithClient } from '../test-support/render-with-client';
import { ChatWidget } from './chat-widget';
import { TicketTimeline } from './lazy-parts';

const server = setupMsw();
describe('<TicketTimeline>', () => {
  it('shows kind, subject, status, order, timeline and the proposal', async () => {
    useFakeGateway(server);
    renderWithClient(
      <WidgetI18nProvider locale="zh-CN">
        <TicketTimeline ticket={meltedChocolate} />
      </WidgetI18nProvider>,
    );
    const article = await screen.findByRole('article', { name: '投诉 · 巧克力到货时已融化' });
    expect(within(article).getByText('已提出处理方案', { selector: 'strong' })).toBeInTheDocument();
    expect(within(article).getByText(/订单 20261122-0042/)).toBeInTheDocument();
    const steps = within(article)
      .getAllByRole('listitem')
      .map((item) => item.textContent);
    expect(steps).toHaveLength(3);
    expect(steps[0]).toMatch(/已受理$/);
    expect(steps[1]).toMatch(/处理中: 售后已联系仓库$/);
    expect(within(article).getByText('处理方案：退款 ¥20.00')).toBeInTheDocument();
  });

  it('accepts or declines the proposal through the client', async () => {
    const fake = useFakeGateway(server);
    fake.tickets.set(meltedChocolate.id, meltedChocolate);
    renderWithClient(<ChatWidget locale="en" defaultOpen />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'My requests (1)' }));
    const article = await screen.findByRole('article', { name: 'Complaint · 巧克力到货时已融化' });
    expect(within(article).getByText('Our proposal: a refund of CN¥20.00')).toBeInTheDocument();
    await user.click(within(article).getByRole('button', { name: 'Accept' }));
    await waitFor(() =>
      expect(fake.received.find((frame) => frame.type === 'ticket_reply')).toMatchObject({
        ticketId: 'tkt_1',
        accept: true,
      }),
    );
    expect(
      await within(article).findByText('Resolved', { selector: 'strong' }),
    ).toBeInTheDocument();
    expect(within(article).getByText('Resolution: a refund of CN¥20.00')).toBeInTheDocument();
    expect(within(article).queryByRole('button', { name: 'Accept' })).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Back to chat' }));
    expect(screen.getByRole('textbox', { name: 'Message' })).toBeInTheDocument();
  });

  it('updates live when the shop changes the ticket', async () => {
    const fake = useFakeGateway(server);
    fake.tickets.set(meltedChocolate.id, {
      ...meltedChocolate,
      status: 'in_progress',
      proposal: null,
    });
    renderWithClient(<ChatWidget locale="en" defaultOpen />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'My requests (1)' }));
    expect(await screen.findByText('In progress', { selector: 'strong' })).toBeInTheDocument();
    fake.push({ type: 'ticket', ticket: meltedChocolate });
    expect(await screen.findByText('Proposal made', { selector: 'strong' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Decline' })).toBeInTheDocument();
  });

  it('reopened on the ticket list (no text field), focuses the dialog itself', async () => {
    const fake = useFakeGateway(server);
    fake.tickets.set(meltedChocolate.id, meltedChocolate);
    renderWithClient(<ChatWidget locale="en" />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Chat with us' }));
    await user.click(await screen.findByRole('button', { name: 'My requests (1)' }));
    await screen.findByRole('list', { name: 'My requests' });
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('button', { name: 'Chat with us' }));
    const dialog = await screen.findByRole('dialog', { name: 'Customer service' });
    expect(within(dialog).getByRole('list', { name: 'My requests' })).toBeInTheDocument();
    expect(dialog).toHaveFocus();
    // Tab then starts at the top of the dialog.
    await user.tab();
    expect(within(dialog).getByRole('button', { name: 'Back to chat' })).toHaveFocus();
  });
});
