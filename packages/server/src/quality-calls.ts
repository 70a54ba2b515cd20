import { canSupervise, KefuError, type Review } from '@kefu/core';
import type { AgentCallMethod } from '@kefu/core/protocol';
import type { Call, Input } from './call-types';
import type { GatewayContext } from './gateway-context';

/**
 * Throws `FORBIDDEN` unless the acting agent is a supervisor or an admin. Checked by these calls
 * themselves, with or without `enforceRoles`: reviewing people and switching the whole desk into
 * incident mode are never a plain agent's to do.
 */
async function requireSupervisor(context: GatewayContext, agentId: string): Promise<void> {
  const agent = await context.desk.agents.get(agentId);
  if (agent && canSupervise(agent)) return;
  throw new KefuError('FORBIDDEN', 'Only supervisors and admins may do this.');
}

async function supervises(context: GatewayContext, agentId: string): Promise<boolean> {
  const agent = await context.desk.agents.get(agentId);
  return agent !== null && canSupervise(agent);
}

/** A supervisor call: the role is checked, then the desk gets the input with the actor set. */
const supervisor =
  (run: (context: GatewayContext, input: Input, agentId: string) => Promise<unknown>): Call =>
  async (_desk, input, agentId, context) => {
    await requireSupervisor(context, agentId);
    return run(context, input, agentId);
  };

type QualityMethod = Extract<AgentCallMethod, `quality.${string}` | `incidents.${string}`>;

/**
 * The quality-review and incident calls. The gateway fills in who acts (`reviewerId`, `by`); a
 * plain agent's `quality.list` is narrowed to their own reviews, and `quality.get` of someone
 * else's review is `FORBIDDEN`.
 */
export const QUALITY_CALLS: Record<QualityMethod, Call> = {
  'quality.scorecards': supervisor(async (context) => context.desk.quality.scorecards()),
  'quality.sample': supervisor((context, input) => context.desk.quality.sample(input as never)),
  'quality.start': supervisor((context, input, agentId) =>
    context.desk.quality.start({ ...input, reviewerId: agentId } as never),
  ),
  'quality.score': supervisor((context, input, agentId) =>
    context.desk.quality.score({ ...input, by: agentId } as never),
  ),
  'quality.submit': supervisor((context, input, agentId) =>
    context.desk.quality.submit({ ...input, by: agentId } as never),
  ),
  'quality.resolve': supervisor((context, input, agentId) =>
    context.desk.quality.resolve({ ...input, by: agentId } as never),
  ),
  'quality.report': supervisor((context, input) => context.desk.quality.report(input as never)),
  'quality.list': async (desk, input, agentId, context) => {
    if (await supervises(context, agentId)) return desk.quality.list(input as never);
    if (input.agentId !== undefined && input.agentId !== agentId) {
      throw new KefuError('FORBIDDEN', 'An agent sees only their own reviews; leave out agentId.');
    }
    return desk.quality.list({ ...input, agentId } as never);
  },
  'quality.get': async (desk, input, agentId, context) => {
    const id = input.reviewId;
    if (typeof id !== 'string' || id.length === 0) {
      throw new KefuError('VALIDATION', 'The call needs "reviewId" (a string).');
    }
    const review: Review | null = await desk.quality.get(id);
    if (review && review.agentId !== agentId && !(await supervises(context, agentId))) {
      throw new KefuError('FORBIDDEN', 'This review is about another agent.');
    }
    return review;
  },
  // The desk refuses a dispute by anyone but the reviewed agent.
  'quality.dispute': (desk, input, agentId) =>
    desk.quality.dispute({ ...input, by: agentId } as never),
  'incidents.current': (desk) => desk.incidents.current(),
  'incidents.history': supervisor((context, input) =>
    context.desk.incidents.history(input as never),
  ),
  'incidents.start': supervisor((context, input, agentId) =>
    context.desk.incidents.start({ ...input, by: agentId } as never),
  ),
  'incidents.end': supervisor((context, _input, agentId) =>
    context.desk.incidents.end({ by: agentId }),
  ),
};
