import { z } from 'zod';
import { IdSchema, InstantSchema, LabelSchema, MetadataSchema } from '../validation/common-schemas';

export const PRESENCES = ['online', 'away', 'offline'] as const;
/** Whether an agent takes new conversations (在线状态). */
export type Presence = (typeof PRESENCES)[number];

export const AgentInputSchema = z.object({
  id: IdSchema,
  name: z.string().trim().min(1).max(200),
  skills: z.array(LabelSchema).max(50).default([]),
  teams: z.array(LabelSchema).max(20).default([]),
  capacity: z.number().int().min(0).max(100).default(5),
  presence: z.enum(PRESENCES).default('offline'),
  metadata: MetadataSchema.default({}),
});

export type AgentInput = z.input<typeof AgentInputSchema>;

export const AgentSchema = AgentInputSchema.extend({
  createdAt: InstantSchema,
  updatedAt: InstantSchema,
  version: z.number().int().positive(),
});

/** A person who answers customers (人工客服): skills, teams, capacity (most open conversations at once) and presence. */
export type Agent = z.infer<typeof AgentSchema>;
