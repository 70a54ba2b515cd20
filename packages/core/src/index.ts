export type { Agent, AgentInput, Presence } from './agent/agent';
export { AGENT_DEFAULTS, AgentInputSchema, AgentSchema, PRESENCES } from './agent/agent';
export type { CannedReply } from './bot/canned-replies';
export { createCannedReplies, renderTemplate } from './bot/canned-replies';
export { asksForPerson } from './bot/handoff-request';
export type {
  BotContext,
  BotDecision,
  BotHandler,
  HandoffReason,
  KnowledgeBotOptions,
  KnowledgeHit,
  KnowledgeSource,
} from './bot/knowledge-bot';
export { createKnowledgeBot } from './bot/knowledge-bot';
export type { Sentiment, SentimentAnalyzer } from './bot/sentiment';
export { lexiconSentiment } from './bot/sentiment';
export type {
  Channel,
  CloseReason,
  Conversation,
  ConversationSla,
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
export { CUSTOMER_DEFAULTS, CustomerInputSchema, CustomerSchema } from './customer/customer';
export type { AgentsApi } from './desk/agents-api';
export type {
  AssignInput,
  ConversationRefInput,
  ListConversationsInput,
  ListMessagesInput,
  PostMessageInput,
  ReadEventsInput,
  ReopenInput,
  SetPresenceInput,
  SetPriorityInput,
  StartConversationInput,
  TagInput,
  TransferInput,
} from './desk/command-schemas';
export type { ConversationPage, ConversationsApi } from './desk/conversations-api';
export type { CreateDeskOptions, Desk, EventsApi } from './desk/create-desk';
export { createDesk } from './desk/create-desk';
export type { CustomersApi } from './desk/customers-api';
export type { DeskSettings, DeskSettingsInput } from './desk/desk-settings';
export type { DeskListener } from './desk/event-publisher';
export type { JobsApi } from './desk/job-runner';
export type { MessagesApi } from './desk/messages-api';
export type { LiveSnapshot, MetricsApi } from './desk/metrics-api';
export type { OrdersApi } from './desk/orders-api';
export type { QueuePosition, QueueSnapshot, RoutingApi } from './desk/routing-api';
export type { CalendarQuery, SlaApi } from './desk/sla-api';
export type { AnswerSurveyInput, SurveyRefInput, SurveysApi } from './desk/surveys-api';
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
} from './desk/ticket-schemas';
export type { TicketsApi } from './desk/tickets-api';
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
export type { Attachment, Author, AuthorKind, Message } from './message/message';
export {
  AttachmentSchema,
  AUTHOR_KINDS,
  AuthorSchema,
  MAX_MESSAGE_TEXT_LENGTH,
  MessageSchema,
} from './message/message';
export type { ConversationFacts, LogFacts, SurveyAnswer } from './metrics/metrics-facts';
export { collectFacts } from './metrics/metrics-facts';
export type {
  GroupBy,
  Metrics,
  MetricsReport,
  ReportQuery,
  ReportQueryInput,
  ReportRow,
} from './metrics/metrics-report';
export { computeReport, GROUP_BY, ReportQuerySchema } from './metrics/metrics-report';
export type { Distribution } from './metrics/statistics';
export { distribution, rate } from './metrics/statistics';
export type { OrderLookup, StoredOrder } from './orders/order-lookup';
export { createMemoryOrderLookup } from './orders/order-lookup';
export type { QueueEntry, QueueOrderOptions } from './routing/queue-order';
export { DEFAULT_QUEUE_ORDER, orderQueue, queueScore } from './routing/queue-order';
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
export type { SlaClock, SlaClockStatus, SlaSignal } from './sla/sla-clock';
export {
  checkClock,
  elapsedAt,
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
export type {
  RateLimitDecision,
  RateLimitRule,
  RateLimitStore,
  TokenBucket,
} from './storage/rate-limits';
export { createMemoryRateLimits, takeToken, tokensAt } from './storage/rate-limits';
export type {
  ArticleFilter,
  ClaimRequest,
  ConversationFilter,
  ConversationListKey,
  ConversationPageRequest,
  JobRelease,
  ReadOptions,
  StorageAdapter,
  StorageReader,
  StorageTransaction,
  TicketFilter,
} from './storage/storage-adapter';
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
  TicketClassifier,
  TicketSettings,
  TicketSettingsInput,
  TriageDecision,
  TriageRule,
} from './tickets/ticket-settings';
export { raiseSeverity, triageByRules } from './tickets/ticket-settings';
export type { Clock } from './time/clock';
export { systemClock } from './time/clock';
export type { Metadata } from './validation/common-schemas';
