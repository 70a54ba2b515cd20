import { useEffect, useState } from 'react';
import type { AccountsResponse, DemoAgentAccount } from '../../shared/demo-api';
import { demoFetch } from '../shared/demo-fetch';

/** The demo sign-in: pick a seeded agent. A real console signs in through the shop's SSO. */
export function SignIn({ error, onSignIn }: { error: string | null; onSignIn(id: string): void }) {
  const [agents, setAgents] = useState<DemoAgentAccount[]>([]);
  useEffect(() => {
    demoFetch<AccountsResponse>('/api/accounts').then(
      (accounts) => setAgents(accounts.agents),
      () => setAgents([]),
    );
  }, []);
  return (
    <main className="sign-in">
      <h1>
        <span aria-hidden="true">🎧</span> 客服工作台 <small>Agent console</small>
      </h1>
      <p>以演示客服身份登录 · Sign in as a demo agent</p>
      <ul>
        {agents.map((agent) => (
          <li key={agent.id}>
            <button type="button" onClick={() => onSignIn(agent.id)}>
              {agent.name}
              <small>
                {agent.role === 'supervisor' ? '主管 Supervisor' : '客服 Agent'} ·{' '}
                {agent.skills.join(', ')}
              </small>
            </button>
          </li>
        ))}
      </ul>
      {error ? (
        <p role="alert" className="error">
          {error}
        </p>
      ) : null}
    </main>
  );
}
