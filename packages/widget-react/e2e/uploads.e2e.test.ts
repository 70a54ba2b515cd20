import { createMemoryBlobStore } from '@kefu/core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, screenshotPath } from './browser';
import { createShopSession, LONG, openWidget, sendFromWidget, WAIT } from './shop-session';

const session = createShopSession({
  attachments: { blobs: createMemoryBlobStore(), maxBytes: 2 * 1024 * 1024 },
});
beforeAll(() => session.start(), LONG);
afterAll(() => session.stop());

/** A customer's page with the panel open and a first message sent, which starts a conversation. */
async function chatting(customerId: string, text: string) {
  const customer = await session.openPage(session.shop.customerPage(customerId));
  const panel = await openWidget(customer.page);
  await sendFromWidget(customer.page, text);
  await panel.getByText(text).waitFor(WAIT);
  return { ...customer, panel, conversationId: await session.conversationOf(customerId) };
}

/** A photo of noise (so it does not compress): a few hundred kilobytes to watch go out. */
function noisyPng(size: number): Buffer {
  const png = new PNG({ width: size, height: size });
  for (let index = 0; index < png.data.length; index++) {
    png.data[index] = index % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
  }
  return PNG.sync.write(png);
}

describe('uploads in Chromium through the real gateway', () => {
  it(
    'attaches a photo: progress and a preview while it uploads, then a message with it and a lightbox',
    async () => {
      const customer = await chatting('cus_lin', '巧克力到货时已经化了');
      const { page, panel, conversationId } = customer;

      // What the tray shows, frame by frame: the progress values and whether a preview is there.
      await page.evaluate(() => {
        const seen = { progress: [] as number[], preview: false };
        (window as unknown as { __uploads: typeof seen }).__uploads = seen;
        const look = () => {
          const bar = document.querySelector<HTMLProgressElement>('.kefu-upload progress');
          if (bar && seen.progress.at(-1) !== bar.value) seen.progress.push(bar.value);
          if (document.querySelector('.kefu-upload img[src^="blob:"]')) seen.preview = true;
          requestAnimationFrame(look);
        };
        look();
      });
      // A slow uplink (256 KB/s), so the upload takes long enough to show its progress.
      const cdp = await customer.context.newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: 20,
        downloadThroughput: -1,
        uploadThroughput: 256 * 1024,
      });
      const photo = noisyPng(300);
      expect(photo.byteLength).toBeGreaterThan(200 * 1024);
      await page
        .locator('input[type=file]')
        .setInputFiles({ name: 'melted.png', mimeType: 'image/png', buffer: photo });
      await panel.getByRole('progressbar', { name: 'Uploading melted.png' }).waitFor(WAIT);
      await page.screenshot({ path: screenshotPath('widget-upload-progress') });

      // Uploaded, it goes out as a message of its own; the tray empties.
      const thumbnail = panel.getByRole('button', { name: 'Open melted.png' });
      await thumbnail.waitFor(WAIT);
      await expect.poll(() => panel.getByRole('progressbar').count(), WAIT).toBe(0);
      const seen = await page.evaluate(
        () =>
          (window as unknown as { __uploads: { progress: number[]; preview: boolean } }).__uploads,
      );
      expect(seen.preview).toBe(true);
      expect(seen.progress.some((value) => value > 0 && value < 100)).toBe(true);
      expect(Math.max(...seen.progress)).toBeLessThanOrEqual(100);
      // The preview in the message is the stored photo, loaded from the gateway.
      await expect
        .poll(
          () => thumbnail.locator('img').evaluate((img: HTMLImageElement) => img.naturalWidth),
          WAIT,
        )
        .toBe(300);

      const stored = await session.shop.desk.messages.list({ conversationId });
      const withPhoto = stored.find((message) => message.attachments.length > 0);
      expect(withPhoto?.attachments[0]).toMatchObject({
        name: 'melted.png',
        contentType: 'image/png',
      });

      await thumbnail.click();
      const lightbox = page.getByRole('dialog', { name: 'melted.png' });
      await lightbox.waitFor(WAIT);
      await expect
        .poll(
          () =>
            lightbox
              .getByRole('img', { name: 'melted.png' })
              .evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
          WAIT,
        )
        .toBe(300);
      await page.screenshot({ path: screenshotPath('widget-lightbox') });
      expect(await axeViolations(page)).toEqual([]);
      await page.keyboard.press('Escape');
      await expect.poll(() => lightbox.count(), WAIT).toBe(0);
      // Escape closed the photo only; focus is back on its preview, the panel still open.
      await expect
        .poll(() => thumbnail.evaluate((el) => el === document.activeElement), WAIT)
        .toBe(true);
      expect(await panel.isVisible()).toBe(true);
      expect(customer.errors).toEqual([]);
    },
    LONG,
  );

  it(
    'says why a file was refused and sends nothing',
    async () => {
      const { page, panel, conversationId } = await chatting('cus_amy', '发票在这里');
      // A script dressed up as a photo: the gateway reads the bytes, not the name.
      await page.locator('input[type=file]').setInputFiles({
        name: 'photo.png',
        mimeType: 'image/png',
        buffer: Buffer.from('<script>alert(1)</script>'),
      });
      await panel.getByRole('alert').filter({ hasText: 'Not uploaded' }).waitFor(WAIT);
      await panel.getByRole('button', { name: 'Remove photo.png' }).click();
      await expect.poll(() => panel.getByRole('alert').count(), WAIT).toBe(0);
      const stored = await session.shop.desk.messages.list({ conversationId });
      expect(stored.every((message) => message.attachments.length === 0)).toBe(true);
    },
    LONG,
  );
});
