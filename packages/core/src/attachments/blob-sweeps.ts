import type { Message } from '../messages/message';
import { attachmentKey, customerBlobPrefix } from './attachment-keys';
import type { BlobStore } from './blob-store';

/**
 * Deletes every file of a customer (their key prefix), for erasure. Idempotent: run again, it
 * finds nothing. Returns how many were deleted.
 *
 * @example
 * await eraseCustomerFiles(blobs, 'cus_lin'); // 3
 */
export async function eraseCustomerFiles(blobs: BlobStore, customerId: string): Promise<number> {
  const keys: string[] = [];
  for await (const info of blobs.list(customerBlobPrefix(customerId))) keys.push(info.key);
  let deleted = 0;
  for (const key of keys) if (await blobs.delete(key)) deleted++;
  return deleted;
}

const OWN_FILE = /\/attachments\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]{10,64})\?ref=/;

/**
 * Deletes the gateway's files that these messages carry, for retention. A file goes only when
 * it was uploaded for that message's conversation, or by its customer author without one, so
 * a link pasted into another conversation can never delete someone else's file.
 *
 * @example
 * await deleteMessageFiles(blobs, expiredMessages);
 */
export async function deleteMessageFiles(
  blobs: BlobStore,
  messages: readonly Pick<Message, 'conversationId' | 'author' | 'attachments'>[],
): Promise<number> {
  let deleted = 0;
  for (const message of messages) {
    for (const attachment of message.attachments) {
      const id = OWN_FILE.exec(attachment.url)?.[1];
      if (!id) continue;
      const key = attachmentKey(id);
      const info = await blobs.head(key);
      if (!info) continue;
      const { conversation, ticket, customer } = info.metadata;
      const forThis =
        conversation === message.conversationId ||
        (conversation === undefined &&
          ticket === undefined &&
          message.author.kind === 'customer' &&
          customer === message.author.id);
      if (forThis && (await blobs.delete(key))) deleted++;
    }
  }
  return deleted;
}
