import type { KefuClient } from '@kefu/client';
import { type CSSProperties, useEffect, useId, useRef, useState } from 'react';
import { useCurrentConversation } from '../hooks/use-current-conversation';
import { useIncomingMessages } from '../hooks/use-incoming-messages';
import { useKefuClient } from '../hooks/use-kefu-client';
import type { WidgetDictionaries } from '../i18n/dictionaries';
import type { WidgetMessages } from '../i18n/en';
import { useWidgetI18n, WidgetI18nProvider } from '../i18n/i18n-context';
import { recall, remember } from '../memory/widget-memory';
import { KefuProvider } from '../provider/kefu-provider';
import type { ThemeVariables } from '../theme/theme-variables';
import { useWidgetStyles } from '../theme/use-widget-styles';
import { ChatView } from './chat-view';
import { Launcher } from './launcher';
import type { LauncherGreetingOption } from './launcher-greeting';
import { LauncherGreeting, TicketList } from './lazy-parts';
import { LiveRegion } from './live-region';
import { Panel } from './panel';
import { TicketsButton } from './tickets-button';

/**
 * Props of `ChatWidget`: its client (or the provider's), language, dictionaries and theme.
 *
 * @example
 * <ChatWidget locale="zh-CN" theme="auto" messages={{ title: '糖果客服' }} />
 */
export interface ChatWidgetProps {
  /** The client; without it, the nearest `KefuProvider`'s. */
  client?: KefuClient;
  /** Show this conversation instead of the customer's latest. */
  conversationId?: string;
  /** Force a locale; by default the browser's languages pick between zh-CN and en. */
  locale?: string;
  /** More locales, or changes to the built-in ones (missing keys fall back). */
  dictionaries?: WidgetDictionaries;
  /** Single strings to replace in whichever locale is picked. */
  messages?: Partial<WidgetMessages>;
  /** `auto` (default) follows the system's dark mode. */
  theme?: 'light' | 'dark' | 'auto';
  /** CSS variables to override, e.g. `{ '--kefu-accent': '#7b1fa2' }`. */
  themeVariables?: ThemeVariables;
  /** Open at first render (uncontrolled). */
  defaultOpen?: boolean;
  /** Controlled open state; pair with `onOpenChange`. */
  open?: boolean;
  onOpenChange?(open: boolean): void;
  /** Render the panel in place (e.g. a help page), without launcher or overlay. */
  inline?: boolean;
  /** Ask for topic and question before the first conversation. */
  preChat?: boolean | { topics?: readonly string[] };
  /** Show the customer's tickets (工单) in the panel. Default true. */
  showTickets?: boolean;
  /** Messages rendered at first and per "show earlier" (default 50). */
  pageSize?: number;
  /** Inject the stylesheet on mount (default true); false when you serve `widgetCss` yourself. */
  injectStyles?: boolean;
  /** A CSP nonce for the injected style element. */
  nonce?: string;
  /** Heading of the panel; default from the dictionary. */
  title?: string;
  /**
   * A greeting beside the closed launcher, after `delayMs` (default 3000); the customer can
   * dismiss it for the rest of the tab's session.
   */
  greeting?: LauncherGreetingOption;
  /**
   * Reopen after a reload as the customer left it (panel open, chat or tickets), remembered in
   * the tab's `sessionStorage`. Default true. Controlled widgets get `onOpenChange(true)`.
   */
  rememberOpen?: boolean;
  /**
   * Photos and files (default true): an attach button, drag-and-drop and paste, uploaded through
   * the gateway (`client.upload`) with progress and previews. `false` when the gateway has no
   * attachment store.
   */
  uploads?: boolean;
}

/**
 * The ready-made chat widget: a launcher and a panel with everything a customer needs.
 *
 * @example
 * <KefuProvider options={{ url: 'wss://candy.example/kefu', identity }}>
 *   <ChatWidget preChat={{ topics: ['订单查询', '售后服务'] }} />
 * </KefuProvider>
 */
export function ChatWidget({ client, ...props }: ChatWidgetProps) {
  const widget = (
    <WidgetI18nProvider
      locale={props.locale}
      dictionaries={props.dictionaries}
      messages={props.messages}
    >
      <ChatWidgetFrame {...props} />
    </WidgetI18nProvider>
  );
  return client ? <KefuProvider client={client}>{widget}</KefuProvider> : widget;
}

function ChatWidgetFrame({
  conversationId,
  theme = 'auto',
  themeVariables,
  defaultOpen = false,
  open: controlledOpen,
  onOpenChange,
  inline = false,
  preChat,
  showTickets = true,
  pageSize,
  injectStyles = true,
  nonce,
  title,
  greeting,
  rememberOpen = true,
  uploads,
}: Omit<ChatWidgetProps, 'client'>) {
  useWidgetStyles({ enabled: injectStyles, nonce });
  const { locale } = useWidgetI18n();
  const client = useKefuClient();
  const panelId = useId();
  const launcherRef = useRef<HTMLButtonElement>(null);
  const [uncontrolledOpen, setUncontrolledOpen] = useState(defaultOpen);
  const open = inline || (controlledOpen ?? uncontrolledOpen);
  const [showing, setShowing] = useState<'chat' | 'tickets'>('chat');
  const current = useCurrentConversation(conversationId);
  const { fresh, latest, lastSeq } = useIncomingMessages(current.view);
  const [readSeq, setReadSeq] = useState(0);

  const setOpen = (next: boolean) => {
    if (controlledOpen === undefined) setUncontrolledOpen(next);
    onOpenChange?.(next);
  };

  // After a reload, back to where the customer was; read in an effect so server rendering and
  // hydration agree. The first commit writes nothing, so it cannot erase what it restores.
  const remembers = rememberOpen && !inline;
  const firstCommit = useRef(true);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, on mount
  useEffect(() => {
    if (!remembers) return;
    if (recall('t')) setShowing('tickets');
    if (recall('o') && !open) setOpen(true);
  }, []);
  useEffect(() => {
    if (firstCommit.current) {
      firstCommit.current = false;
      return;
    }
    if (!remembers) return;
    remember('o', open);
    remember('t', showing === 'tickets');
  }, [open, showing, remembers]);

  // Back to the launcher when the panel closes, so keyboard users stay where they were.
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open) launcherRef.current?.focus();
    wasOpen.current = open;
  }, [open]);

  const currentId = current.conversationId;
  useEffect(() => {
    if (!open || !currentId || lastSeq <= readSeq) return;
    setReadSeq(lastSeq);
    client.markRead(currentId, lastSeq);
  }, [open, currentId, lastSeq, readSeq, client]);

  const unread = open ? 0 : fresh.filter((message) => (message.seq ?? 0) > readSeq).length;

  return (
    <div
      className="kefu-widget"
      data-theme={theme}
      lang={locale}
      style={themeVariables as CSSProperties | undefined}
    >
      <LiveRegion message={latest} />
      {open ? (
        <Panel
          id={panelId}
          inline={inline}
          title={title}
          onClose={() => setOpen(false)}
          headerActions={
            showTickets ? (
              <TicketsButton
                showing={showing === 'tickets'}
                onToggle={() => setShowing(showing === 'tickets' ? 'chat' : 'tickets')}
              />
            ) : null
          }
        >
          {showing === 'tickets' ? (
            <TicketList />
          ) : (
            <ChatView
              current={current}
              preChat={preChat}
              pageSize={pageSize}
              refreshKey={open}
              uploads={uploads}
            />
          )}
        </Panel>
      ) : null}
      {greeting && !open ? (
        <LauncherGreeting greeting={greeting} onOpen={() => setOpen(true)} />
      ) : null}
      {inline ? null : (
        <Launcher
          ref={launcherRef}
          open={open}
          onToggle={() => setOpen(!open)}
          unread={unread}
          controls={panelId}
        />
      )}
    </div>
  );
}
