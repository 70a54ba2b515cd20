import { canSupervise, KefuError, type Review } from '@kefu/core';
import type { AgentCallMethod } from '@kefu/core/protocol';
import { agentMaySee } from './authorization';
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

/**
 * Whether `authorizeAgent` lets this agent at the conversation: a supervisor restricted to some
 * customers reviews only their conversations. Unknown ids pass (the desk answers `NOT_FOUND`).
 */
async function maySeeConversation(context: GatewayContext, agentId: string, id: unknown) {
  if (typeof id !== 'string') return true;
  const conversation = await context.desk.conversations.get({ conversationId: id });
  return conversation === null || agentMaySee(context, agentId, conversation);
}

async function requireConversationScope(context: GatewayContext, agentId: string, id: unknown) {
  if (await maySeeConversation(context, agentId, id)) return;
  throw new KefuError('FORBIDDEN', 'This conversation is outside what this agent may see.');
}

/** The review's conversation must be in the agent's scope. */
async function requireReviewScope(context: GatewayContext, agentId: string, reviewId: unknown) {
  if (typeof reviewId !== 'string') return;
  const review = await context.desk.quality.get(reviewId);
  if (review) await requireConversationScope(context, agentId, review.conversationId);
}

/** Only the rows about conversations this agent may see. */
async function inScope<T extends { conversationId: string }>(
  context: GatewayContext,
  agentId: string,
  rows: readonly T[],
): Promise<T[]> {
  const visible = await Promise.all(
    rows.map((row) => maySeeConversation(context, agentId, row.conversationId)),
  );
  return rows.filter((_, index) => visible[index]);
}

/** A supervisor call: the role is checked, then the desk gets the input with the actor set. */
const supervisor =
  (run: (context: GatewayContext, input: Input, agentId: string) => Promise<unknown>): Call =>
  async (_desk, input, agentId, context) => {
    await requireSupervisor(context, agentId);
    return run(context, input, agentId);
  };

/** A supervisor's step on an existing review in their scope, acting as themselves. */
const reviewStep = (step: 'score' | 'submit' | 'resolve') =>
  supervisor(async (context, input, agentId) => {
    await requireReviewScope(context, agentId, input.reviewId);
    return context.desk.quality[step]({ ...input, by: agentId } as never);
  });

type QualityMethod = Extract<AgentCallMethod, `quality.${string}` | `incidents.${string}`>;

/**
 * The quality-review and incident calls. The gateway fills in who acts (`reviewerId`, `by`); a
 * plain agent's `quality.list` is narrowed to their own reviews, and `quality.get` of someone
 * else's review is `FORBIDDEN`.
 */
export const QUALITY_CALLS: Record<QualityMethod, Call> = {
  'quality.scorecards': supervisor(async (context) => context.desk.quality.scorecards()),
  'quality.sample': supervisor(async (context, input, agentId) =>
    inScope(context, agentId, await context.desk.quality.sample(input as never)),
  ),
  'quality.start': supervisor(async (context, input, agentId) => {
    await requireConversationScope(context, agentId, input.conversationId);
    return context.desk.quality.start({ ...input, reviewerId: agentId } as never);
  }),
  'quality.score': reviewStep('score'),
  'quality.submit': reviewStep('submit'),
  'quality.resolve': reviewStep('resolve'),
  'quality.report': supervisor((context, input) => context.desk.quality.report(input as never)),
  'quality.list': async (desk, input, agentId, context) => {
    if (await supervises(context, agentId)) {
      return inScope(context, agentId, await desk.quality.list(input as never));
    }
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
    if (review) await requireConversationScope(context, agentId, review.conversationId);
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
