import type { Conversation } from '@kefu/core';
import {
  type ParsedClientFrame,
  type ServerFrame,
  toWireConversation,
  toWireSurvey,
} from '@kefu/core/protocol';
import type { GatewayContext, Principal } from './gateway-context';
import { agentWireConversation } from './privacy-views';
import { queueFrame } from './queue-updates';

const PAGE = 500;

/**
 * What a connection that just subscribed is sent: every message after `afterSeq` (internal notes
 * to agents only), the conversation as it is now, its queue position and open survey, then
 * `synced`. Call it after subscribing, so nothing committed meanwhile is missed.
 */
export async function sendBacklog(
  context: GatewayContext,
  principal: Principal,
  conversation: Conversation,
  frame: Extract<ParsedClientFrame, { type: 'subscribe' }>,
  send: (frame: ServerFrame | object) => void,
): Promise<void> {
  const internalVisible = principal.role === 'agent';
  let after = frame.afterSeq;
  let lastSeq = Math.max(after, conversation.lastSeq);
  for (;;) {
    const page = await context.desk.messages.list({
      conversationId: conversation.id,
      afterSeq: after,
      limit: PAGE,
      includeInternal: true,
    });
    for (const message of page) {
      if (internalVisible || !message.internal) {
        send({ type: 'message', message: context.wireMessage(message, internalVisible) });
      }
    }
    const last = page.at(-1);
    if (last) {
      after = last.seq;
      lastSeq = Math.max(lastSeq, last.seq);
    }
    if (page.length < PAGE) break;
  }
  // Read again now that this connection hears changes: one made since the first read (an
  // assignment, a resolution, a survey) is either in this snapshot or arrives live.
  const current =
    (await context.desk.conversations.get({ conversationId: conversation.id })) ?? conversation;
  send({
    type: 'conversation',
    conversation: internalVisible
      ? agentWireConversation(context.desk, current)
      : toWireConversation(current),
  });
  if (current.status === 'queued') {
    send(queueFrame(current.id, context.desk.routing.position(current.id)));
  }
  if (current.survey && !internalVisible) {
    send({ type: 'survey', survey: toWireSurvey(current.survey) });
  }
  send({
    type: 'synced',
    ...(frame.id ? { id: frame.id } : {}),
    conversationId: conversation.id,
    lastSeq,
  });
}
