import type {
  enAttachments,
  enGreeting,
  enIncident,
  enLeaveMessage,
  enSurvey,
  enTickets,
  enUploads,
} from './en-parts';
import { mergeMessages } from './merge-messages';

/** The Simplified Chinese strings of the greeting. */
export const zhCNGreeting: Record<keyof typeof enGreeting, string> = {
  dismiss: '不再显示',
};

/** The Simplified Chinese strings of the incident banner. */
export const zhCNIncident: Record<keyof typeof enIncident, string> = {
  incidentTitle: '服务公告',
  incidentLeaveMessage: '请先留言，我们会尽快回复您。',
  incidentBotOnly: '目前由智能助手为您服务，人工客服将尽快接入。',
};

/** The Simplified Chinese strings of "leave a message". */
export const zhCNLeaveMessage: Record<keyof typeof enLeaveMessage, string> = {
  leaveMessageTitle: '给我们留言',
  nobodyOnline: '当前客服不在线，请留言，我们会尽快回复您。',
  shopClosed: '现在是非营业时间，请留言，我们上班后会第一时间回复您。',
  nextOpening: '下次营业时间：{time}。',
};

/** The Simplified Chinese strings of the survey. */
export const zhCNSurvey: Record<keyof typeof enSurvey, string> = {
  surveyTitle: '请对本次服务进行评价',
  surveyScore: '{score} 分（满分 {max} 分）',
  surveyComment: '其他建议（选填）',
  surveySubmit: '提交评价',
  surveyThanks: '感谢您的评价！',
};

/** The Simplified Chinese strings of the tickets. */
export const zhCNTickets: Record<keyof typeof enTickets, string> = {
  ticketsTitle: '我的工单',
  ticketsEmpty: '暂无工单。',
  ticketExpected: '预计完成时间：{time}',
  ticketOrder: '订单 {orderRef}',
  ticketProposal: '处理方案：{proposal}',
  ticketResolution: '处理结果：{proposal}',
  ticketAccept: '接受',
  ticketDecline: '不接受',
  'ticketStatus.new': '已受理',
  'ticketStatus.triaged': '已分派',
  'ticketStatus.in_progress': '处理中',
  'ticketStatus.awaiting_customer': '等待您的回复',
  'ticketStatus.awaiting_third_party': '等待第三方处理',
  'ticketStatus.resolution_proposed': '已提出处理方案',
  'ticketStatus.resolved': '已解决',
  'ticketStatus.closed': '已关闭',
  'ticketStatus.cancelled': '已取消',
  'ticketKind.complaint': '投诉',
  'ticketKind.return': '退货',
  'ticketKind.exchange': '换货',
  'ticketKind.refund': '退款',
  'ticketKind.delivery': '物流',
  'ticketKind.payment': '支付',
  'ticketKind.product-quality': '商品质量',
  'resolution.refund': '退款 {amount}',
  'resolution.replacement': '补发 {items}',
  'resolution.exchange': '将 {items} 换成 {for}',
  'resolution.coupon': '赠送 {amount} 优惠券',
  'resolution.points': '赠送 {value} 积分',
};

/** The Simplified Chinese strings of attachments. */
export const zhCNAttachments: Record<keyof typeof enAttachments, string> = {
  attachment: '附件',
  openImage: '查看大图 {name}',
  closeImage: '关闭',
};

/** The Simplified Chinese strings of uploads. */
export const zhCNUploads: Record<keyof typeof enUploads, string> = {
  uploads: '上传列表',
  uploading: '正在上传 {name}',
  uploadFailed: '上传失败：{reason}',
  removeUpload: '移除 {name}',
};

/** The Simplified Chinese strings of every part loaded on first use. */
export const zhCNParts = /* @__PURE__ */ mergeMessages(
  zhCNGreeting,
  zhCNIncident,
  zhCNLeaveMessage,
  zhCNSurvey,
  zhCNTickets,
  zhCNAttachments,
  zhCNUploads,
);
