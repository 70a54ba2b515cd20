import type { Agent } from '@kefu/core';
import { type FormEvent, useState } from 'react';

const TEAMS = ['service', 'after-sales', 'vip-care'];

/** Transfer (转接) to another agent, or back to a team's queue, with a note for whoever takes over. */
export function TransferForm({
  agents,
  selfId,
  onTransfer,
}: {
  agents: readonly Agent[];
  selfId: string;
  onTransfer(options: { toAgentId: string | null; toTeam?: string; note?: string }): void;
}) {
  const [target, setTarget] = useState('queue:after-sales');
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [kind, id] = target.split(':') as [string, string];
    onTransfer({
      toAgentId: kind === 'agent' ? id : null,
      ...(kind === 'queue' ? { toTeam: id } : {}),
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    setNote('');
  };
  return (
    <form className="transfer" onSubmit={submit}>
      <select
        aria-label="Transfer to"
        value={target}
        onChange={(event) => setTarget(event.target.value)}
      >
        {TEAMS.map((team) => (
          <option key={team} value={`queue:${team}`}>
            队列 Queue: {team}
          </option>
        ))}
        {agents
          .filter((agent) => agent.id !== selfId)
          .map((agent) => (
            <option
              key={agent.id}
              value={`agent:${agent.id}`}
              disabled={agent.presence !== 'online'}
            >
              {agent.name} ({agent.presence})
            </option>
          ))}
      </select>
      <input
        aria-label="Transfer note"
        placeholder="交接备注 Note"
        value={note}
        onChange={(event) => setNote(event.target.value)}
      />
      <button type="submit">转接 Transfer</button>
    </form>
  );
}
