/**
 * What a detector found: characters `[start, end)` of the text are personal data of `kind`.
 *
 * @example
 * const [span] = detectPii('13812345678', BUILT_IN_DETECTORS); // { start: 0, end: 11, kind: 'mobile' }
 */
export interface DetectedSpan {
  start: number;
  end: number;
  kind: string;
}

/**
 * Finds one kind of personal data in text. Built-ins cover mainland mobile numbers, resident ID
 * card numbers, bank card numbers and e-mail addresses; a shop adds its own (member numbers,
 * addresses…) with the same shape.
 *
 * @example
 * const memberNo: PiiDetector = {
 *   kind: 'member-number',
 *   find: (text) => [...text.matchAll(/\bVIP-\d{6}\b/g)].map((m) => ({ start: m.index, end: m.index + m[0].length })),
 * };
 */
export interface PiiDetector {
  kind: string;
  find(text: string): { start: number; end: number }[];
}

/**
 * A masked span as agents see it: `index` names it for `desk.privacy.reveal`.
 *
 * @example
 * const { spans } = maskText('13812345678', BUILT_IN_DETECTORS); // [{ index: 0, start: 0, end: 11, kind: 'mobile' }]
 */
export interface MaskedSpan extends DetectedSpan {
  index: number;
}

/**
 * Text with personal data replaced by `*`, and where each masked span is in the masked text.
 *
 * @example
 * const masked: MaskedText = desk.privacy.mask('电话 13812345678');
 */
export interface MaskedText {
  text: string;
  spans: MaskedSpan[];
}

const digitsAt = (text: string, start: number, end: number) =>
  text.slice(start, end).replace(/[\s-]/g, '');

/**
 * Whether an 18-character resident ID card number (居民身份证号码) has a valid check character:
 * ISO 7064 MOD 11-2 over the first 17 digits, `X` standing for 10.
 *
 * @example
 * isValidChineseIdNumber('11010519491231002X'); // true
 */
export function isValidChineseIdNumber(value: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(value)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(value[i]) * (2 ** (17 - i) % 11);
  const check = (12 - (sum % 11)) % 11;
  const last = value[17]?.toUpperCase();
  return check === 10 ? last === 'X' : last === String(check);
}

/**
 * Whether a card number passes the Luhn check (mod 10), as bank cards (银行卡号) do.
 *
 * @example
 * isValidLuhn('6222 0212 3456 7890 128'); // spaces are ignored
 */
export function isValidLuhn(value: string): boolean {
  const digits = value.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

function regexDetector(
  kind: string,
  pattern: RegExp,
  accept: (match: string) => boolean = () => true,
): PiiDetector {
  return {
    kind,
    find(text) {
      const found: { start: number; end: number }[] = [];
      for (const match of text.matchAll(pattern)) {
        const value = match[1] ?? match[0];
        const start = (match.index ?? 0) + match[0].indexOf(value);
        if (accept(value)) found.push({ start, end: start + value.length });
      }
      return found;
    },
  };
}

/**
 * Mainland mobile numbers: 11 digits from 13x–19x, optionally after +86, not inside a longer number.
 *
 * @example
 * mobileNumberDetector.find('+86 138-1234-5678'); // [{ start: 4, end: 17 }]
 */
export const mobileNumberDetector: PiiDetector = regexDetector(
  'mobile',
  /(?<![\d])(?:\+?86[\s-]?)?(1[3-9]\d(?:[\s-]?\d{4}){2})(?![\d])/g,
);

/**
 * Resident ID card numbers with a valid ISO 7064 MOD 11-2 check character.
 *
 * @example
 * idCardDetector.find('11010519491231002X'); // [{ start: 0, end: 18 }]
 */
export const idCardDetector: PiiDetector = regexDetector(
  'id-card',
  /(?<![\dA-Za-z])(\d{17}[\dXx])(?![\dA-Za-z])/g,
  isValidChineseIdNumber,
);

/**
 * Bank card numbers (16–19 digits, optionally grouped by spaces or dashes) passing Luhn.
 *
 * @example
 * bankCardDetector.find('4111 1111 1111 1111'); // [{ start: 0, end: 19 }]
 */
export const bankCardDetector: PiiDetector = regexDetector(
  'bank-card',
  /(?<![\d])(\d{4}(?:[\s-]?\d{4}){3}(?:[\s-]?\d{1,3})?)(?![\d])/g,
  (value) => {
    const digits = digitsAt(value, 0, value.length);
    return digits.length >= 16 && digits.length <= 19 && isValidLuhn(digits);
  },
);

/**
 * E-mail addresses.
 *
 * @example
 * emailDetector.find('写信到 lin@example.cn'); // [{ start: 4, end: 18 }]
 */
export const emailDetector: PiiDetector = regexDetector(
  'email',
  /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g,
);

/**
 * The built-in detectors, in the order they claim overlapping text (ID cards before bank cards).
 *
 * @example
 * createDesk({ storage, masking: { builtIns: false, detectors: [...BUILT_IN_DETECTORS.slice(2), memberNo] } });
 */
export const BUILT_IN_DETECTORS: readonly PiiDetector[] = [
  idCardDetector,
  bankCardDetector,
  mobileNumberDetector,
  emailDetector,
];

/**
 * Every personal-data span in the text, ordered by start; where two detectors overlap, the one
 * earlier in the list wins.
 *
 * @example
 * detectPii('电话 13812345678', BUILT_IN_DETECTORS); // [{ start: 3, end: 14, kind: 'mobile' }]
 */
export function detectPii(text: string, detectors: readonly PiiDetector[]): DetectedSpan[] {
  const taken: DetectedSpan[] = [];
  for (const detector of detectors) {
    for (const { start, end } of detector.find(text)) {
      if (start < 0 || end > text.length || end <= start) continue;
      if (taken.some((span) => start < span.end && span.start < end)) continue;
      taken.push({ start, end, kind: detector.kind });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

/** Kinds of numbers that keep their first 3 and last 4 characters when masked. */
const NUMBER_KINDS = new Set(['mobile', 'id-card', 'bank-card', 'phone']);
/** Kinds that keep their first character (a surname: 林**; a province: 浙*******). */
const LEADING_KINDS = new Set(['name', 'address']);

/**
 * Keeps a few characters so an agent can still tell values apart (138****5678, l****@example.cn,
 * 林**); everything else becomes `*`. The masked value has the original length.
 *
 * @example
 * maskValue('13812345678', 'phone'); // '138****5678'
 */
export function maskValue(value: string, kind: string): string {
  const at = value.indexOf('@');
  if (kind === 'email' && at > 0) {
    return `${value.slice(0, 1)}${'*'.repeat(Math.max(1, at - 1))}${value.slice(at)}`;
  }
  if (LEADING_KINDS.has(kind) && value.length >= 2) {
    return `${value.slice(0, 1)}${'*'.repeat(value.length - 1)}`;
  }
  if (!NUMBER_KINDS.has(kind) || value.length < 8) return '*'.repeat(value.length);
  return `${value.slice(0, 3)}${'*'.repeat(value.length - 7)}${value.slice(-4)}`;
}

/**
 * Masks personal data for an agent's view. Masked values have the original length, so span
 * offsets are the same in the masked and the original text.
 *
 * @example
 * maskText('我的手机 13812345678', BUILT_IN_DETECTORS).text; // '我的手机 138****5678'
 */
export function maskText(text: string, detectors: readonly PiiDetector[]): MaskedText {
  const spans = detectPii(text, detectors).map((span, index) => ({ ...span, index }));
  let masked = '';
  let at = 0;
  for (const span of spans) {
    masked += text.slice(at, span.start) + maskValue(text.slice(span.start, span.end), span.kind);
    at = span.end;
  }
  return { text: masked + text.slice(at), spans };
}
