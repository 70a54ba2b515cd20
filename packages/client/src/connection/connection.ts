import {
  type ClientFrame,
  type Credentials,
  encodeFrame,
  PROTOCOL_VERSION,
  readServerFrame,
  type ServerFrame,
  type Session,
} from '@kefu/core/wire';
import { defaultTokenStorage } from '../browser-storage';
import type { ConnectionStatus, CreateKefuClientOptions } from '../client-types';
import { backoffDelay } from './backoff';
import { createWebSocketTransport, type TransportConnection } from './transport';

/** One client's link to the gateway: hello, heartbeat, reconnect with backoff. */
export interface Connection {
  /** Sends a frame if the connection is open; false when it is not (nothing was sent). */
  write(frame: ClientFrame): boolean;
  connect(): void;
  /** Closes for good (no reconnect). */
  close(): void;
  status(): ConnectionStatus;
  /** Who the gateway says this client is, from its last welcome. */
  session(): Session | null;
  /** Closed by the app, or for refused credentials: nothing is retried. */
  stopped(): boolean;
  /** The identity it says hello with (a visitor's with the token the gateway issued). */
  credentials(): Credentials;
}

/**
 * Connects with `options`, says hello with the identity (a visitor's saved token when it has
 * none), and reconnects after a drop until closed. `onFrame` gets every frame but `welcome`,
 * which opens the connection and then calls `onWelcome`; `onDrop` hears of each lost connection
 * (`refused` when the gateway refused the credentials or the protocol, which stops the client).
 * `emit` follows every change of status.
 */
export function createConnection(
  options: CreateKefuClientOptions,
  onFrame: (frame: Exclude<ServerFrame, { type: 'welcome' }>) => void,
  onWelcome: () => void,
  onDrop: (refused: boolean) => void,
  emit: () => void,
): Connection {
  const transport = options.transport ?? createWebSocketTransport();
  const tokenStorage =
    options.visitorTokenStorage === undefined ? defaultTokenStorage() : options.visitorTokenStorage;
  let identity: Credentials = options.identity;
  if (identity.kind === 'visitor' && !identity.token) {
    const saved = tokenStorage?.get();
    if (saved) identity = { kind: 'visitor', token: saved };
  }

  let status: ConnectionStatus = 'idle';
  let session: Session | null = null;
  let connection: TransportConnection | null = null;
  let attempt = 0;
  let heartbeatMs = options.heartbeatMs ?? 25_000;
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  let pingTimer: ReturnType<typeof setInterval> | null = null;
  let lastHeardAt = 0;
  let stopped = false;

  const write = (frame: ClientFrame) => {
    if (status !== 'open' || !connection) return false;
    connection.send(encodeFrame(frame));
    return true;
  };

  const startHeartbeat = () => {
    stopHeartbeat();
    lastHeardAt = Date.now();
    pingTimer = setInterval(() => {
      // Silence for two intervals means the connection is dead, even if the socket did not notice.
      if (Date.now() - lastHeardAt > heartbeatMs * 2) {
        connection?.close(4408, 'heartbeat timeout');
        return;
      }
      write({ type: 'ping', at: Date.now() });
    }, heartbeatMs);
  };

  const stopHeartbeat = () => {
    if (pingTimer) clearInterval(pingTimer);
    pingTimer = null;
  };

  const welcome = (frame: Extract<ServerFrame, { type: 'welcome' }>) => {
    session = frame.session;
    heartbeatMs = frame.heartbeatMs;
    status = 'open';
    attempt = 0;
    if (frame.visitorToken && identity.kind === 'visitor') {
      identity = { kind: 'visitor', token: frame.visitorToken };
      tokenStorage?.set(frame.visitorToken);
    }
    startHeartbeat();
    onWelcome();
  };

  const scheduleReconnect = () => {
    if (stopped || reconnectTimer) return;
    status = 'reconnecting';
    const delay = backoffDelay(attempt, options.reconnect);
    attempt++;
    reconnectTimer = setTimeout(() => {
      reconnectTimer = null;
      open();
    }, delay);
  };

  const open = () => {
    if (stopped) return;
    status = attempt === 0 && status !== 'reconnecting' ? 'connecting' : 'reconnecting';
    const current = transport.open(options.url, {
      onOpen: () => {
        if (connection !== current) return;
        lastHeardAt = Date.now();
        current.send(encodeFrame({ type: 'hello', v: PROTOCOL_VERSION, auth: identity }));
      },
      onMessage: (text) => {
        if (connection !== current) return;
        lastHeardAt = Date.now();
        const frame = readServerFrame(text);
        if (frame?.type === 'welcome') welcome(frame);
        else if (frame) onFrame(frame);
      },
      onClose: (code) => {
        if (connection !== current) return;
        connection = null;
        stopHeartbeat();
        // Refused credentials or protocol: retrying the same would be refused again.
        const refused = code === 4401 || code === 4400;
        if (refused) stopped = true;
        onDrop(refused);
        if (stopped) status = 'closed';
        else scheduleReconnect();
        emit();
      },
    });
    connection = current;
    emit();
  };

  return {
    write,
    connect() {
      stopped = false;
      if (!connection && !reconnectTimer) open();
    },
    close() {
      stopped = true;
      if (reconnectTimer) clearTimeout(reconnectTimer);
      reconnectTimer = null;
      stopHeartbeat();
      const current = connection;
      connection = null;
      current?.close(1000, 'client closed');
      status = 'closed';
    },
    status: () => status,
    session: () => session,
    stopped: () => stopped,
    credentials: () => identity,
  };
}
