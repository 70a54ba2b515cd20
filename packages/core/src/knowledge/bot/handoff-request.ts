const ASKS_FOR_PERSON = [
  '人工',
  '转人工',
  '人工客服',
  '真人',
  '找客服',
  '客服在吗',
  '叫你们经理',
  '不要机器人',
  '不要機器人',
  'オペレーター',
  '担当者と',
  '担当の方',
  '人と話したい',
  '人間と話',
  'human',
  'agent',
  'real person',
  'talk to someone',
  'speak to someone',
  'representative',
  'operator',
  'not a bot',
];

/**
 * True when the customer asks for a person (人工, 转人工, 轉人工, オペレーター, human, agent…).
 *
 * @example
 * asksForPerson('转人工'); // true
 */
export function asksForPerson(text: string): boolean {
  const lower = text.normalize('NFKC').toLowerCase();
  return ASKS_FOR_PERSON.some((phrase) => lower.includes(phrase));
}
