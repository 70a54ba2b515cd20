import type { Review, ReviewStatus } from '../quality/review';

/** Filters for listing quality reviews; every given field must match. */
export interface ReviewFilter {
  agentId?: string;
  reviewerId?: string;
  conversationId?: string;
  status?: readonly ReviewStatus[];
}

/** Reads of committed reviews. */
export interface ReviewReader {
  get(id: string): Promise<Review | null>;
  /** Every matching review, ordered by (createdAt, id). */
  list(filter: ReviewFilter): Promise<Review[]>;
}

/** Reviews inside a transaction; `update` checks the version like every versioned record. */
export interface ReviewWriter {
  /** `forUpdate` as in `ReadOptions` (kept inline: this file must not import the port). */
  get(id: string, options?: { forUpdate?: boolean }): Promise<Review | null>;
  /** Inserting an id that is already stored is a `CONFLICT`. */
  insert(review: Review): Promise<void>;
  update(review: Review, expectedVersion: number): Promise<void>;
}

/** The quality-review slice of the storage port (see `StorageReader` and `StorageTransaction`). */
export interface QualityStorage<TRepository> {
  reviews: TRepository;
}
