import { open, rename } from 'node:fs/promises';
import { KefuError } from '@kefu/core';

/**
 * A reply whose mail the SMTP server has not accepted yet (it was down, or answered 4xx), waiting
 * for its next attempt. Later replies of the same conversation wait behind it, in order.
 *
 * @example
 * const entry: OutboxRetry = { position: 1042, conversationId: 'conv_1', attempts: 2, dueAt: Date.now() + 4_000 };
 */
export interface OutboxRetry {
  /** The `message.posted` event's position in the desk's event log. */
  position: number;
  conversationId: string;
  /** Failed attempts so far. */
  attempts: number;
  /** Epoch ms of the next attempt. */
  dueAt: number;
}

/**
 * How far outbound mail has got: every reply at or before `position` has been mailed (or given
 * up on, reported to `onError`), except those in `retries`.
 *
 * @example
 * const state: OutboxState = { position: 1042, retries: [] };
 */
export interface OutboxState {
  position: number;
  retries: OutboxRetry[];
}

/**
 * Where the channel keeps its `OutboxState` across restarts, so a reply posted while the process
 * was down is mailed after it starts, and one already mailed is not mailed again. One small JSON
 * value: a file (`createFileOutboxStore`), a row in the shop's database, a key in Redis. Only one
 * running channel may use a store at a time.
 *
 * @example
 * const outbox: EmailOutboxStore = {
 *   load: async () => (await db.value('select state from email_outbox where id = 1')) ?? null,
 *   save: (state) => db.query('update email_outbox set state = $1 where id = 1', [state]),
 * };
 */
export interface EmailOutboxStore {
  /** The saved state, or `null` before the first start. */
  load(): Promise<OutboxState | null> | OutboxState | null;
  save(state: OutboxState): Promise<void> | void;
}

/**
 * An `EmailOutboxStore` in process memory: durable across `close()` and a new channel in the same
 * process (tests, hot reloads), not across a restart of the process.
 *
 * @example
 * const outbox = createMemoryOutboxStore();
 * const channel = createEmailChannel({ ...options, outbound: { store: outbox } });
 */
export function createMemoryOutboxStore(): EmailOutboxStore & {
  readonly state: OutboxState | null;
} {
  let state: OutboxState | null = null;
  return {
    load: () => (state ? structuredClone(state) : null),
    save(next) {
      state = structuredClone(next);
    },
    get state() {
      return state;
    },
  };
}

function isOutboxState(value: unknown): value is OutboxState {
  if (typeof value !== 'object' || value === null) return false;
  const { position, retries } = value as Partial<OutboxState>;
  return (
    Number.isInteger(position) &&
    Array.isArray(retries) &&
    retries.every(
      (retry) =>
        Number.isInteger(retry?.position) &&
        typeof retry?.conversationId === 'string' &&
        Number.isInteger(retry?.attempts) &&
        Number.isFinite(retry?.dueAt),
    )
  );
}

/**
 * An `EmailOutboxStore` in a JSON file: the durable choice for a single server without a database
 * table for it. Each save writes a temporary file, flushes it to disk and renames it over the old
 * one, so a crash leaves the previous state or the new one, never half of either.
 *
 * @example
 * const channel = createEmailChannel({
 *   ...options,
 *   outbound: { store: createFileOutboxStore('/var/lib/kefu/email-outbox.json') },
 * });
 */
export function createFileOutboxStore(path: string): EmailOutboxStore {
  return {
    async load() {
      let text: string;
      try {
        const file = await open(path, 'r');
        try {
          text = await file.readFile('utf8');
        } finally {
          await file.close();
        }
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
        throw new KefuError('ADAPTER', `Cannot read the e-mail outbox file ${path}.`, {
          cause: error,
        });
      }
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch (error) {
        throw new KefuError(
          'ADAPTER',
          `The e-mail outbox file ${path} is not JSON; fix or remove it.`,
          {
            cause: error,
          },
        );
      }
      if (!isOutboxState(value)) {
        throw new KefuError(
          'ADAPTER',
          `The e-mail outbox file ${path} has an unknown shape; fix or remove it.`,
        );
      }
      return value;
    },
    async save(state) {
      const temporary = `${path}.${process.pid}.tmp`;
      const file = await open(temporary, 'w');
      try {
        await file.writeFile(JSON.stringify(state));
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, path);
    },
  };
}
