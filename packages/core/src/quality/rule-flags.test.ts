import { describe, expect, it } from 'vitest';
import type { Message } from '../messages/message';
import { flagTranscript } from './rule-flags';

type Line = [kind: 'customer' | 'agent' | 'bot', text: string, internal?: boolean];
const transcript = (...lines: Line[]): Pick<Message, 'seq' | 'author' | 'text' | 'internal'>[] =>
  lines.map(([kind, text, internal = false], index) => ({
    seq: index + 1,
    author:
      kind === 'customer'
        ? { kind, id: 'cus_lin' }
        : { kind, id: kind === 'bot' ? 'bot' : 'agt_wang' },
    text,
    internal,
  }));

// Labelled transcripts: each with the flags a human reviewer would give it.
const LABELLED: { name: string; messages: ReturnType<typeof transcript>; flags: string[] }[] = [
  {
    name: 'a model conversation',
    messages: transcript(
      ['customer', '我的奶糖什么时候到？'],
      ['agent', '您好！订单 KF20261111001 明天送达。'],
      ['customer', '谢谢'],
    ),
    flags: ['unanswered_customer'],
  },
  {
    name: 'greeted, answered last',
    messages: transcript(
      ['customer', 'Where is my order?'],
      ['agent', 'Hello! It ships today.'],
      ['customer', 'thanks'],
      ['agent', 'You are welcome.'],
    ),
    flags: [],
  },
  {
    name: 'no greeting in the first reply',
    messages: transcript(
      ['customer', '能退货吗？'],
      ['agent', '可以，七天无理由。'],
      ['agent', '您好，还有问题吗？'],
    ),
    flags: ['no_greeting'],
  },
  {
    name: 'a forbidden word',
    messages: transcript(['customer', '包装破了'], ['agent', '您好，这个我不知道。']),
    flags: ['forbidden_word'],
  },
  {
    name: 'an internal note is not a reply',
    messages: transcript(['customer', '在吗？'], ['agent', '先查一下物流，不知道原因', true]),
    flags: ['unanswered_customer'],
  },
  {
    name: 'the bot answered, no agent',
    messages: transcript(['customer', '发货时间？'], ['bot', '付款后 48 小时内发货。']),
    flags: [],
  },
];

describe('flagTranscript on labelled transcripts', () => {
  for (const { name, messages, flags } of LABELLED) {
    it(name, () => {
      expect(flagTranscript(messages).map((f) => f.kind)).toEqual(flags);
    });
  }

  it('points at the message and the word, and takes custom rules', () => {
    const messages = transcript(['customer', 'Refund?'], ['agent', 'Hi. Whatever, see the FAQ.']);
    expect(flagTranscript(messages)).toEqual([
      { kind: 'forbidden_word', seq: 2, detail: '"whatever"' },
    ]);
    expect(
      flagTranscript(messages, { greetings: ['dear customer'], forbiddenWords: ['faq'] }).map(
        (f) => [f.kind, f.seq],
      ),
    ).toEqual([
      ['no_greeting', 2],
      ['forbidden_word', 2],
    ]);
  });
});
