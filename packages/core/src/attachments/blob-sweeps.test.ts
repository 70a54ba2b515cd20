import { describe, expect, it } from 'vitest';
import { HOUR, setupDesk } from '../desk/desk-test-setup';
import { drainJobs } from '../testing/privacy-scenario';
import { attachmentId, attachmentKey } from './attachment-keys';
import type { BlobStore } from './blob-store';
import { createMemoryBlobStore } from './memory-blob-store';

const DAY = 24 * HOUR;
let next = 0;

/** A stored file as the gateway leaves it, and the attachment a message carries for it. */
async function storeFile(blobs: BlobStore, customerId: string, conversationId?: string) {
  const id = attachmentId(customerId, `file${String(++next).padStart(8, '0')}`);
  await blobs.put(attachmentKey(id), new Uint8Array([1, 2, 3]), {
    contentType: 'image/png',
    metadata: {
      name: 'box.png',
      customer: customerId,
      ...(conversationId ? { conversation: conversationId } : {}),
    },
  });
  const attachment = {
    name: 'box.png',
    contentType: 'image/png',
    size: 3,
    url: `https://candy.example/kefu/attachments/${id}?ref=${'r'.repeat(32)}`,
  };
  return { key: attachmentKey(id), attachment };
}

describe('attachments: erasure and retention', () => {
  it('erasure deletes every file of the customer, and only theirs', async () => {
    const blobs = createMemoryBlobStore();
    const { desk, storage } = await setupDesk({ blobs });
    const lin = await desk.conversations.start({ customerId: 'cus_lin', message: { text: '图' } });
    const linFile = await storeFile(blobs, 'cus_lin', lin.id);
    const unsent = await storeFile(blobs, 'cus_lin');
    const amyFile = await storeFile(blobs, 'cus_amy');
    await desk.messages.post({
      conversationId: lin.id,
      author: { kind: 'customer', id: 'cus_lin' },
      text: '看',
      attachments: [linFile.attachment],
    });
    await desk.privacy.eraseCustomer({
      customerId: 'cus_lin',
      reason: 'PIPL request',
      actor: { kind: 'admin', id: 'adm_1' },
    });
    await drainJobs(desk, storage);
    expect(await blobs.head(linFile.key)).toBeNull();
    expect(await blobs.head(unsent.key)).toBeNull();
    expect(await blobs.head(amyFile.key)).not.toBeNull();
  });

  it('retention deletes the files of expired messages, never a file pasted from elsewhere', async () => {
    const blobs = createMemoryBlobStore();
    const { desk, clock, storage } = await setupDesk({ blobs, retention: { messagesDays: 30 } });
    const old = await desk.conversations.start({ customerId: 'cus_lin', message: { text: '图' } });
    const amy = await desk.conversations.start({ customerId: 'cus_amy', message: { text: 'hi' } });
    const oldFile = await storeFile(blobs, 'cus_lin', old.id);
    const firstPhoto = await storeFile(blobs, 'cus_lin');
    const amyFile = await storeFile(blobs, 'cus_amy', amy.id);
    await desk.messages.post({
      conversationId: old.id,
      author: { kind: 'customer', id: 'cus_lin' },
      text: '两张图',
      // Amy's link pasted in Lin's conversation must not take Amy's file down with it.
      attachments: [oldFile.attachment, firstPhoto.attachment, amyFile.attachment],
    });
    await clock.advance(10 * DAY);
    const recent = await storeFile(blobs, 'cus_lin', old.id);
    await desk.messages.post({
      conversationId: old.id,
      author: { kind: 'customer', id: 'cus_lin' },
      text: '还有一张',
      attachments: [recent.attachment],
    });
    await clock.advance(25 * DAY);
    expect(await desk.privacy.scheduleRetention()).toBe(true);
    await drainJobs(desk, storage);
    expect(await blobs.head(oldFile.key)).toBeNull();
    expect(await blobs.head(firstPhoto.key)).toBeNull();
    expect(await blobs.head(amyFile.key)).not.toBeNull();
    expect(await blobs.head(recent.key)).not.toBeNull();
  });
});
