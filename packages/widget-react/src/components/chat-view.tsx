import type { ConversationView } from '@kefu/client';
import { isFinished } from '../conversation-status';
import type { useCurrentConversation } from '../hooks/use-current-conversation';
import { useDeskStatus } from '../hooks/use-desk-status';
import { useIncident } from '../hooks/use-incident';
import { useKefuClient } from '../hooks/use-kefu-client';
import { useWidgetI18n } from '../i18n/i18n-context';
import { Composer } from './composer';
import { ConnectionNotice } from './connection-notice';
import { IncidentBanner } from './incident-banner';
import { LeaveMessageNotice } from './leave-message-notice';
import { MessageList } from './message-list';
import { PreChatForm } from './pre-chat-form';
import { QueueStatus } from './queue-status';
import { SurveyPrompt } from './survey-prompt';
import { TypingIndicator } from './typing-indicator';

const WITH_AGENT = new Set(['active', 'pending']);

/** The name of whoever types, from their latest message (agents' carry it), if any. */
function typistName(view: ConversationView | null): string | undefined {
  const id = view?.typing[0];
  if (!id) return undefined;
  for (let index = view.messages.length - 1; index >= 0; index--) {
    const message = view.messages[index];
    if (message?.author?.id === id && message.authorName) return message.authorName;
  }
  return undefined;
}

/**
 * Props of `ChatView`: the current conversation and whether to ask a topic first.
 *
 * @example
 * const current = useCurrentConversation();
 * <ChatView current={current} preChat={{ topics: ['订单查询', '售后'] }} />;
 */
export interface ChatViewProps {
  current: ReturnType<typeof useCurrentConversation>;
  /** Ask for topic and question before the first conversation. */
  preChat?: boolean | { topics?: readonly string[] };
  pageSize?: number;
  /** Changes when the panel opens, to ask the desk's status again. */
  refreshKey?: unknown;
}

/**
 * The chat side of the panel: connection and queue notices, "leave a message" when nobody can
 * answer, the optional pre-chat form, the messages, typing, the survey, and the composer.
 *
 * @example
 * const current = useCurrentConversation();
 * <Panel><ChatView current={current} /></Panel>
 */
export function ChatView({ current, preChat = false, pageSize, refreshKey }: ChatViewProps) {
  const { t } = useWidgetI18n();
  const client = useKefuClient();
  const desk = useDeskStatus(refreshKey);
  const { conversationId, view } = current;
  const status = view?.conversation?.status;
  const finished = isFinished(status);
  const incident = useIncident();
  const withAgent = status !== undefined && WITH_AGENT.has(status);
  const leaveMessage =
    !withAgent && ((desk !== null && !desk.acceptingNow) || incident?.mode === 'leave-message');
  const topics = typeof preChat === 'object' ? preChat.topics : undefined;

  return (
    <>
      <ConnectionNotice />
      <IncidentBanner />
      {leaveMessage && desk && !incident ? <LeaveMessageNotice status={desk} /> : null}
      {view?.queue && !leaveMessage ? <QueueStatus queue={view.queue} /> : null}
      {preChat && !conversationId ? (
        <PreChatForm topics={topics} onStart={(input) => current.start(input).then(() => {})} />
      ) : (
        <>
          <MessageList
            conversationId={conversationId}
            pageSize={pageSize}
            emptyText={t('emptyConversation')}
          />
          {finished ? (
            // The survey says it itself, above its questions, so the messages keep their room.
            view?.survey?.status === 'sent' ? null : (
              <p className="kefu-notice" role="status">
                {t('resolved')}
              </p>
            )
          ) : (
            <TypingIndicator typing={view?.typing ?? []} name={typistName(view)} />
          )}
          <SurveyPrompt conversationId={conversationId} />
          <Composer
            onSend={current.send}
            onTyping={(typing) => {
              if (conversationId && !finished) client.setTyping(conversationId, typing);
            }}
            placeholder={leaveMessage ? t('leaveMessagePlaceholder') : undefined}
          />
        </>
      )}
    </>
  );
}
