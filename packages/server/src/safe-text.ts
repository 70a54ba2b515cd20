/**
 * Text from clients is stored and later shown in consoles, terminals, logs and e-mails. These
 * characters have no business in a chat message and are used to disguise or corrupt what is shown:
 * ANSI escape sequences, C0/C1 control characters other than tab and newline, DEL, and the bidi
 * embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) that make `gpj.exe` look like
 * `exe.jpg`. Marks such as LRM/RLM (U+200E/U+200F) stay: right-to-left text needs them.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const ANSI_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-_])/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * The text with escape sequences, control characters (except tab and newline; CR LF becomes LF)
 * and bidi overrides removed.
 *
 * @example
 * cleanText('ok\u202Egnp.exe\u0000'); // 'okgnp.exe'
 */
export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(ANSI_SEQUENCE, '').replace(UNSAFE, '');
}

const NEEDS_CLEANING =
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
  /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069\r]/;

const clean = (text: string) => (NEEDS_CLEANING.test(text) ? cleanText(text) : text);

/**
 * Every string in a freshly decoded frame cleaned, in place (the frame is the caller's own, just
 * parsed): nothing is copied, and strings without anything to clean are only tested, so a large
 * frame costs about one scan.
 *
 * @example
 * cleanStrings({ text: 'hi\u0000' }); // { text: 'hi' }
 */
export function cleanStrings<T>(value: T): T {
  if (typeof value === 'string') return clean(value) as T;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === 'string') value[i] = clean(item);
      else if (typeof item === 'object' && item !== null) cleanStrings(item);
    }
    return value;
  }
  if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string') record[key] = clean(item);
      else if (typeof item === 'object' && item !== null) cleanStrings(item);
    }
  }
  return value;
}
