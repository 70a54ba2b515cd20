import { deleteMessageFiles } from '../attachments/blob-sweeps';
import type { CommandContext } from '../desk/command-runner';
import type { Job, JobDraft } from '../jobs/job';
import type { StorageReader, StorageTransaction } from '../storage/storage-adapter';
import { privacyJobKeys } from './erasure-job';
import type { RetentionSettings } from './privacy-settings';
import { createScrubber, scrubEventData } from './redaction';

const DAY = 86_400_000;

/** Whether any retention period is set. */
export const retentionEnabled = (r: RetentionSettings) =>
  r.messagesDays !== null || r.closedConversationsDays !== null || r.eventsDays !== null;

/** The retention job, with where its two walks over the event log have got to. */
export function retentionJob(
  dueAt: number,
  cursors: { messages: number; events: number } = { messages: 0, events: 0 },
): JobDraft {
  return {
    key: privacyJobKeys.retention(),
    kind: 'privacy.retention',
    dueAt,
    payload: { messagesAfter: cursors.messages, eventsAfter: cursors.events },
  };
}

const cutoff = (days: number | null, now: number) => (days === null ? null : now - days * DAY);

/**
 * One batch of retention, in the transaction that completes the job: delete up to `batchSize`
 * old messages and ended conversations, and strip personal data from up to `batchSize` old
 * events. Then the job schedules itself again: at once while a batch came back full, else after
 * `intervalMs`. Events are minimized, not deleted, so positions stay gap-free and metrics over
 * the past do not change.
 */
export async function runRetentionBatch(
  tx: StorageTransaction,
  context: CommandContext,
  job: Job,
  read: StorageReader,
): Promise<void> {
  const settings = context.settings.retention;
  if (!retentionEnabled(settings)) return;
  const { batchSize } = settings;
  const now = context.now;
  let full = false;

  const messagesBefore = cutoff(settings.messagesDays, now);
  if (messagesBefore !== null) {
    const old = await read.privacy.messagesBefore(messagesBefore, batchSize);
    if (context.blobs) await deleteMessageFiles(context.blobs, old);
    await tx.privacy.deleteMessages(
      old.map(({ conversationId, seq }) => ({ conversationId, seq })),
    );
    full ||= old.length === batchSize;
  }

  const endedBefore = cutoff(settings.closedConversationsDays, now);
  const wipe = createScrubber({ values: [], eraseAuthor: () => true, eraseAllText: true, at: now });
  if (endedBefore !== null) {
    const ended = await read.privacy.endedConversationsBefore(endedBefore, batchSize);
    const ids = ended.map((c) => c.id);
    if (ids.length > 0) {
      // Their messages' text lives on in `message.posted` events too.
      for (let position = 0; ; ) {
        const events = await read.privacy.eventsAbout({ conversationIds: ids }, position, 1000);
        for (const event of events) {
          if (event.type !== 'message.posted') continue;
          if (context.blobs) await deleteMessageFiles(context.blobs, [event.data.message]);
          const data = { message: wipe.message(event.data.message) };
          if (JSON.stringify(data) !== JSON.stringify(event.data)) {
            await tx.privacy.replaceEventData(event.position, data);
          }
        }
        const last = events.at(-1);
        if (!last || events.length < 1000) break;
        position = last.position;
      }
      await tx.privacy.deleteConversations(ids);
    }
    full ||= ended.length === batchSize;
  }

  // Two walks over the old end of the log, each with its own cursor: message text goes after
  // `messagesDays`, everything personal after `eventsDays`.
  const cursors = {
    messages: Number(job.payload.messagesAfter ?? 0),
    events: Number(job.payload.eventsAfter ?? 0),
  };
  const walks = [
    { cursor: 'messages', before: messagesBefore },
    { cursor: 'events', before: cutoff(settings.eventsDays, now) },
  ] as const;
  for (const walk of walks) {
    if (walk.before === null) continue;
    const page = await read.privacy.eventsBefore(walk.before, cursors[walk.cursor], batchSize);
    for (const event of page) {
      let data = event.data;
      if (walk.cursor === 'events') data = scrubEventData(event, wipe);
      else if (event.type === 'message.posted') {
        const message = wipe.message(event.data.message);
        if (JSON.stringify(message) !== JSON.stringify(event.data.message)) data = { message };
      }
      if (data !== event.data) await tx.privacy.replaceEventData(event.position, data);
      cursors[walk.cursor] = event.position;
    }
    full ||= page.length === batchSize;
  }

  const draft = retentionJob(full ? now : now + settings.intervalMs, cursors);
  await tx.jobs.schedule(draft, now);
  context.scheduled(draft);
}
