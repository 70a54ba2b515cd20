import type { ConversationView } from '@kefu/client';
import { type DragEvent, useRef, useState } from 'react';
import { isFinished } from '../conversation-status';
import type { useCurrentConversation } from '../hooks/use-current-conversation';
import { useDeskStatus } from '../hooks/use-desk-status';
import { useIncident } from '../hooks/use-incident';
import { useKefuClient } from '../hooks/use-kefu-client';
import { useWidgetI18n } from '../i18n/i18n-context';
import { Composer } from './composer';
import { ConnectionNotice } from './connection-notice';
import { IncidentBanner, LeaveMessageNotice, SurveyPrompt, Uploads } from './lazy-parts';
import { MessageList } from './message-list';
import { PreChatForm } from './pre-chat-form';
import { QueueStatus } from './queue-status';
import { TypingIndicator } from './typing-indicator';
import type { QueuedFile } from './uploads';

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
  /** Photos and files: the attach button, drag-and-drop and paste (default true). */
  uploads?: boolean;
}

const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');

/**
 * The chat side of the panel: connection and queue notices, "leave a message" when nobody can
 * answer, the optional pre-chat form, the messages, typing, the survey, and the composer.
 *
 * @example
 * const current = useCurrentConversation();
 * <Panel><ChatView current={current} /></Panel>
 */
export function ChatView({
  current,
  preChat = false,
  pageSize,
  refreshKey,
  uploads = true,
}: ChatViewProps) {
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
  const [files, setFiles] = useState<readonly QueuedFile[]>([]);
  const [dropping, setDropping] = useState(false);
  const counter = useRef(0);
  const addFiles = (added: readonly File[]) =>
    setFiles((queued) => [
      ...queued,
      ...added.map((file) => ({ id: String(++counter.current), file })),
    ]);
  const conversation = () =>
    conversationId && !finished ? Promise.resolve(conversationId) : current.start();
  // Files dropped anywhere on the chat are uploaded; the outline says where they may go.
  const onDrag = (event: DragEvent<HTMLDivElement>) => {
    if (!uploads || !hasFiles(event)) return;
    event.preventDefault();
    if (event.type === 'drop') addFiles([...event.dataTransfer.files]);
    setDropping(
      event.type === 'dragover' ||
        (event.type === 'dragleave' &&
          event.currentTarget.contains(event.relatedTarget as Node | null)),
    );
  };

  return (
    // A drop zone for files, not a control: the attach button is the keyboard's way in.
    // biome-ignore lint/a11y/noStaticElementInteractions: drag-and-drop target
    <div
      className="kefu-chat"
      data-dropping={dropping || undefined}
      onDragOver={onDrag}
      onDragLeave={onDrag}
      onDrop={onDrag}
    >
      <ConnectionNotice />
      {incident ? <IncidentBanner /> : null}
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
          {view?.survey ? <SurveyPrompt conversationId={conversationId} /> : null}
          <Uploads
            files={files}
            conversation={conversation}
            onDone={(id) => setFiles((queued) => queued.filter((file) => file.id !== id))}
          />
          <Composer
            onSend={current.send}
            onTyping={(typing) => {
              if (conversationId && !finished) client.setTyping(conversationId, typing);
            }}
            placeholder={leaveMessage ? t('leaveMessagePlaceholder') : undefined}
            onFiles={uploads ? addFiles : undefined}
          />
        </>
      )}
    </div>
  );
}
