import type { Metadata } from '../validation/common-schemas';

/**
 * Every kind of durable job the desk schedules.
 *
 * @example
 * ```ts
 * const known = (kind: string): kind is JobKind => (JOB_KINDS as readonly string[]).includes(kind);
 * ```
 */
export const JOB_KINDS = [
  'conversation.close-resolved',
  'conversation.close-idle',
  'conversation.overflow',
  'agent.requeue',
  'sla.check',
  'ticket.close-resolved',
  'ticket.sla-check',
  'survey.send',
  'survey.expire',
  'privacy.erase',
  'privacy.retention',
  'incident.sla-sweep',
] as const;
/**
 * What a job does when it comes due.
 *
 * @example
 * ```ts
 * const handlers: Partial<Record<JobKind, (job: Job) => Promise<void>>> = {
 *   'conversation.close-idle': closeIdle,
 * };
 * ```
 */
export type JobKind = (typeof JOB_KINDS)[number];

/**
 * Where a job is: waiting, held by a runner, done, or cancelled.
 *
 * @example
 * ```ts
 * const live = (job: Job) => job.status === ('scheduled' satisfies JobStatus) || job.status === 'claimed';
 * ```
 */
export type JobStatus = 'scheduled' | 'claimed' | 'done' | 'cancelled';

/**
 * A durable timer: a row with a due instant, claimed by one runner at a time.
 *
 * @example
 * ```ts
 * const [job] = await storage.jobs.claimDue({ now: Date.now(), leaseMs: 30_000, limit: 1 });
 * if (job) console.log(job.kind, job.attempts);
 * ```
 */
export interface Job {
  id: string;
  /** At most one live (scheduled or claimed) job per key; scheduling a key again replaces it. */
  key: string;
  kind: JobKind;
  dueAt: number;
  payload: Metadata;
  status: JobStatus;
  attempts: number;
  /** Set while claimed; completing the job requires it, so an expired claim cannot complete. */
  claimToken: string | null;
  leaseUntil: number | null;
  lastError: string | null;
  createdAt: number;
  updatedAt: number;
}

/**
 * What a machine or command asks to schedule.
 *
 * @example
 * ```ts
 * const draft: JobDraft = {
 *   key: conversationJobKeys.closeIdle(conversationId),
 *   kind: 'conversation.close-idle',
 *   dueAt: Date.now() + 30 * 60_000,
 *   payload: { conversationId },
 * };
 * ```
 */
export interface JobDraft {
  key: string;
  kind: JobKind;
  dueAt: number;
  payload: Metadata;
}

/**
 * Job keys of one conversation; one place so scheduling and cancelling agree.
 *
 * @example
 * ```ts
 * const key = conversationJobKeys.slaCheck('cnv_42'); // 'conversation/cnv_42/sla'
 * const job = await storage.jobs.findLive(key);
 * ```
 */
export const conversationJobKeys = {
  closeResolved: (conversationId: string) => `conversation/${conversationId}/close-resolved`,
  closeIdle: (conversationId: string) => `conversation/${conversationId}/close-idle`,
  overflow: (conversationId: string) => `conversation/${conversationId}/overflow`,
  slaCheck: (conversationId: string) => `conversation/${conversationId}/sla`,
};

/**
 * Job keys of the survey of a conversation or ticket.
 *
 * @example
 * ```ts
 * const pending = await storage.jobs.findLive(surveyJobKeys.send(conversationId));
 * ```
 */
export const surveyJobKeys = {
  send: (subjectId: string) => `survey/${subjectId}/send`,
  expire: (subjectId: string) => `survey/${subjectId}/expire`,
};

/**
 * Job keys of one ticket.
 *
 * @example
 * ```ts
 * const closing = await storage.jobs.findLive(ticketJobKeys.close(ticketId));
 * ```
 */
export const ticketJobKeys = {
  close: (ticketId: string) => `ticket/${ticketId}/close`,
  slaCheck: (ticketId: string) => `ticket/${ticketId}/sla`,
};

/**
 * Job key of an agent's requeue after leaving.
 *
 * @example
 * ```ts
 * const requeue = await storage.jobs.findLive(agentJobKeys.requeue('agt_wang'));
 * ```
 */
export const agentJobKeys = {
  requeue: (agentId: string) => `agent/${agentId}/requeue`,
};

/** Job key of the sweep that pauses or resumes every open SLA clock when an incident starts or ends. */
export const incidentJobKeys = {
  slaSweep: () => 'desk/incident/sla-sweep',
};
