import { z } from 'zod';

/** The longest id accepted, in UTF-16 code units. */
const MAX_ID_LENGTH = 128;
// biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
const WITHOUT_CONTROL_CHARACTERS = /^[^\u0000-\u001f\u007f]+$/;
const CLIENT_ID_LENGTH = { min: 8, max: 64 } as const;
const CLIENT_ID_CHARACTERS = /^[A-Za-z0-9_-]+$/;

/** Ids come from shops' own systems, so any printable string is accepted, within reason. */
export const IdSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(MAX_ID_LENGTH, `must be at most ${MAX_ID_LENGTH} characters`)
  .regex(WITHOUT_CONTROL_CHARACTERS, 'must not contain control characters');

/** Client-generated idempotency key (nanoid-sized or a UUID). */
export const ClientIdSchema = z
  .string()
  .min(CLIENT_ID_LENGTH.min, `must be at least ${CLIENT_ID_LENGTH.min} characters`)
  .max(CLIENT_ID_LENGTH.max, `must be at most ${CLIENT_ID_LENGTH.max} characters`)
  .regex(CLIENT_ID_CHARACTERS, 'must use only letters, digits, "_" and "-"');

/** True when {@link IdSchema} accepts the value as it is (for fast paths that skip zod). */
export const isValidId = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.length <= MAX_ID_LENGTH &&
  WITHOUT_CONTROL_CHARACTERS.test(value);

/** True when {@link ClientIdSchema} accepts the value as it is. */
export const isValidClientId = (value: unknown): value is string =>
  typeof value === 'string' &&
  value.length >= CLIENT_ID_LENGTH.min &&
  value.length <= CLIENT_ID_LENGTH.max &&
  CLIENT_ID_CHARACTERS.test(value);

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
