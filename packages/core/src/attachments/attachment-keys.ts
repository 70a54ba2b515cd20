import { KefuError } from '../errors/kefu-error';

function toBase64Url(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Where a customer's files live in a `BlobStore`: every key under this prefix is theirs, so
 * erasure deletes them with one listing. The id is encoded, as shop ids may hold any character.
 *
 * @example
 * customerBlobPrefix('cus_1'); // 'customers/Y3VzXzE/'
 */
export function customerBlobPrefix(customerId: string): string {
  return `customers/${toBase64Url(customerId)}/`;
}

/**
 * The public id of an attachment (as it appears in URLs) and the store key it maps to.
 * The id is `<encoded customer>.<random part>`, so the key follows from it without a lookup.
 *
 * @example
 * const id = attachmentId('cus_1', 'V1StGXR8_Z5jdHi6B-myT'); // 'Y3VzXzE.V1StGXR8_Z5jdHi6B-myT'
 * attachmentKey(id); // 'customers/Y3VzXzE/V1StGXR8_Z5jdHi6B-myT'
 */
export function attachmentId(customerId: string, random: string): string {
  return `${toBase64Url(customerId)}.${random}`;
}

const ID = /^([A-Za-z0-9_-]+)\.([A-Za-z0-9_-]{10,64})$/;

/**
 * The blob key of an attachment id, or `VALIDATION` for anything that is not one.
 *
 * @example
 * attachmentKey('Y3VzXzE.V1StGXR8_Z5jdHi6B-myT'); // 'customers/Y3VzXzE/V1StGXR8_Z5jdHi6B-myT'
 */
export function attachmentKey(id: string): string {
  const match = ID.exec(id);
  if (!match) throw new KefuError('VALIDATION', 'That is not an attachment id.');
  return `customers/${match[1]}/${match[2]}`;
}
