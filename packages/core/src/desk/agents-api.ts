import { AGENT_DEFAULTS, type Agent, type AgentInput, AgentInputSchema } from '../agent/agent';
import { KefuError } from '../errors/kefu-error';
import type { StorageAdapter } from '../storage/storage-adapter';
import { IdSchema } from '../validation/common-schemas';
import { parseInput } from '../validation/parse-input';
import type { RunCommand } from './command-runner';
import { type SetPresenceInput, SetPresenceSchema } from './command-schemas';
import { upsertRecord } from './upsert-record';

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
      const { record, created } = await upsertRecord<Agent>(tx.agents, context, fields, {
        ...AGENT_DEFAULTS,
        name: fields.id,
      });
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
