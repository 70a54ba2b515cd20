import { safeHref } from './safe-url';

/**
 * A piece of message text: plain text, or a link that passed `safeHref`.
 *
 * @example
 * for (const token of linkify(text)) {
 *   if (token.kind === 'link') console.log(token.href);
 * }
 */
export type TextToken =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string };

// Candidates only; `safeHref` decides. Stops at whitespace, quotes, angle brackets and CJK text.
const CANDIDATE = /\b(?:https?:\/\/|mailto:)[^\s<>"'`\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]+/gi;
const TRAILING = /[.,;:!?]+$/;

/** Drops sentence punctuation and a closing bracket that was not opened inside the URL. */
function trimCandidate(candidate: string): string {
  let result = candidate.replace(TRAILING, '');
  for (const [open, close] of [
    ['(', ')'],
    ['[', ']'],
  ] as const) {
    while (result.endsWith(close) && result.split(close).length > result.split(open).length) {
      result = result.slice(0, -1).replace(TRAILING, '');
    }
  }
  return result;
}

/**
 * Splits message text into plain text and safe links (http, https, mailto). Everything else,
 * including `javascript:` and `data:` URLs, stays text.
 *
 * @example
 * linkify('看这里 https://candy.example/faq。');
 * // [{ kind: 'text', text: '看这里 ' }, { kind: 'link', text: 'https://candy.example/faq', href: … }, { kind: 'text', text: '。' }]
 */
export function linkify(text: string): TextToken[] {
  const tokens: TextToken[] = [];
  let plain = '';
  let last = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const candidate = trimCandidate(match[0]);
    const href = safeHref(candidate);
    if (!href) continue;
    plain += text.slice(last, match.index);
    if (plain) tokens.push({ kind: 'text', text: plain });
    plain = '';
    tokens.push({ kind: 'link', text: candidate, href });
    last = match.index + candidate.length;
  }
  plain += text.slice(last);
  if (plain) tokens.push({ kind: 'text', text: plain });
  return tokens;
}
