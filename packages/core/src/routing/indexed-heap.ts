/**
 * A binary min-heap whose items can be updated or removed by key in O(log n): the routing index
 * keeps agents in it and re-ranks one after each assignment.
 */
export class IndexedHeap<T> {
  readonly #items: T[] = [];
  readonly #positions = new Map<string, number>();
  readonly #keyOf: (item: T) => string;
  readonly #less: (a: T, b: T) => boolean;

  constructor(keyOf: (item: T) => string, less: (a: T, b: T) => boolean) {
    this.#keyOf = keyOf;
    this.#less = less;
  }

  get size(): number {
    return this.#items.length;
  }

  peek(): T | undefined {
    return this.#items[0];
  }

  has(key: string): boolean {
    return this.#positions.has(key);
  }

  /** Inserts the item, or re-ranks it when its key is already in the heap. */
  upsert(item: T): void {
    const key = this.#keyOf(item);
    const at = this.#positions.get(key);
    if (at === undefined) {
      this.#items.push(item);
      this.#positions.set(key, this.#items.length - 1);
      this.#up(this.#items.length - 1);
      return;
    }
    this.#items[at] = item;
    this.#down(this.#up(at));
  }

  remove(key: string): void {
    const at = this.#positions.get(key);
    if (at === undefined) return;
    const last = this.#items.pop() as T;
    this.#positions.delete(key);
    if (at === this.#items.length) return;
    this.#items[at] = last;
    this.#positions.set(this.#keyOf(last), at);
    this.#down(this.#up(at));
  }

  #swap(i: number, j: number): void {
    const a = this.#items[i] as T;
    const b = this.#items[j] as T;
    this.#items[i] = b;
    this.#items[j] = a;
    this.#positions.set(this.#keyOf(b), i);
    this.#positions.set(this.#keyOf(a), j);
  }

  #up(start: number): number {
    let i = start;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.#less(this.#items[i] as T, this.#items[parent] as T)) break;
      this.#swap(i, parent);
      i = parent;
    }
    return i;
  }

  #down(start: number): void {
    let i = start;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let smallest = i;
      if (
        left < this.#items.length &&
        this.#less(this.#items[left] as T, this.#items[smallest] as T)
      )
        smallest = left;
      if (
        right < this.#items.length &&
        this.#less(this.#items[right] as T, this.#items[smallest] as T)
      )
        smallest = right;
      if (smallest === i) return;
      this.#swap(i, smallest);
      i = smallest;
    }
  }
}
