import { KefuError } from '@kefu/core';

/**
 * sharp (native) and file-type (ESM only) load with the first upload, not with the gateway: a
 * gateway without uploads starts on every Node the engines field admits, and starts faster.
 */
let imageCodec: Promise<typeof import('sharp').default> | undefined;
let typeSniffer: Promise<typeof import('file-type').fileTypeFromBuffer> | undefined;
const loadSharp = () => {
  imageCodec ??= import('sharp').then((module) => module.default);
  return imageCodec;
};
const loadFileType = () => {
  typeSniffer ??= import('file-type').then((module) => module.fileTypeFromBuffer);
  return typeSniffer;
};

/**
 * Content types the gateway accepts as uploads by default. The bytes must say the same as the
 * declaration (magic numbers); images are re-encoded, which drops EXIF (GPS location included).
 * HEIC is not here: it cannot be re-encoded without an HEVC decoder, so it could not be cleaned.
 *
 * @example
 * createGateway({ desk, attachments: { blobs, uploadTypes: [...DEFAULT_UPLOAD_TYPES, 'application/zip'] } });
 */
export const DEFAULT_UPLOAD_TYPES: readonly string[] = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'text/plain',
  'audio/mpeg',
  'audio/mp4',
  'video/mp4',
];

/**
 * Largest upload by default: 10 MiB.
 *
 * @example
 * createGateway({ desk, attachments: { blobs, maxBytes: 2 * DEFAULT_MAX_UPLOAD_BYTES } });
 */
export const DEFAULT_MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

const FORMAT = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
} as const;
type ImageType = keyof typeof FORMAT;
const isImage = (type: string): type is ImageType => type in FORMAT;

/** What magic numbers may say for each declared type (containers carry several names). */
const DETECTED_AS: Record<string, readonly string[]> = {
  'audio/mp4': ['audio/mp4', 'audio/x-m4a', 'video/mp4'],
  'video/mp4': ['video/mp4', 'video/quicktime'],
};

const SNIFF_BYTES = 4100;

/** `VALIDATION`, answered with HTTP 413: the file is larger than allowed or declared. */
export function tooLarge(maxBytes: number): KefuError {
  const mib = Math.round((maxBytes / 1024 / 1024) * 10) / 10;
  return new KefuError('VALIDATION', `The file is larger than allowed (${mib} MiB at most).`, {
    details: { httpStatus: 413, maxBytes },
  });
}

const refused = (message: string) => new KefuError('VALIDATION', message);

/** Chunks as declared: more than `size` bytes fails at once, fewer fails at the end. */
async function* exactly(
  head: Uint8Array,
  rest: AsyncIterator<Uint8Array>,
  size: number,
  check?: (chunk: Uint8Array, last: boolean) => void,
): AsyncIterable<Uint8Array> {
  let total = head.byteLength;
  check?.(head, false);
  if (head.byteLength > 0) yield head;
  for (;;) {
    const next = await rest.next();
    if (next.done) break;
    const chunk = next.value;
    total += chunk.byteLength;
    if (total > size) throw tooLarge(size);
    check?.(chunk, false);
    yield chunk;
  }
  if (total < size) throw refused(`The upload ended early (${total} of ${size} bytes).`);
  check?.(new Uint8Array(0), true);
}

function textCheck(): (chunk: Uint8Array, last: boolean) => void {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  return (chunk, last) => {
    try {
      const text = decoder.decode(chunk, { stream: !last });
      if (text.includes('\u0000')) throw new Error('NUL');
    } catch {
      throw refused('The file is not plain UTF-8 text, as declared.');
    }
  };
}

async function collect(body: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of body) parts.push(chunk);
  return Buffer.concat(parts);
}

/** The image decoded and encoded again in its own format: no EXIF, XMP or IPTC survives. */
async function reencode(bytes: Buffer, type: ImageType): Promise<Buffer> {
  const animated = type === 'image/gif' || type === 'image/webp';
  const sharp = await loadSharp();
  try {
    let image = sharp(bytes, { animated, limitInputPixels: 40_000_000 });
    // The orientation tag goes with the metadata, so apply it to the pixels first.
    if (!animated) image = image.autoOrient();
    return await image.toFormat(FORMAT[type]).toBuffer();
  } catch (error) {
    throw new KefuError('VALIDATION', 'The image could not be read.', { cause: error });
  }
}

/**
 * Checks an upload's bytes against what was declared and returns what may be stored: the type
 * must be allowed and match the magic numbers (a PNG declared as `image/jpeg` or named `.pdf` is
 * refused), the byte count must match the declared size (never above it, checked while
 * streaming), text must be UTF-8, and images come back re-encoded without metadata. Throws
 * `VALIDATION` (HTTP 400, or 413 for size) before anything is stored, or while a streamed body is
 * being stored, which the store then drops.
 */
export async function checkUploadBytes(
  source: AsyncIterable<Uint8Array>,
  declared: { contentType: string; size: number },
): Promise<{ contentType: string; body: Uint8Array | AsyncIterable<Uint8Array> }> {
  const { contentType, size } = declared;
  const iterator = source[Symbol.asyncIterator]();
  const parts: Uint8Array[] = [];
  let length = 0;
  while (length < SNIFF_BYTES) {
    const next = await iterator.next();
    if (next.done) break;
    parts.push(next.value);
    length += next.value.byteLength;
    if (length > size) throw tooLarge(size);
  }
  const head = Buffer.concat(parts);
  const fileTypeFromBuffer = await loadFileType();
  const detected = (await fileTypeFromBuffer(head))?.mime;
  if (contentType === 'text/plain') {
    if (detected) throw refused(`The file is ${detected}, not text/plain as declared.`);
    return { contentType, body: exactly(head, iterator, size, textCheck()) };
  }
  const accepted = DETECTED_AS[contentType] ?? [contentType];
  if (!detected || !accepted.includes(detected)) {
    throw refused(
      detected
        ? `The file is ${detected}, not ${contentType} as declared.`
        : `The file is not ${contentType} as declared.`,
    );
  }
  const body = exactly(head, iterator, size);
  if (isImage(contentType))
    return { contentType, body: await reencode(await collect(body), contentType) };
  return { contentType, body };
}
