/** A min-heap of timed entries; equal times come out in the order they went in. */
export class EventQueue<T> {
  readonly #times: number[] = [];
  readonly #order: number[] = [];
  readonly #items: T[] = [];
  #pushed = 0;

  get size(): number {
    return this.#items.length;
  }

  /** Time of the earliest entry, or `Infinity` when empty. */
  peekTime(): number {
    return this.#times[0] ?? Number.POSITIVE_INFINITY;
  }

  push(at: number, item: T): void {
    this.#times.push(at);
    this.#order.push(this.#pushed++);
    this.#items.push(item);
    this.#up(this.#items.length - 1);
  }

  /** Removes and returns the earliest entry with its time. */
  pop(): { at: number; item: T } | undefined {
    const size = this.#items.length;
    if (size === 0) return undefined;
    const at = this.#times[0] as number;
    const item = this.#items[0] as T;
    this.#swap(0, size - 1);
    this.#times.pop();
    this.#order.pop();
    this.#items.pop();
    this.#down(0);
    return { at, item };
  }

  #before(i: number, j: number): boolean {
    const ti = this.#times[i] as number;
    const tj = this.#times[j] as number;
    return ti < tj || (ti === tj && (this.#order[i] as number) < (this.#order[j] as number));
  }

  #swap(i: number, j: number): void {
    const times = this.#times;
    const order = this.#order;
    const items = this.#items;
    [times[i], times[j]] = [times[j] as number, times[i] as number];
    [order[i], order[j]] = [order[j] as number, order[i] as number];
    [items[i], items[j]] = [items[j] as T, items[i] as T];
  }

  #up(index: number): void {
    for (let i = index; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!this.#before(i, parent)) return;
      this.#swap(i, parent);
      i = parent;
    }
  }

  #down(index: number): void {
    const size = this.#items.length;
    for (let i = index; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let first = i;
      if (left < size && this.#before(left, first)) first = left;
      if (right < size && this.#before(right, first)) first = right;
      if (first === i) return;
      this.#swap(i, first);
      i = first;
    }
  }
}
