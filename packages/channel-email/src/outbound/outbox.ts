import type { DomainEvent, Message } from '@kefu/core';
import { coalescedRun, isKefuError } from '@kefu/core';
import type { EmailOutboxStore, OutboxRetry, OutboxState } from './outbox-store';
import { isReply, type ReplySenderContext, sendReply } from './reply-sender';

/** How the outbox drives delivery; all optional. */
export interface OutboxSettings {
  store: EmailOutboxStore;
  /** Where a store without saved state starts: `'latest'` (the log's end) or a position. */
  startAfter: number | 'latest';
  minDelayMs: number;
  maxDelayMs: number;
  /** How often the log is read for replies other nodes posted. */
  pollIntervalMs: number;
}

export interface OutboxContext extends ReplySenderContext {
  onError: (error: unknown) => void;
}

const PAGE = 100;

/**
 * `true` when trying again cannot help: the customer has no address (`VALIDATION`), or the SMTP
 * server refused the mail for good (a 5xx reply). Everything else — connection refused, timeouts,
 * 4xx (greylisting, a full queue), storage hiccups — is retried.
 */
export function isPermanentFailure(error: unknown): boolean {
  if (isKefuError(error, 'VALIDATION')) return true;
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
}

/**
 * Outbound mail driven by the desk's event log: the `message.posted` events after the saved
 * position are mailed in log order, the position saved after each one, so a reply posted while
 * the channel was stopped goes out when it starts, and one mailed before a restart is not mailed
 * again. A reply that fails for a reason that may pass is retried with doubling delays, and the
 * later replies of its conversation wait behind it; other conversations go on.
 */
export function createOutbox(context: OutboxContext, settings: OutboxSettings) {
  let state: OutboxState = { position: 0, retries: [] };
  let started: Promise<void> | null = null;
  let running = false;
  let retryTimer: ReturnType<typeof setTimeout> | null = null;
  let pollTimer: ReturnType<typeof setInterval> | null = null;
  let off: (() => void) | null = null;

  const save = () => settings.store.save(state);
  const backoff = (attempts: number) =>
    Math.min(settings.minDelayMs * 2 ** Math.max(0, attempts - 1), settings.maxDelayMs);

  /** Mails one reply; `true` when it is done with (mailed or given up on), `false` to retry. */
  async function attempt(message: Message): Promise<boolean> {
    try {
      await sendReply(context, message);
      return true;
    } catch (error) {
      context.onError(error);
      return isPermanentFailure(error);
    }
  }

  async function eventAt(position: number): Promise<DomainEvent | undefined> {
    const [event] = await context.desk.events.read({ after: position - 1, limit: 1 });
    return event?.position === position ? event : undefined;
  }

  async function retryDue(): Promise<void> {
    const now = Date.now();
    const heads = new Map<string, OutboxRetry>();
    for (const retry of state.retries) {
      if (!heads.has(retry.conversationId)) heads.set(retry.conversationId, retry);
    }
    for (const head of heads.values()) {
      if (!running || head.dueAt > now) continue;
      const event = await eventAt(head.position);
      const done = event?.type === 'message.posted' ? await attempt(event.data.message) : true;
      if (done) {
        state.retries = state.retries.filter((retry) => retry !== head);
        // The next reply of the conversation was waiting on this one: its turn now.
        const next = state.retries.find((retry) => retry.conversationId === head.conversationId);
        if (next) next.dueAt = now;
        // Asked from within the pass: one more pass follows this one.
        if (next) void drains.run();
      } else {
        head.attempts += 1;
        head.dueAt = Date.now() + backoff(head.attempts);
      }
      await save();
    }
  }

  async function readNew(): Promise<void> {
    for (;;) {
      const events = await context.desk.events.read({ after: state.position, limit: PAGE });
      for (const event of events) {
        if (!running) return;
        const message = event.type === 'message.posted' ? event.data.message : null;
        state.position = event.position;
        if (!message || !isReply(message)) continue;
        const conversationId = message.conversationId;
        const blocked = state.retries.find((retry) => retry.conversationId === conversationId);
        if (blocked) {
          state.retries.push({
            position: event.position,
            conversationId,
            attempts: 0,
            dueAt: blocked.dueAt,
          });
        } else if (!(await attempt(message))) {
          state.retries.push({
            position: event.position,
            conversationId,
            attempts: 1,
            dueAt: Date.now() + backoff(1),
          });
        }
        await save();
      }
      if (events.length > 0) await save();
      if (events.length < PAGE) return;
    }
  }

  function armRetry(): void {
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = null;
    if (!running || state.retries.length === 0) return;
    const dueAt = Math.min(...state.retries.map((retry) => retry.dueAt));
    retryTimer = setTimeout(() => void drain(), Math.max(0, dueAt - Date.now()));
    retryTimer.unref?.();
  }

  // Reading the log or saving the state can fail: then the whole step is tried again later
  // (the retry timer, the poll, or the next post), not at once.
  const drains = coalescedRun(
    async () => {
      await retryDue();
      await readNew();
    },
    {
      onError: context.onError,
      stopOnError: true,
      keepGoing: () => running,
      afterPasses: armRetry,
    },
  );
  const drain = () => drains.run();

  return {
    /** Loads the saved state (or starts at `startAfter`) and begins mailing; idempotent. */
    start(): Promise<void> {
      started ??= (async () => {
        running = true;
        const saved = await settings.store.load();
        if (saved) state = saved;
        else {
          const position =
            settings.startAfter === 'latest'
              ? await context.desk.events.lastPosition()
              : settings.startAfter;
          state = { position, retries: [] };
          await save();
        }
        // Only now: a post that woke the outbox before its position was known would replay the log.
        off = context.desk.on('message.posted', () => void drain());
        pollTimer = setInterval(() => void drain(), settings.pollIntervalMs);
        pollTimer.unref?.();
        await drain();
      })().catch((error: unknown) => {
        // Without its saved position the outbox must not send at all (it could mail twice).
        running = false;
        context.onError(error);
      });
      return started;
    },
    /**
     * Resolves when every reply in the log so far has been tried once; replies waiting for a
     * retry do not hold it up.
     */
    async idle(): Promise<void> {
      await started;
      for (;;) {
        const before = state.position;
        await drain();
        const behind = (await context.desk.events.lastPosition()) > state.position;
        // Stop when caught up, stopped, or when a failing read made no progress (it is reported).
        if (!behind || !running || state.position === before) return;
      }
    },
    /** Replies waiting for another attempt (for health checks and tests). */
    get retries(): readonly OutboxRetry[] {
      return state.retries;
    },
    async stop(): Promise<void> {
      running = false;
      off?.();
      if (retryTimer) clearTimeout(retryTimer);
      if (pollTimer) clearInterval(pollTimer);
      await started;
      await drains.settled();
    },
  };
}
