/**
 * `@kefu/channel-email`: the e-mail channel — inbound SMTP into conversations, threaded replies
 * out by SMTP (see docs/guides/email.md).
 *
 * @module @kefu/channel-email
 */
export type {
  CreateEmailChannelOptions,
  EmailConversationDefaults,
  EmailOutboundOptions,
  EmailSender,
  InboundFile,
} from './channel-options';
export type { EmailChannel } from './email-channel';
export { createEmailChannel } from './email-channel';
export { emailCustomerId } from './inbound/email-customer';
export type { ThreadMatch } from './inbound/find-thread';
export type { InboundResult, MailEnvelope } from './inbound/receive-mail';
export type { AttachFilesOptions } from './outbound/attach-files';
export type { EmailOutboxStore, OutboxRetry, OutboxState } from './outbound/outbox-store';
export { createFileOutboxStore, createMemoryOutboxStore } from './outbound/outbox-store';
export { stripQuotedText } from './quoting/strip-quoted-text';
export type {
  EmailThreadStore,
  MemoryThreadStore,
  MemoryThreadStoreOptions,
  ThreadEntry,
} from './threading/thread-store';
export { createMemoryThreadStore } from './threading/thread-store';
