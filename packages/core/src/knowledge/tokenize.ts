// Han, Hiragana/Katakana and Hangul runs are written without spaces: they are cut into overlapping
// character bigrams ("巧克力" → "巧克", "克力"), the usual choice for BM25 over Chinese text.
const CJK = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]+/gu;
const WORD = /[\p{L}\p{N}]+/gu;

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

/**
 * Search terms of a text, for Chinese and English alike: CJK runs as character bigrams (a single
 * character stays a unigram), other words lower-cased, lightly folded, stopwords dropped.
 *
 * @example
 * tokenize('我的巧克力 melted!'); // ['我的', '的巧', '巧克', '克力', 'melt']
 */
export function tokenize(text: string): string[] {
  const terms: string[] = [];
  const lower = text.normalize('NFKC').toLowerCase();
  let rest = '';
  let last = 0;
  for (const match of lower.matchAll(CJK)) {
    rest += `${lower.slice(last, match.index)} `;
    last = (match.index ?? 0) + match[0].length;
    const chars = [...match[0]];
    if (chars.length === 1) terms.push(chars[0] as string);
    for (let i = 0; i + 1 < chars.length; i++) terms.push(`${chars[i]}${chars[i + 1]}`);
  }
  rest += lower.slice(last);
  for (const match of rest.matchAll(WORD)) {
    const word = match[0];
    if (STOPWORDS.has(word)) continue;
    terms.push(fold(word));
  }
  return terms;
}
