import {
  applyConversationEvent,
  commitConversation,
} from '../conversations/apply-conversation-event';
import { sweepSlaClocks } from '../incidents/incident-sweep';
import type { Job, JobKind } from '../jobs/job';
import { runErasureBatch } from '../privacy/erasure-job';
import { runRetentionBatch } from '../privacy/retention-job';
import { escalateDueSteps } from '../sla/sla-escalation';
import type { StorageReader, StorageTransaction } from '../storage/storage-adapter';
import { applySurveyEvent, readSurvey, type SurveySubject } from '../surveys/survey-commands';
import { applyTicketEvent, commitTicket } from '../tickets/ticket-commands';
import { escalateTicket } from '../tickets/ticket-escalation';
import type { CommandContext } from './command-runner';

/**
 * What a due job does, inside the transaction that completes it. Handlers re-check the state they
 * act on, so a job that is no longer relevant (the conversation was reopened, or closed by hand)
 * completes without effect.
 */
export type JobHandler = (
  tx: StorageTransaction,
  context: CommandContext,
  job: Job,
  read: StorageReader,
) => Promise<void>;

export const jobHandlers: Record<JobKind, JobHandler> = {
  async 'conversation.close-resolved'(tx, context, job) {
    const conversation = await tx.conversations.get(String(job.payload.conversationId), {
      forUpdate: true,
    });
    if (
      conversation?.status !== 'resolved' ||
      conversation.reopenUntil === null ||
      context.now < conversation.reopenUntil
    ) {
      return;
    }
    await applyConversationEvent(tx, context, conversation, {
      type: 'CLOSE',
      at: context.now,
      reason: 'reopen-window-ended',
    });
  },

  async 'conversation.close-idle'(tx, context, job) {
    const conversation = await tx.conversations.get(String(job.payload.conversationId), {
      forUpdate: true,
    });
    if (
      conversation?.status !== 'pending' ||
      conversation.pendingSince !== job.payload.pendingSince
    ) {
      return;
    }
    await applyConversationEvent(tx, context, conversation, {
      type: 'CLOSE',
      at: context.now,
      reason: 'idle',
    });
  },

  async 'conversation.overflow'(tx, context, job) {
    const conversation = await tx.conversations.get(String(job.payload.conversationId), {
      forUpdate: true,
    });
    if (
      conversation?.status !== 'queued' ||
      conversation.overflowedAt !== null ||
      conversation.queuedAt !== job.payload.queuedAt
    ) {
      return;
    }
    const next = await commitConversation(tx, context, conversation, {
      overflowedAt: context.now,
      updatedAt: context.now,
    });
    context.emit({
      type: 'conversation.overflowed',
      at: context.now,
      subject: { kind: 'conversation', id: next.id },
      data: { conversation: next },
    });
  },

  async 'agent.requeue'(tx, context, job, read) {
    const agentId = String(job.payload.agentId);
    const agent = await tx.agents.get(agentId);
    if (!agent || agent.presence === 'online') return;
    const items = await read.conversations.list(
      { assigneeId: agentId, status: ['active', 'pending'] },
      { limit: 1000 },
    );
    for (const listed of items) {
      const conversation = await tx.conversations.get(listed.id, { forUpdate: true });
      if (conversation?.assigneeId !== agentId) continue;
      if (conversation.status !== 'active' && conversation.status !== 'pending') continue;
      await applyConversationEvent(tx, context, conversation, {
        type: 'TRANSFER',
        at: context.now,
        toAgentId: null,
        toTeam: null,
        reason: `${agent.name} is ${agent.presence}`,
        by: null,
      });
    }
  },

  async 'sla.check'(tx, context, job) {
    const conversation = await tx.conversations.get(String(job.payload.conversationId), {
      forUpdate: true,
    });
    if (!conversation?.sla) return;
    // Committing with no change re-reads the clocks at `now`: crossed thresholds are announced once.
    const checked = await commitConversation(tx, context, conversation, {});
    await escalateDueSteps(tx, context, checked);
  },

  async 'ticket.close-resolved'(tx, context, job) {
    const ticket = await tx.tickets.get(String(job.payload.ticketId), { forUpdate: true });
    if (
      ticket?.status !== 'resolved' ||
      ticket.reopenUntil === null ||
      context.now < ticket.reopenUntil
    ) {
      return;
    }
    await applyTicketEvent(tx, context, ticket, {
      type: 'CLOSE',
      at: context.now,
      actor: { kind: 'system', id: 'reopen-window' },
      text: null,
    });
  },

  async 'ticket.sla-check'(tx, context, job) {
    const ticket = await tx.tickets.get(String(job.payload.ticketId), { forUpdate: true });
    if (!ticket?.sla) return;
    const checked = await commitTicket(tx, context, ticket, {});
    await escalateTicket(tx, context, checked);
  },

  async 'survey.send'(tx, context, job) {
    const ref = surveyRef(job.payload);
    const found = await readSurvey(tx, ref);
    if (found?.survey?.status !== 'scheduled') return;
    await applySurveyEvent(tx, context, ref, {
      type: 'SEND',
      at: context.now,
      expiresAfterMs: context.settings.surveys.expiresAfterMs,
    });
  },

  async 'survey.expire'(tx, context, job) {
    const ref = surveyRef(job.payload);
    const found = await readSurvey(tx, ref);
    if (found?.survey?.status !== 'sent' || (found.survey.expiresAt ?? 0) > context.now) return;
    await applySurveyEvent(tx, context, ref, { type: 'EXPIRE', at: context.now });
  },

  'privacy.erase': runErasureBatch,
  'privacy.retention': runRetentionBatch,
  async 'incident.sla-sweep'(tx, context, _job, read) {
    await sweepSlaClocks(tx, context, read);
  },
};

function surveyRef(payload: Record<string, unknown>): SurveySubject {
  return {
    subject: payload.subject === 'ticket' ? 'ticket' : 'conversation',
    id: String(payload.id),
  };
}
