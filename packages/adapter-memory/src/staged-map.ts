const DELETED = Symbol('deleted');

/**
 * A transaction's view of one committed map: its own writes first, then the committed values.
 * Nothing reaches the committed map until `commit()`. The write map is created on the first
 * write, since most transactions touch only a few tables.
 */
export class StagedMap<K, V> {
  readonly #base: Map<K, V>;
  #writes: Map<K, V | typeof DELETED> | null = null;

  constructor(base: Map<K, V>) {
    this.#base = base;
  }

  get(key: K): V | undefined {
    const staged = this.#writes?.get(key);
    if (staged === DELETED) return undefined;
    return staged !== undefined ? staged : this.#base.get(key);
  }

  set(key: K, value: V): void {
    this.#writes ??= new Map();
    this.#writes.set(key, value);
  }

  delete(key: K): void {
    this.#writes ??= new Map();
    this.#writes.set(key, DELETED);
  }

  /** Committed values overlaid with this transaction's writes. */
  *values(): IterableIterator<V> {
    for (const [key, value] of this.#base) {
      if (!this.#writes?.has(key)) yield value;
    }
    if (!this.#writes) return;
    for (const value of this.#writes.values()) {
      if (value !== DELETED) yield value;
    }
  }

  /** This transaction's writes: the new value, or undefined for a delete. */
  *written(): IterableIterator<[K, V | undefined]> {
    if (!this.#writes) return;
    for (const [key, value] of this.#writes) yield [key, value === DELETED ? undefined : value];
  }

  commit(): void {
    if (!this.#writes) return;
    for (const [key, value] of this.#writes) {
      if (value === DELETED) this.#base.delete(key);
      else this.#base.set(key, value);
    }
  }
}
