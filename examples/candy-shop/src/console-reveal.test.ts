import type { AuditEntry } from '@kefu/core';
import type { Browser } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openStorage } from './server/open-storage';
import { pageOpener, signInAgent } from './testing/browser-pages';
import { launchChromium } from './testing/chromium';
import { type DemoProcess, startDemo } from './testing/demo-process';
import { demoSuite, failWithPages, screenshot } from './testing/demo-suite';

const MINUTE = 60_000;
const PHONE = '13912345678';
const context = { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' };
const VIEWPORT = { width: 1440, height: 900 };

/**
 * The console's reveal button in real Chromium: a customer types her phone number, the agent sees
 * it masked, reveals it (the audited `privacy.reveal`), and the demo's audit log records who
 * revealed what, never the value. Also a profile field (her e-mail) from the customer panel and
 * a ticket's subject.
 */
describe('console reveal (examples/candy-shop)', () => {
  let demo: DemoProcess | null = null;
  let browser: Browser | null = null;
  const { env } = demoSuite('kefu-candy-reveal-', () => ({ demo, browser }));
  const dataDir = env.KEFU_DATA_DIR ?? '';

  it(
    'shows a masked phone number, reveals it on click, and the reveal is in the audit log',
    async () => {
      // Open around the clock, so the handoff does not depend on the hour the test runs at.
      demo = await startDemo({ ...env, KEFU_OPENING_HOURS: 'always' }, 2 * MINUTE);
      const { urls } = demo;
      const chromium = await launchChromium();
      browser = chromium;
      const pageErrors: string[] = [];
      const newPage = pageOpener(chromium, context, pageErrors);
      const agent = await newPage(VIEWPORT);
      try {
        // 王客服 signs in and is online.
        await signInAgent(agent, urls, '王客服', 1);

        // 林小糖 leaves her phone number and asks for a person.
        const shop = await newPage(VIEWPORT);
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

        // A ticket field: the agent opens a ticket whose subject carries the number
        // (`{ ticketId, path: 'subject', span }`).
        await agent.getByLabel('Ticket subject').fill(`回电 ${PHONE}`);
        await agent.getByRole('button', { name: '创建工单 Open ticket' }).click();
        const ticket = agent.getByRole('article', { name: 'Ticket 回电 139****5678' });
        await ticket.getByRole('button', { name: 'Reveal 139****5678' }).click();
        await ticket.getByTestId('revealed-value').getByText(PHONE, { exact: true }).waitFor();
        await screenshot(agent, 'console-reveal');
        expect(pageErrors).toEqual([]);
      } catch (error) {
        await failWithPages(error, chromium, pageErrors, 'reveal-failure');
      }

      // The audit log, read from the demo's own storage once the server has stopped (PGlite
      // allows one process at a time): who revealed which value, and never the value itself.
      await chromium.close();
      browser = null;
      expect(await demo.stop('SIGTERM')).toBe(0);
      demo = null;
      const entries = await readRevealAudit(dataDir);
      expect(entries).toHaveLength(3);
      const [message, profile, subject] = entries;
      const byWang = {
        action: 'value.revealed',
        actor: { kind: 'agent', id: 'agt_wang' },
        customerId: 'cus_lin',
      };
      expect(message).toMatchObject({
        ...byWang,
        target: { kind: 'message' },
        details: { seq: expect.any(Number), span: 0, kind: 'mobile' },
      });
      expect(profile).toMatchObject({
        ...byWang,
        target: { kind: 'customer', id: 'cus_lin' },
        details: { path: 'contact.email', span: 0 },
      });
      expect(subject).toMatchObject({
        ...byWang,
        target: { kind: 'ticket' },
        details: { path: 'subject', span: 0, kind: 'mobile' },
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
