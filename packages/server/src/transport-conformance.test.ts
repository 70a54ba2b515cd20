import { createInProcessTransport, createWebSocketTransport } from '@kefu/client';
import { WebSocket } from 'ws';
import { runTransportConformance } from './transport-conformance';

runTransportConformance('WebSocket', (fixture) => ({
  fixture,
  transport: createWebSocketTransport({ WebSocket }),
  cut: () => fixture.killSockets(),
}));

runTransportConformance('in-process', (fixture) => ({
  fixture,
  transport: createInProcessTransport(fixture.gateway),
  cut: () => fixture.gateway.dropConnections(),
}));
