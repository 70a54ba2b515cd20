/**
 * The best of `available` for what the customer prefers: an exact match, then the same language
 * (`zh-TW` and `zh` pick `zh-CN`, `en-GB` picks `en`), else `fallback`. Case-insensitive.
 *
 * @example
 * pickLocale(['zh-Hans-CN', 'en'], ['en', 'zh-CN']); // 'zh-CN'
 */
export function pickLocale(
  preferred: readonly string[],
  available: readonly string[],
  fallback = 'en',
): string {
  const lower = available.map((locale) => locale.toLowerCase());
  for (const wanted of preferred) {
    const exact = lower.indexOf(wanted.toLowerCase());
    if (exact >= 0) return available[exact] ?? fallback;
    const language = wanted.toLowerCase().split('-')[0];
    const sameLanguage = lower.findIndex((locale) => locale.split('-')[0] === language);
    if (sameLanguage >= 0) return available[sameLanguage] ?? fallback;
  }
  return fallback;
}

/** The browser's languages; none on a server, so rendering there uses the fallback. */
export function browserLocales(): readonly string[] {
  const nav = (globalThis as { navigator?: { languages?: readonly string[]; language?: string } })
    .navigator;
  if (!nav) return [];
  if (nav.languages?.length) return nav.languages;
  return nav.language ? [nav.language] : [];
}
