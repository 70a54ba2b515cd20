import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './browser';
import { createShopSession, LONG, WAIT } from './shop-session';
import { compareWithBaseline, MAX_DIFF_RATIO } from './visual-baseline';

const session = createShopSession();

beforeAll(() => session.start(), LONG);
afterAll(() => session.stop());

const SIZES = {
  desktop: { width: 1280, height: 860 },
  mobile: { width: 375, height: 812 },
} as const;

const WORDS = {
  en: {
    question: 'When will my candy arrive? Order 20261122-0042',
    reply:
      'It left Hangzhou this morning and arrives tomorrow. Track it at https://candy.example/track',
  },
  'zh-CN': {
    question: '我的糖果什么时候到？订单 20261122-0042',
    reply: '已从杭州仓发出，预计明天送达。物流详情 https://candy.example/track',
  },
} as const;

/**
 * Takes out what changes from run to run without changing the layout: clock times become 10:00
 * (the same width in every run), the caret stops blinking, web fonts have loaded.
 */
async function steady(page: Page) {
  await page.addStyleTag({ content: '*{caret-color:transparent!important}' });
  await page.evaluate(async () => {
    for (const time of document.querySelectorAll('.kefu-meta time')) time.textContent = '10:00';
    await document.fonts.ready;
  });
}

/** Everything inside the panel that must be seen whole: the survey's button, the composer. */
async function clippedInPanel(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const panel = document.querySelector('.kefu-panel')?.getBoundingClientRect();
    if (!panel) return ['no panel'];
    const clipped: string[] = [];
    for (const selector of ['.kefu-survey .kefu-button', '.kefu-composer .kefu-button']) {
      const element = document.querySelector(selector);
      const box = element?.getBoundingClientRect();
      // Whole inside the panel, and on top where its middle is (not scrolled or covered away).
      const middle =
        box && document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2);
      if (
        !box ||
        box.top < panel.top ||
        box.bottom > panel.bottom ||
        !(middle === element || element?.contains(middle ?? null))
      ) {
        clipped.push(selector);
      }
    }
    const messages = document.querySelector('.kefu-messages')?.getBoundingClientRect();
    if (!messages || messages.height < 120) clipped.push(`.kefu-messages ${messages?.height}px`);
    // The newest message is seen whole, not cut by the list's edge.
    const newest = [...document.querySelectorAll('.kefu-message')].at(-1)?.getBoundingClientRect();
    if (!messages || !newest || newest.bottom > messages.bottom + 1 || newest.top < messages.top) {
      clipped.push('newest message');
    }
    return clipped;
  });
}

describe('the widget looks right (screenshots against committed baselines)', () => {
  const cases = (['desktop', 'mobile'] as const).flatMap((size) =>
    (['light', 'dark'] as const).flatMap((theme) =>
      (['en', 'zh-CN'] as const).map((locale) => ({ size, theme, locale })),
    ),
  );

  it.each(cases)(
    'survey after the agent resolved: $size, $theme, $locale',
    async ({ size, theme, locale }) => {
      const { shop } = session;
      const name = `survey-${size}-${theme}-${locale}`;
      const customerId = `cus_visual_${size}_${theme}_${locale.replace('-', '_')}`;
      await shop.desk.customers.upsert({ id: customerId, name: '林小糖' });
      const { page, errors } = await session.openPage(
        shop.customerPage(customerId, { theme, locale }),
        SIZES[size],
        { colorScheme: theme, locale },
      );
      await page.locator('.kefu-launcher').click();
      const composer = page.locator('.kefu-composer textarea');
      await composer.fill(WORDS[locale].question);
      await composer.press('Enter');
      const conversationId = await session.conversationOf(customerId);
      await session.agentReply(conversationId, WORDS[locale].reply);
      await page.locator('.kefu-message a').waitFor(WAIT);
      await shop.desk.conversations.resolve({ conversationId });
      await page.locator('.kefu-survey .kefu-button').waitFor(WAIT);
      await steady(page);

      expect(await clippedInPanel(page)).toEqual([]);
      const violations = await axeViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      const result = compareWithBaseline(name, await page.screenshot());
      expect(result.ratio, `${name}: ${result.diffPixels} pixels differ`).toBeLessThanOrEqual(
        MAX_DIFF_RATIO,
      );
      expect(errors).toEqual([]);
    },
    LONG,
  );

  it(
    'greets from the launcher after its delay, opens on a click, and stays dismissed',
    async () => {
      const { shop } = session;
      const { page } = await session.openPage(
        shop.customerPage('cus_visual_greeting', {
          theme: 'light',
          greeting: { text: 'New chocolates are in! Questions? Ask us.', delayMs: 300 },
        }),
        SIZES.mobile,
        { colorScheme: 'light' },
      );
      const greeting = page.getByRole('button', {
        name: 'New chocolates are in! Questions? Ask us.',
      });
      await greeting.waitFor(WAIT);
      await steady(page);
      expect(await axeViolations(page)).toEqual([]);
      const result = compareWithBaseline('greeting-mobile-light-en', await page.screenshot());
      expect(result.ratio, `${result.diffPixels} pixels differ`).toBeLessThanOrEqual(
        MAX_DIFF_RATIO,
      );
      await greeting.click();
      await page.getByRole('dialog', { name: 'Customer service' }).waitFor(WAIT);
      await page.getByRole('button', { name: 'Close chat' }).click();
      await page.getByRole('button', { name: 'Hide this message' }).click();
      await page.reload();
      await page.getByRole('button', { name: 'Chat with us' }).waitFor(WAIT);
      await page.waitForTimeout(600);
      expect(await greeting.count()).toBe(0);
    },
    LONG,
  );
});
