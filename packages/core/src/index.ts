/**
 * Domain types and zod schemas, the state machines and the `Desk` engine: conversations, routing, SLA, tickets, surveys, metrics, jobs, the storage port and errors.
 *
 * @module @kefu/core
 */

export type { Agent, AgentInput, AgentRole, Presence } from './agents/agent';
export {
  AGENT_DEFAULTS,
  AGENT_ROLES,
  AgentInputSchema,
  AgentSchema,
  agentRole,
  canSupervise,
  PRESENCES,
} from './agents/agent';
export type { AgentsApi, SetPresenceInput } from './agents/agents-api';
export * from './attachments/index';
export type {
  CloseReason,
  Conversation,
  ConversationSla,
  ConversationStatus,
} from './conversations/conversation';
export { CONVERSATION_STATUSES, ConversationSchema } from './conversations/conversation';
export type {
  ConversationEffect,
  ConversationMachineEvent,
  ConversationMachineEventType,
} from './conversations/conversation-events';
export { conversationMachine } from './conversations/conversation-machine';
export type {
  AssignInput,
  ConversationRefInput,
  ListConversationsInput,
  ReopenInput,
  SetPriorityInput,
  StartConversationInput,
  TagInput,
  TransferInput,
} from './conversations/conversation-schemas';
export type { ConversationPage, ConversationsApi } from './conversations/conversations-api';
export type { Customer, CustomerInput, CustomerTier } from './customers/customer';
export { CUSTOMER_DEFAULTS, CustomerInputSchema, CustomerSchema } from './customers/customer';
export type { CustomersApi } from './customers/customers-api';
export type { CreateDeskOptions, Desk, EventsApi, ReadEventsInput } from './desk/create-desk';
export { createDesk } from './desk/create-desk';
export type { DeskSettings, DeskSettingsInput } from './desk/desk-settings';
export type { DeskListener } from './desk/event-publisher';
export type { JobsApi } from './desk/job-runner';
export type { KefuErrorCode, KefuErrorOptions, KefuIssue } from './errors/kefu-error';
export { isKefuError, KEFU_ERROR_CODES, KefuError } from './errors/kefu-error';
export type {
  DomainEvent,
  DomainEventDataMap,
  DomainEventDraft,
  DomainEventType,
  EventSubject,
  SlaEventData,
} from './events/domain-events';
export { DOMAIN_EVENT_TYPES } from './events/domain-events';
export type { EventBus } from './events/event-bus';
export { newId } from './ids/new-id';
export type {
  CheckHealth,
  HealthCheck,
  HealthProbe,
  HealthProbeOptions,
  HealthReport,
} from './incidents/health-probe';
export { HealthProbeOptionsSchema, nextHealth } from './incidents/health-probe';
export type {
  EndIncidentInput,
  Incident,
  IncidentMessage,
  IncidentMode,
  IncidentSource,
  StartIncidentInput,
} from './incidents/incident';
export {
  HEALTH_INCIDENT_MESSAGE,
  INCIDENT_MODES,
  INCIDENT_SOURCES,
  IncidentMessageSchema,
  IncidentSchema,
  StartIncidentSchema,
} from './incidents/incident';
export type {
  DeskIncidentState,
  DeskIncidentStatus,
  IncidentEffect,
  IncidentMachineEvent,
} from './incidents/incident-machine';
export { incidentMachine, NO_INCIDENT } from './incidents/incident-machine';
export type { IncidentsApi } from './incidents/incidents-api';
export type { CoalescedRun, CoalescedRunOptions } from './jobs/coalesced-run';
export { coalescedRun } from './jobs/coalesced-run';
export type { Job, JobDraft, JobKind, JobStatus } from './jobs/job';
export {
  agentJobKeys,
  conversationJobKeys,
  JOB_KINDS,
  surveyJobKeys,
  ticketJobKeys,
} from './jobs/job';
export type { Article, ArticleRevision, ArticleStatus } from './knowledge/article';
export { ARTICLE_STATUSES, ArticleContentSchema, ArticleSchema } from './knowledge/article';
export type { ArticleMachineEvent } from './knowledge/article-machine';
export { articleMachine } from './knowledge/article-machine';
export type { IndexedDocument, SearchHit, SearchOptions } from './knowledge/bm25-index';
export { Bm25Index } from './knowledge/bm25-index';
export type { CannedReply } from './knowledge/bot/canned-replies';
export { createCannedReplies, renderTemplate } from './knowledge/bot/canned-replies';
export { asksForPerson } from './knowledge/bot/handoff-request';
export type {
  BotContext,
  BotDecision,
  BotHandler,
  HandoffReason,
  KnowledgeBotOptions,
  KnowledgeHit,
  KnowledgeSource,
} from './knowledge/bot/knowledge-bot';
export { createKnowledgeBot } from './knowledge/bot/knowledge-bot';
export type { OrderAwareBotOptions } from './knowledge/bot/order-aware-bot';
export { createOrderAwareBot } from './knowledge/bot/order-aware-bot';
export type { Sentiment, SentimentAnalyzer } from './knowledge/bot/sentiment';
export { lexiconSentiment } from './knowledge/bot/sentiment';
export type { KnowledgeArticle, KnowledgeBase } from './knowledge/knowledge-base';
export { createKnowledgeBase } from './knowledge/knowledge-base';
export { tokenize } from './knowledge/tokenize';
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
export type { Attachment, Author, AuthorKind, Message } from './messages/message';
export {
  AttachmentSchema,
  AUTHOR_KINDS,
  AuthorSchema,
  MAX_MESSAGE_TEXT_LENGTH,
  MessageSchema,
} from './messages/message';
export type { ListMessagesInput, PostMessageInput } from './messages/message-schemas';
export type { MessagesApi } from './messages/messages-api';
export type { LiveSnapshot, MetricsApi } from './metrics/metrics-api';
export type { ConversationFacts, LogFacts, SurveyAnswer } from './metrics/metrics-facts';
export { collectFacts } from './metrics/metrics-facts';
export { computeReport } from './metrics/metrics-report';
export type {
  GroupBy,
  Metrics,
  MetricsReport,
  ReportQuery,
  ReportQueryInput,
  ReportRow,
} from './metrics/report-shape';
export { GROUP_BY, ReportQuerySchema } from './metrics/report-shape';
export type { Distribution } from './metrics/statistics';
export { distribution, rate } from './metrics/statistics';
export type { OrderLookup, StoredOrder } from './orders/order-lookup';
export { createMemoryOrderLookup } from './orders/order-lookup';
export type { OrdersApi } from './orders/orders-api';
export type {
  CustomerExportPart,
  ExportedEvent,
  ExportedTicket,
} from './privacy/customer-export';
export { CUSTOMER_EXPORT_SCHEMA, writeCustomerExport } from './privacy/customer-export';
export type { DetectedSpan, MaskedSpan, MaskedText, PiiDetector } from './privacy/masking';
export {
  BUILT_IN_DETECTORS,
  bankCardDetector,
  detectPii,
  emailDetector,
  idCardDetector,
  isValidChineseIdNumber,
  isValidLuhn,
  maskText,
  mobileNumberDetector,
} from './privacy/masking';
export type { AuditApi, EraseCustomerResult, PrivacyApi } from './privacy/privacy-api';
export type {
  EraseCustomerInput,
  ExportCustomerInput,
  ListAuditInput,
  ReadCustomerInput,
  RecordAuditInput,
  RevealInput,
} from './privacy/privacy-schemas';
export type { MaskingSettings, RetentionSettings } from './privacy/privacy-settings';
export type { MaskedField, MaskedView, WithTopic } from './privacy/record-masking';
export type { QualityApi } from './quality/quality-api';
export type { AgentQuality } from './quality/quality-metrics';
export { qualityByAgent } from './quality/quality-metrics';
export type {
  Criterion,
  Review,
  ReviewStatus,
  RuleFlag,
  RuleFlagKind,
  Scorecard,
} from './quality/review';
export {
  CriterionSchema,
  REVIEW_STATUSES,
  ReviewSchema,
  RULE_FLAG_KINDS,
  ScorecardSchema,
  weightedTotal,
} from './quality/review';
export type { ReviewMachineEvent } from './quality/review-machine';
export { reviewMachine } from './quality/review-machine';
export type { RuleFlagOptions } from './quality/rule-flags';
export { DEFAULT_RULE_FLAG_OPTIONS, flagTranscript } from './quality/rule-flags';
export type {
  SampleCandidate,
  SampledConversation,
  SampleOptions,
  SampleReason,
} from './quality/sampling';
export { sampleForReview } from './quality/sampling';
export { DEFAULT_SCORECARD } from './quality/scorecards';
export type { QueueEntry, QueueOrderOptions } from './routing/queue-order';
export { DEFAULT_QUEUE_ORDER, orderQueue, queueScore } from './routing/queue-order';
export type { QueuePosition, QueueSnapshot, RoutingApi } from './routing/routing-api';
export type { RoutingCandidate, RoutingRequest } from './routing/routing-candidate';
export { isAvailable } from './routing/routing-candidate';
export { RoutingIndex } from './routing/routing-index';
export type { RoutingSettings, RoutingSettingsInput } from './routing/routing-settings';
export type { Rank, RoutingFilter, RoutingSelector, RoutingStrategy } from './routing/strategies';
export {
  bestSkillMatch,
  chooseAgent,
  compareRanks,
  hasRequiredSkills,
  inRequestedTeam,
  leastBusy,
  leastRecentlyAssigned,
  nobody,
  sticky,
  strategies,
} from './routing/strategies';
export type { Staffing } from './routing/wait-estimate';
export { estimateWaitMs, HandleTimeAverage, staffingOf } from './routing/wait-estimate';
export type { BusinessCalendar, BusinessCalendarInput } from './sla/business-calendar';
export {
  ALWAYS_OPEN,
  BusinessCalendarSchema,
  createBusinessCalendar,
} from './sla/business-calendar';
export type { CalendarQuery, SlaApi } from './sla/sla-api';
export type { SlaClock, SlaClockStatus, SlaPauseReason, SlaSignal } from './sla/sla-clock';
export {
  checkClock,
  elapsedAt,
  excludeInterval,
  holdClock,
  meetClock,
  nextCheckAt,
  pauseClock,
  rebudgetClock,
  resumeClock,
  startClock,
} from './sla/sla-clock';
export type {
  EscalationAction,
  EscalationStep,
  SlaPolicy,
  SlaPolicyInput,
  SlaSubject,
  SlaTarget,
  SlaTargetSpec,
} from './sla/sla-policy';
export { matchPolicy, SLA_TARGETS, SlaPolicySchema } from './sla/sla-policy';
export type { SlaSettings, SlaSettingsInput } from './sla/sla-settings';
export type { SlaState, SlaSummary } from './sla/sla-summary';
export { summarizeSla } from './sla/sla-summary';
export type {
  IncidentReader,
  IncidentStorage,
  IncidentWriter,
} from './storage/incident-storage';
export type {
  AuditAction,
  AuditActor,
  AuditEntry,
  AuditEntryDraft,
  AuditFilter,
  EventsAboutQuery,
  PrivacyReader,
  PrivacyWriter,
} from './storage/privacy-storage';
export type {
  QualityStorage,
  ReviewFilter,
  ReviewReader,
  ReviewWriter,
} from './storage/quality-storage';
export type {
  RateLimitDecision,
  RateLimitRule,
  RateLimitStore,
  StoredTokenBucket,
  TokenBucket,
} from './storage/rate-limits';
export {
  createMemoryRateLimits,
  rateLimitKeyNames,
  takeToken,
  tokensAt,
} from './storage/rate-limits';
export type {
  ArticleFilter,
  ClaimRequest,
  ConversationFilter,
  ConversationListKey,
  ConversationPageRequest,
  ConversationReadOptions,
  JobRelease,
  ReadOptions,
  StorageAdapter,
  StorageReader,
  StorageTransaction,
  TicketFilter,
} from './storage/storage-adapter';
export * from './supervision/index';
export type {
  Survey,
  SurveyKind,
  SurveyQuestion,
  SurveySettings,
  SurveySettingsInput,
  SurveyStatus,
} from './surveys/survey';
export { isLowScore, SCALES, SURVEY_KINDS } from './surveys/survey';
export type { SurveyMachineEvent } from './surveys/survey-machine';
export { surveyMachine } from './surveys/survey-machine';
export type { AnswerSurveyInput, SurveyRefInput, SurveysApi } from './surveys/surveys-api';
export type { CustomerTicketView } from './tickets/customer-view';
export { toCustomerView } from './tickets/customer-view';
export type {
  Actor,
  OrderSnapshot,
  Resolution,
  Severity,
  Ticket,
  TicketHistoryEntry,
  TicketKind,
  TicketStatus,
} from './tickets/ticket';
export {
  ResolutionSchema,
  SEVERITIES,
  TICKET_KINDS,
  TICKET_STATUSES,
  TicketSchema,
} from './tickets/ticket';
export { ticketMachine } from './tickets/ticket-machine';
export type {
  TicketEffect,
  TicketMachineEvent,
  TicketMachineEventType,
} from './tickets/ticket-machine-events';
export type {
  AssignTicketInput,
  CreateTicketInput,
  CustomerViewInput,
  EscalateTicketInput,
  ListTicketsInput,
  ProposeInput,
  ResolveTicketInput,
  StartTicketInput,
  TicketNoteInput,
  TicketStepInput,
  TriageTicketInput,
} from './tickets/ticket-schemas';
export type {
  TicketClassifier,
  TicketSettings,
  TicketSettingsInput,
  TriageDecision,
  TriageRule,
} from './tickets/ticket-settings';
export { raiseSeverity, triageByRules } from './tickets/ticket-settings';
export type { TicketsApi } from './tickets/tickets-api';
export type { Clock } from './time/clock';
export { systemClock } from './time/clock';
export type { Metadata } from './validation/common-schemas';
export type { Channel, Priority } from './vocabulary/channels-and-priorities';
export { CHANNELS, PRIORITIES } from './vocabulary/channels-and-priorities';
