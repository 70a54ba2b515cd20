import type { KefuErrorCode } from '../errors/kefu-error';
import { ClientFrameSchema, type ParsedClientFrame } from './client-frames';
import { type ServerFrame, ServerFrameSchema } from './server-frames';
import { parseJson } from './wire-codec';

/**
 * Why a frame could not be read, as a code and a message fit for an `error` frame.
 *
 * @example
 * ```ts
 * const problem: FrameProblem = { code: 'VALIDATION', message: 'conversationId: required', id: 'r1' };
 * socket.send(JSON.stringify({ type: 'error', ...problem }));
 * ```
 */
export interface FrameProblem {
  code: KefuErrorCode;
  message: string;
  /** The request id, when the frame was JSON with a usable `id`. */
  id?: string;
}

/**
 * A decoded frame, or the problem that stopped it, never an exception.
 *
 * @example
 * ```ts
 * const result: DecodeResult<ParsedClientFrame> = decodeClientFrame(text);
 * if (result.ok) handle(result.frame);
 * else reply({ type: 'error', ...result.problem });
 * ```
 */
export type DecodeResult<T> = { ok: true; frame: T } | { ok: false; problem: FrameProblem };

function requestIdOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'string' && id.length > 0 && id.length <= 64 ? id : undefined;
}

/**
 * Reads a client frame from text, never throwing: malformed JSON and frames that fail the schema
 * come back as a `VALIDATION` problem that says what is wrong.
 *
 * @example
 * const result = decodeClientFrame(text);
 * if (!result.ok) socket.send(encodeFrame({ type: 'error', ...result.problem }));
 */
export function decodeClientFrame(text: string): DecodeResult<ParsedClientFrame> {
  const json = parseJson(text);
  if (!json.ok) {
    return { ok: false, problem: { code: 'VALIDATION', message: 'A frame must be JSON.' } };
  }
  const parsed = ClientFrameSchema.safeParse(json.value);
  if (parsed.success) return { ok: true, frame: parsed.data };
  const id = requestIdOf(json.value);
  const issues = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.join('.') || 'frame'}: ${issue.message}`)
    .join('; ');
  return {
    ok: false,
    problem: { code: 'VALIDATION', message: `Invalid frame (${issues}).`, ...(id ? { id } : {}) },
  };
}

/**
 * Reads a server frame from text; `null` for anything that is not a valid frame, which a client
 * ignores (a newer gateway may send frame types this client does not know).
 *
 * @example
 * const frame = decodeServerFrame(event.data);
 * if (frame?.type === 'message') store.add(frame.message);
 */
export function decodeServerFrame(text: string): ServerFrame | null {
  const json = parseJson(text);
  if (!json.ok) return null;
  const parsed = ServerFrameSchema.safeParse(json.value);
  return parsed.success ? parsed.data : null;
}
