import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { foldTraditional } from '../han-folding';
import { lexiconSentiment } from './sentiment';

// The analyzer as first written: NFKC, lower case and folding applied to every message. The
// shipped one skips the steps a message does not need; it must never answer differently.
const ANGRY_OR_URGENT =
  /投诉|太差|差评|垃圾|骗子|气死|生气|愤怒|退钱|再也不买|什么破|坑人|无语|恶心|欺骗|举报|最悪|ひどい|詐欺|ふざけるな|許せない|二度と買わない|クレーム|angry|furious|terrible|awful|worst|scam|ridiculous|unacceptable|disgusting|complaint|never again|useless|马上|立刻|赶紧|紧急|急|尽快|今天必须|快点|等不及|至急|今すぐ|急いで|urgent|asap|immediately|right now|emergency|hurry|today/;
function referenceFlags(text: string): { flagged: boolean; shouting: boolean } {
  const lower = foldTraditional(text.normalize('NFKC').toLowerCase());
  return { flagged: ANGRY_OR_URGENT.test(lower), shouting: /!{2,}/.test(lower) };
}

// Pieces a customer's message is made of, and the characters NFKC changes.
const pieces = fc.constantFrom(
  '我的糖果什么时候到',
  '投訴',
  '太差',
  '快點',
  '急',
  '！',
  '!',
  '？',
  '，',
  '。',
  '（',
  '）',
  'ＡＮＧＲＹ',
  'Angry',
  'URGENT',
  'Right Now',
  'right\u3000now',
  'ｸﾚｰﾑ',
  'クレーム',
  'ひどい',
  'か\u3099',
  '\uf900',
  '①',
  'ﬁ',
  'é',
  'e\u0301',
  '🍬',
  ' ',
  '\n',
  'today',
  'TODAY',
  '訂單',
);

describe('lexiconSentiment', () => {
  it('answers exactly as NFKC + lower case + folding on every message would', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 8 }), (parts) => {
        const text = parts.join('');
        const { angry, urgent, cues } = lexiconSentiment(text);
        const reference = referenceFlags(text);
        expect(angry || urgent).toBe(reference.flagged || reference.shouting);
        expect(cues.includes('!!')).toBe(reference.shouting);
      }),
      { numRuns: 2_000 },
    );
  });

  it('reads full-width letters, the ideographic space and Traditional characters', () => {
    expect(lexiconSentiment('ＡＮＧＲＹ')).toEqual({ angry: true, urgent: false, cues: ['angry'] });
    expect(lexiconSentiment('right\u3000now').cues).toEqual(['right now']);
    expect(lexiconSentiment('我要投訴，快點！！')).toEqual({
      angry: true,
      urgent: true,
      cues: ['投诉', '快点', '!!'],
    });
    expect(lexiconSentiment('我的糖果什么时候到？')).toEqual({
      angry: false,
      urgent: false,
      cues: [],
    });
  });
});
