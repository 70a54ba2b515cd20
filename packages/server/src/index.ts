/**
 * The gateway: WebSocket and HTTP endpoints over a `Desk`, with customer identity, authorization, rate limits and gap-free fan-out.
 *
 * @module @kefu/server
 */
export type { AgentPresenceOptions } from './agent-presence';
export { DEFAULT_MAX_UPLOAD_BYTES, DEFAULT_UPLOAD_TYPES } from './attachment-bytes';
export type { AttachmentOptions } from './attachment-policy';
export { checkAttachments, DEFAULT_ATTACHMENT_TYPES } from './attachment-policy';
export type { AgentSubject } from './authorization';
export type { Gateway, InProcessConnection } from './create-gateway';
export { createGateway } from './create-gateway';
export type { GatewayHealthCheckOptions } from './gateway-health';
export { createGatewayHealthCheck } from './gateway-health';
export type { GatewayMetricsOptions } from './gateway-metrics';
export { GATEWAY_SERIES } from './gateway-metrics';
export type { GatewayMetricsHandle } from './gateway-operations';
export type {
  AgentAuthRequest,
  CreateGatewayOptions,
  GatewayLimits,
  IdentityOptions,
} from './gateway-options';
export { DEFAULT_LIMITS } from './gateway-options';
export type { VisitorTokenClaims } from './identity';
export {
  DEFAULT_VISITOR_TOKEN_TTL_MS,
  issueVisitorToken,
  readVisitorToken,
  signCustomerId,
  verifyCustomerSignature,
  verifyVisitorToken,
} from './identity';
export { roleForCall } from './role-authorization';
export { cleanText } from './safe-text';
export type {
  CreateWebhookDispatcherOptions,
  WebhookCursorStore,
  WebhookDispatcher,
  WebhookEndpoint,
} from './webhooks';
export { createWebhookDispatcher, signWebhook, verifyWebhookSignature } from './webhooks';
