import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEntry } from '@kefu/core';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStorage } from './server/open-storage';
import { launchChromium } from './testing/chromium';
import { type DemoProcess, runScript, startDemo } from './testing/demo-process';
import { EXAMPLE_DIR } from './testing/example-scripts';
import { getJson, waitUntil } from './testing/wait-until';

const ARTIFACTS = join(EXAMPLE_DIR, 'test-artifacts');
const MINUTE = 60_000;
const PHONE = '13912345678';

/**
 * The console's reveal button in real Chromium: a customer types her phone number, the agent sees
 * it masked, reveals it (the audited `privacy.reveal`), and the demo's audit log records who
 * revealed what, never the value. Also a profile field (her e-mail) from the customer panel.
 */
describe('console reveal (examples/candy-shop)', () => {
  const work = mkdtempSync(join(tmpdir(), 'kefu-candy-reveal-'));
  const dataDir = join(work, 'data');
  const env = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: '',
    KEFU_DATA_DIR: dataDir,
    KEFU_WEB_DIR: join(work, 'web'),
    // Open around the clock, so the handoff does not depend on the hour the test runs at.
    KEFU_OPENING_HOURS: 'always',
  };
  let demo: DemoProcess | null = null;
  let browser: Browser | null = null;

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await runScript('build', env, 4 * MINUTE);
  }, 5 * MINUTE);

  afterAll(async () => {
    await browser?.close();
    // Only left running when a test failed half-way.
    await demo?.stop('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  });

  it(
    'shows a masked phone number, reveals it on click, and the reveal is in the audit log',
    async () => {
      demo = await startDemo(env, 2 * MINUTE);
      const { urls } = demo;
      browser = await launchChromium();
      const pageErrors: string[] = [];
      const newPage = async () => {
        const context = await browser?.newContext({
          locale: 'zh-CN',
          timezoneId: 'Asia/Shanghai',
          viewport: { width: 1440, height: 900 },
        });
        const page = await (context as NonNullable<typeof context>).newPage();
        page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
        return page;
      };
      const agent = await newPage();
      try {
        // 王客服 signs in and is online.
        await agent.goto(urls.console);
        await agent.getByRole('button', { name: /王客服/ }).click();
        await agent.locator('.connection-open').waitFor();
        await waitUntil('王客服 online', async () => {
          const { body } = await getJson<{ agentsOnline: number }>(urls.status);
          return body.agentsOnline === 1;
        });

        // 林小糖 leaves her phone number and asks for a person.
        const shop = await newPage();
        await shop.goto(urls.storefront);
        await shop.getByLabel('Sign in as').selectOption('cus_lin');
        await shop.getByRole('button', { name: '联系客服', exact: true }).click();
        const composer = shop.getByPlaceholder('请输入消息');
        const messages = shop.getByRole('list', { name: '消息记录' });
        await composer.fill(`我的电话是${PHONE}`);
        await composer.press('Enter');
        // The customer sees her own text as typed.
        await messages.getByText(`我的电话是${PHONE}`).waitFor();
        await composer.fill('转人工');
        await composer.press('Enter');
        await messages.getByText('正在为您转接人工客服').waitFor();

        // The agent sees it masked, with a reveal button named after the masked value.
        await agent
          .getByRole('navigation', { name: 'Inbox' })
          .getByRole('region', { name: 'My conversations' })
          .getByRole('button', { name: /林\*\*/ })
          .click();
        const thread = agent.getByRole('list', { name: 'Messages' });
        const bubble = thread.locator('.bubble-customer', { hasText: '我的电话是139****5678' });
        await bubble.waitFor();
        expect(await agent.getByText(PHONE).count()).toBe(0);
        await bubble.getByRole('button', { name: 'Reveal 139****5678' }).click();
        // The original in place, marked as revealed and audited.
        const revealed = thread.locator('.bubble-customer', { hasText: `我的电话是${PHONE}` });
        await revealed.getByTestId('revealed-value').getByText(PHONE, { exact: true }).waitFor();
        expect(await revealed.getByTestId('revealed-value').getAttribute('title')).toBe(
          '已显示 · 已记录审计 Revealed · audited',
        );
        expect(await revealed.getByRole('button', { name: /^Reveal/ }).count()).toBe(0);

        // A profile field: her e-mail in the customer panel (`{ customerId, path }`).
        const panel = agent.getByRole('region', { name: '顾客 Customer' });
        await panel.getByRole('button', { name: 'Reveal l**@example.com' }).click();
        await panel.getByTestId('revealed-value').getByText('lin@example.com').waitFor();
        await screenshot(agent, 'console-reveal');
        expect(pageErrors).toEqual([]);
      } catch (error) {
        if (pageErrors.length > 0) {
          (error as Error).message += `\nErrors in the pages:\n${pageErrors.join('\n')}`;
        }
        for (const [index, page] of (browser?.contexts() ?? [])
          .flatMap((c) => c.pages())
          .entries()) {
          await screenshot(page, `reveal-failure-${index}`).catch(() => {});
        }
        throw error;
      }

      // The audit log, read from the demo's own storage once the server has stopped (PGlite
      // allows one process at a time): who revealed which value, and never the value itself.
      await browser.close();
      browser = null;
      expect(await demo.stop('SIGTERM')).toBe(0);
      demo = null;
      const entries = await readRevealAudit(dataDir);
      expect(entries).toHaveLength(2);
      const [message, profile] = entries;
      expect(message).toMatchObject({
        action: 'value.revealed',
        actor: { kind: 'agent', id: 'agt_wang' },
        customerId: 'cus_lin',
        target: { kind: 'message' },
        details: { seq: expect.any(Number), span: 0, kind: 'mobile' },
      });
      expect(profile).toMatchObject({
        action: 'value.revealed',
        actor: { kind: 'agent', id: 'agt_wang' },
        customerId: 'cus_lin',
        target: { kind: 'customer', id: 'cus_lin' },
        details: { path: 'contact.email', span: 0 },
      });
      const logged = JSON.stringify(entries);
      expect(logged).not.toContain(PHONE);
      expect(logged).not.toContain('lin@example.com');
    },
    5 * MINUTE,
  );
});

async function readRevealAudit(dataDir: string): Promise<AuditEntry[]> {
  const opened = await openStorage({ databaseUrl: null, databaseSchema: 'kefu', dataDir });
  try {
    return await opened.storage.read.privacy.listAudit(
      { actions: ['value.revealed'] },
      { limit: 10 },
    );
  } finally {
    await opened.close();
  }
}

async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}
