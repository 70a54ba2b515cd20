/**
 * The gateway: WebSocket and HTTP endpoints over a `Desk`, with customer identity, authorization, rate limits and gap-free fan-out.
 *
 * @module @kefu/server
 */
export type { AgentPresenceOptions } from './agent-presence';
export type { Gateway, InProcessConnection } from './create-gateway';
export { createGateway } from './create-gateway';
export type {
  AgentAuthRequest,
  CreateGatewayOptions,
  GatewayLimits,
  IdentityOptions,
} from './gateway-options';
export { DEFAULT_LIMITS } from './gateway-options';
export {
  issueVisitorToken,
  signCustomerId,
  verifyCustomerSignature,
  verifyVisitorToken,
} from './identity';
export type {
  CreateWebhookDispatcherOptions,
  WebhookCursorStore,
  WebhookDispatcher,
  WebhookEndpoint,
} from './webhooks';
export { createWebhookDispatcher, signWebhook, verifyWebhookSignature } from './webhooks';
