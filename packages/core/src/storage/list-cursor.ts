import { KefuError } from '../errors/kefu-error';
import type { ConversationListKey } from './storage-adapter';

/** Opaque page cursors: base64url of the last row's sort key. */
export function encodeCursor(key: ConversationListKey): string {
  const bytes = new TextEncoder().encode(JSON.stringify([key.createdAt, key.id]));
  const base64 = btoa(String.fromCharCode(...bytes));
  return base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function decodeBase64Url(text: string): string {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
}

export function decodeCursor(cursor: string): ConversationListKey {
  try {
    const value: unknown = JSON.parse(decodeBase64Url(cursor));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      Number.isSafeInteger(value[0]) &&
      typeof value[1] === 'string'
    ) {
      return { createdAt: value[0] as number, id: value[1] };
    }
  } catch {
    // Falls through to the error below: a cursor that does not parse is a caller mistake.
  }
  throw new KefuError(
    'VALIDATION',
    'Invalid cursor: pass back the `nextCursor` of a previous page.',
    {
      issues: [{ path: 'cursor', message: 'not a cursor returned by list()' }],
    },
  );
}
