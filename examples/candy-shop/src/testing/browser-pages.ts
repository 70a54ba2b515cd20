import type { Browser, Page } from 'playwright-core';
import type { DemoUrls } from './demo-process';
import { getJson, waitUntil } from './wait-until';

/**
 * Opens pages, each in a context of its own (its own storage, as another person's browser),
 * collecting the errors the pages throw into `pageErrors`.
 *
 * @example
 * const newPage = pageOpener(browser, { locale: 'zh-CN', timezoneId: 'Asia/Shanghai' }, errors);
 * const agent = await newPage({ width: 1440, height: 900 });
 */
export function pageOpener(
  browser: Browser,
  context: { locale: string; timezoneId: string },
  pageErrors: string[],
) {
  return async (viewport: { width: number; height: number }): Promise<Page> => {
    const page = await (await browser.newContext({ ...context, viewport })).newPage();
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    return page;
  };
}

/**
 * Signs a demo agent in to the console and waits until the gateway counts `online` agents.
 *
 * @example
 * await signInAgent(agent, demo.urls, '王客服', 1);
 */
export async function signInAgent(
  page: Page,
  urls: DemoUrls,
  name: string,
  online: number,
): Promise<void> {
  await page.goto(urls.console);
  await page.getByRole('button', { name: new RegExp(name) }).click();
  await page.locator('.connection-open').waitFor();
  await waitUntil(`${name} online`, async () => {
    const { body } = await getJson<{ agentsOnline: number }>(urls.status);
    return body.agentsOnline === online;
  });
}
