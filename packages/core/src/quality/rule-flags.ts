import type { Message } from '../messages/message';
import type { RuleFlag } from './review';

/**
 * What the automatic rules look for; words compare case-insensitively.
 *
 * @example
 * ```ts
 * const options: RuleFlagOptions = {
 *   greetings: [...DEFAULT_RULE_FLAG_OPTIONS.greetings, '亲爱的'],
 *   forbiddenWords: [...DEFAULT_RULE_FLAG_OPTIONS.forbiddenWords, '爱买不买'],
 * };
 * ```
 */
export interface RuleFlagOptions {
  /** A first agent reply must contain one of these (e.g. 您好, 你好, hello). */
  greetings: readonly string[];
  /** Words an agent must never write (e.g. 不知道, 没办法). */
  forbiddenWords: readonly string[];
}

/**
 * Defaults for a Chinese and English desk.
 *
 * @example
 * ```ts
 * const flags = flagTranscript(transcript, DEFAULT_RULE_FLAG_OPTIONS);
 * ```
 */
export const DEFAULT_RULE_FLAG_OPTIONS: RuleFlagOptions = {
  greetings: ['您好', '你好', '亲', 'hello', 'hi', 'good morning', 'good afternoon', 'welcome'],
  forbiddenWords: ['不知道', '没办法', '自己看', 'not my problem', 'whatever'],
};

type TranscriptMessage = Pick<Message, 'seq' | 'author' | 'text' | 'internal'>;

/**
 * Flags a transcript by rule: no greeting in the agent's first reply, a forbidden word in an
 * agent's reply, and a customer message no agent or bot answered afterwards. Internal notes are
 * not replies and are ignored.
 *
 * @example
 * const flags = flagTranscript(messages);
 * // [{ kind: 'forbidden_word', seq: 4, detail: '"不知道"' }]
 */
export function flagTranscript(
  messages: readonly TranscriptMessage[],
  options: RuleFlagOptions = DEFAULT_RULE_FLAG_OPTIONS,
): RuleFlag[] {
  const flags: RuleFlag[] = [];
  const visible = [...messages].filter((m) => !m.internal).sort((a, b) => a.seq - b.seq);
  const agentReplies = visible.filter((m) => m.author.kind === 'agent');
  const first = agentReplies[0];
  const lower = (text: string) => text.toLowerCase();
  if (first && !options.greetings.some((g) => lower(first.text).includes(lower(g)))) {
    flags.push({ kind: 'no_greeting', seq: first.seq, detail: 'The first reply has no greeting.' });
  }
  for (const reply of agentReplies) {
    const found = options.forbiddenWords.filter((w) => lower(reply.text).includes(lower(w)));
    for (const word of found)
      flags.push({ kind: 'forbidden_word', seq: reply.seq, detail: `"${word}"` });
  }
  const lastAnswer = Math.max(
    0,
    ...visible
      .filter((m) => m.author.kind === 'agent' || m.author.kind === 'bot')
      .map((m) => m.seq),
  );
  const unanswered = visible.find((m) => m.author.kind === 'customer' && m.seq > lastAnswer);
  if (unanswered) {
    flags.push({
      kind: 'unanswered_customer',
      seq: unanswered.seq,
      detail: 'A customer message got no reply.',
    });
  }
  return flags;
}
