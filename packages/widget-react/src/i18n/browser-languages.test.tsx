// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ChatWidget } from '../components/chat-widget';
import { useFakeGateway } from '../test-support/fake-gateway';
import { meltedChocolate } from '../test-support/melted-chocolate';
import { setupMsw } from '../test-support/msw-setup';
import { renderWithClient } from '../test-support/render-with-client';

const server = setupMsw();
afterEach(() => vi.restoreAllMocks());

const browserSays = (...languages: string[]) =>
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);

describe('languages loaded when picked', () => {
  it.each([
    [['zh-HK', 'en'], 'zh-TW', '聯絡客服', '線上客服'],
    [['zh-Hant-TW'], 'zh-TW', '聯絡客服', '線上客服'],
    [['ja-JP', 'en'], 'ja', 'チャットで問い合わせる', 'カスタマーサポート'],
    [['zh-SG'], 'zh-CN', '联系客服', '在线客服'],
  ])('navigator.languages %j → %s', async (languages, locale, launcher, title) => {
    useFakeGateway(server);
    browserSays(...languages);
    renderWithClient(<ChatWidget />);
    await userEvent.setup().click(await screen.findByRole('button', { name: launcher }));
    const panel = await screen.findByRole('dialog', { name: title });
    expect(panel.closest('.kefu-widget')).toHaveAttribute('lang', locale);
  });

  it('speaks zh-TW in the parts loaded later too (tickets), custom strings on top', async () => {
    const fake = useFakeGateway(server);
    fake.tickets.set(meltedChocolate.id, meltedChocolate);
    renderWithClient(<ChatWidget locale="zh-TW" defaultOpen messages={{ ticketAccept: '好的' }} />);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: '我的客服單（1）' }));
    const article = await screen.findByRole('article', { name: '客訴 · 巧克力到货时已融化' });
    expect(within(article).getByText('已提出處理方案', { selector: 'strong' })).toBeInTheDocument();
    expect(within(article).getByRole('button', { name: '好的' })).toBeInTheDocument();
    expect(within(article).getByRole('button', { name: '不接受' })).toBeInTheDocument();
  });
});
