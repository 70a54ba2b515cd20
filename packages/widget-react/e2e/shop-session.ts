import type { Attachment } from '@kefu/core';
import type { CreateGatewayOptions } from '@kefu/server';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium } from './browser';
import { bundlePages } from './bundle-pages';
import { type ShopServer, startShopServer } from './shop-server';

export const LONG = 90_000;
export const WAIT = { timeout: 20_000 };

/** The shop server and Chromium one e2e file shares, with the steps its tests are made of. */
export interface ShopSession {
  readonly shop: ShopServer;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A fresh page in its own context; every dialog (alert, confirm) it opens is recorded. */
  openPage(
    url: string,
    viewport?: { width: number; height: number },
    options?: { colorScheme?: 'light' | 'dark'; locale?: string },
  ): Promise<{ context: BrowserContext; page: Page; dialogs: string[]; errors: string[] }>;
  /** The one conversation of a customer in the desk (waits until it exists). */
  conversationOf(customerId: string): Promise<string>;
  /** Puts the conversation with 王客服, so the desk accepts agent replies, and posts `text`. */
  agentReply(conversationId: string, text: string, attachments?: Attachment[]): Promise<void>;
}

/** `gateway`: options for the gateway, e.g. `attachments` for the upload tests. */
export function createShopSession(gateway: Partial<CreateGatewayOptions> = {}): ShopSession {
  let browser: Browser | undefined;
  let shop: ShopServer | undefined;
  const contexts: BrowserContext[] = [];
  const started = () => {
    if (!shop || !browser) throw new Error('call start() in beforeAll first');
    return { shop, browser };
  };
  return {
    get shop() {
      return started().shop;
    },
    async start() {
      shop = await startShopServer(await bundlePages(), {}, gateway);
      browser = await launchChromium();
    },
    async stop() {
      for (const context of contexts) await context.close().catch(() => {});
      await browser?.close();
      await shop?.close();
    },
    async openPage(url, viewport = { width: 1100, height: 800 }, options = {}) {
      const context = await started().browser.newContext({
        viewport,
        locale: options.locale ?? 'en-US',
        ...(options.colorScheme ? { colorScheme: options.colorScheme } : {}),
        reducedMotion: 'reduce',
      });
      contexts.push(context);
      const page = await context.newPage();
      const dialogs: string[] = [];
      const errors: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      page.on('pageerror', (error) => errors.push(error.message));
      await page.goto(url);
      return { context, page, dialogs, errors };
    },
    async conversationOf(customerId) {
      for (;;) {
        const page = await started().shop.desk.conversations.list({ customerId });
        const first = page.items[0];
        if (first) return first.id;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    },
    async agentReply(conversationId, text, attachments = []) {
      const { desk } = started().shop;
      const conversation = await desk.conversations.get({ conversationId: conversationId });
      if (conversation?.status === 'queued') {
        await desk.conversations.assign({ conversationId, agentId: 'agt_wang' });
      }
      await desk.messages.post({
        conversationId,
        author: { kind: 'agent', id: 'agt_wang' },
        text,
        attachments,
      });
    },
  };
}

/** Clicks the launcher and waits for the panel (English page). */
export async function openWidget(page: Page) {
  await page.getByRole('button', { name: /^Chat with us/ }).click();
  const panel = page.getByRole('dialog', { name: 'Customer service' });
  await panel.waitFor(WAIT);
  return panel;
}

/** Types `text` into the composer and presses Enter. */
export async function sendFromWidget(page: Page, text: string) {
  const composer = page.getByRole('textbox', { name: 'Message' });
  await composer.fill(text);
  await composer.press('Enter');
}
