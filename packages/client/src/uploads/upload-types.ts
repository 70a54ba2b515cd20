import type { WireMessage } from '@kefu/core/wire';

/**
 * A stored file, as `upload` returns it and a message carries it.
 *
 * @example
 * const attachment: WireAttachment = await client.upload(photo, { conversationId });
 * client.send(conversationId, '', { attachments: [attachment] });
 */
export type WireAttachment = WireMessage['attachments'][number];

/**
 * How far an upload is: bytes sent of the file's size.
 *
 * @example
 * const onProgress = ({ loaded, total }: UploadProgress) => {
 *   bar.value = total > 0 ? loaded / total : 0;
 * };
 */
export interface UploadProgress {
  loaded: number;
  total: number;
}

/**
 * Options of `client.upload`: what the file belongs to, and how to follow or cancel it.
 *
 * @example
 * const controller = new AbortController();
 * const options: UploadOptions = {
 *   conversationId,
 *   onProgress: ({ loaded, total }) => console.log(`${loaded} / ${total}`),
 *   signal: controller.signal,
 * };
 * await client.upload(photo, options);
 */
export interface UploadOptions {
  /** The conversation the file is for (or `ticketId`, photos as a ticket's evidence). */
  conversationId?: string;
  ticketId?: string;
  /** Defaults to the file's own name (a `File`), else `upload`. */
  name?: string;
  /** Defaults to the file's type, else `application/octet-stream`. The gateway checks the bytes. */
  contentType?: string;
  /** Called as the bytes go out (browsers with XMLHttpRequest: as they are sent; else at the end). */
  onProgress?(progress: UploadProgress): void;
  /** Cancels the upload; the promise rejects with an `AbortError`. */
  signal?: AbortSignal;
}
