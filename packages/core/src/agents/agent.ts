import { z } from 'zod';
import { IdSchema, InstantSchema, LabelSchema, MetadataSchema } from '../validation/common-schemas';

/**
 * The presence states of an agent.
 *
 * @example
 * ```ts
 * <select>{PRESENCES.map((p) => <option key={p}>{p}</option>)}</select>
 * ```
 */
export const PRESENCES = ['online', 'away', 'offline'] as const;
/**
 * Whether an agent takes new conversations (在线状态).
 *
 * @example
 * ```ts
 * await desk.agents.setPresence({ agentId: 'agt_wang', presence: 'away' satisfies Presence });
 * ```
 */
export type Presence = (typeof PRESENCES)[number];

/**
 * The roles a person can have at the desk, least to most allowed.
 *
 * @example
 * ```ts
 * const role = AGENT_ROLES.includes(claim as AgentRole) ? (claim as AgentRole) : 'agent';
 * ```
 */
export const AGENT_ROLES = ['agent', 'supervisor', 'admin'] as const;
/**
 * What a person may do at the desk: an `agent` answers their own conversations and the queue; a
 * `supervisor` also sees every team's inbox, watches, whispers, barges in, reassigns and reviews
 * quality (质检); an `admin` may do all of that and manage the desk.
 *
 * @example
 * ```ts
 * const canReview = (role: AgentRole) => role === 'supervisor' || role === 'admin';
 * ```
 */
export type AgentRole = (typeof AGENT_ROLES)[number];

/**
 * What `desk.agents.upsert` accepts; fields left out keep their stored value.
 *
 * @example
 * ```ts
 * const input = AgentInputSchema.parse({ id: 'agt_li', name: '李客服', skills: ['after-sales'], capacity: 3 });
 * ```
 */
export const AgentInputSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1).max(200).optional(),
  skills: z.array(LabelSchema).max(50).optional(),
  teams: z.array(LabelSchema).max(20).optional(),
  capacity: z.number().int().min(0).max(100).optional(),
  presence: z.enum(PRESENCES).optional(),
  role: z.enum(AGENT_ROLES).optional(),
  metadata: MetadataSchema.optional(),
});

/**
 * Fields left out keep their stored value (or the default, for a new agent).
 *
 * @example
 * ```ts
 * const input: AgentInput = { id: 'agt_li', teams: ['logistics'], role: 'supervisor' };
 * await desk.agents.upsert(input);
 * ```
 */
export type AgentInput = z.input<typeof AgentInputSchema>;

/**
 * Values a new agent gets for fields left out; `name` defaults to the id.
 *
 * @example
 * ```ts
 * const agent = { ...AGENT_DEFAULTS, id: 'agt_li', name: 'agt_li' }; // capacity 5, offline
 * ```
 */
export const AGENT_DEFAULTS = {
  skills: [] as string[],
  teams: [] as string[],
  capacity: 5,
  presence: 'offline' as Presence,
  role: 'agent' as AgentRole,
  metadata: {},
  load: 0,
  lastAssignedAt: null as number | null,
};

/**
 * An agent as stored, every field filled in.
 *
 * @example
 * ```ts
 * const agent = AgentSchema.parse(JSON.parse(row.data));
 * ```
 */
export const AgentSchema = AgentInputSchema.extend({
  name: z.string().min(1).max(200),
  skills: z.array(LabelSchema),
  teams: z.array(LabelSchema),
  capacity: z.number().int().min(0).max(100),
  presence: z.enum(PRESENCES),
  /** Absent on agents stored before roles existed: read it with `agentRole`, which says `agent`. */
  role: z.enum(AGENT_ROLES).optional(),
  metadata: MetadataSchema,
  /** Open, non-pending (`active`) conversations assigned now; kept by the desk, not set by hand. */
  load: z.number().int().nonnegative(),
  /** When the agent last got a conversation (assignment or transfer), for round robin. */
  lastAssignedAt: InstantSchema.nullable(),
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  version: z.number().int().positive(),
});

/**
 * A person who answers customers (人工客服): skills, teams, capacity (most open conversations at once) and presence.
 *
 * @example
 * ```ts
 * const agents: Agent[] = await desk.agents.list();
 * const online = agents.filter((agent) => agent.presence === 'online');
 * ```
 */
export type Agent = z.infer<typeof AgentSchema>;

/**
 * The agent's role; agents stored before roles existed are plain `agent`s.
 *
 * @example
 * if (agentRole(agent) === 'agent') throw new KefuError('FORBIDDEN', 'Supervisors only.');
 */
export function agentRole(agent: Pick<Agent, 'role'>): AgentRole {
  return agent.role ?? 'agent';
}

/**
 * True for supervisors and admins: they see every team's inbox and may supervise and review.
 *
 * @example
 * const canWhisper = canSupervise(agent);
 */
export function canSupervise(agent: Pick<Agent, 'role'>): boolean {
  return agentRole(agent) !== 'agent';
}
