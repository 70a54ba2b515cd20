/** The outcome of taking from a limit: allowed, or how long until it would be. */
export type LimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * At most `max` hits per `windowMs` per key, counted over a sliding window of the exact hit times.
 * Keys with no hits in the window are dropped, so memory follows active keys only.
 */
export class SlidingWindowLimiter {
  readonly #hits = new Map<string, number[]>();

  constructor(
    private readonly max: number,
    private readonly windowMs: number,
    private readonly now: () => number,
  ) {}

  /** Counts a hit for `key` when the limit allows it. */
  take(key: string): LimitDecision {
    const decision = this.check(key);
    if (decision.allowed)
      this.#hits.get(key)?.push(this.now()) ?? this.#hits.set(key, [this.now()]);
    return decision;
  }

  /** Whether a hit would be allowed, without counting one. */
  check(key: string): LimitDecision {
    const now = this.now();
    const hits = this.#prune(key, now);
    if (hits.length < this.max) return { allowed: true };
    const oldest = hits[0] ?? now;
    return { allowed: false, retryAfterMs: Math.max(0, oldest + this.windowMs - now) };
  }

  #prune(key: string, now: number): number[] {
    const hits = this.#hits.get(key);
    if (!hits) return [];
    const cutoff = now - this.windowMs;
    let drop = 0;
    while (drop < hits.length && (hits[drop] ?? 0) <= cutoff) drop++;
    if (drop > 0) hits.splice(0, drop);
    if (hits.length === 0) this.#hits.delete(key);
    return hits;
  }
}
