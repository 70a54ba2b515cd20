import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, screenshotPath } from './browser';
import { bundlePages } from './bundle-pages';
import { type ShopServer, startShopServer } from './shop-server';

const LONG = 90_000;
const WAIT = { timeout: 20_000 };
const HOUR = 3_600_000;
const banner = {
  'zh-CN': '物流系统故障，订单查询暂不可用，请先留言。',
  en: 'Order tracking is down for now. Leave us a message.',
};

let browser: Browser;
let shop: ShopServer;

beforeAll(async () => {
  shop = await startShopServer(await bundlePages(), {
    sla: {
      policies: [
        {
          id: 'standard',
          name: '标准',
          targets: { firstResponse: { withinMs: HOUR, hours: 'calendar' } },
        },
      ],
    },
  });
  browser = await launchChromium();
}, LONG);

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

async function openWidget(url: string, locale: string, button: RegExp, dialog: string) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 }, locale });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: button }).click();
  const panel = page.getByRole('dialog', { name: dialog });
  await panel.waitFor(WAIT);
  return { page, panel };
}

async function until<T>(check: () => Promise<T | undefined | false>): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() - started > WAIT.timeout) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

const firstResponse = async (conversationId: string) =>
  (await shop.desk.conversations.get({ conversationId: conversationId }))?.sla?.clocks
    .firstResponse;

describe('incident mode (应急) in Chromium', () => {
  it(
    'shows the banner, takes a left message with its SLA paused, and resumes it all when over',
    async () => {
      await shop.desk.customers.upsert({ id: 'cus_incident', name: '周小蜜', locale: 'en' });
      const { page, panel } = await openWidget(
        shop.customerPage('cus_incident'),
        'en-US',
        /^Chat with us/,
        'Customer service',
      );
      // The incident starts while the customer has the widget open: the banner arrives live.
      await shop.desk.incidents.start({ message: banner, mode: 'leave-message', by: 'agt_wang' });
      await panel.getByText(banner.en).waitFor(WAIT);
      await panel.getByText('Leave a message and we will reply as soon as we can.').waitFor(WAIT);
      const composer = page.getByRole('textbox', { name: 'Message' });
      expect(await composer.getAttribute('placeholder')).toBe('Leave a message');

      await composer.fill('My order KF20261111-0042 has not arrived.');
      await composer.press('Enter');
      const conversationId = await until(async () => {
        const list = await shop.desk.conversations.list({ customerId: 'cus_incident' });
        return list.items[0]?.id;
      });
      const left = await shop.desk.conversations.get({ conversationId: conversationId });
      expect(left).toMatchObject({ status: 'queued', leftMessage: true });
      // Routing holds it, and its SLA clock does not count: paused, for the incident.
      expect(await shop.desk.routing.dispatch()).toEqual([]);
      expect(await firstResponse(conversationId)).toMatchObject({
        status: 'paused',
        pauseReason: 'incident',
      });
      await page.screenshot({ path: screenshotPath('incident-banner-en') });

      // A Chinese storefront shows the Chinese banner.
      const zh = await openWidget(
        shop.customerPage('cus_lin', { locale: 'zh-CN' }),
        'zh-CN',
        /^联系客服/,
        '在线客服',
      );
      await zh.panel.getByText(banner['zh-CN']).waitFor(WAIT);
      expect(await zh.panel.getByText(banner.en).count()).toBe(0);
      await zh.page.screenshot({ path: screenshotPath('incident-banner-zh') });
      await zh.page.context().close();

      // Over: the banner goes, the clock counts again, and the left message reaches an agent.
      await shop.desk.incidents.end({ by: 'agt_wang' });
      await panel.getByText(banner.en).waitFor({ ...WAIT, state: 'detached' });
      const resumed = await until(async () => {
        const clock = await firstResponse(conversationId);
        return clock?.status === 'running' ? clock : undefined;
      });
      expect(resumed.pauseReason).toBeNull();
      expect(resumed.elapsedMs).toBeLessThan(5_000);
      const assigned = await shop.desk.routing.dispatch();
      expect(assigned.map((c) => c.id)).toContain(conversationId);
      const assignee = assigned.find((c) => c.id === conversationId)?.assigneeId ?? 'agt_wang';
      await shop.desk.messages.post({
        conversationId,
        author: { kind: 'agent', id: assignee },
        text: 'Sorry for the wait: your candy ships today.',
      });
      await panel.getByText('Sorry for the wait: your candy ships today.').waitFor(WAIT);
      expect(await composer.getAttribute('placeholder')).not.toBe('Leave a message');
      await page.context().close();
    },
    LONG,
  );
});
