import type { Agent } from '@kefu/core';
import { type FormEvent, useState } from 'react';
import { transferChoices } from './transfer-choices';

/**
 * Transfer (转接) to another agent, or back to a team's queue, with a note for whoever takes over.
 * It starts on the conversation's own queue (its team, else its skills), never on another team's.
 */
export function TransferForm({
  agents,
  selfId,
  team,
  skills,
  onTransfer,
}: {
  agents: readonly Agent[];
  selfId: string;
  /** The conversation's team and skills (agent-only details). */
  team: string | null;
  skills: readonly string[];
  onTransfer(options: { toAgentId: string | null; toTeam?: string; note?: string }): void;
}) {
  const choices = transferChoices({ agents, selfId, team, skills });
  const [target, setTarget] = useState(choices[0]?.value ?? 'queue:');
  const [note, setNote] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const [kind, id = ''] = target.split(':') as [string, string?];
    onTransfer({
      toAgentId: kind === 'agent' ? id : null,
      ...(kind === 'queue' && id ? { toTeam: id } : {}),
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
        {choices.map((choice) => (
          <option key={choice.value} value={choice.value} disabled={choice.disabled}>
            {choice.label}
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
