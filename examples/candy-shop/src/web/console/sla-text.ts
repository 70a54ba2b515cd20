import type { WireConversationDetails } from '@kefu/client';
import { formatDuration, formatShanghai } from '../shared/format';

const LABEL = {
  ok: '正常 OK',
  at_risk: '预警 At risk',
  breached: '超时 Breached',
} as const;

const TARGET = {
  firstResponse: '首次响应 First reply',
  nextResponse: '下次回复 Next reply',
  periodicUpdate: '进度更新 Update',
  resolution: '解决 Resolution',
} as const;

/** Whole minutes or hours of a target's budget: "3 分钟 min", "1 小时 h", "48 小时 h". */
function budget(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return minutes >= 60 && minutes % 60 === 0 ? `${minutes / 60} 小时 h` : `${minutes} 分钟 min`;
}

/**
 * What an SLA badge says at `now`: `full` names the state, the target the countdown runs to and
 * its budget, the due time in Shanghai with the time left, and whether closed hours are excluded
 * (a business-hours clock stops outside 营业时间, so "due" can be the next morning); `compact`
 * (the inbox) keeps the state, the target and the time left.
 *
 * @example
 * slaText(conversation.details, Date.now()).full;
 * // '正常 OK · 首次响应 First reply ≤ 3 分钟 min · 截止 Due 11/16 09:01 (2m 10s) · 仅计营业时间 Closed hours excluded'
 */
export function slaText(
  details: WireConversationDetails,
  now: number,
): { full: string; compact: string } {
  const clock = details.dueClock ?? null;
  const left = details.dueAt !== null ? formatDuration(details.dueAt - now) : null;
  const full = [
    LABEL[details.slaState],
    clock ? `${TARGET[clock.target]} ≤ ${budget(clock.budgetMs)}` : null,
    details.dueAt !== null ? `截止 Due ${formatShanghai(details.dueAt)} (${left})` : null,
    clock?.hours === 'business' ? '仅计营业时间 Closed hours excluded' : null,
    clock?.hours === 'calendar' ? '按自然时间 Calendar hours' : null,
  ];
  const compact = [LABEL[details.slaState], clock ? TARGET[clock.target] : null, left];
  const join = (parts: (string | null)[]) => parts.filter(Boolean).join(' · ');
  return { full: join(full), compact: join(compact) };
}
