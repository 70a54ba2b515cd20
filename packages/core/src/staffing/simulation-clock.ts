import type { Clock } from '../time/clock';
import type { EventQueue } from './event-queue';

/** A desk timer waiting in the simulation's event queue. */
export interface TimerEntry {
  kind: 'timer';
  callback: () => unknown;
  cancelled: boolean;
}

/**
 * The simulation's clock: time is whatever instant the simulation is at, and the desk's timers
 * (its durable-job runner) become entries of the simulation's own event queue, fired in time
 * order between arrivals and resolutions. Unlike `VirtualClock.advance`, moving it costs nothing:
 * the simulation awaits each step's work itself instead of letting the event loop settle.
 */
export class SimulationClock implements Clock {
  #now: number;
  readonly #queue: EventQueue<TimerEntry | { kind: string }>;

  constructor(start: number, queue: EventQueue<TimerEntry | { kind: string }>) {
    this.#now = start;
    this.#queue = queue;
  }

  now(): number {
    return this.#now;
  }

  /** Moves to `instant`; never backwards. */
  moveTo(instant: number): void {
    if (instant > this.#now) this.#now = instant;
  }

  setTimer(at: number, callback: () => unknown): () => void {
    const entry: TimerEntry = { kind: 'timer', callback, cancelled: false };
    this.#queue.push(Math.max(at, this.#now), entry);
    return () => {
      entry.cancelled = true;
    };
  }
}
