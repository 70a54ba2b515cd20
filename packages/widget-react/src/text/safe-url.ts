const ALLOWED_PROTOCOLS = new Set(['http:', 'https:', 'mailto:']);

/**
 * The URL as an `href` when it is http(s) or mailto, otherwise `null`: `javascript:`, `data:`,
 * `vbscript:`, relative and protocol-relative URLs are never made clickable.
 *
 * @example
 * safeHref('https://candy.example/orders/42'); // 'https://candy.example/orders/42'
 * safeHref('javascript:alert(1)'); // null
 */
export function safeHref(candidate: string): string | null {
  // Browsers strip tabs and newlines inside URLs ("java\tscript:"), so anything with controls is out.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it rejects
  if (/[\u0000-\u001f\u007f]/.test(candidate)) return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (!ALLOWED_PROTOCOLS.has(url.protocol)) return null;
  if (url.protocol !== 'mailto:' && !url.hostname) return null;
  return url.href;
}
