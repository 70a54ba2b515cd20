import { mergeMessages } from './merge-messages';

// The English strings of the parts loaded on first use, one object per part: each part bundles
// its own (with their zh-CN twins in zh-cn-parts.ts), not the first chunk.

/** The English strings of the greeting. */
export const enGreeting = {
  dismiss: 'Hide this message',
};

/** The English strings of the incident banner. */
export const enIncident = {
  incidentTitle: 'Service notice',
  incidentLeaveMessage: 'Leave a message and we will reply as soon as we can.',
  incidentBotOnly: 'Our assistant answers for now; an agent takes over as soon as we can.',
};

/** The English strings of "leave a message". */
export const enLeaveMessage = {
  leaveMessageTitle: 'Leave us a message',
  nobodyOnline: 'No one is online right now. Leave a message and we will reply as soon as we can.',
  shopClosed: 'We are closed right now. Leave a message and we will reply when we open.',
  nextOpening: 'We open again {time}.',
};

/** The English strings of the survey. */
export const enSurvey = {
  surveyTitle: 'How did we do?',
  surveyScore: '{score} of {max}',
  surveyComment: 'Anything else? (optional)',
  surveySubmit: 'Send rating',
  surveyThanks: 'Thank you for your feedback!',
};

/** The English strings of the tickets. */
export const enTickets = {
  ticketsTitle: 'My requests',
  ticketsEmpty: 'You have no requests.',
  ticketExpected: 'Expected by {time}',
  ticketOrder: 'Order {orderRef}',
  ticketProposal: 'Our proposal: {proposal}',
  ticketResolution: 'Resolution: {proposal}',
  ticketAccept: 'Accept',
  ticketDecline: 'Decline',
  'ticketStatus.new': 'Received',
  'ticketStatus.triaged': 'Assigned',
  'ticketStatus.in_progress': 'In progress',
  'ticketStatus.awaiting_customer': 'Waiting for you',
  'ticketStatus.awaiting_third_party': 'Waiting for a partner',
  'ticketStatus.resolution_proposed': 'Proposal made',
  'ticketStatus.resolved': 'Resolved',
  'ticketStatus.closed': 'Closed',
  'ticketStatus.cancelled': 'Cancelled',
  'ticketKind.complaint': 'Complaint',
  'ticketKind.return': 'Return',
  'ticketKind.exchange': 'Exchange',
  'ticketKind.refund': 'Refund',
  'ticketKind.delivery': 'Delivery',
  'ticketKind.payment': 'Payment',
  'ticketKind.product-quality': 'Product quality',
  'resolution.refund': 'a refund of {amount}',
  'resolution.replacement': 'a replacement of {items}',
  'resolution.exchange': 'an exchange of {items} for {for}',
  'resolution.coupon': 'a coupon worth {amount}',
  'resolution.points': '{value} points',
};

/** The English strings of attachments. */
export const enAttachments = {
  attachment: 'Attachment',
  openImage: 'Open {name}',
  closeImage: 'Close',
};

/** The English strings of uploads. */
export const enUploads = {
  uploads: 'Uploads',
  uploading: 'Uploading {name}',
  uploadFailed: 'Not uploaded: {reason}',
  removeUpload: 'Remove {name}',
};

/** The English strings of every part loaded on first use. */
export const enParts = /* @__PURE__ */ mergeMessages(
  enGreeting,
  enIncident,
  enLeaveMessage,
  enSurvey,
  enTickets,
  enAttachments,
  enUploads,
);
