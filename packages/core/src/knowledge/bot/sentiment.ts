import { foldTraditional } from '../han-folding';

/**
 * How a message sounds: angry, urgent, both or neither, with the words that said so.
 *
 * @example
 * ```ts
 * const { angry, cues }: Sentiment = lexiconSentiment('太差了，我要投诉');
 * if (angry) console.log('cues:', cues);
 * ```
 */
export interface Sentiment {
  angry: boolean;
  urgent: boolean;
  /** Matched words, for the agent who reads the flag. */
  cues: string[];
}

/**
 * Pluggable: a lexicon by default, or a model of your own.
 *
 * @example
 * ```ts
 * const analyzer: SentimentAnalyzer = (text) => ({ angry: /退钱|垃圾/.test(text), urgent: text.includes('急'), cues: [] });
 * const desk = createDesk({ storage, settings: { sentiment: { analyzer } } });
 * ```
 */
export type SentimentAnalyzer = (text: string) => Sentiment;

const ANGRY = [
  '投诉',
  '太差',
  '差评',
  '垃圾',
  '骗子',
  '气死',
  '生气',
  '愤怒',
  '退钱',
  '再也不买',
  '什么破',
  '坑人',
  '无语',
  '恶心',
  '欺骗',
  '举报',
  '最悪',
  'ひどい',
  '詐欺',
  'ふざけるな',
  '許せない',
  '二度と買わない',
  'クレーム',
  'angry',
  'furious',
  'terrible',
  'awful',
  'worst',
  'scam',
  'ridiculous',
  'unacceptable',
  'disgusting',
  'complaint',
  'never again',
  'useless',
];
const URGENT = [
  '马上',
  '立刻',
  '赶紧',
  '紧急',
  '急',
  '尽快',
  '今天必须',
  '快点',
  '等不及',
  '至急',
  '今すぐ',
  '急いで',
  'urgent',
  'asap',
  'immediately',
  'right now',
  'emergency',
  'hurry',
  'today',
];

const escapeForRegExp = (word: string) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// One alternation per list: a single scan of the message instead of one per word.
const ANGRY_PATTERN = new RegExp(ANGRY.map(escapeForRegExp).join('|'), 'g');
const URGENT_PATTERN = new RegExp(URGENT.map(escapeForRegExp).join('|'), 'g');
// Most messages are calm: one scan for any cue at all, and the lists only when it finds one.
const ANY_CUE = new RegExp(`${[...ANGRY, ...URGENT].map(escapeForRegExp).join('|')}|[!！]{2}`);

// Characters NFKC leaves as they are (printable ASCII, CJK ideographs, kana, the common CJK
// brackets and stops), plus the full-width stops of Chinese text (，？！：；（）), which NFKC
// turns into ASCII ones that no lexicon word contains: only 「！！」 matters, and SHOUTING takes both
// forms. A message of these characters alone is matched as it is, which saves the normalisation
// (half a microsecond on every customer message); anything else (full-width letters, half-width
// kana, the ideographic space, combining marks…) is normalised first.
const NEEDS_NFKC =
  /[^\t\n\r\u0020-\u007e\u3001\u3002\u3008-\u3011\u3041-\u3096\u30a1-\u30fa\u30fc-\u30fe\u3400-\u4dbf\u4e00-\u9fff\uff01\uff08\uff09\uff0c\uff1a\uff1b\uff1f]/;
const UPPER_CASE = /[A-Z]/;
const SHOUTING = /[!！]{2,}/;

/** The form the lexicon is matched against: NFKC, lower case, Simplified characters. */
function matchable(text: string): string {
  if (NEEDS_NFKC.test(text)) return foldTraditional(text.normalize('NFKC').toLowerCase());
  return foldTraditional(UPPER_CASE.test(text) ? text.toLowerCase() : text);
}

const distinct = (matches: RegExpMatchArray | null): string[] =>
  matches === null ? [] : [...new Set(matches)];

/**
 * A Chinese, Japanese and English lexicon heuristic: flags angry or urgent messages (several
 * exclamation marks count as urgency too). Traditional Chinese is folded to Simplified first, so
 * 「太差了，我要投訴」 counts like 「我要投诉」. Cheap and predictable; swap in your own analyzer for nuance.
 *
 * @example
 * lexiconSentiment('快递一周都没到，太差了！！'); // { angry: true, urgent: true, cues: ['太差', '!!'] }
 */
export const lexiconSentiment: SentimentAnalyzer = (text) => {
  const lower = matchable(text);
  if (!ANY_CUE.test(lower)) return { angry: false, urgent: false, cues: [] };
  const angry = distinct(lower.match(ANGRY_PATTERN));
  const urgent = distinct(lower.match(URGENT_PATTERN));
  const shouting = SHOUTING.test(lower);
  return {
    angry: angry.length > 0,
    urgent: urgent.length > 0 || shouting,
    cues: shouting
      ? [...angry, ...urgent, '!!']
      : angry.length + urgent.length === 0
        ? []
        : [...angry, ...urgent],
  };
};
