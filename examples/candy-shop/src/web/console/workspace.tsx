import { KefuAgentProvider } from '@kefu/widget-react/agent';
import { useMemo, useState } from 'react';
import type { AgentSession } from '../../shared/demo-api';
import { gatewayUrl } from '../shared/demo-fetch';
import { ConversationView } from './conversation-view';
import { CsatPanel } from './csat-panel';
import { Inbox } from './inbox';
import { IncidentSwitch } from './incident/incident-switch';
import { MetricsPanel } from './metrics-panel';
import { useAgents } from './people';
import { ReviewPage } from './review/review-page';
import { StaffingPage } from './staffing/staffing-page';
import { SupervisorPage } from './supervisor/supervisor-page';
import { TopBar } from './top-bar';

type Tab = 'chat' | 'reports' | 'staffing' | 'supervisor' | 'review' | 'incident';
const TABS: [Tab, string][] = [
  ['chat', '会话 Conversations'],
  ['reports', '报表 Reports'],
  ['staffing', '排班 Staffing'],
  ['supervisor', '主管 Supervisor'],
  ['review', '质检 Quality'],
  ['incident', '应急 Incident'],
];
/** Tabs only supervisors get. */
const SUPERVISOR_TABS: ReadonlySet<Tab> = new Set(['supervisor', 'incident']);

function AgentDesk({ session, onSignOut }: { session: AgentSession; onSignOut(): void }) {
  const [selected, setSelected] = useState<string | null>(null);
  const [tab, setTab] = useState<Tab>('chat');
  const agents = useAgents(selected);
  const agentNames = useMemo(
    () => new Map(agents.map((agent) => [agent.id, agent.name])),
    [agents],
  );
  return (
    <div className="console">
      <TopBar agent={session.agent} onSignOut={onSignOut} />
      <MetricsPanel />
      <div className="tabs" role="tablist">
        {TABS.filter(([id]) => session.agent.role === 'supervisor' || !SUPERVISOR_TABS.has(id)).map(
          ([id, label]) => (
            <button
              key={id}
              type="button"
              role="tab"
              aria-selected={tab === id}
              onClick={() => setTab(id)}
            >
              {label}
            </button>
          ),
        )}
      </div>
      {tab === 'supervisor' ? (
        <SupervisorPage
          selfId={session.agent.id}
          agents={agents}
          onOpen={(id) => {
            setSelected(id);
            setTab('chat');
          }}
        />
      ) : tab === 'review' ? (
        <ReviewPage self={session.agent} agentNames={agentNames} />
      ) : tab === 'incident' ? (
        <IncidentSwitch />
      ) : tab === 'staffing' ? (
        <StaffingPage token={session.token} />
      ) : tab === 'reports' ? (
        <CsatPanel agentNames={agentNames} />
      ) : (
        <div className="desk">
          <Inbox agentId={session.agent.id} selectedId={selected} onSelect={setSelected} />
          {selected ? (
            <ConversationView
              key={selected}
              conversationId={selected}
              self={session.agent}
              agents={agents}
            />
          ) : (
            <p className="muted empty">选择一个会话 Pick a conversation from the inbox</p>
          )}
        </div>
      )}
    </div>
  );
}

/** The signed-in console: one agent connection to the gateway for everything below it. */
export function Workspace({ session, onSignOut }: { session: AgentSession; onSignOut(): void }) {
  return (
    <KefuAgentProvider
      key={session.token}
      options={{
        url: gatewayUrl(),
        identity: { kind: 'agent', token: session.token },
        outboxStorage: null,
      }}
    >
      <AgentDesk session={session} onSignOut={onSignOut} />
    </KefuAgentProvider>
  );
}
