import type { Clock } from './clock';

interface PendingTimer {
  id: number;
  at: number;
  callback: () => unknown;
}

/**
 * A clock that only moves when told to, for deterministic tests and simulations.
 * `advance` fires due timers in time order and waits for the work they start.
 *
 * @example
 * const clock = new VirtualClock(Date.UTC(2026, 10, 11, 9, 0));
 * const desk = createDesk({ storage: createMemoryAdapter(), clock });
 * await clock.advance(30 * 60_000); // half an hour later, jobs due by then have run
 */
export class VirtualClock implements Clock {
  #now: number;
  #timers: PendingTimer[] = [];
  #nextId = 1;

  constructor(start = Date.UTC(2026, 0, 5, 9, 0, 0)) {
    this.#now = start;
  }

  now(): number {
    return this.#now;
  }

  setTimer(at: number, callback: () => unknown): () => void {
    const timer = { id: this.#nextId++, at, callback };
    this.#timers.push(timer);
    return () => {
      this.#timers = this.#timers.filter((pending) => pending.id !== timer.id);
    };
  }

  /** Number of timers waiting to fire. */
  get pendingTimers(): number {
    return this.#timers.length;
  }

  /** Moves time forward by `ms`, firing every timer due on the way, in order. */
  async advance(ms: number): Promise<void> {
    if (!Number.isFinite(ms) || ms < 0)
      throw new RangeError('advance() takes a non-negative number of ms');
    await this.advanceTo(this.#now + ms);
  }

  /** Moves time to `instant` (never backwards), firing every timer due on the way. */
  async advanceTo(instant: number): Promise<void> {
    if (instant < this.#now) throw new RangeError('A VirtualClock never goes backwards');
    for (;;) {
      await settle();
      const due = this.#timers
        .filter((timer) => timer.at <= instant)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!due) break;
      this.#timers = this.#timers.filter((timer) => timer.id !== due.id);
      this.#now = Math.max(this.#now, due.at);
      await due.callback();
    }
    this.#now = instant;
    await settle();
  }
}

// Lets promise chains started by a timer (storage calls, event handlers) run to completion.
async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise<void>((resolve) => setImmediate(resolve));
}
