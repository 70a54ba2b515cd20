import type { ClientFrame, ServerFrame } from '@kefu/core/wire';
import { nanoid } from 'nanoid';

/** Requests that may be sent again after a reconnect: repeating them changes nothing. */
const IDEMPOTENT: ReadonlySet<string> = new Set([
  // Messages and conversations are stored once per client id.
  'send',
  'start',
  'inbox',
  'status',
  'tickets',
  'presence',
  'watch_metrics',
  'watch_supervision',
]);

/**
 * Why a request failed: the gateway's error code, and how long to wait when it names a wait.
 *
 * @example
 * try {
 *   await client.startConversation({ text: '你好' });
 * } catch (error) {
 *   const { code, retryAfterMs } = error as RequestError;
 *   if (code === 'RATE_LIMITED') setTimeout(retry, retryAfterMs ?? 1_000);
 * }
 */
export type RequestError = Error & { code: string; retryAfterMs?: number };

const requestError = (message: string, code: string, retryAfterMs?: number): RequestError =>
  Object.assign(new Error(message), { code, retryAfterMs });

export type Ack = Extract<ServerFrame, { type: 'ack' }>;
/** The fields of an ack that carry a single answer. */
export type AnsweredField =
  | 'conversation'
  | 'status'
  | 'survey'
  | 'ticket'
  | 'metrics'
  | 'supervision';
export type Answer<K extends AnsweredField> = NonNullable<Ack[K]>;

/** Requests awaiting an answer, and what the connection's life does to them. */
export interface Requests {
  /** Sends a request frame; resolves with its ack (re-sent after a reconnect when idempotent). */
  request<T extends ServerFrame = Ack>(frame: ClientFrame & { id: string }): Promise<T>;
  requestId(prefix: string): string;
  /** Sends a request and returns one field of its ack, which must be there. */
  ask<K extends AnsweredField>(frame: ClientFrame & { id: string }, field: K): Promise<Answer<K>>;
  /** A request with this id is waiting for its answer. */
  has(id: string): boolean;
  /** Settles the request an ack or error answers; false when the frame answers none. */
  settle(frame: Extract<ServerFrame, { type: 'ack' | 'error' }>): boolean;
  /** A new connection: every waiting request goes out (again). */
  resend(): void;
  /** The connection dropped: fails what went out and may have been carried out. */
  dropped(): void;
  /** Requests can no longer be answered: fail them rather than leave callers waiting forever. */
  rejectAll(message: string, code: string): void;
}

/**
 * The requests of one client over `write` (false while there is no open connection: the request
 * waits for the next one).
 */
export function createRequests(write: (frame: ClientFrame) => boolean): Requests {
  /** Requests awaiting an ack, by request id; the idempotent ones are re-sent after a reconnect. */
  const requests = new Map<
    string,
    {
      frame: ClientFrame;
      sent: boolean;
      resolve(frame: ServerFrame): void;
      reject(error: Error): void;
    }
  >();

  const request = <T extends ServerFrame = Ack>(frame: ClientFrame & { id: string }) =>
    new Promise<T>((resolve, reject) => {
      const pending = {
        frame,
        sent: false,
        resolve: resolve as (f: ServerFrame) => void,
        reject,
      };
      requests.set(frame.id, pending);
      pending.sent = write(frame);
    });

  return {
    request,
    requestId: (prefix) => `${prefix}_${nanoid(12)}`,
    async ask(frame, field) {
      const answer = (await request(frame))[field];
      if (!answer) throw new Error(`The gateway did not return the ${field}.`);
      return answer as Answer<typeof field>;
    },
    has: (id) => requests.has(id),
    settle(frame) {
      const pending = frame.id ? requests.get(frame.id) : undefined;
      if (!frame.id || !pending) return false;
      requests.delete(frame.id);
      if (frame.type === 'ack') pending.resolve(frame);
      else pending.reject(requestError(frame.message, frame.code, frame.retryAfterMs));
      return true;
    },
    resend() {
      for (const pending of requests.values()) pending.sent = write(pending.frame);
    },
    dropped() {
      // A request that went out and may have been carried out is not repeated blindly.
      for (const [id, pending] of requests) {
        if (!pending.sent || IDEMPOTENT.has(pending.frame.type)) continue;
        requests.delete(id);
        pending.reject(
          requestError('The connection dropped; check before retrying.', 'UNAVAILABLE'),
        );
      }
    },
    rejectAll(message, code) {
      for (const pending of requests.values()) pending.reject(requestError(message, code));
      requests.clear();
    },
  };
}
