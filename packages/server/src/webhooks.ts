import { createHmac } from 'node:crypto';
import type { Desk, DomainEvent, DomainEventType } from '@kefu/core';

/** One URL the shop wants events at. */
export interface WebhookEndpoint {
  /** A stable name; cursors are kept per endpoint id. */
  id: string;
  url: string;
  /** Signs each body (HMAC-SHA256); verify with `verifyWebhookSignature`. */
  secret: string;
  /** Event types to send; all when left out. */
  events?: readonly DomainEventType[];
}

/** Where each endpoint's last delivered event position is kept, so delivery resumes after downtime. */
export interface WebhookCursorStore {
  load(endpointId: string): Promise<number | null>;
  save(endpointId: string, position: number): Promise<void>;
}

export interface CreateWebhookDispatcherOptions {
  desk: Desk;
  endpoints: readonly WebhookEndpoint[];
  /** Defaults to an in-memory store (delivery then restarts from `startAfter` on a new process). */
  cursors?: WebhookCursorStore;
  /** Where an endpoint without a saved cursor starts: `'latest'` (default) or a position. */
  startAfter?: number | 'latest';
  /** Retry backoff: doubles from `minDelayMs` up to `maxDelayMs`, forever, in order. */
  retry?: { minDelayMs?: number; maxDelayMs?: number };
  /** Per attempt. Default 10 s. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  onError?: (error: unknown, endpoint: WebhookEndpoint) => void;
}

export interface WebhookDispatcher {
  /** Loads cursors and begins delivering; new desk events wake it. */
  start(): Promise<void>;
  /** Stops after the attempt in progress. */
  stop(): Promise<void>;
  /** Resolves when every endpoint has delivered everything up to the log's last position. */
  idle(): Promise<void>;
}

/**
 * Signs a webhook body: `sha256=` + HMAC-SHA256 of `${timestamp}.${body}`, hex.
 *
 * @example
 * const signature = signWebhook(body, timestamp, secret);
 */
export function signWebhook(body: string, timestamp: number, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * Checks a webhook on the receiving side. Refuse old timestamps too (replays).
 *
 * @example
 * const ok = verifyWebhookSignature({
 *   body: rawBody,
 *   timestamp: Number(req.headers['x-kefu-timestamp']),
 *   signature: String(req.headers['x-kefu-signature']),
 *   secret: process.env.KEFU_WEBHOOK_SECRET,
 *   toleranceMs: 5 * 60_000,
 * });
 */
export function verifyWebhookSignature(input: {
  body: string;
  timestamp: number;
  signature: string;
  secret: string;
  toleranceMs?: number;
  now?: number;
}): boolean {
  const { body, timestamp, signature, secret, toleranceMs = 5 * 60_000, now = Date.now() } = input;
  if (!Number.isFinite(timestamp) || Math.abs(now - timestamp) > toleranceMs) return false;
  const expected = signWebhook(body, timestamp, secret);
  if (expected.length !== signature.length) return false;
  let diff = 0;
  for (let i = 0; i < expected.length; i++)
    diff |= expected.charCodeAt(i) ^ signature.charCodeAt(i);
  return diff === 0;
}

function memoryCursors(): WebhookCursorStore {
  const cursors = new Map<string, number>();
  return {
    load: async (id) => cursors.get(id) ?? null,
    save: async (id, position) => {
      cursors.set(id, position);
    },
  };
}

/**
 * Delivers desk events to the shop's URLs: signed POSTs, one event at a time per endpoint in event
 * order, retried with backoff until accepted (2xx), and resumed from the saved position after
 * downtime. Redirects are never followed (a 3xx is a failed attempt).
 *
 * @example
 * const webhooks = createWebhookDispatcher({
 *   desk,
 *   endpoints: [{ id: 'crm', url: 'https://shop.example/kefu-hooks', secret, events: ['conversation.resolved'] }],
 * });
 * await webhooks.start();
 */
export function createWebhookDispatcher(
  options: CreateWebhookDispatcherOptions,
): WebhookDispatcher {
  const { desk, endpoints } = options;
  const cursors = options.cursors ?? memoryCursors();
  const send = options.fetch ?? fetch;
  const minDelay = options.retry?.minDelayMs ?? 1_000;
  const maxDelay = options.retry?.maxDelayMs ?? 5 * 60_000;
  const timeoutMs = options.timeoutMs ?? 10_000;
  const onError = options.onError ?? ((error) => console.error('[kefu webhooks]', error));

  let running = false;
  let off: (() => void) | null = null;
  const workers = new Map<string, { wake(): void; done: Promise<void>; position: () => number }>();
  const idleWaiters = new Set<() => void>();

  const checkIdle = async () => {
    const last = await desk.events.lastPosition();
    if ([...workers.values()].every((worker) => worker.position() >= last)) {
      for (const resolve of [...idleWaiters]) resolve();
      idleWaiters.clear();
    }
  };

  async function deliver(endpoint: WebhookEndpoint, event: DomainEvent): Promise<void> {
    const body = JSON.stringify({
      id: event.id,
      type: event.type,
      position: event.position,
      at: event.at,
      subject: event.subject,
      data: event.data,
    });
    for (let attempt = 0; running; attempt++) {
      const timestamp = Date.now();
      try {
        const response = await send(endpoint.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-kefu-event': event.type,
            'x-kefu-event-id': event.id,
            'x-kefu-timestamp': String(timestamp),
            'x-kefu-signature': signWebhook(body, timestamp, endpoint.secret),
          },
          body,
          // A redirect would re-post the body and signature wherever it points: never followed.
          redirect: 'manual',
          signal: AbortSignal.timeout(timeoutMs),
        });
        if (response.ok) return;
        const redirected = response.status >= 300 && response.status < 400;
        onError(
          new Error(
            redirected
              ? `webhook ${endpoint.id} answered ${response.status} (a redirect, not followed: configure the final URL)`
              : `webhook ${endpoint.id} answered ${response.status}`,
          ),
          endpoint,
        );
      } catch (error) {
        onError(error, endpoint);
      }
      const delay = Math.min(maxDelay, minDelay * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, delay * (0.5 + Math.random() / 2)));
    }
  }

  function startWorker(endpoint: WebhookEndpoint, from: number) {
    let position = from;
    let wakeUp: (() => void) | null = null;
    let pending = true;
    const wanted = endpoint.events ? new Set<string>(endpoint.events) : null;
    const done = (async () => {
      while (running) {
        if (!pending) {
          await new Promise<void>((resolve) => {
            wakeUp = resolve;
          });
          wakeUp = null;
          continue;
        }
        pending = false;
        try {
          for (;;) {
            const events = await desk.events.read({ after: position, limit: 100 });
            for (const event of events) {
              if (!running) return;
              if (!wanted || wanted.has(event.type)) await deliver(endpoint, event);
              if (!running) return;
              position = event.position;
              await cursors.save(endpoint.id, position);
            }
            if (events.length < 100) break;
          }
        } catch (error) {
          onError(error, endpoint);
          pending = true;
          await new Promise((resolve) => setTimeout(resolve, minDelay));
        }
        await checkIdle();
      }
    })();
    workers.set(endpoint.id, {
      wake: () => {
        pending = true;
        wakeUp?.();
      },
      done,
      position: () => position,
    });
  }

  return {
    async start() {
      if (running) return;
      running = true;
      const latest = await desk.events.lastPosition();
      for (const endpoint of endpoints) {
        const saved = await cursors.load(endpoint.id);
        const start =
          saved ??
          (options.startAfter === undefined || options.startAfter === 'latest'
            ? latest
            : options.startAfter);
        startWorker(endpoint, start);
      }
      off = desk.on('*', () => {
        for (const worker of workers.values()) worker.wake();
      });
    },
    async stop() {
      running = false;
      off?.();
      off = null;
      const stopping = [...workers.values()];
      for (const worker of stopping) worker.wake();
      workers.clear();
      await Promise.all(stopping.map((worker) => worker.done));
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.add(resolve);
        void checkIdle();
      });
    },
  };
}
