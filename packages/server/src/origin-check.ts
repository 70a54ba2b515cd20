import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a browser request may come from where it says it comes from. Without a list everything
 * passes; with one, a request carrying an `Origin` header must name a listed origin (`null`, sent
 * by sandboxed frames and file pages, only when listed). Requests without `Origin` are not from a
 * browser page and pass: they cannot carry a victim's cookies.
 *
 * @example
 * originAllowed({ origin: 'https://evil.example' }, ['https://candy.example']); // false
 */
export function originAllowed(
  headers: IncomingHttpHeaders,
  allowed: readonly string[] | undefined,
): boolean {
  if (!allowed) return true;
  const origin = headers.origin;
  if (origin === undefined) return true;
  const value = origin.trim().toLowerCase();
  return allowed.some((entry) => entry.trim().toLowerCase().replace(/\/$/, '') === value);
}
