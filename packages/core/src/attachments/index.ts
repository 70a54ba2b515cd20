// The public face of attachments/, re-exported by the package root.
export { attachmentId, attachmentKey, customerBlobPrefix } from './attachment-keys';
export type { BlobBody, BlobInfo, BlobPutOptions, BlobStore } from './blob-store';
export { assertBlobKey, blobChunks } from './blob-store';
export { createMemoryBlobStore } from './memory-blob-store';
