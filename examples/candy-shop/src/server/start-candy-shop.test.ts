import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signCustomerId } from '@kefu/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from './config';
import { type RunningCandyShop, startCandyShop } from './start-candy-shop';

// A PNG of four pink pixels.
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAACXBIWXMAAAPoAAAD6AG1e1JrAAAAEklEQVQImWP4n7nlf+YWBggFADxKCHHHNxzKAAAAAElFTkSuQmCC',
  'base64',
);

describe('the candy shop server: attachments', () => {
  const work = mkdtempSync(join(tmpdir(), 'kefu-candy-attach-'));
  let shop: RunningCandyShop;
  const attachmentsDir = join(work, 'attachments');

  beforeAll(async () => {
    const webDir = join(work, 'web');
    rmSync(webDir, { recursive: true, force: true });
    mkdirSync(webDir, { recursive: true });
    writeFileSync(join(webDir, 'index.html'), '<!doctype html><title>candy</title>');
    shop = await startCandyShop(
      readConfig({
        PORT: '0',
        KEFU_DATA_DIR: join(work, 'data'),
        KEFU_WEB_DIR: webDir,
        KEFU_ATTACHMENTS_DIR: attachmentsDir,
        KEFU_OPENING_HOURS: 'always',
      }),
    );
  }, 120_000);

  afterAll(async () => {
    await shop?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('keeps uploads on the local disk by default and serves them back', async () => {
    const gateway = shop.urls.gateway.replace(/^ws/, 'http');
    const secret = readConfig({}).identitySecret;
    const asked = await fetch(`${gateway}/attachments`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-kefu-customer-id': 'cus_lin',
        'x-kefu-signature': signCustomerId('cus_lin', secret),
      },
      body: JSON.stringify({ name: '融化.png', contentType: 'image/png', size: PNG.byteLength }),
    });
    expect(asked.status).toBe(201);
    const { uploadUrl } = (await asked.json()) as { uploadUrl: string };
    const put = await fetch(uploadUrl, { method: 'PUT', body: PNG });
    expect(put.status).toBe(201);
    const { attachment } = (await put.json()) as { attachment: { url: string; name: string } };
    expect(attachment.name).toBe('融化.png');
    expect(readdirSync(join(attachmentsDir, 'data', 'customers'))).toHaveLength(1);
    const served = await fetch(attachment.url);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
  });
});
