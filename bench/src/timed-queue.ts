/** One entry of a `TimedQueue`: when it joined, and what it is. */
export interface Timed<T> {
  at: number;
  item: T;
}

/**
 * A first-in, first-out line of timed entries, pushed in time order: the customers waiting for
 * an agent in the bare M/M/c queue, the events a bus node has yet to write. `shift` is O(1)
 * (a head index, compacted now and then) where `Array.prototype.shift` would copy the line.
 */
export class TimedQueue<T> {
  #entries: Timed<T>[] = [];
  #head = 0;

  get size(): number {
    return this.#entries.length - this.#head;
  }

  push(at: number, item: T): void {
    this.#entries.push({ at, item });
  }

  /** The oldest entry, removed; `undefined` when the line is empty. */
  shift(): Timed<T> | undefined {
    const entry = this.#entries[this.#head];
    if (entry === undefined) return undefined;
    this.#head++;
    if (this.#head >= 1024 && this.#head * 2 >= this.#entries.length) {
      this.#entries = this.#entries.slice(this.#head);
      this.#head = 0;
    }
    return entry;
  }

  /** Removes and returns every entry that joined at `now` or before, oldest first. */
  takeDue(now: number): Timed<T>[] {
    const due: Timed<T>[] = [];
    for (let next = this.#entries[this.#head]; next !== undefined && next.at <= now; ) {
      due.push(next);
      this.shift();
      next = this.#entries[this.#head];
    }
    return due;
  }
}
