export type { AgentPresenceOptions } from './agent-presence';
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
