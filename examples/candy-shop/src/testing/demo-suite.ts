import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type DemoProcess, runScript } from './demo-process';
import { EXAMPLE_DIR } from './example-scripts';

/** Where the Chromium tests keep their screenshots (out of git). */
export const ARTIFACTS = join(EXAMPLE_DIR, 'test-artifacts');
const MINUTE = 60_000;

/**
 * For a `describe` that runs the demo: a temporary folder, the demo's environment in it (free
 * port, PGlite even where CI sets DATABASE_URL), the web apps built once before the tests, and
 * after them whatever a failed test left running stopped and the folder removed. `left` tells
 * what is still running.
 *
 * @example
 * const { work, env } = demoSuite('kefu-candy-shop-', () => ({ demo, browser }));
 */
export function demoSuite(
  prefix: string,
  left: () => { demo: DemoProcess | null; browser: Browser | null },
) {
  const work = mkdtempSync(join(tmpdir(), prefix));
  const env: Record<string, string> = {
    PORT: '0',
    HOST: '127.0.0.1',
    // The demo's default storage, PGlite, even where CI sets DATABASE_URL.
    DATABASE_URL: '',
    KEFU_DATA_DIR: join(work, 'data'),
    KEFU_WEB_DIR: join(work, 'web'),
  };
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    await runScript('build', env, 4 * MINUTE);
  }, 5 * MINUTE);
  afterAll(async () => {
    const { demo, browser } = left();
    await browser?.close();
    // Only left running when a test failed half-way.
    await demo?.stop('SIGKILL');
    rmSync(work, { recursive: true, force: true });
  });
  return { work, env };
}

/** A screenshot of what the page shows now, kept with the other artifacts. */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
}

/**
 * Rethrows a browser test's failure with the errors the pages threw, after a screenshot of every
 * open page (`<prefix>-<n>.png`), so what each page showed is kept with the artifacts.
 */
export async function failWithPages(
  error: unknown,
  browser: Browser,
  pageErrors: readonly string[],
  prefix: string,
): Promise<never> {
  if (pageErrors.length > 0) {
    (error as Error).message += `\nErrors in the pages:\n${pageErrors.join('\n')}`;
  }
  for (const [index, page] of browser
    .contexts()
    .flatMap((c) => c.pages())
    .entries()) {
    await screenshot(page, `${prefix}-${index}`).catch(() => {});
  }
  throw error;
}
