import { useConnectionStatus } from '@kefu/widget-react';
import { useAgentClient } from '@kefu/widget-react/agent';
import { useEffect, useState } from 'react';
import type { DemoAgentAccount } from '../../shared/demo-api';
import { ShortcutsHelp } from './shortcuts-help';

type Presence = 'online' | 'away' | 'offline';
const PRESENCE: Record<Presence, string> = {
  online: '在线 Online',
  away: '离开 Away',
  offline: '离线 Offline',
};

/**
 * The agent, their presence (在线状态: only `online` agents get new conversations) and the
 * connection. Presence is set again after every (re)connect.
 */
export function TopBar({ agent, onSignOut }: { agent: DemoAgentAccount; onSignOut(): void }) {
  const client = useAgentClient();
  const connection = useConnectionStatus();
  const [presence, setPresence] = useState<Presence>('online');
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (connection !== 'open') return;
    client.setPresence(presence).then(
      () => setError(null),
      (failure: Error) => setError(failure.message),
    );
  }, [client, connection, presence]);
  const signOut = async () => {
    await client.setPresence('offline').catch(() => {});
    onSignOut();
  };
  return (
    <header className="top-bar">
      <h1>
        <span aria-hidden="true">🎧</span> 客服工作台 <small>Agent console</small>
      </h1>
      <span className={`connection connection-${connection}`}>{connection}</span>
      <label className="presence">
        <span>
          {agent.name}
          {agent.role === 'supervisor' ? ' · 主管' : ''}
        </span>
        <select
          aria-label="Presence"
          value={presence}
          onChange={(event) => setPresence(event.target.value as Presence)}
        >
          {(Object.keys(PRESENCE) as Presence[]).map((value) => (
            <option key={value} value={value}>
              {PRESENCE[value]}
            </option>
          ))}
        </select>
      </label>
      {error ? <span className="error">{error}</span> : null}
      <ShortcutsHelp />
      <button type="button" className="secondary" onClick={signOut}>
        退出 Sign out
      </button>
    </header>
  );
}
