import { nanoid } from 'nanoid';
import type { CommandContext } from '../desk/command-runner';
import { surveyJobKeys } from '../jobs/job';
import type { StorageTransaction } from '../storage/storage-adapter';
import type { Survey } from './survey';

interface Surveyed {
  id: string;
  status: string;
  customerId: string;
  survey: Survey | null;
}

const DONE = new Set(['resolved', 'closed']);

/**
 * The survey a change leads to: a survey is scheduled when a conversation or ticket is resolved
 * (if surveys are on for it), and dropped if it is reopened before the survey went out.
 * Returns the survey field to store and what to do once stored.
 */
export function surveyAfterChange(
  context: CommandContext,
  subject: 'conversation' | 'ticket',
  before: Surveyed | null,
  next: Surveyed & { assigneeId?: string | null; ownerId?: string | null },
): { survey: Survey | null; after: (tx: StorageTransaction) => Promise<void> } {
  const settings = context.settings.surveys;
  const nothing = { survey: next.survey, after: async () => undefined };
  if (!settings.enabled || !settings.on.includes(subject)) return nothing;
  const send = surveyJobKeys.send(next.id);
  if (next.survey?.status === 'scheduled' && !DONE.has(next.status)) {
    return { survey: null, after: (tx) => tx.jobs.cancel(send, context.now) };
  }
  const resolvedNow = next.status === 'resolved' && before?.status !== 'resolved';
  if (!resolvedNow || next.survey !== null) return nothing;
  const survey: Survey = {
    id: `srv_${nanoid(16)}`,
    kind: settings.kind,
    conversationId: subject === 'conversation' ? next.id : null,
    ticketId: subject === 'ticket' ? next.id : null,
    customerId: next.customerId,
    agentId: next.assigneeId ?? next.ownerId ?? null,
    status: 'scheduled',
    questions: settings.questions,
    answers: {},
    comment: null,
    score: null,
    scheduledFor: context.now + settings.delayMs,
    sentAt: null,
    answeredAt: null,
    expiresAt: null,
  };
  return {
    survey,
    after: async (tx) => {
      const job = {
        key: send,
        kind: 'survey.send' as const,
        dueAt: survey.scheduledFor,
        payload: { subject, id: next.id },
      };
      await tx.jobs.schedule(job, context.now);
      context.scheduled(job);
      context.emit({
        type: 'survey.scheduled',
        at: context.now,
        subject: { kind: 'survey', id: survey.id },
        data: { survey },
      });
    },
  };
}
