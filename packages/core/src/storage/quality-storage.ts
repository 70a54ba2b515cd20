import type { Review, ReviewStatus } from '../quality/review';

/**
 * Filters for listing quality reviews; every given field must match.
 *
 * @example
 * ```ts
 * const disputed = await storage.read.reviews.list({ status: ['disputed'] } satisfies ReviewFilter);
 * ```
 */
export interface ReviewFilter {
  agentId?: string;
  reviewerId?: string;
  conversationId?: string;
  status?: readonly ReviewStatus[];
}

/**
 * Reads of committed reviews.
 *
 * @example
 * ```ts
 * const reader: ReviewReader = storage.read.reviews;
 * const mine = await reader.list({ agentId: 'agt_wang' });
 * ```
 */
export interface ReviewReader {
  get(id: string): Promise<Review | null>;
  /** Every matching review, ordered by (createdAt, id). */
  list(filter: ReviewFilter): Promise<Review[]>;
}

/**
 * Reviews inside a transaction; `update` checks the version like every versioned record.
 *
 * @example
 * ```ts
 * await storage.transaction(async (tx) => {
 *   const writer: ReviewWriter = tx.reviews;
 *   const review = await writer.get(id, { forUpdate: true });
 *   if (review) await writer.update({ ...review, version: review.version + 1 }, review.version);
 * });
 * ```
 */
export interface ReviewWriter {
  /** `forUpdate` as in `ReadOptions` (kept inline: this file must not import the port). */
  get(id: string, options?: { forUpdate?: boolean }): Promise<Review | null>;
  /** Inserting an id that is already stored is a `CONFLICT`. */
  insert(review: Review): Promise<void>;
  update(review: Review, expectedVersion: number): Promise<void>;
}

/**
 * The quality-review slice of the storage port (see `StorageReader` and `StorageTransaction`).
 *
 * @example
 * ```ts
 * interface MyReader extends QualityStorage<ReviewReader> {}
 * const reviews = (reader: MyReader) => reader.reviews.list({});
 * ```
 */
export interface QualityStorage<TRepository> {
  reviews: TRepository;
}
