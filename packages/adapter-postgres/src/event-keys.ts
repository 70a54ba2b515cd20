/** A number inside the event document, or NULL when it is missing or not a number. */
const numberAt = (path: string) =>
  `(CASE WHEN jsonb_typeof(doc #> '${path}') = 'number' THEN (doc #>> '${path}')::numeric END)`;

/**
 * Expressions over `events.doc` that migration 4 indexes and the metrics query filters on. The
 * planner uses an expression index only when the query spells the same expression, so both take
 * them from here. They are part of a released migration: never change one; add a migration that
 * indexes a new expression instead.
 *
 * Numbers are read through `numberAt` so that a document with an odd value can still be
 * appended: an index expression that raised an error would make the append fail.
 */
export const EVENT_KEYS = {
  /** Events that carry a conversation snapshot (`data.conversation`). */
  conversationId: `(doc #>> '{data,conversation,id}')`,
  conversationCreatedAt: numberAt('{data,conversation,createdAt}'),
  /** `message.posted`: the message's conversation. */
  messageConversationId: `(doc #>> '{data,message,conversationId}')`,
  /** `survey.sent` and `survey.answered`: the surveyed conversation. */
  surveyConversationId: `(doc #>> '{data,survey,conversationId}')`,
  /** Events that carry a ticket snapshot (`data.ticket`). */
  ticketId: `(doc #>> '{data,ticket,id}')`,
  /** The first conversation a ticket came from: the one a complaint counts for. */
  ticketConversationId: `(doc #>> '{data,ticket,conversationIds,0}')`,
  /** `agent.upserted`: presence changes, for utilisation. */
  agentId: `(doc #>> '{data,agent,id}')`,
  agentUpdatedAt: numberAt('{data,agent,updatedAt}'),
} as const;
