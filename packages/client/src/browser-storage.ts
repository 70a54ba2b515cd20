import type { Credentials } from '@kefu/core/wire';
import type { OutboxEntry } from './conversations/conversation-state';

/** Somewhere to keep the visitor token between page loads (localStorage by default). */
export interface TokenStorage {
  get(): string | null;
  set(token: string): void;
}

/** Somewhere to keep unsent messages between page loads (localStorage by default). */
export interface OutboxStorage {
  load(): OutboxEntry[];
  save(entries: OutboxEntry[]): void;
}

interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/** The page's localStorage, or null on servers and where storage is blocked. */
function localStore(): KeyValueStore | null {
  try {
    return (globalThis as { localStorage?: KeyValueStore }).localStorage ?? null;
  } catch {
    return null;
  }
}

export function defaultTokenStorage(): TokenStorage | null {
  const storage = localStore();
  if (!storage) return null;
  const key = 'kefu.visitorToken';
  return { get: () => storage.getItem(key), set: (token) => storage.setItem(key, token) };
}

const isEntry = (value: unknown): value is OutboxEntry =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as OutboxEntry).clientId === 'string' &&
  typeof (value as OutboxEntry).conversationId === 'string' &&
  typeof (value as OutboxEntry).text === 'string';

/**
 * The outbox in localStorage, one key per identity, so a message typed offline survives a reload
 * and is still delivered exactly once (its client id travels with it).
 */
export function defaultOutboxStorage(identity: Credentials): OutboxStorage | null {
  const storage = localStore();
  if (!storage) return null;
  const who =
    identity.kind === 'customer'
      ? identity.customerId
      : identity.kind === 'visitor'
        ? 'visitor'
        : 'agent';
  const key = `kefu.outbox.${who}`;
  return {
    load() {
      try {
        const parsed: unknown = JSON.parse(storage.getItem(key) ?? '[]');
        return Array.isArray(parsed) ? parsed.filter(isEntry) : [];
      } catch {
        return [];
      }
    },
    save(entries) {
      try {
        if (entries.length === 0) storage.removeItem(key);
        else storage.setItem(key, JSON.stringify(entries));
      } catch {
        // Full or blocked storage: the outbox still works for this page.
      }
    },
  };
}

/** The unsent messages by client id, written through to storage on every change. */
export interface Outbox {
  get(clientId: string): OutboxEntry | undefined;
  set(clientId: string, entry: OutboxEntry): void;
  delete(clientId: string): boolean;
  values(): IterableIterator<OutboxEntry>;
}

/** An outbox holding what `storage` kept from the last page, if anything. */
export function createOutbox(storage: OutboxStorage | null): Outbox {
  const entries = new Map<string, OutboxEntry>();
  for (const entry of storage?.load() ?? []) entries.set(entry.clientId, entry);
  const save = () => storage?.save([...entries.values()]);
  return {
    get: (clientId) => entries.get(clientId),
    set(clientId, entry) {
      entries.set(clientId, entry);
      save();
    },
    delete(clientId) {
      const deleted = entries.delete(clientId);
      if (deleted) save();
      return deleted;
    },
    values: () => entries.values(),
  };
}
