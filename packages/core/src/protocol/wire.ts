/**
 * `@kefu/core/wire`: what a client needs to speak the protocol, without zod — the version, the
 * frame types, `encodeFrame` and a trusting `readServerFrame`. Servers validate with
 * `@kefu/core/protocol`.
 *
 * @module @kefu/core/wire
 */

/** A ticket as agent connections receive it (`agent_ticket` frames): the whole ticket. */
export type { Ticket as AgentTicket } from '../tickets/ticket';
export type {
  ClientFrame,
  Credentials,
  HelloFrame,
  SendFrame,
  StartFrame,
  SubscribeFrame,
} from './client-frames';
export type { AgentCallMethod, ConversationAction } from './protocol-constants';
export {
  AGENT_CALL_METHODS,
  CONVERSATION_ACTIONS,
  isInAgentInbox,
  PRIVILEGED_CALL_METHODS,
  PROTOCOL_VERSION,
  SUPERVISOR_CALL_METHODS,
} from './protocol-constants';
export type {
  ErrorFrame,
  IncidentFrame,
  ServerFrame,
  Session,
  SupervisionEndedFrame,
  SupervisionFrame,
  WelcomeFrame,
} from './server-frames';
export { encodeFrame, readServerFrame } from './wire-codec';
export type {
  DeskStatus,
  LiveMetrics,
  WireConversation,
  WireConversationDetails,
  WireIncident,
  WireLiveConversation,
  WireMessage,
  WireSurvey,
  WireTicket,
} from './wire-records';
