import type { Metadata } from '../validation/common-schemas';

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
/** What a job does when it comes due. */
export type JobKind = (typeof JOB_KINDS)[number];

export type JobStatus = 'scheduled' | 'claimed' | 'done' | 'cancelled';

/** A durable timer: a row with a due instant, claimed by one runner at a time. */
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

/** What a machine or command asks to schedule. */
export interface JobDraft {
  key: string;
  kind: JobKind;
  dueAt: number;
  payload: Metadata;
}

/** Job keys of one conversation; one place so scheduling and cancelling agree. */
export const conversationJobKeys = {
  closeResolved: (conversationId: string) => `conversation/${conversationId}/close-resolved`,
  closeIdle: (conversationId: string) => `conversation/${conversationId}/close-idle`,
  overflow: (conversationId: string) => `conversation/${conversationId}/overflow`,
  slaCheck: (conversationId: string) => `conversation/${conversationId}/sla`,
};

/** Job keys of the survey of a conversation or ticket. */
export const surveyJobKeys = {
  send: (subjectId: string) => `survey/${subjectId}/send`,
  expire: (subjectId: string) => `survey/${subjectId}/expire`,
};

/** Job keys of one ticket. */
export const ticketJobKeys = {
  close: (ticketId: string) => `ticket/${ticketId}/close`,
  slaCheck: (ticketId: string) => `ticket/${ticketId}/sla`,
};

/** Job key of an agent's requeue after leaving. */
export const agentJobKeys = {
  requeue: (agentId: string) => `agent/${agentId}/requeue`,
};

/** Job key of the sweep that pauses or resumes every open SLA clock when an incident starts or ends. */
export const incidentJobKeys = {
  slaSweep: () => 'desk/incident/sla-sweep',
};
