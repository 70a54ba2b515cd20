/**
 * Blob stores for uploaded attachments: local disk and S3-compatible object storage. Both
 * implement `BlobStore` from `@kefu/core` and pass its conformance suite.
 *
 * @module @kefu/blob-store
 */
export type { DiskBlobStoreOptions } from './disk-blob-store';
export { createDiskBlobStore } from './disk-blob-store';
export type { S3BlobStoreOptions } from './s3-blob-store';
export { createS3BlobStore } from './s3-blob-store';
