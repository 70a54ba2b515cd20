/**
 * A limit as a token bucket: at most `limit` at once, refilled evenly over `windowMs` (so `limit`
 * per window on average, and a burst of `limit` after a quiet window).
 *
 * @example
 * ```ts
 * const rule: RateLimitRule = { limit: 30, windowMs: 60_000 }; // 30 messages a minute
 * ```
 */
export interface RateLimitRule {
  limit: number;
  windowMs: number;
}

/**
 * The outcome of taking from a limit: allowed, or how long until it would be.
 *
 * @example
 * ```ts
 * const decision: RateLimitDecision = await limits.take('messages:cus_lin', rule, Date.now());
 * if (!decision.allowed) setTimeout(retry, decision.retryAfterMs);
 * ```
 */
export type RateLimitDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

/**
 * Token buckets by key, shared by everyone who uses the same store: several gateway nodes on one
 * database share their per-customer limits through the storage adapter's `rateLimits`.
 *
 * @example
 * const decision = await storage.rateLimits?.take('messages:cus_lin', { limit: 60, windowMs: 60_000 }, Date.now());
 * if (!decision?.allowed) refuse(decision?.retryAfterMs);
 */
export interface RateLimitStore {
  /**
   * Takes `cost` (default 1) from the bucket of `key` when it holds that much at `now`, atomically
   * (two concurrent takes never both get the last token). A refused take changes nothing.
   */
  take(key: string, rule: RateLimitRule, now: number, cost?: number): Promise<RateLimitDecision>;
}

/**
 * A bucket's stored state: its tokens as of `updatedAt`.
 *
 * @example
 * ```ts
 * const bucket: TokenBucket = { tokens: 30, updatedAt: Date.now() };
 * ```
 */
export interface TokenBucket {
  tokens: number;
  updatedAt: number;
}

/**
 * The tokens a bucket holds at `now` (a missing bucket is full; time never runs backwards).
 *
 * @example
 * tokensAt({ tokens: 0, updatedAt: 0 }, { limit: 60, windowMs: 60_000 }, 30_000); // 30
 */
export function tokensAt(
  bucket: TokenBucket | undefined,
  rule: RateLimitRule,
  now: number,
): number {
  if (!bucket) return rule.limit;
  const elapsed = Math.max(0, now - bucket.updatedAt);
  return Math.min(rule.limit, bucket.tokens + (elapsed * rule.limit) / rule.windowMs);
}

/**
 * One take from a bucket, as a pure function: the bucket afterwards and the decision. Every store
 * (memory, SQL) follows these numbers.
 *
 * @example
 * const { bucket, decision } = takeToken(undefined, { limit: 3, windowMs: 60_000 }, Date.now());
 */
export function takeToken(
  bucket: TokenBucket | undefined,
  rule: RateLimitRule,
  now: number,
  cost = 1,
): { bucket: TokenBucket; decision: RateLimitDecision } {
  const available = tokensAt(bucket, rule, now);
  const at = Math.max(now, bucket?.updatedAt ?? now);
  if (available >= cost) {
    return { bucket: { tokens: available - cost, updatedAt: at }, decision: { allowed: true } };
  }
  const retryAfterMs =
    cost > rule.limit
      ? rule.windowMs
      : Math.max(1, Math.ceil(((cost - available) * rule.windowMs) / rule.limit));
  return {
    bucket: bucket ?? { tokens: available, updatedAt: at },
    decision: { allowed: false, retryAfterMs },
  };
}

/**
 * A bucket as the in-process store keeps it: its state and when it is full again (then it is
 * dropped, as a missing bucket is full).
 *
 * @example
 * const buckets = new Map<string, StoredTokenBucket>();
 * const limits = createMemoryRateLimits(buckets);
 */
export interface StoredTokenBucket {
  bucket: TokenBucket;
  fullAt: number;
}

/**
 * Whether a bucket key names this subject (a customer id, an address): buckets are keyed
 * `<scope>:<subject>` (the gateway's are `kefu:messages:<customerId>`), so the key is the subject
 * or ends with `:<subject>`. Erasure deletes a customer's buckets with it.
 *
 * @example
 * rateLimitKeyNames('kefu:messages:cus_lin', 'cus_lin'); // true
 */
export function rateLimitKeyNames(key: string, subject: string): boolean {
  return key === subject || key.endsWith(`:${subject}`);
}

/**
 * Token buckets in this process: the store for one node (and for the memory adapter, which passes
 * its own map so that erasure can delete a customer's buckets). Buckets that have refilled are
 * dropped, so memory follows active keys only.
 *
 * @example
 * const limits = createMemoryRateLimits();
 * await limits.take('visitors:203.0.113.7', { limit: 20, windowMs: 3_600_000 }, Date.now());
 */
export function createMemoryRateLimits(
  buckets: Map<string, StoredTokenBucket> = new Map(),
): RateLimitStore & {
  /** The same take, synchronously (for per-connection limits on the hot path). */
  takeNow(key: string, rule: RateLimitRule, now: number, cost?: number): RateLimitDecision;
  /** Drops the buckets of a subject (see `rateLimitKeyNames`); returns how many there were. */
  forget(subject: string): number;
} {
  let nextSweep = 0;
  const sweep = (now: number) => {
    if (buckets.size < 1024 && now < nextSweep) return;
    nextSweep = now + 60_000;
    for (const [key, entry] of buckets) if (entry.fullAt <= now) buckets.delete(key);
  };
  const takeNow = (key: string, rule: RateLimitRule, now: number, cost = 1) => {
    sweep(now);
    const { bucket, decision } = takeToken(buckets.get(key)?.bucket, rule, now, cost);
    const fullAt = bucket.updatedAt + ((rule.limit - bucket.tokens) * rule.windowMs) / rule.limit;
    buckets.set(key, { bucket, fullAt });
    return decision;
  };
  const forget = (subject: string) => {
    let count = 0;
    for (const key of buckets.keys()) {
      if (rateLimitKeyNames(key, subject) && buckets.delete(key)) count++;
    }
    return count;
  };
  return {
    takeNow,
    forget,
    take: async (key, rule, now, cost) => takeNow(key, rule, now, cost),
  };
}
