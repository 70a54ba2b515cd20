import { z } from 'zod';
import type { CommandContext, RunCommand } from '../desk/command-runner';
import { KefuError } from '../errors/kefu-error';
import { agentJobKeys } from '../jobs/job';
import type { StorageAdapter, StorageTransaction } from '../storage/storage-adapter';
import { upsertRecord } from '../storage/upsert-record';
import { IdSchema } from '../validation/common-schemas';
import { parseInput } from '../validation/parse-input';
import { AGENT_DEFAULTS, type Agent, type AgentInput, AgentInputSchema } from './agent';

const SetPresenceSchema = z.object({
  agentId: IdSchema,
  presence: z.enum(['online', 'away', 'offline']),
});
export type SetPresenceInput = z.input<typeof SetPresenceSchema>;

export const IdInputSchema = IdSchema;

/**
 * With `whenAgentLeaves.action: 'requeue'`, an agent who goes away or offline gets a job that
 * puts their conversations back in the queue after the grace period; coming back cancels it.
 */
async function updatePresenceJobs(
  tx: StorageTransaction,
  context: CommandContext,
  previous: Agent | null,
  next: Agent,
): Promise<void> {
  const key = agentJobKeys.requeue(next.id);
  if (next.presence === 'online') {
    if (previous && previous.presence !== 'online') await tx.jobs.cancel(key, context.now);
    return;
  }
  const policy = context.settings.routing.whenAgentLeaves;
  if (policy.action !== 'requeue' || previous?.presence !== 'online') return;
  const job = {
    key,
    kind: 'agent.requeue' as const,
    dueAt: context.now + policy.graceMs,
    payload: { agentId: next.id },
  };
  await tx.jobs.schedule(job, context.now);
  context.scheduled(job);
}

/** The people who answer (客服人员): skills, teams, capacity and presence. */
export interface AgentsApi {
  /**
   * Creates the agent, or updates the fields given. Emits `agent.upserted`.
   *
   * @example
   * await desk.agents.upsert({ id: 'agt_wang', name: '王客服', skills: ['orders', 'zh'], capacity: 4 });
   */
  upsert(input: AgentInput): Promise<Agent>;
  /** The agent, or `null`. */
  get(id: string): Promise<Agent | null>;
  /** Every agent, ordered by id. */
  list(): Promise<Agent[]>;
  /**
   * Sets `online`, `away` or `offline`.
   *
   * @example
   * await desk.agents.setPresence({ agentId: 'agt_wang', presence: 'online' });
   */
  setPresence(input: SetPresenceInput): Promise<Agent>;
}

export function createAgentsApi(storage: StorageAdapter, run: RunCommand): AgentsApi {
  const upsert = async (fields: Partial<Agent> & { id: string }, mustExist = false) =>
    run(async (tx, context) => {
      if (mustExist && !(await tx.agents.get(fields.id))) {
        throw new KefuError(
          'NOT_FOUND',
          `No agent "${fields.id}". Create it with desk.agents.upsert first.`,
        );
      }
      const { record, created, previous } = await upsertRecord<Agent>(tx.agents, context, fields, {
        ...AGENT_DEFAULTS,
        name: fields.id,
      });
      await updatePresenceJobs(tx, context, previous, record);
      context.emit({
        type: 'agent.upserted',
        at: context.now,
        subject: { kind: 'agent', id: record.id },
        data: { agent: record, created },
      });
      return record;
    });

  return {
    upsert: async (input) => upsert(parseInput(AgentInputSchema, input, 'agent')),
    async get(id) {
      return storage.read.agents.get(parseInput(IdSchema, id, 'agent id'));
    },
    list: () => storage.read.agents.list(),
    async setPresence(input) {
      const { agentId, presence } = parseInput(SetPresenceSchema, input, 'presence');
      return upsert({ id: agentId, presence }, true);
    },
  };
}
