import {
  applyConversationEvent,
  commitConversation,
} from '../conversations/apply-conversation-event';
import type { Conversation } from '../conversations/conversation';
import type { CommandContext } from '../desk/command-runner';
import type { StorageTransaction } from '../storage/storage-adapter';
import type { Priority } from '../vocabulary/channels-and-priorities';
import { PRIORITIES } from '../vocabulary/channels-and-priorities';
import { nextEscalation } from './sla-tracking';

const rank = (priority: Priority) => PRIORITIES.indexOf(priority);

/**
 * Takes every escalation step that is due at `context.now`, level by level, while targets stay
 * unmet: raises priority, moves the conversation to a team or an agent, and announces each step
 * as `sla.escalated` (notify and custom actions are for listeners of that event).
 */
export async function escalateDueSteps(
  tx: StorageTransaction,
  context: CommandContext,
  conversation: Conversation,
): Promise<Conversation> {
  let current = conversation;
  for (;;) {
    if (!current.sla) return current;
    const due = nextEscalation(context.sla, current.sla);
    if (!due || due.dueAt === null || due.dueAt > context.now) return current;
    const priority = due.step.actions.reduce<Priority>(
      (highest, action) =>
        action.type === 'raise-priority' && rank(action.to) > rank(highest) ? action.to : highest,
      current.priority,
    );
    current = await commitConversation(tx, context, current, {
      priority,
      updatedAt: context.now,
      sla: { ...current.sla, escalationLevel: due.level },
    });
    for (const action of due.step.actions) {
      if (action.type === 'assign-team')
        current = await moveToTeam(tx, context, current, action.team);
      if (action.type === 'assign-agent')
        current = await moveToAgent(tx, context, current, action.agentId);
    }
    context.emit({
      type: 'sla.escalated',
      at: context.now,
      subject: { kind: 'conversation', id: current.id },
      data: {
        conversation: current,
        ticket: null,
        policyId: due.policy.id,
        level: due.level,
        trigger: due.step.on,
        actions: due.step.actions,
      },
    });
  }
}

async function moveToTeam(
  tx: StorageTransaction,
  context: CommandContext,
  conversation: Conversation,
  team: string,
): Promise<Conversation> {
  if (conversation.status === 'queued' || conversation.status === 'bot') {
    return conversation.team === team
      ? conversation
      : commitConversation(tx, context, conversation, { team, updatedAt: context.now });
  }
  if (conversation.status !== 'active' && conversation.status !== 'pending') return conversation;
  return applyConversationEvent(tx, context, conversation, {
    type: 'TRANSFER',
    at: context.now,
    toAgentId: null,
    toTeam: team,
    reason: 'SLA escalation',
    by: null,
  });
}

// Only to an agent who is online with room: an escalation never overloads anyone.
async function moveToAgent(
  tx: StorageTransaction,
  context: CommandContext,
  conversation: Conversation,
  agentId: string,
): Promise<Conversation> {
  const agent = await tx.agents.get(agentId, { forUpdate: true });
  if (agent?.presence !== 'online' || agent.load >= agent.capacity) return conversation;
  if (conversation.status === 'queued') {
    return applyConversationEvent(tx, context, conversation, {
      type: 'ASSIGN',
      at: context.now,
      agentId,
    });
  }
  if (
    (conversation.status === 'active' || conversation.status === 'pending') &&
    conversation.assigneeId !== agentId
  ) {
    return applyConversationEvent(tx, context, conversation, {
      type: 'TRANSFER',
      at: context.now,
      toAgentId: agentId,
      toTeam: null,
      reason: 'SLA escalation',
      by: null,
    });
  }
  return conversation;
}
