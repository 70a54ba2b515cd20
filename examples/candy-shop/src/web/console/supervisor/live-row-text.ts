import type { WireLiveConversation } from '@kefu/client/agent';
import { formatDuration, formatShanghai } from '../../shared/format';

const STATUS: Record<WireLiveConversation['status'], string> = {
  bot: '机器人 Bot',
  queued: '排队 Queued',
  active: '接待中 Active',
  pending: '等客户 Pending',
};

const SENTIMENT: Record<WireLiveConversation['sentiment'], string> = {
  angry: '😠 不满 Angry',
  urgent: '⏰ 着急 Urgent',
  calm: '🙂 平稳 Calm',
};

const SLA: Record<WireLiveConversation['slaState'], string> = {
  ok: '正常 OK',
  at_risk: '预警 At risk',
  breached: '超时 Breached',
};

/**
 * What one live-view row says at `now`, in both languages: the queue time keeps counting while
 * the conversation waits; the due time is Shanghai time with what is left (negative: overdue).
 *
 * @example
 * liveRowText(row, Date.now()).queueTime; // "3m 12s"
 */
export function liveRowText(row: WireLiveConversation, now: number) {
  const waited =
    row.status === 'queued' && row.queuedAt !== null
      ? Math.max(0, now - row.queuedAt)
      : row.queueTimeMs;
  return {
    status: STATUS[row.status],
    sentiment: SENTIMENT[row.sentiment],
    sla: SLA[row.slaState],
    queueTime: formatDuration(waited),
    due:
      row.dueAt === null
        ? '—'
        : `${formatShanghai(row.dueAt, false)} (${formatDuration(row.dueAt - now)})`,
  };
}
