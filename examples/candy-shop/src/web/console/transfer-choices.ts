import type { Agent } from '@kefu/core';

const TEAMS = ['service', 'after-sales', 'vip-care'];

export interface TransferChoice {
  /** `queue:<team>`, `queue:` (the conversation's own skills, no team) or `agent:<id>`. */
  value: string;
  label: string;
  disabled: boolean;
}

/**
 * What "Transfer to" offers, the default first: the conversation's own queue (its team when it
 * has one, else its skills), then the other teams' queues, then the other agents (only online
 * ones can take it).
 *
 * @example
 * transferChoices({ agents, selfId: 'agt_wang', team: null, skills: ['logistics'] })[0];
 * // { value: 'queue:', label: '原队列 Own queue (logistics)', disabled: false }
 */
export function transferChoices({
  agents,
  selfId,
  team,
  skills,
}: {
  agents: readonly Agent[];
  selfId: string;
  team: string | null;
  skills: readonly string[];
}): TransferChoice[] {
  const own: TransferChoice = team
    ? { value: `queue:${team}`, label: `原队列 Own queue: ${team}`, disabled: false }
    : {
        value: 'queue:',
        label: `原队列 Own queue${skills.length ? ` (${skills.join(', ')})` : ''}`,
        disabled: false,
      };
  const teams = TEAMS.filter((other) => other !== team).map((other) => ({
    value: `queue:${other}`,
    label: `队列 Queue: ${other}`,
    disabled: false,
  }));
  const people = agents
    .filter((agent) => agent.id !== selfId)
    .map((agent) => ({
      value: `agent:${agent.id}`,
      label: `${agent.name} (${agent.presence})`,
      disabled: agent.presence !== 'online',
    }));
  return [own, ...teams, ...people];
}
