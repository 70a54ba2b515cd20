import { commitConversation } from '../conversations/apply-conversation-event';
import type { CommandContext } from '../desk/command-runner';
import { KefuError } from '../errors/kefu-error';
import { surveyJobKeys } from '../jobs/job';
import { transition } from '../machine/transition';
import type { StorageTransaction } from '../storage/storage-adapter';
import { commitTicket } from '../tickets/ticket-commands';
import type { Survey } from './survey';
import { type SurveyMachineEvent, surveyMachine } from './survey-machine';

export type SurveySubject = { subject: 'conversation' | 'ticket'; id: string };

/** Reads the survey of a conversation or ticket; null when there is none. */
export async function readSurvey(
  tx: StorageTransaction,
  { subject, id }: SurveySubject,
): Promise<{ survey: Survey | null; customerId: string } | null> {
  const owner =
    subject === 'conversation'
      ? await tx.conversations.get(id, { forUpdate: true })
      : await tx.tickets.get(id, { forUpdate: true });
  return owner ? { survey: owner.survey, customerId: owner.customerId } : null;
}

/**
 * Moves a survey through its machine and stores it with its conversation or ticket. A rejected
 * event throws `INVALID_TRANSITION` (answered twice, expired…) and writes nothing.
 */
export async function applySurveyEvent(
  tx: StorageTransaction,
  context: CommandContext,
  ref: SurveySubject,
  event: SurveyMachineEvent,
): Promise<Survey> {
  const owner =
    ref.subject === 'conversation'
      ? await tx.conversations.get(ref.id, { forUpdate: true })
      : await tx.tickets.get(ref.id, { forUpdate: true });
  if (!owner?.survey) throw new KefuError('NOT_FOUND', `No survey for ${ref.subject} "${ref.id}".`);
  const result = transition(surveyMachine, owner.survey, event);
  if (!result.ok) {
    const hint = owner.survey.status === 'answered' ? ' It was already answered.' : '';
    throw new KefuError('INVALID_TRANSITION', `${result.message}.${hint}`, {
      details: { surveyId: owner.survey.id, status: owner.survey.status },
    });
  }
  const survey = result.snapshot;
  if (ref.subject === 'conversation' && 'lastSeq' in owner) {
    await commitConversation(tx, context, owner, { survey });
  } else if ('kind' in owner && 'rounds' in owner) {
    await commitTicket(tx, context, owner, { survey });
  }
  const type = {
    SEND: 'survey.sent',
    ANSWER: 'survey.answered',
    EXPIRE: 'survey.expired',
  } as const;
  context.emit({
    type: type[event.type],
    at: context.now,
    subject: { kind: 'survey', id: survey.id },
    data: { survey },
  });
  if (event.type === 'SEND' && survey.expiresAt !== null) {
    const job = {
      key: surveyJobKeys.expire(ref.id),
      kind: 'survey.expire' as const,
      dueAt: survey.expiresAt,
      payload: ref,
    };
    await tx.jobs.schedule(job, context.now);
    context.scheduled(job);
  }
  if (event.type !== 'SEND') await tx.jobs.cancel(surveyJobKeys.expire(ref.id), context.now);
  return survey;
}
