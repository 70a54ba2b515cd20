/**
 * Every string the widget shows, in English. Other dictionaries have the same keys; `{name}`
 * placeholders are filled by `translate`.
 *
 * @example
 * <ChatWidget messages={{ ...en, title: 'Candy help' }} />
 */
export const en = {
  title: 'Customer service',
  openChat: 'Chat with us',
  closeChat: 'Close chat',
  dismiss: 'Hide this message',
  unread: '{count} unread',
  connecting: 'Connecting…',
  reconnecting: 'Connection lost. Reconnecting; your messages will be sent when we are back.',
  disconnected: 'Disconnected.',
  messagesLabel: 'Messages',
  composerLabel: 'Message',
  composerPlaceholder: 'Type a message',
  composerHint: 'Enter to send, Shift+Enter for a new line',
  leaveMessagePlaceholder: 'Leave a message',
  send: 'Send',
  you: 'You',
  customer: 'Customer',
  agent: 'Agent',
  bot: 'Assistant',
  system: 'Notice',
  sending: 'Sending…',
  sent: 'Sent',
  read: 'Read',
  failed: 'Not sent',
  retry: 'Retry',
  typing: '{name} is typing…',
  queuePosition: 'You are number {position} in the queue.',
  estimatedWait: 'Estimated wait: about {duration}.',
  leaveMessageTitle: 'Leave us a message',
  incidentTitle: 'Service notice',
  incidentLeaveMessage: 'Leave a message and we will reply as soon as we can.',
  incidentBotOnly: 'Our assistant answers for now; an agent takes over as soon as we can.',
  nobodyOnline: 'No one is online right now. Leave a message and we will reply as soon as we can.',
  shopClosed: 'We are closed right now. Leave a message and we will reply when we open.',
  nextOpening: 'We open again {time}.',
  earlierMessages: 'Show earlier messages',
  emptyConversation: 'Hello! How can we help?',
  resolved: 'This conversation has been resolved.',
  preChatTitle: 'Before we start',
  preChatTopic: 'What is it about?',
  preChatQuestion: 'Your question',
  preChatStart: 'Start chat',
  surveyTitle: 'How did we do?',
  surveyScore: '{score} of {max}',
  surveyComment: 'Anything else? (optional)',
  surveySubmit: 'Send rating',
  surveyThanks: 'Thank you for your feedback!',
  ticketsTitle: 'My requests',
  ticketsOpen: 'My requests ({count})',
  ticketsEmpty: 'You have no requests.',
  ticketExpected: 'Expected by {time}',
  ticketOrder: 'Order {orderRef}',
  ticketProposal: 'Our proposal: {proposal}',
  ticketResolution: 'Resolution: {proposal}',
  ticketAccept: 'Accept',
  ticketDecline: 'Decline',
  backToChat: 'Back to chat',
  attachment: 'Attachment',
  attach: 'Attach a photo or file',
  uploads: 'Uploads',
  uploading: 'Uploading {name}',
  uploadFailed: 'Not uploaded: {reason}',
  removeUpload: 'Remove {name}',
  openImage: 'Open {name}',
  closeImage: 'Close',
  newMessage: '{name}: {text}',
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

/**
 * The keys a dictionary has.
 *
 * @example
 * const key: WidgetMessageKey = 'send';
 * t(key);
 */
export type WidgetMessageKey = keyof typeof en;
/**
 * A complete dictionary.
 *
 * @example
 * const candy: WidgetMessages = { ...builtInDictionaries.en, title: 'Candy help' };
 */
export type WidgetMessages = Record<WidgetMessageKey, string>;
