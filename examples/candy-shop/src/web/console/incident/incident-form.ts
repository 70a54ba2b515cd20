import type { IncidentMode } from '@kefu/core';

export const MODE_LABELS: Record<IncidentMode, string> = {
  normal: '正常接待 Normal (banner only)',
  'bot-only': '仅机器人 Bot only',
  'leave-message': '留言模式 Leave a message',
};

/** What the switch suggests for each mode; the supervisor edits it before starting. */
export const MESSAGE_TEMPLATES: Record<IncidentMode, { 'zh-CN': string; en: string }> = {
  normal: {
    'zh-CN': '当前咨询量较大，回复可能稍慢，敬请谅解。',
    en: 'We are busier than usual; replies may take a little longer.',
  },
  'bot-only': {
    'zh-CN': '人工客服暂时无法接入，智能助手将先为您服务。',
    en: 'Our agents are unavailable for now; our assistant will help you first.',
  },
  'leave-message': {
    'zh-CN': '系统故障处理中，请先留言，恢复后我们会尽快回复您。',
    en: 'We are fixing a technical problem. Leave a message and we will reply as soon as we are back.',
  },
};

export interface IncidentDraft {
  mode: IncidentMode;
  zh: string;
  en: string;
  reason: string;
}

/**
 * The `incidents.start` input from the form, or the first problem in both languages: customers
 * read the banner in zh-CN or English, so both texts are needed (each at most 500 characters).
 *
 * @example
 * startInput({ mode: 'leave-message', zh: '请留言', en: 'Leave a message', reason: '' });
 */
export function startInput(
  draft: IncidentDraft,
):
  | { input: { mode: IncidentMode; message: { 'zh-CN': string; en: string }; reason?: string } }
  | { error: string } {
  const zh = draft.zh.trim();
  const en = draft.en.trim();
  if (!zh || !en) return { error: '中英文公告都要填写 Write the notice in both languages' };
  if (zh.length > 500 || en.length > 500) {
    return { error: '公告最多 500 字 The notice is at most 500 characters' };
  }
  const reason = draft.reason.trim();
  return {
    input: {
      mode: draft.mode,
      message: { 'zh-CN': zh, en },
      ...(reason ? { reason: reason.slice(0, 500) } : {}),
    },
  };
}
