import { loadHolder, moveLoad } from '../agents/agent-load';
import type { CommandContext } from '../desk/command-runner';
import { KefuError } from '../errors/kefu-error';
import type { DomainEventDraft } from '../events/domain-events';
import { conversationJobKeys } from '../jobs/job';
import { transition } from '../machine/transition';
import { updateQueueJobs } from '../routing/queue-jobs';
import { slaEventsFor } from '../sla/sla-events';
import { type SlaUpdate, trackSla } from '../sla/sla-tracking';
import type { StorageTransaction } from '../storage/storage-adapter';
import { surveyAfterChange } from '../surveys/survey-lifecycle';
import type { Conversation } from './conversation';
import type { ConversationEffect, ConversationMachineEvent } from './conversation-events';
import { conversationMachine } from './conversation-machine';

/** The read options of a conversation about to be written (shared: reads never change them). */
export const FOR_UPDATE = Object.freeze({ forUpdate: true as const });

/** The error for a conversation id that names nothing. */
export function conversationNotFound(id: string): KefuError {
  return new KefuError('NOT_FOUND', `No conversation "${id}". Check the id, or start one first.`);
}

/** Loads a conversation for a write, or fails with `NOT_FOUND`. */
export async function loadConversation(tx: StorageTransaction, id: string): Promise<Conversation> {
  const conversation = await tx.conversations.get(id, FOR_UPDATE);
  if (!conversation) throw conversationNotFound(id);
  return conversation;
}

/**
 * Stores a changed conversation and everything that follows from the change, in the same
 * transaction: SLA clocks, agent load, queue and SLA jobs, the machine's effects and the events
 * (which carry the stored snapshot, with its new version).
 */
export async function commitConversation(
  tx: StorageTransaction,
  context: CommandContext,
  before: Conversation,
  changes: Partial<Conversation>,
  event: ConversationMachineEvent | null = null,
  effects: readonly ConversationEffect[] = [],
): Promise<Conversation> {
  // One fresh object, completed in place before anyone else sees it: this is the hot path.
  return commitStored(
    tx,
    context,
    before,
    { ...before, ...changes, version: before.version + 1 },
    event,
    effects,
  );
}

/**
 * `commitConversation` for a `stored` the caller built fresh (next version included) and hands
 * over: it is completed in place. Saves a second copy of `before`, which costs more than the
 * rest of the snapshot work when `before` is a frozen record (as the memory adapter stores them).
 */
function commitStored(
  tx: StorageTransaction,
  context: CommandContext,
  before: Conversation,
  stored: Conversation,
  event: ConversationMachineEvent | null,
  effects: readonly ConversationEffect[],
): Promise<Conversation> {
  // Without SLA policies the clocks never move: the copy keeps `before.sla`, nothing to announce.
  if (!context.sla.enabled) return writeStored(tx, context, before, stored, event, effects, null);
  return slaUpdate(tx, context, before, stored, event).then((sla) => {
    stored.sla = sla.sla;
    return writeStored(tx, context, before, stored, event, effects, sla);
  });
}

/**
 * Writes the conversation, then whatever the change leads to. Most changes (a message, a tag)
 * move no load, touch no queue, run no effect and no SLA clock: then the write is all there is,
 * with no async frame around it.
 */
function writeStored(
  tx: StorageTransaction,
  context: CommandContext,
  before: Conversation,
  stored: Conversation,
  event: ConversationMachineEvent | null,
  effects: readonly ConversationEffect[],
  sla: SlaUpdate | null,
): Promise<Conversation> {
  const survey = surveyAfterChange(context, 'conversation', before, stored);
  stored.survey = survey.survey;
  const written = tx.conversations.update(stored, before.version);
  const movesLoad = event !== null && loadHolder(before) !== loadHolder(stored);
  const touchesQueue = before.status === 'queued' || stored.status === 'queued';
  if (!movesLoad && !touchesQueue && effects.length === 0 && sla === null && !survey.after) {
    return written.then(() => stored);
  }
  return written.then(async () => {
    if (event !== null && movesLoad) await moveLoad(tx, before, stored, event);
    if (touchesQueue) await updateQueueJobs(tx, context, before, stored);
    for (const effect of effects) {
      switch (effect.type) {
        case 'emit':
          context.emit(withStoredConversation(effect.event, stored));
          break;
        case 'schedule':
          await tx.jobs.schedule(effect.job, context.now);
          context.scheduled(effect.job);
          break;
        case 'cancel':
          await tx.jobs.cancel(effect.key, context.now);
          break;
      }
    }
    if (sla !== null) await publishSla(tx, context, stored, sla);
    if (survey.after) await survey.after(tx);
    return stored;
  });
}

/** The SLA state a change leads to (the customer's tier matters to policies). */
export async function slaUpdate(
  tx: StorageTransaction,
  context: CommandContext,
  before: Conversation | null,
  next: Conversation,
  event: ConversationMachineEvent | null,
): Promise<SlaUpdate> {
  const tier = context.sla.enabled
    ? ((await tx.customers.get(next.customerId))?.tier ?? 'standard')
    : 'standard';
  return trackSla(context.sla, before, next, event, tier, context.now);
}

/** Announces what the clocks said and schedules their next look, once `stored` is written. */
export async function publishSla(
  tx: StorageTransaction,
  context: CommandContext,
  stored: Conversation,
  sla: SlaUpdate,
): Promise<void> {
  for (const draft of slaEventsFor(
    { conversation: stored },
    sla.announcements,
    context.now,
    context.sla,
  )) {
    context.emit(draft);
  }
  if (context.sla.enabled) await scheduleSlaCheck(tx, context, stored.id, sla.nextCheckAt);
}

async function scheduleSlaCheck(
  tx: StorageTransaction,
  context: CommandContext,
  conversationId: string,
  at: number | null,
): Promise<void> {
  const key = conversationJobKeys.slaCheck(conversationId);
  if (at === null) {
    await tx.jobs.cancel(key, context.now);
    return;
  }
  const job = { key, kind: 'sla.check' as const, dueAt: at, payload: { conversationId } };
  await tx.jobs.schedule(job, context.now);
  context.scheduled(job);
}

/**
 * Runs the conversation machine for one event and commits the result. A rejected event throws
 * `INVALID_TRANSITION` and writes nothing.
 */
export function applyConversationEvent(
  tx: StorageTransaction,
  context: CommandContext,
  conversation: Conversation,
  event: ConversationMachineEvent,
  extraChanges?: Partial<Conversation>,
): Promise<Conversation> {
  const result = transition(conversationMachine, conversation, event);
  if (!result.ok) {
    throw new KefuError('INVALID_TRANSITION', `${result.message}.`, {
      details: { conversationId: conversation.id, status: conversation.status, event: event.type },
    });
  }
  // The machine's snapshot is a fresh copy of `conversation`, nobody else's yet: complete it in
  // place rather than copying its thirty-odd fields once more.
  const stored = extraChanges ? Object.assign(result.snapshot, extraChanges) : result.snapshot;
  stored.version = conversation.version + 1;
  return commitStored(tx, context, conversation, stored, event, result.effects);
}

// The machine describes the snapshot before storage bumps its version; events carry the stored one.
function withStoredConversation(event: DomainEventDraft, stored: Conversation): DomainEventDraft {
  if (!('conversation' in event.data)) return event;
  return { ...event, data: { ...event.data, conversation: stored } } as DomainEventDraft;
}
