export type { Agent, AgentInput, Presence } from './agent/agent';
export { AgentInputSchema, AgentSchema, PRESENCES } from './agent/agent';
export type {
  Channel,
  CloseReason,
  Conversation,
  ConversationStatus,
  Priority,
} from './conversation/conversation';
export {
  CHANNELS,
  CONVERSATION_STATUSES,
  ConversationSchema,
  PRIORITIES,
} from './conversation/conversation';
export type {
  ConversationEffect,
  ConversationMachineEvent,
  ConversationMachineEventType,
} from './conversation/conversation-events';
export { conversationMachine } from './conversation/conversation-machine';
export type { Customer, CustomerInput, CustomerTier } from './customer/customer';
export { CustomerInputSchema, CustomerSchema } from './customer/customer';
export type { KefuErrorCode, KefuErrorOptions, KefuIssue } from './errors/kefu-error';
export { isKefuError, KEFU_ERROR_CODES, KefuError } from './errors/kefu-error';
export type {
  DomainEvent,
  DomainEventDataMap,
  DomainEventDraft,
  DomainEventType,
  EventSubject,
} from './events/domain-events';
export { DOMAIN_EVENT_TYPES } from './events/domain-events';
export type { Job, JobDraft, JobKind, JobStatus } from './jobs/job';
export { conversationJobKeys, JOB_KINDS } from './jobs/job';
export type {
  Guard,
  Machine,
  MachineConfig,
  MachineEvent,
  TransitionResult,
  TransitionRule,
  TransitionTable,
} from './machine/index';
export { can, defineMachine, toMermaid, transition } from './machine/index';
export type { Attachment, Author, AuthorKind, Message } from './message/message';
export {
  AttachmentSchema,
  AUTHOR_KINDS,
  AuthorSchema,
  MAX_MESSAGE_TEXT_LENGTH,
  MessageSchema,
} from './message/message';
export type {
  ClaimRequest,
  ConversationFilter,
  ConversationListKey,
  ConversationPageRequest,
  ReadOptions,
  StorageAdapter,
  StorageReader,
  StorageTransaction,
} from './storage/storage-adapter';
export type { Clock } from './time/clock';
export { systemClock } from './time/clock';
export type { Metadata } from './validation/common-schemas';
