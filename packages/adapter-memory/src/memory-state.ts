import type {
  Agent,
  Article,
  AuditEntry,
  Conversation,
  Customer,
  DomainEvent,
  Incident,
  Job,
  Message,
  Review,
  StoredTokenBucket,
  Ticket,
} from '@kefu/core';

/** Everything committed: plain maps, written only when a transaction commits. */
export interface MemoryState {
  customers: Map<string, Customer>;
  agents: Map<string, Agent>;
  /** The agents sorted by id, rebuilt on the first list after a commit wrote agents. */
  agentsById: Agent[] | null;
  conversations: Map<string, Conversation>;
  /** status → ids of the conversations in it, so the routing queue reads only what is queued. */
  conversationsByStatus: Map<string, Set<string>>;
  /** `customerId␀clientId` → conversation id */
  conversationClientIds: Map<string, string>;
  /** conversation id → messages, indexed by `seq - 1` */
  messages: Map<string, Message[]>;
  tickets: Map<string, Ticket>;
  articles: Map<string, Article>;
  reviews: Map<string, Review>;
  incidents: Map<string, Incident>;
  /** `customerId␀clientId` → ticket id */
  ticketClientIds: Map<string, string>;
  /** `conversationId␀clientId` → message */
  messageClientIds: Map<string, Message>;
  /** position − 1 → event */
  events: DomainEvent[];
  /** Live (scheduled or claimed) jobs by id; done and cancelled jobs are dropped. */
  jobs: Map<string, Job>;
  /** key → id of its live job */
  jobKeys: Map<string, string>;
  /** seq − 1 → audit entry; append-only. */
  audit: AuditEntry[];
  /** Rate-limit key → token bucket (`rateLimits`); refilled buckets are dropped. */
  rateLimits: Map<string, StoredTokenBucket>;
}

export function createMemoryState(): MemoryState {
  return {
    customers: new Map(),
    agents: new Map(),
    agentsById: null,
    conversations: new Map(),
    conversationsByStatus: new Map(),
    conversationClientIds: new Map(),
    messages: new Map(),
    messageClientIds: new Map(),
    tickets: new Map(),
    articles: new Map(),
    reviews: new Map(),
    incidents: new Map(),
    ticketClientIds: new Map(),
    events: [],
    jobs: new Map(),
    jobKeys: new Map(),
    audit: [],
    rateLimits: new Map(),
  };
}

export const pairKey = (a: string, b: string) => `${a}\u0000${b}`;
