import type { Review, RuleFlag, Scorecard } from '@kefu/core';

const DAY = 24 * 60 * 60_000;
/** Shanghai is UTC+8 all year (no DST), so its weeks start at Sunday 16:00 UTC. */
const SHANGHAI_OFFSET = 8 * 60 * 60_000;

/**
 * The sampling window of the Shanghai week (Monday 00:00 to the next Monday) that holds `now`,
 * and its seed: the same week always samples the same conversations (`2026-W46`).
 *
 * @example
 * const { from, to, seed } = sampleWeek(Date.now());
 */
export function sampleWeek(now: number): { from: number; to: number; seed: string } {
  const local = now + SHANGHAI_OFFSET;
  const weekday = (new Date(local).getUTCDay() + 6) % 7; // Monday 0 … Sunday 6
  const mondayLocal = Math.floor(local / DAY) * DAY - weekday * DAY;
  const from = mondayLocal - SHANGHAI_OFFSET;
  return { from, to: from + 7 * DAY, seed: isoWeek(mondayLocal) };
}

/** ISO 8601 week label of a Monday given as a UTC-midnight instant. */
function isoWeek(monday: number): string {
  const thursday = new Date(monday + 3 * DAY);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / (7 * DAY)) + 1;
  return `${year}-W${String(week).padStart(2, '0')}`;
}

export const FLAG_LABELS: Record<RuleFlag['kind'], string> = {
  no_greeting: '缺少问候 No greeting',
  forbidden_word: '禁用词 Forbidden word',
  unanswered_customer: '顾客未获回复 Customer left unanswered',
};

/** The review's rule flags by the message they point at; `null` holds the conversation-wide ones. */
export function flagsBySeq(flags: readonly RuleFlag[]): Map<number | null, RuleFlag[]> {
  const bySeq = new Map<number | null, RuleFlag[]>();
  for (const flag of flags) {
    const list = bySeq.get(flag.seq) ?? [];
    list.push(flag);
    bySeq.set(flag.seq, list);
  }
  return bySeq;
}

export const STATUS_LABELS: Record<Review['status'], string> = {
  draft: '草稿 Draft',
  submitted: '已提交 Submitted',
  disputed: '申诉中 Disputed',
  upheld: '维持 Upheld',
  revised: '已改判 Revised',
};

/**
 * Reads the score inputs of a scorecard form: each a whole number 0–100, blanks left out. Returns
 * the scores, or the first problem in both languages.
 *
 * @example
 * readScores(card, { greeting: '90', resolution: '' }); // { scores: { greeting: 90 } }
 */
export function readScores(
  card: Scorecard,
  inputs: Readonly<Record<string, string>>,
): { scores: Record<string, number> } | { error: string } {
  const scores: Record<string, number> = {};
  for (const criterion of card.criteria) {
    const text = (inputs[criterion.id] ?? '').trim();
    if (text === '') continue;
    const value = Number(text);
    if (!Number.isInteger(value) || value < 0 || value > 100) {
      return { error: `「${criterion.label}」须为 0–100 的整数 must be a whole number 0–100` };
    }
    scores[criterion.id] = value;
  }
  return { scores };
}
