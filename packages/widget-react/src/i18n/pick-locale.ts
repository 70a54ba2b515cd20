/** Chinese by script: Traditional where Taiwan, Hong Kong and Macau write it, else Simplified. */
function chineseScript(tag: string): string | null {
  if (!/^zh(-|$)/.test(tag)) return null;
  return /^zh-(hant|tw|hk|mo)(-|$)/.test(tag) ? 'zh-tw' : 'zh-cn';
}

/**
 * The best of `available` for what the customer prefers: an exact match, then Chinese by script
 * (`zh-HK` and `zh-Hant` pick `zh-TW`, `zh` and `zh-Hans-SG` pick `zh-CN`, when available),
 * then the same language (`en-GB` picks `en`, `zh-TW` picks `zh-CN` without a zh-TW), else
 * `fallback`. Case-insensitive.
 *
 * @example
 * pickLocale(['zh-Hant-HK', 'en'], ['en', 'zh-CN', 'zh-TW']); // 'zh-TW'
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
    const script = lower.indexOf(chineseScript(wanted.toLowerCase()) ?? '');
    if (script >= 0) return available[script] ?? fallback;
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
