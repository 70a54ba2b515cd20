import { Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  type S3Client,
} from '@aws-sdk/client-s3';
import { Upload } from '@aws-sdk/lib-storage';
import { assertBlobKey, type BlobInfo, type BlobStore, blobChunks } from '@kefu/core';

/**
 * Options of `createS3BlobStore`.
 *
 * @example
 * const options: S3BlobStoreOptions = {
 *   client: new S3Client({ region: 'cn-north-1' }),
 *   bucket: 'candy-attachments',
 *   prefix: 'kefu/',
 * };
 */
export interface S3BlobStoreOptions {
  /** An `S3Client` from `@aws-sdk/client-s3`, for AWS or any S3-compatible service. */
  client: S3Client;
  bucket: string;
  /** Put before every key, e.g. `kefu/`, to share a bucket. Default none. */
  prefix?: string;
}

const META_PREFIX = 'kefu-';
const notFound = (error: unknown) => {
  const e = error as { name?: string; $metadata?: { httpStatusCode?: number } };
  return e?.name === 'NoSuchKey' || e?.name === 'NotFound' || e?.$metadata?.httpStatusCode === 404;
};

// S3 user metadata is ASCII: values travel percent-encoded.
const encodeMeta = (metadata: Record<string, string>) =>
  Object.fromEntries(
    Object.entries(metadata).map(([k, v]) => [
      `${META_PREFIX}${k.toLowerCase()}`,
      encodeURIComponent(v),
    ]),
  );
const decodeMeta = (metadata: Record<string, string> | undefined) =>
  Object.fromEntries(
    Object.entries(metadata ?? {})
      .filter(([k]) => k.startsWith(META_PREFIX))
      .map(([k, v]) => [k.slice(META_PREFIX.length), decodeURIComponent(v)]),
  );

/**
 * A `BlobStore` on S3 or an S3-compatible service (MinIO, Ceph, Alibaba OSS and Tencent COS in
 * S3 mode): what a cluster of gateways shares. Uploads stream in parts (`@aws-sdk/lib-storage`),
 * so a large file is never held whole; a failed upload is aborted and leaves no object. Metadata
 * keys are stored lower-case, as S3 does.
 *
 * @example
 * import { S3Client } from '@aws-sdk/client-s3';
 * import { createS3BlobStore } from '@kefu/blob-store';
 *
 * const blobs = createS3BlobStore({
 *   client: new S3Client({ region: 'cn-north-1' }),
 *   bucket: 'candy-attachments',
 * });
 * createGateway({ desk, attachments: { blobs, publicUrl: 'https://candy.example/kefu' } });
 */
export function createS3BlobStore(options: S3BlobStoreOptions): BlobStore {
  const { client, bucket } = options;
  const prefix = options.prefix ?? '';
  const objectKey = (key: string) => {
    assertBlobKey(key);
    return `${prefix}${key}`;
  };

  async function head(key: string): Promise<BlobInfo | null> {
    try {
      const out = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
      return {
        key,
        contentType: out.ContentType ?? 'application/octet-stream',
        size: out.ContentLength ?? 0,
        createdAt: out.LastModified?.getTime() ?? 0,
        metadata: decodeMeta(out.Metadata),
      };
    } catch (error) {
      if (notFound(error)) return null;
      throw error;
    }
  }

  return {
    async put(key, body, { contentType, metadata = {} }) {
      const upload = new Upload({
        client,
        params: {
          Bucket: bucket,
          Key: objectKey(key),
          Body: Readable.from(blobChunks(body)),
          ContentType: contentType,
          Metadata: encodeMeta(metadata),
        },
      });
      await upload.done();
      const info = await head(key);
      if (!info) throw new Error(`S3 lost "${key}" right after storing it.`);
      return info;
    },
    async get(key) {
      try {
        const out = await client.send(
          new GetObjectCommand({ Bucket: bucket, Key: objectKey(key) }),
        );
        return {
          info: {
            key,
            contentType: out.ContentType ?? 'application/octet-stream',
            size: out.ContentLength ?? 0,
            createdAt: out.LastModified?.getTime() ?? 0,
            metadata: decodeMeta(out.Metadata),
          },
          body: out.Body as AsyncIterable<Uint8Array>,
        };
      } catch (error) {
        if (notFound(error)) return null;
        throw error;
      }
    },
    head,
    async delete(key) {
      // S3 deletes silently: ask first, so the answer says whether there was a file.
      const existed = (await head(key)) !== null;
      await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: objectKey(key) }));
      return existed;
    },
    async *list(keyPrefix) {
      let token: string | undefined;
      do {
        const page = await client.send(
          new ListObjectsV2Command({
            Bucket: bucket,
            Prefix: `${prefix}${keyPrefix}`,
            ...(token ? { ContinuationToken: token } : {}),
          }),
        );
        for (const object of page.Contents ?? []) {
          if (!object.Key) continue;
          const info = await head(object.Key.slice(prefix.length));
          if (info) yield info;
        }
        token = page.IsTruncated ? page.NextContinuationToken : undefined;
      } while (token);
    },
  };
}
