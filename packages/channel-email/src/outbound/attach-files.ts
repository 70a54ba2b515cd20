import type { Attachment } from '@kefu/core';

/**
 * Which of a reply's attachments are fetched and attached to the mail as files instead of linked:
 * those on the shop's own file hosts (`origins`), within `maxBytes` in all.
 *
 * @example
 * createEmailChannel({ ...options, outbound: { attachFiles: { origins: ['https://files.candy.example'] } } });
 */
export interface AttachFilesOptions {
  /** Origins (`https://files.candy.example`) whose files may be fetched: never anyone else's URL. */
  origins: readonly string[];
  /** Bytes attached per mail, all files together; a file past it stays a link. Default 10 MiB. */
  maxBytes?: number;
  /** Per file. Default 10 s. */
  timeoutMs?: number;
}

/** A file fetched for a reply mail. */
export interface MailFile {
  filename: string;
  contentType: string;
  content: Buffer;
}

const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** The body, or `null` when it is not 2xx, fails, or runs past `limit` bytes (then it stops reading). */
async function fetchCapped(url: string, limit: number, timeoutMs: number): Promise<Buffer | null> {
  try {
    const response = await fetch(url, {
      redirect: 'error',
      signal: AbortSignal.timeout(timeoutMs),
    });
    if (!response.ok || !response.body) return null;
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel();
        return null;
      }
      chunks.push(value);
    }
    return Buffer.concat(chunks);
  } catch {
    return null;
  }
}

/**
 * Splits a reply's attachments into files to attach and ones to link. A file is attached when
 * its URL is on an allowed origin and it fits the remaining budget, by its declared size and by
 * the bytes actually read; anything else — another host, too big, the file host down — is linked,
 * so the mail still goes out.
 */
export async function attachFiles(
  attachments: readonly Attachment[],
  options: AttachFilesOptions | undefined,
): Promise<{ files: MailFile[]; linked: Attachment[] }> {
  if (!options || attachments.length === 0) return { files: [], linked: [...attachments] };
  const origins = new Set(options.origins.map((origin) => new URL(origin).origin));
  let budget = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const files: MailFile[] = [];
  const linked: Attachment[] = [];
  for (const attachment of attachments) {
    const allowed = origins.has(new URL(attachment.url).origin);
    const content =
      allowed && attachment.size <= budget
        ? await fetchCapped(attachment.url, budget, options.timeoutMs ?? 10_000)
        : null;
    if (!content) {
      linked.push(attachment);
      continue;
    }
    budget -= content.byteLength;
    files.push({ filename: attachment.name, contentType: attachment.contentType, content });
  }
  return { files, linked };
}
