import type { Desk } from '@kefu/core';
import type { WireMessage } from '@kefu/core/protocol';

/**
 * A message as an agent sees it: personal data in its text masked, with the spans listed so the
 * console can offer "reveal" (the audited `privacy.reveal` call).
 */
export function maskWireMessage(desk: Desk, wire: WireMessage): WireMessage {
  const masked = desk.privacy.mask(wire.text);
  if (masked.spans.length === 0) return wire;
  return {
    ...wire,
    text: masked.text,
    masked: masked.spans.map(({ index, start, end, kind }) => ({ index, start, end, kind })),
  };
}
