import type { Desk } from '@kefu/core';
import type { SubscriberHandle } from './gateway-context';

/** Pushes are spaced at least this far apart: a busy desk moves many times a second. */
const MIN_INTERVAL_MS = 1_000;

/**
 * Agent connections watching the live desk. The desk's live snapshot is followed only while
 * someone watches (it is recomputed on every event while followed), and its changes are sent as
 * `metrics` frames at most about once a second.
 */
export class MetricsWatchers {
  readonly #watchers = new Set<SubscriberHandle>();
  #unfollow: (() => void) | null = null;
  #timer: ReturnType<typeof setTimeout> | null = null;
  #lastSentAt = 0;

  constructor(private readonly desk: Desk) {}

  add(watcher: SubscriberHandle): void {
    this.#watchers.add(watcher);
    this.#unfollow ??= this.desk.metrics.subscribe(() => this.#changed());
  }

  remove(watcher: SubscriberHandle): void {
    if (!this.#watchers.delete(watcher) || this.#watchers.size > 0) return;
    this.stop();
  }

  stop(): void {
    this.#unfollow?.();
    this.#unfollow = null;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = null;
  }

  #changed(): void {
    if (this.#timer) return;
    const wait = Math.max(0, this.#lastSentAt + MIN_INTERVAL_MS - Date.now());
    this.#timer = setTimeout(() => {
      this.#timer = null;
      this.#lastSentAt = Date.now();
      const frame = { type: 'metrics', metrics: this.desk.metrics.getSnapshot() };
      for (const watcher of this.#watchers) watcher.deliver(frame);
    }, wait);
    this.#timer.unref?.();
  }
}
