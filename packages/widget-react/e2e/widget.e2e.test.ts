import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, screenshotPath } from './browser';
import { createShopSession, LONG, openWidget, sendFromWidget, WAIT } from './shop-session';

const session = createShopSession();
const { openPage, conversationOf, agentReply } = session;
let shop: typeof session.shop;

beforeAll(async () => {
  await session.start();
  shop = session.shop;
}, LONG);

afterAll(() => session.stop());

async function openAgentConversation(agent: Page, conversationId: string) {
  await agent.getByRole('button', { name: new RegExp(`^Open ${conversationId} `) }).click(WAIT);
  return agent.getByRole('region', { name: 'Conversation' });
}

async function sendFromAgent(agent: Page, text: string) {
  const composer = agent.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
}

async function storedTexts(conversationId: string): Promise<string[]> {
  const messages = await shop.desk.messages.list({ conversationId, limit: 500 });
  return messages.map((message) => message.text);
}

describe('the widget in Chromium against a real gateway', () => {
  it(
    'customer asks, agent replies and resolves, customer rates; a reload reopens the history',
    async () => {
      const customer = await openPage(shop.customerPage('cus_lin'));
      const panel = await openWidget(customer.page);
      await expect
        .poll(() =>
          customer.page.evaluate(
            () =>
              document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.tagName,
          ),
        )
        .toBe('TEXTAREA');
      await sendFromWidget(customer.page, '我的糖果什么时候到？');
      await panel.getByText('我的糖果什么时候到？').waitFor(WAIT);
      const conversationId = await conversationOf('cus_lin');

      const agent = await openPage(shop.agentPage());
      const workspace = await openAgentConversation(agent.page, conversationId);
      await workspace.getByText('我的糖果什么时候到？').waitFor(WAIT);
      await agent.page.getByRole('button', { name: 'Claim' }).click();
      await workspace.getByTestId('status').getByText('active').waitFor(WAIT);
      await sendFromAgent(agent.page, '您好！订单 20261122-0042 已发货，预计明天送达。');

      await panel.getByText('您好！订单 20261122-0042 已发货，预计明天送达。').waitFor(WAIT);
      // Typing both ways: the agent sees the customer type, the customer sees 王客服 by name.
      await customer.page.getByRole('textbox', { name: 'Message' }).fill('好的');
      await workspace.getByTestId('customer-typing').getByText('Customer is typing').waitFor(WAIT);
      await customer.page.getByRole('textbox', { name: 'Message' }).fill('');
      await expect
        .poll(() => workspace.getByTestId('customer-typing').textContent(), WAIT)
        .toBe('');
      await agent.page.getByRole('textbox', { name: 'Message' }).fill('稍等');
      await panel.getByText('王客服 is typing…').waitFor(WAIT);
      await agent.page.getByRole('textbox', { name: 'Message' }).fill('');
      await expect.poll(() => panel.getByText('王客服 is typing…').count(), WAIT).toBe(0);
      // The agent's page marked it read: the customer's own message shows "Read".
      await panel.getByText('· Read').waitFor(WAIT);
      await customer.page.screenshot({ path: screenshotPath('customer-conversation') });
      await agent.page.screenshot({ path: screenshotPath('agent-console') });

      await agent.page.getByRole('button', { name: 'Resolve' }).click();
      await workspace.getByTestId('status').getByText('resolved').waitFor(WAIT);
      await panel.getByText('This conversation has been resolved.').waitFor(WAIT);
      const survey = panel.getByRole('form', { name: 'How did we do?' });
      await survey.waitFor(WAIT);
      await customer.page.screenshot({ path: screenshotPath('customer-survey') });
      const overall = survey.getByRole('group').first();
      await overall.getByRole('radio', { name: '5 of 5' }).check({ force: true });
      await survey.getByLabel('Anything else? (optional)').fill('很快，谢谢！');
      await survey.getByRole('button', { name: 'Send rating' }).click();
      await panel.getByText('Thank you for your feedback!').waitFor(WAIT);
      const answered = await shop.desk.surveys.get({ conversationId });
      expect(answered).toMatchObject({ status: 'answered', score: 5, comment: '很快，谢谢！' });

      // The customer left the panel open: after the reload it opens again by itself.
      await customer.page.reload();
      const again = customer.page.getByRole('dialog', { name: 'Customer service' });
      await again.waitFor(WAIT);
      await again.getByText('我的糖果什么时候到？').waitFor(WAIT);
      await again.getByText('您好！订单 20261122-0042 已发货，预计明天送达。').waitFor(WAIT);
      await again.getByText('Thank you for your feedback!').waitFor(WAIT);
      expect(customer.errors).toEqual([]);
      expect(agent.errors).toEqual([]);
    },
    LONG,
  );

  it(
    'loses nothing when the network drops and comes back',
    async () => {
      const customer = await openPage(shop.customerPage('cus_amy'));
      const panel = await openWidget(customer.page);
      await sendFromWidget(customer.page, 'Before the outage');
      await panel.getByText('Before the outage').waitFor(WAIT);
      const conversationId = await conversationOf('cus_amy');
      const agent = await openPage(shop.agentPage());
      const workspace = await openAgentConversation(agent.page, conversationId);
      await workspace.getByText('Before the outage').waitFor(WAIT);
      await agent.page.getByRole('button', { name: 'Claim' }).click();
      await workspace.getByTestId('status').getByText('active').waitFor(WAIT);

      // The browser knows it is offline before the socket does: the notice comes at once.
      await customer.context.setOffline(true);
      await panel.getByText(/Connection lost/).waitFor(WAIT);
      expect(shop.killSockets()).toBeGreaterThan(0);
      await sendFromWidget(customer.page, 'Typed while offline');
      await panel.getByText('Typed while offline').waitFor(WAIT);
      await panel.getByText('· Sending…').waitFor(WAIT);
      await customer.page.screenshot({ path: screenshotPath('customer-offline') });
      // The agent's own connection comes back by itself; it replies during the customer's outage.
      await sendFromAgent(agent.page, 'Reply during the outage');
      await expect
        .poll(() => storedTexts(conversationId), WAIT)
        .toContain('Reply during the outage');

      await customer.context.setOffline(false);
      await panel.getByText('Reply during the outage').waitFor(WAIT);
      await expect.poll(() => panel.getByText(/Connection lost/).count(), WAIT).toBe(0);
      await workspace.getByText('Typed while offline').waitFor(WAIT);
      // Stored exactly once each, the offline message after the reply it missed.
      await expect
        .poll(() => storedTexts(conversationId), WAIT)
        .toEqual(['Before the outage', 'Reply during the outage', 'Typed while offline']);
      const texts = await storedTexts(conversationId);
      expect(texts.filter((text) => text === 'Typed while offline')).toHaveLength(1);
      expect(texts).toHaveLength(3);
      await expect.poll(() => panel.getByText('· Sending…').count(), WAIT).toBe(0);
    },
    LONG,
  );

  it(
    'shows script payloads as text and opens no dialog',
    async () => {
      const payloads = [
        '<img src=x onerror="alert(1)">',
        '<script>alert(2)</script>',
        '<a href="javascript:alert(3)">click me</a>',
        'javascript:alert(4)',
        '"><svg onload=alert(5)>',
      ];
      const customer = await openPage(shop.customerPage('cus_xss'));
      const panel = await openWidget(customer.page);
      await sendFromWidget(customer.page, payloads[0] ?? '');
      const conversationId = await conversationOf('cus_xss');
      for (const text of payloads.slice(1)) await agentReply(conversationId, text);
      for (const text of payloads) await panel.getByText(text, { exact: true }).waitFor(WAIT);
      const agent = await openPage(shop.agentPage());
      const workspace = await openAgentConversation(agent.page, conversationId);
      await workspace.getByText(payloads[0] ?? '', { exact: true }).waitFor(WAIT);

      for (const page of [customer.page, agent.page]) {
        const injected = await page.evaluate(
          () =>
            document.querySelectorAll(
              '.kefu-widget img, .kefu-widget script, .kefu-widget svg[onload], [onerror], a[href^="javascript"]',
            ).length,
        );
        expect(injected).toBe(0);
      }
      await customer.page.screenshot({ path: screenshotPath('customer-xss-as-text') });
      expect(customer.dialogs).toEqual([]);
      expect(agent.dialogs).toEqual([]);
    },
    LONG,
  );

  it(
    'follows the newest message to the bottom of a full panel, named by its agent',
    async () => {
      const customer = await openPage(shop.customerPage('cus_scroll'));
      const panel = await openWidget(customer.page);
      await sendFromWidget(customer.page, 'Question 1');
      await panel.getByText('Question 1').waitFor(WAIT);
      const conversationId = await conversationOf('cus_scroll');
      // Enough long replies to overflow the panel several times over.
      const long =
        'Your order is packed with care and leaves our Hangzhou warehouse tonight. '.repeat(6);
      for (let index = 1; index <= 8; index++)
        await agentReply(conversationId, `${index}. ${long}`);
      await agentReply(conversationId, 'The last reply, at the bottom');
      const last = panel.getByText('The last reply, at the bottom');
      await last.waitFor(WAIT);
      const distanceFromBottom = () =>
        customer.page.evaluate(() => {
          const list = document.querySelector('.kefu-messages');
          return list ? list.scrollHeight - list.scrollTop - list.clientHeight : -1;
        });
      await expect.poll(distanceFromBottom, WAIT).toBeLessThan(2);
      await expect.poll(() => last.isVisible(), WAIT).toBe(true);
      expect(await panel.getByText('王客服').count()).toBeGreaterThan(0);
      // Free 王客服's slot for the tests after this one.
      await shop.desk.conversations.resolve({ conversationId });
    },
    LONG,
  );

  it(
    'passes axe-core in light, dark and small-screen layouts',
    async () => {
      for (const [name, theme, viewport] of [
        ['light', 'light', { width: 1100, height: 800 }],
        ['dark', 'dark', { width: 1100, height: 800 }],
        ['mobile', 'auto', { width: 390, height: 740 }],
      ] as const) {
        const customerId = `cus_axe_${name}`;
        const customer = await openPage(
          shop.customerPage(customerId, { theme, locale: name === 'mobile' ? 'zh-CN' : 'en' }),
          viewport,
        );
        expect(await axeViolations(customer.page)).toEqual([]);
        const launcher = customer.page.locator('.kefu-launcher');
        await launcher.click();
        await customer.page.locator('.kefu-panel').waitFor(WAIT);
        await customer.page
          .getByRole('textbox')
          .fill(name === 'mobile' ? '你好，有巧克力吗？' : 'Do you ship to Shanghai?');
        await customer.page.getByRole('textbox').press('Enter');
        const conversationId = await conversationOf(customerId);
        await agentReply(
          conversationId,
          name === 'mobile'
            ? '有的，详见 https://candy.example/chocolate'
            : 'Yes, see https://candy.example/shipping',
          [
            {
              name: 'price-list.pdf',
              url: 'https://candy.example/price-list.pdf',
              contentType: 'application/pdf',
              size: 48_000,
            },
          ],
        );
        await customer.page.locator('.kefu-attachments').waitFor(WAIT);
        // Text in the composer enables the send button, so its contrast is checked too.
        await customer.page.getByRole('textbox').fill(name === 'mobile' ? '谢谢' : 'Thanks');
        const violations = await axeViolations(customer.page);
        expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
        if (name === 'mobile') {
          const box = await customer.page.locator('.kefu-panel').boundingBox();
          expect(box).toMatchObject({ x: 0, y: 0, width: 390, height: 740 });
        }
        await customer.page.screenshot({ path: screenshotPath(`widget-${name}`) });
      }
    },
    LONG,
  );
});
