import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { KefuAgentProvider, useAgentConversation, useInbox } from '../../src/agent/index';
import { Composer, MessageList, useWidgetStyles, WidgetI18nProvider } from '../../src/index';
import { pageConfig, reconnect } from './page-config';

// A minimal agent console built from the agent hooks and the widget's parts.
function Workspace({ conversationId }: { conversationId: string }) {
  const { view, send, act, markRead, setTyping } = useAgentConversation(conversationId);
  const [error, setError] = useState<string | null>(null);
  const lastSeq = view?.syncedSeq ?? 0;
  // The console shows every message it has: read receipts for the customer.
  // biome-ignore lint/correctness/useExhaustiveDependencies: markRead changes with every view
  useEffect(() => markRead(lastSeq), [lastSeq]);
  const run = (action: 'claim' | 'resolve') =>
    act(action).then(
      () => setError(null),
      (failure: Error) => setError(failure.message),
    );
  return (
    <section aria-label="Conversation" className="kefu-panel kefu-panel--inline">
      <p>
        Status: <output data-testid="status">{view?.conversation?.status ?? '…'}</output>
      </p>
      {error ? <p role="alert">{error}</p> : null}
      <div className="kefu-actions">
        <button type="button" className="kefu-button" onClick={() => run('claim')}>
          Claim
        </button>
        <button type="button" className="kefu-button" onClick={() => run('resolve')}>
          Resolve
        </button>
      </div>
      <MessageList conversationId={conversationId} />
      <p data-testid="customer-typing">{view?.typing.length ? 'Customer is typing' : ''}</p>
      <Composer onSend={(text) => void send(text)} onTyping={setTyping} />
    </section>
  );
}

function AgentConsole() {
  useWidgetStyles({});
  const { conversations } = useInbox();
  const [selected, setSelected] = useState<string | null>(null);
  return (
    <main className="kefu-widget" data-theme="light">
      <h1>Inbox</h1>
      <ul aria-label="Inbox">
        {(conversations ?? []).map((view) => (
          <li key={view.id}>
            <button type="button" onClick={() => setSelected(view.id)}>
              Open {view.conversation?.topic ?? view.id} ({view.conversation?.status})
            </button>
          </li>
        ))}
      </ul>
      {selected ? <Workspace conversationId={selected} /> : null}
    </main>
  );
}

const config = pageConfig();
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <KefuAgentProvider options={{ url: config.url, identity: config.identity, reconnect }}>
      <WidgetI18nProvider locale="en">
        <AgentConsole />
      </WidgetI18nProvider>
    </KefuAgentProvider>,
  );
}
