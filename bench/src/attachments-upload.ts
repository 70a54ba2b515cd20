import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createMemoryAdapter } from '@kefu/adapter-memory';
import { createDesk, createMemoryBlobStore } from '@kefu/core';
import { createGateway, signCustomerId } from '@kefu/server';
import sharp from 'sharp';
import { type BenchResult, median } from './bench-result';

const SECRET = 'bench-identity-secret';
const ROUNDS = 3;
const PER_ROUND = 5;

/** A 1600×1200 photo-like JPEG (noise, so it does not compress away), about 1.3 MB. */
async function photo(): Promise<Buffer> {
  const pixels = Buffer.alloc(1600 * 1200 * 3);
  for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
  return sharp(pixels, { raw: { width: 1600, height: 1200, channels: 3 } })
    .jpeg({ quality: 90 })
    .toBuffer();
}

/**
 * `PUT` of a photo through the gateway (magic numbers, re-encoding with sharp, storing) against
 * the baseline of a PDF of the same size in the same run (magic numbers and storing only): the
 * ratio is what cleaning EXIF costs per upload. Median of the round medians.
 */
export async function benchAttachmentUpload(): Promise<BenchResult> {
  const desk = createDesk({ storage: createMemoryAdapter() });
  const gateway = createGateway({
    desk,
    identity: { secret: SECRET },
    attachments: { blobs: createMemoryBlobStore(), maxBytes: 20 * 1024 * 1024 },
    metrics: false,
    onError: () => {},
  });
  const server = createServer();
  gateway.attach(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kefu`;
  const headers = {
    'content-type': 'application/json',
    'x-kefu-customer-id': 'cus_bench',
    'x-kefu-signature': signCustomerId('cus_bench', SECRET),
  };
  const jpeg = await photo();
  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(jpeg.length - 9, 32)]);
  const put = async (bytes: Buffer, contentType: string) => {
    const asked = await fetch(`${base}/attachments`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'x', contentType, size: bytes.length }),
    });
    const { uploadUrl } = (await asked.json()) as { uploadUrl: string };
    const started = performance.now();
    const answer = await fetch(uploadUrl, { method: 'PUT', body: bytes });
    if (answer.status !== 201) throw new Error(`upload answered ${answer.status}`);
    return performance.now() - started;
  };
  const photos: number[] = [];
  const pdfs: number[] = [];
  try {
    for (let round = 0; round < ROUNDS; round++) {
      const p: number[] = [];
      const d: number[] = [];
      for (let i = 0; i < PER_ROUND; i++) {
        d.push(await put(pdf, 'application/pdf'));
        p.push(await put(jpeg, 'image/jpeg'));
      }
      photos.push(median(p));
      pdfs.push(median(d));
    }
  } finally {
    await gateway.close();
    server.close();
    await desk.stop();
  }
  const value = median(photos);
  const baseline = median(pdfs);
  return {
    name: 'attachments.upload-ms',
    value: Math.round(value),
    unit: 'ms',
    baseline: Math.round(baseline),
    ratio: Number((value / baseline).toFixed(2)),
    params: {
      bytes: jpeg.length,
      image: '1600x1200 JPEG, re-encoded (EXIF dropped)',
      baseline: 'a PDF of the same size: magic numbers and storing only',
      rounds: ROUNDS,
      perRound: PER_ROUND,
      statistic: 'median of round medians',
      node: process.version,
    },
  };
}
