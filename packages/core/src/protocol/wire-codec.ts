import type { ServerFrame } from './server-frames';

/** Parses JSON without throwing. */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false };
  }
}

/**
 * Writes a frame as text.
 *
 * @example
 * socket.send(encodeFrame({ type: 'ping', at: Date.now() }));
 */
export function encodeFrame(frame: object): string {
  return JSON.stringify(frame);
}

// A record, so a new frame type that is not listed here is a type error, not a silently dropped frame.
const KNOWN_SERVER_FRAMES: Record<ServerFrame['type'], true> = {
  welcome: true,
  ack: true,
  message: true,
  conversation: true,
  synced: true,
  typing: true,
  read: true,
  pong: true,
  error: true,
  queue: true,
  survey: true,
  ticket: true,
  agent_ticket: true,
  metrics: true,
  incident: true,
  supervision: true,
  supervision_ended: true,
};
const SERVER_FRAME_TYPES: ReadonlySet<string> = new Set(Object.keys(KNOWN_SERVER_FRAMES));

/**
 * Reads a frame from the gateway a client trusts, without a schema library: JSON with a known
 * `type`, else `null` (a newer gateway may send frame types this client does not know). Browsers
 * use this to keep zod out of their bundle; `decodeServerFrame` checks every field instead.
 *
 * @example
 * const frame = readServerFrame(event.data);
 * if (frame?.type === 'message') store.add(frame.message);
 */
export function readServerFrame(text: string): ServerFrame | null {
  const json = parseJson(text);
  if (!json.ok || typeof json.value !== 'object' || json.value === null) return null;
  const type = (json.value as { type?: unknown }).type;
  return typeof type === 'string' && SERVER_FRAME_TYPES.has(type)
    ? (json.value as ServerFrame)
    : null;
}
