import { type KefuErrorCode, type RateLimitRule, type TokenBucket, takeToken } from '@kefu/core';
import type { GatewayLimits } from './gateway-options';

const MINUTE = 60_000;

/**
 * How deeply a JSON text nests (`{` and `[` outside strings), counted without parsing it and
 * stopping as soon as it passes `max`. Linear in the length and allocation-free, so a deep frame
 * costs no more to refuse than its bytes.
 *
 * @example
 * nestingExceeds('{"a":[{"b":1}]}', 2); // true (depth 3)
 */
export function nestingExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92)
        i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) {
      inString = true;
    } else if (c === 123 || c === 91) {
      if (++depth > max) return true;
    } else if (c === 125 || c === 93) {
      depth--;
    }
  }
  return false;
}

/** A frame refused before parsing: what to tell the client, and how long to stop reading. */
export interface Refusal {
  code: KefuErrorCode;
  message: string;
  retryAfterMs?: number;
  /** Stop reading this connection's socket for this long (its later frames wait in TCP). */
  pauseMs?: number;
}

/**
 * What one connection may make the gateway parse and validate, checked before anything is parsed:
 * frame size, nesting depth, frames per minute and bytes per minute (token buckets; the bytes one
 * allows a quarter of the minute at once, so a burst cannot spend a minute's budget in one go and
 * starve the event loop other connections share).
 */
export class InboundBudget {
  #frames: TokenBucket | undefined;
  #bytes: TokenBucket | undefined;
  readonly #frameRule: RateLimitRule;
  readonly #byteRule: RateLimitRule;

  constructor(
    private readonly limits: GatewayLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.#frameRule = { limit: limits.framesPerMinute, windowMs: MINUTE };
    // A quarter of the minute's bytes at once (at least one largest frame), refilled at the
    // minute's rate: a fresh or quiet connection cannot make the gateway parse a megabyte in a row.
    const burst = Math.max(limits.maxFrameBytes, Math.floor(limits.inboundBytesPerMinute / 4));
    this.#byteRule = { limit: burst, windowMs: (burst / limits.inboundBytesPerMinute) * MINUTE };
  }

  /** `null` when the frame may be parsed (and is counted), else why not. */
  admit(text: string, byteLength: number): Refusal | null {
    const { limits } = this;
    if (byteLength > limits.maxFrameBytes) {
      return {
        code: 'RATE_LIMITED',
        message: `Frames are limited to ${limits.maxFrameBytes} bytes.`,
      };
    }
    const now = this.now();
    const bytes = takeToken(this.#bytes, this.#byteRule, now, byteLength);
    if (!bytes.decision.allowed) {
      const wait = bytes.decision.retryAfterMs;
      return {
        code: 'RATE_LIMITED',
        message: `Too much data: at most ${limits.inboundBytesPerMinute} bytes a minute per connection.`,
        retryAfterMs: wait,
        pauseMs: wait,
      };
    }
    const frames = takeToken(this.#frames, this.#frameRule, now);
    if (!frames.decision.allowed) {
      const wait = frames.decision.retryAfterMs;
      return {
        code: 'RATE_LIMITED',
        message: 'Too many frames; slow down.',
        retryAfterMs: wait,
        pauseMs: wait,
      };
    }
    this.#bytes = bytes.bucket;
    this.#frames = frames.bucket;
    if (nestingExceeds(text, limits.maxFrameDepth)) {
      return {
        code: 'VALIDATION',
        message: `Frames nest at most ${limits.maxFrameDepth} levels of objects and arrays.`,
      };
    }
    return null;
  }
}

/**
 * Keys seen recently, forgotten after `ttlMs` and capped in number: which (customer, clientId)
 * starts were already counted, so an idempotent retry is not counted twice.
 */
export class RecentKeys {
  readonly #expiries = new Map<string, number>();

  constructor(
    private readonly ttlMs: number,
    private readonly capacity = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  has(key: string): boolean {
    const expiry = this.#expiries.get(key);
    return expiry !== undefined && expiry > this.now();
  }

  add(key: string): void {
    const now = this.now();
    this.#expiries.delete(key);
    this.#expiries.set(key, now + this.ttlMs);
    // Oldest first in insertion order: drop expired ones, and the oldest beyond the cap.
    for (const [oldest, expiry] of this.#expiries) {
      if (expiry > now && this.#expiries.size <= this.capacity) break;
      this.#expiries.delete(oldest);
    }
  }
}

/**
 * Runs queued work one item per turn of the event loop (`setImmediate`), in order. Frames of one
 * connection are parsed and validated through it, so however many frames a socket read delivers
 * at once, each connection gets one frame's worth of CPU per turn and the others' I/O (their pings)
 * runs in between.
 */
export class OnePerTurn<T> {
  readonly #items: T[] = [];
  #scheduled = false;

  constructor(private readonly run: (item: T) => void) {}

  push(item: T): void {
    this.#items.push(item);
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(this.#next);
  }

  /** Drops what is still queued (the connection closed). */
  clear(): void {
    this.#items.length = 0;
  }

  readonly #next = (): void => {
    const item = this.#items.shift();
    if (item !== undefined) this.run(item);
    if (this.#items.length > 0) setImmediate(this.#next);
    else this.#scheduled = false;
  };
}
