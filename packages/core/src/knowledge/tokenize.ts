import { foldTraditional } from './han-folding';

// Han, kana and Hangul are written without spaces. Each run of one script is cut into overlapping
// character bigrams ("巧克力" → "巧克", "克力"; "チョコレート" → "チョ", "ョコ", …), the usual choice
// for BM25 over Chinese and Japanese text. Han is folded to Simplified first, so Traditional and
// Simplified text meet. Runs of hiragana are Japanese grammar (particles, verb endings: が, を,
// ていました) and are left out: what a Japanese question is about is in its kanji and katakana.
const CJK = /[\u3005\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

type Script = 'han' | 'hiragana' | 'katakana' | 'hangul' | 'other';

function scriptOf(char: string): Script {
  const code = char.codePointAt(0) ?? 0;
  if (code >= 0x3040 && code <= 0x309f) return 'hiragana';
  // ・ (U+30FB) separates katakana words; ー (U+30FC) lengthens a vowel inside one.
  if (code === 0x30fb) return 'other';
  if (code >= 0x30a0 && code <= 0x30ff) return 'katakana';
  if (code >= 0xac00 && code <= 0xd7af) return 'hangul';
  return 'han';
}

const STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'is',
  'are',
  'am',
  'be',
  'to',
  'of',
  'and',
  'or',
  'in',
  'on',
  'for',
  'my',
  'me',
  'i',
  'it',
  'do',
  'does',
  'can',
  'you',
  'your',
  'with',
  'this',
  'that',
  'what',
  'how',
  'when',
  'where',
  'will',
  'there',
  'any',
  'please',
]);

/** Very light English folding, so "orders" finds "order" and "shipped" finds "ship". */
function fold(word: string): string {
  if (word.length > 4 && word.endsWith('ies')) return `${word.slice(0, -3)}y`;
  if (word.length > 4 && word.endsWith('ing')) return word.slice(0, -3);
  if (word.length > 3 && word.endsWith('ed')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('es') && !word.endsWith('ses')) return word.slice(0, -2);
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss')) return word.slice(0, -1);
  return word;
}

function pushBigrams(terms: string[], chars: readonly string[]): void {
  if (chars.length === 1) terms.push(chars[0] as string);
  for (let i = 0; i + 1 < chars.length; i++) terms.push(`${chars[i]}${chars[i + 1]}`);
}

/** Bigrams of each single-script stretch of a CJK run; hiragana stretches are skipped. */
function cjkTerms(terms: string[], run: string): void {
  let stretch: string[] = [];
  let script: Script = 'other';
  const flush = () => {
    if (stretch.length > 0 && script !== 'hiragana' && script !== 'other') {
      pushBigrams(terms, stretch);
    }
    stretch = [];
  };
  for (const char of foldTraditional(run)) {
    const next = scriptOf(char);
    if (next !== script) {
      flush();
      script = next;
    }
    stretch.push(char);
  }
  flush();
}

/**
 * Search terms of a text, for Chinese (Simplified and Traditional), Japanese and English alike:
 * CJK runs as character bigrams per script (a single character stays a unigram; Traditional folded
 * to Simplified; Japanese hiragana left out), other words lower-cased, lightly folded, stopwords
 * dropped.
 *
 * @example
 * tokenize('我的巧克力 melted!'); // ['我的', '的巧', '巧克', '克力', 'melt']
 * tokenize('我的訂單'); // ['我的', '的订', '订单']
 * tokenize('チョコが溶けた'); // ['チョ', 'ョコ', '溶']
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  const lower = text.normalize('NFKC').toLowerCase();
  let rest = '';
  let last = 0;
  for (const match of lower.matchAll(CJK)) {
    rest += `${lower.slice(last, match.index)} `;
    last = (match.index ?? 0) + match[0].length;
    cjkTerms(terms, match[0]);
  }
  rest += lower.slice(last);
  for (const match of rest.matchAll(WORD)) {
    const word = match[0];
    if (STOPWORDS.has(word)) continue;
    terms.push(fold(word));
  }
  return terms;
}
