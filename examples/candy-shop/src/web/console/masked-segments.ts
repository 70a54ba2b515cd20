import type { MaskedField } from '@kefu/core';

/**
 * A record as agents get it from a call (`customers.get`, `tickets.*`, `conversations.list`):
 * masked, with its masked fields listed.
 */
export type Masked<T> = T & { masked?: readonly MaskedField[] };

/** A masked span as the wire lists it: `index` names it for `privacy.reveal`. */
export interface MaskedSpanRef {
  index: number;
  start: number;
  end: number;
  kind: string;
}

/** A piece of a text as the console shows it: as typed, or a masked value to reveal. */
export type TextSegment =
  | { kind: 'plain'; text: string }
  | { kind: 'masked'; text: string; span: number; piiKind: string };

/**
 * Splits a masked text into plain pieces and masked values, from its `masked` spans (offsets in
 * the masked text: masked values keep their length). Spans out of range, empty or overlapping an
 * earlier one are left as plain text, so a drifted list never garbles what the agent reads.
 *
 * @example
 * maskedSegments('电话 139****5678', [{ index: 0, start: 3, end: 14, kind: 'mobile' }]);
 * // [{ kind: 'plain', text: '电话 ' }, { kind: 'masked', text: '139****5678', span: 0, piiKind: 'mobile' }]
 */
export function maskedSegments(
  text: string,
  spans: readonly MaskedSpanRef[] | undefined,
): TextSegment[] {
  const ordered = [...(spans ?? [])].sort((a, b) => a.start - b.start || a.end - b.end);
  const segments: TextSegment[] = [];
  let at = 0;
  for (const span of ordered) {
    if (span.start < at || span.end <= span.start || span.end > text.length) continue;
    if (span.start > at) segments.push({ kind: 'plain', text: text.slice(at, span.start) });
    segments.push({
      kind: 'masked',
      text: text.slice(span.start, span.end),
      span: span.index,
      piiKind: span.kind,
    });
    at = span.end;
  }
  if (at < text.length || segments.length === 0) {
    segments.push({ kind: 'plain', text: text.slice(at) });
  }
  return segments;
}

/**
 * The spans of one field of a masked record (`customers.get`, a conversation's `topic`…), from the
 * record's `masked` list of `{ path, index, start, end, kind }`.
 *
 * @example
 * fieldSpans(customer.masked, 'contact.phone'); // [{ index: 0, start: 0, end: 11, kind: 'phone' }]
 */
export function fieldSpans(
  masked: readonly (MaskedSpanRef & { path: string })[] | undefined,
  path: string,
): MaskedSpanRef[] {
  return (masked ?? []).filter((field) => field.path === path);
}
