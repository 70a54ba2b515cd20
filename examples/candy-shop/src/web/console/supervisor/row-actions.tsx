import type { WireLiveConversation } from '@kefu/client/agent';
import type { Agent } from '@kefu/core';
import { useAgentClient } from '@kefu/widget-react/agent';
import { type FormEvent, useState } from 'react';

const TEAMS = ['service', 'after-sales', 'vip-care'];

/**
 * What a supervisor does with one live conversation: watch it (opens it without taking it),
 * whisper to its agent (never shown to the customer), barge in, or reassign it.
 */
export function RowActions({
  row,
  selfId,
  agents,
  onOpen,
}: {
  row: WireLiveConversation;
  selfId: string;
  agents: readonly Agent[];
  onOpen(conversationId: string): void;
}) {
  const client = useAgentClient();
  const [whisper, setWhisper] = useState('');
  const [target, setTarget] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const id = row.conversationId;

  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setBusy(false);
    }
  };
  const sendWhisper = (event: FormEvent) => {
    event.preventDefault();
    const text = whisper.trim();
    if (text) void run(() => client.whisper(id, text).then(() => setWhisper('')));
  };
  const reassign = () => {
    const [kind, value = ''] = target.split(':');
    void run(() =>
      client.reassign(id, kind === 'agent' ? { toAgentId: value } : { toTeam: value }),
    );
  };

  return (
    <div className="row-actions">
      <button
        type="button"
        className="secondary"
        disabled={busy}
        onClick={() => run(() => client.watchAsSupervisor(id).then(() => onOpen(id)))}
      >
        旁听 Watch
      </button>
      <form onSubmit={sendWhisper}>
        <input
          aria-label={`耳语 Whisper to the agent of ${id}`}
          placeholder="耳语 Whisper (客户看不到 not shown to the customer)"
          value={whisper}
          maxLength={2000}
          onChange={(event) => setWhisper(event.target.value)}
        />
        <button type="submit" disabled={busy || !row.assigneeId || !whisper.trim()}>
          耳语 Whisper
        </button>
      </form>
      <button
        type="button"
        disabled={busy || row.assigneeId === selfId}
        onClick={() => run(() => client.bargeIn(id).then(() => onOpen(id)))}
      >
        接管 Barge in
      </button>
      <select
        aria-label={`转派 Reassign ${id}`}
        value={target}
        onChange={(event) => setTarget(event.target.value)}
      >
        <option value="">转派给… Reassign to…</option>
        {agents
          .filter((agent) => agent.id !== row.assigneeId)
          .map((agent) => (
            <option key={agent.id} value={`agent:${agent.id}`}>
              {agent.name ?? agent.id}
            </option>
          ))}
        {TEAMS.map((team) => (
          <option key={team} value={`team:${team}`}>
            队列 Queue · {team}
          </option>
        ))}
      </select>
      <button type="button" className="secondary" disabled={busy || !target} onClick={reassign}>
        转派 Reassign
      </button>
      {error ? (
        <span role="alert" className="error">
          {error}
        </span>
      ) : null}
    </div>
  );
}
