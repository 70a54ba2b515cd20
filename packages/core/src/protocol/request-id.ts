import { z } from 'zod';

/**
 * Request ids correlate a client frame with the server's `ack` or `error`.
 *
 * @example
 * ```ts
 * const id = RequestIdSchema.parse(nanoid());
 * socket.send(JSON.stringify({ type: 'inbox', id }));
 * ```
 */
export const RequestIdSchema = z.string().min(1).max(64);
