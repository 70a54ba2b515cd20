/**
 * `<ChatWidget>` for storefronts, `<KefuProvider>`, its parts and the hooks for customer UIs.
 *
 * @module @kefu/widget-react
 */
export type {
  DeskStatus,
  WireAttachment,
  WireConversation,
  WireSurvey,
  WireTicket,
} from './client-types';
export type { ChatViewProps } from './components/chat-view';
export { ChatView } from './components/chat-view';
export type { ChatWidgetProps } from './components/chat-widget';
export { ChatWidget } from './components/chat-widget';
export type { ComposerProps } from './components/composer';
export { Composer } from './components/composer';
export { ConnectionNotice } from './components/connection-notice';
export { describeResolution } from './components/describe-resolution';
export type { LauncherProps } from './components/launcher';
export { Launcher } from './components/launcher';
export type { LauncherGreetingOption } from './components/launcher-greeting';
export type { AttachmentListProps } from './components/lazy-parts';
export {
  AttachmentList,
  IncidentBanner,
  LeaveMessageNotice,
  SurveyPrompt,
  TicketList,
  TicketTimeline,
} from './components/lazy-parts';
export { LiveRegion } from './components/live-region';
export type { MessageItemProps } from './components/message-item';
export { MessageItem } from './components/message-item';
export type { MessageListProps } from './components/message-list';
export { MessageList } from './components/message-list';
export type { PanelProps } from './components/panel';
export { Panel } from './components/panel';
export type { PreChatFormProps } from './components/pre-chat-form';
export { PreChatForm } from './components/pre-chat-form';
export { QueueStatus } from './components/queue-status';
export { TicketsButton } from './components/tickets-button';
export { TypingIndicator } from './components/typing-indicator';
export { isFinished } from './conversation-status';
export { useConnectionStatus } from './hooks/use-connection-status';
export { useConversation } from './hooks/use-conversation';
export type { CurrentConversation } from './hooks/use-current-conversation';
export { useCurrentConversation } from './hooks/use-current-conversation';
export { useDeskStatus } from './hooks/use-desk-status';
export { useIncident } from './hooks/use-incident';
export type { IncomingMessages } from './hooks/use-incoming-messages';
export { useIncomingMessages } from './hooks/use-incoming-messages';
export { useKefuClient } from './hooks/use-kefu-client';
export { useKefuSelector } from './hooks/use-kefu-selector';
export { useMessages } from './hooks/use-messages';
export { useTickets } from './hooks/use-tickets';
export type { WidgetDictionaries } from './i18n/dictionaries';
export { builtInDictionaries, loadDictionary, resolveMessages } from './i18n/dictionaries';
export type { WidgetMessageKey, WidgetMessages } from './i18n/en';
export { en } from './i18n/en';
export { formatDuration, formatInstant, formatMessageTime, formatMoney } from './i18n/format';
export type { WidgetI18n, WidgetI18nProviderProps } from './i18n/i18n-context';
export { useWidgetI18n, WidgetI18nProvider } from './i18n/i18n-context';
export { pickLocale } from './i18n/pick-locale';
export type { Translate, TranslateValues } from './i18n/translate';
export { createTranslate } from './i18n/translate';
export { zhCN } from './i18n/zh-cn';
export { KefuContext } from './provider/kefu-context';
export type { KefuProviderProps } from './provider/kefu-provider';
export { KefuProvider } from './provider/kefu-provider';
export type { TextToken } from './text/linkify';
export { linkify } from './text/linkify';
export { MessageText } from './text/message-text';
export type { SafeLinkProps } from './text/safe-link';
export { SAFE_LINK_REL, SafeLink } from './text/safe-link';
export { safeHref } from './text/safe-url';
export type { ThemeVariable, ThemeVariables } from './theme/theme-variables';
export { useWidgetStyles, WIDGET_STYLE_ID } from './theme/use-widget-styles';
export { widgetCss } from './theme/widget-css';
