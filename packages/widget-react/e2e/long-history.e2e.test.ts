import { writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, launchChromium } from './browser';
import { bundlePages } from './bundle-pages';
import { type ShopServer, startShopServer } from './shop-server';

const MESSAGES = 2_000;
const WAIT = { timeout: 60_000 };

let browser: Browser;
let shop: ShopServer;
let conversationId = '';
let replies = 0;

beforeAll(async () => {
  shop = await startShopServer(await bundlePages());
  browser = await launchChromium();
  await shop.desk.customers.upsert({ id: 'cus_long', name: '老顾客' });
  const conversation = await shop.desk.conversations.start({ customerId: 'cus_long' });
  conversationId = conversation.id;
  await shop.desk.conversations.assign({ conversationId, agentId: 'agt_wang' });
  for (let n = 1; n <= MESSAGES; n++) {
    await shop.desk.messages.post({
      conversationId,
      author: n % 2 ? { kind: 'customer', id: 'cus_long' } : { kind: 'agent', id: 'agt_wang' },
      text: `Message ${n}: ${n % 2 ? '还有水果糖吗？' : 'Yes, lemon and strawberry drops are in stock.'}`,
    });
  }
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await shop?.close();
});

/** Opens the widget on the long conversation and measures it; `pageSize` huge = no windowing. */
async function measure(pageSize: number) {
  const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
  const page = await context.newPage();
  await page.goto(shop.customerPage('cus_long', { pageSize }));
  const launcher = page.getByRole('button', { name: /^Chat with us/ });
  await launcher.waitFor(WAIT);
  const opened = Date.now();
  await launcher.click();
  await page.locator('.kefu-messages').getByText(`Message ${MESSAGES}:`).waitFor(WAIT);
  const openMs = Date.now() - opened;
  const rendered = await page.locator('.kefu-message').count();
  // A new reply re-renders the list: time from the desk storing it to it being on screen.
  const reply = `Reply ${++replies}`;
  const posted = Date.now();
  await shop.desk.messages.post({
    conversationId,
    author: { kind: 'agent', id: 'agt_wang' },
    text: reply,
  });
  await page.locator('.kefu-messages').getByText(reply, { exact: true }).waitFor(WAIT);
  const replyMs = Date.now() - posted;
  // Scrolling the whole history, frame by frame.
  const scrollMs = await page.evaluate(async () => {
    const list = document.querySelector('.kefu-messages') as HTMLElement;
    const started = performance.now();
    for (let i = 0; i < 20; i++) {
      list.scrollTop = (list.scrollHeight * i) / 20;
      await new Promise((resolve) => requestAnimationFrame(resolve));
    }
    return performance.now() - started;
  });
  await context.close();
  return { pageSize, rendered, openMs, replyMs, scrollMs: Math.round(scrollMs) };
}

describe('a long history in Chromium', () => {
  it(`renders only the newest page of ${MESSAGES} messages, and records the cost of both ways`, async () => {
    await measure(50); // warm-up: the first page load pays for compiling the bundle
    const windowed = await measure(50);
    const stored = MESSAGES + replies;
    const everything = await measure(1_000_000);
    writeFileSync(
      `${ARTIFACTS}long-history.json`,
      `${JSON.stringify({ messages: MESSAGES, windowed, everything }, null, 2)}\n`,
    );
    console.log('long history', JSON.stringify({ windowed, everything }));
    expect(windowed.rendered).toBe(50);
    expect(everything.rendered).toBe(stored);
  }, 180_000);
});
