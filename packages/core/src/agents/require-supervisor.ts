import { KefuError } from '../errors/kefu-error';
import type { StorageTransaction } from '../storage/storage-adapter';
import { type Agent, canSupervise } from './agent';

/**
 * Inside a command: the agent, when it exists and is a supervisor or admin; else `NOT_FOUND` or
 * `FORBIDDEN`. `what` completes "only supervisors and admins …" in the error.
 */
export async function requireSupervisor(
  tx: StorageTransaction,
  agentId: string,
  what: string,
): Promise<Agent> {
  const agent = await tx.agents.get(agentId);
  if (!agent) throw new KefuError('NOT_FOUND', `No agent "${agentId}".`);
  if (!canSupervise(agent)) {
    throw new KefuError(
      'FORBIDDEN',
      `Agent "${agentId}" is not a supervisor; only supervisors and admins ${what}.`,
      { details: { agentId } },
    );
  }
  return agent;
}
