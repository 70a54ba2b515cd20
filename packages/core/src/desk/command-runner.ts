import type { BlobStore } from '../attachments/blob-store';
import { isKefuError } from '../errors/kefu-error';
import type { DomainEvent, DomainEventDraft } from '../events/domain-events';
import type { JobDraft } from '../jobs/job';
import { auditForEvents } from '../privacy/audit-trail';
import type { SlaRuntime } from '../sla/sla-runtime';
import type { StorageAdapter, StorageTransaction } from '../storage/storage-adapter';
import type { Clock } from '../time/clock';
import type { IncidentMode } from '../vocabulary/incident-modes';
import type { DeskSettings } from './desk-settings';
import type { EventPublisher } from './event-publisher';

/** What a command body gets besides the transaction: the instant it runs at and an outbox. */
export interface CommandContext {
  readonly now: number;
  readonly settings: DeskSettings;
  readonly sla: SlaRuntime;
  /** The mode of the incident in force (应急), or null in normal operation. */
  readonly incidentMode: IncidentMode | null;
  /** Where uploaded files live, when the desk was given a store (erasure and retention). */
  readonly blobs?: BlobStore;
  emit(event: DomainEventDraft): void;
  /** Records a job this command scheduled, so a local runner can wake up for it. */
  scheduled(job: JobDraft): void;
}

export interface CommandRunnerOptions {
  storage: StorageAdapter;
  clock: Clock;
  publisher: EventPublisher;
  settings: DeskSettings;
  sla: SlaRuntime;
  onJobScheduled: (dueAt: number) => void;
  /** The incident mode commands see; none by default. */
  incidentMode?: () => IncidentMode | null;
  blobs?: BlobStore;
  /** Awaited before each command (the desk's incident state is loaded before anything runs). */
  ready?: () => Promise<void>;
}

/**
 * Runs one command as one transaction: the body reads, decides and writes; its events are appended
 * to the log in the same transaction and published after commit. A `CONFLICT` (a concurrent writer
 * won) reruns the whole body on fresh data, which is safe because the body has no other effects.
 */
export function createCommandRunner(options: CommandRunnerOptions) {
  const { storage, clock, publisher, settings, sla, onJobScheduled } = options;
  const incidentMode = options.incidentMode ?? (() => null);
  const maxAttempts = settings.maxCommandAttempts;
  // Once loaded, the incident state stays loaded: later commands skip the wait (a tick each).
  let ready = options.ready;

  // Promise chains rather than async functions: a command is one transaction and one `.then`,
  // with no suspended frame for the runner (this is on every message's path).
  function attempt<T>(
    body: (tx: StorageTransaction, context: CommandContext) => Promise<T>,
    attemptNumber: number,
  ): Promise<T> {
    const context = new Context(settings, sla, options.blobs);
    let committed: Promise<T>;
    try {
      committed = storage.transaction((tx) => {
        // The instant and the mode are read once the transaction runs, not while it queued.
        context.start(clock.now(), incidentMode());
        return context.runBody(tx, body);
      });
    } catch (error) {
      committed = Promise.reject(error);
    }
    return committed.then(
      (result) => {
        publisher.publish(context.events);
        for (const job of context.jobs) onJobScheduled(job.dueAt);
        return result;
      },
      (error: unknown) => {
        if (isKefuError(error, 'CONFLICT') && attemptNumber < maxAttempts) {
          return attempt(body, attemptNumber + 1);
        }
        throw error;
      },
    );
  }

  return function runCommand<T>(
    body: (tx: StorageTransaction, context: CommandContext) => Promise<T>,
  ): Promise<T> {
    const loading = ready;
    if (loading === undefined) return attempt(body, 1);
    return loading().then(() => {
      ready = undefined;
      return attempt(body, 1);
    });
  };
}

const NO_EVENTS: readonly DomainEvent[] = Object.freeze([]);

/** One attempt's context and outbox: a class, since one is made for every command. */
class Context implements CommandContext {
  drafts: DomainEventDraft[] = [];
  jobs: JobDraft[] = [];
  events: readonly DomainEvent[] = NO_EVENTS;
  now = 0;
  incidentMode: IncidentMode | null = null;
  readonly blobs?: BlobStore;

  constructor(
    readonly settings: DeskSettings,
    readonly sla: SlaRuntime,
    blobs: BlobStore | undefined,
  ) {
    if (blobs) this.blobs = blobs;
  }

  /** Starts an attempt of the transaction; an adapter that reruns the callback empties the outbox. */
  start(now: number, incidentMode: IncidentMode | null): void {
    this.now = now;
    this.incidentMode = incidentMode;
    if (this.drafts.length > 0) this.drafts = [];
    if (this.jobs.length > 0) this.jobs = [];
  }

  /** Runs the body, then appends its events (and their audit entries) in the same transaction. */
  async runBody<T>(
    tx: StorageTransaction,
    body: (tx: StorageTransaction, context: CommandContext) => Promise<T>,
  ): Promise<T> {
    const result = await body(tx, this);
    const drafts = this.drafts;
    if (drafts.length > 0) {
      this.events = await tx.events.append(drafts);
      for (const entry of auditForEvents(drafts)) await tx.privacy.appendAudit(entry);
    }
    return result;
  }

  emit(event: DomainEventDraft): void {
    this.drafts.push(event);
  }

  scheduled(job: JobDraft): void {
    this.jobs.push(job);
  }
}

export type RunCommand = ReturnType<typeof createCommandRunner>;
