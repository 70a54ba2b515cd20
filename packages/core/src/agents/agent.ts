import { z } from 'zod';
import { IdSchema, InstantSchema, LabelSchema, MetadataSchema } from '../validation/common-schemas';

export const PRESENCES = ['online', 'away', 'offline'] as const;
/** Whether an agent takes new conversations (在线状态). */
export type Presence = (typeof PRESENCES)[number];

export const AGENT_ROLES = ['agent', 'supervisor', 'admin'] as const;
/**
 * What a person may do at the desk: an `agent` answers their own conversations and the queue; a
 * `supervisor` also sees every team's inbox, watches, whispers, barges in, reassigns and reviews
 * quality (质检); an `admin` may do all of that and manage the desk.
 */
export type AgentRole = (typeof AGENT_ROLES)[number];

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

/** Fields left out keep their stored value (or the default, for a new agent). */
export type AgentInput = z.input<typeof AgentInputSchema>;

/** Values a new agent gets for fields left out; `name` defaults to the id. */
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

/** A person who answers customers (人工客服): skills, teams, capacity (most open conversations at once) and presence. */
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
