import { z } from 'zod';

/** Ids come from shops' own systems, so any printable string is accepted, within reason. */
export const IdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters')
  // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
  .regex(/^[^\u0000-\u001f\u007f]+$/, 'must not contain control characters');

/** Client-generated idempotency key (nanoid-sized or a UUID). */
export const ClientIdSchema = z
  .string()
  .min(8, 'must be at least 8 characters')
  .max(64, 'must be at most 64 characters')
  .regex(/^[A-Za-z0-9_-]+$/, 'must use only letters, digits, "_" and "-"');

/** An instant: epoch milliseconds, UTC. */
export const InstantSchema = z.number().int().nonnegative();

export const LabelSchema = z.string().trim().min(1).max(64);

/** JSON-serialisable metadata the shop attaches (order ids, cart value…). */
export const MetadataSchema = z.record(z.string(), z.json());

/**
 * Free JSON the shop keeps on a record (campaign, source…); Kefu stores it and never reads it.
 *
 * @example
 * ```ts
 * const metadata: Metadata = { source: 'mini-program', campaign: '双11' };
 * await desk.customers.upsert({ id: 'cus_lin', metadata });
 * ```
 */
export type Metadata = z.infer<typeof MetadataSchema>;
