/** What a transport tells the client. */
export interface TransportHandlers {
  onOpen(): void;
  onMessage(text: string): void;
  /** Called once, whoever closed: after it, the connection is gone. */
  onClose(code: number, reason: string): void;
}

/** One open (or opening) connection. */
export interface TransportConnection {
  send(text: string): void;
  close(code?: number, reason?: string): void;
}

/**
 * The port the client talks through. WebSocket is the default; `createInProcessTransport` connects
 * to a gateway in the same process. Both pass `runTransportConformance` in `@kefu/server`.
 *
 * @example
 * const transport: ClientTransport = createWebSocketTransport();
 * const client = createKefuClient({ url, identity, transport });
 */
export interface ClientTransport {
  open(url: string, handlers: TransportHandlers): TransportConnection;
}

/** The part of the WebSocket API the transport uses (browsers, Node 22+, and the `ws` package). */
/** A handler type checked bivariantly, so DOM, `ws` and msw sockets all fit. */
type Handler<E> = { bivarianceHack(event: E): void }['bivarianceHack'];

/** The part of the WebSocket API the transport uses (browsers, Node 22+, and the `ws` package). */
export interface WebSocketLike {
  readonly readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: Handler<unknown> | null;
  onmessage: Handler<{ data: unknown }> | null;
  onclose: Handler<{ code: number; reason: string }> | null;
  onerror: Handler<unknown> | null;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

/**
 * The WebSocket transport. Uses `globalThis.WebSocket` unless you pass one (on Node 20, pass the
 * `ws` package's `WebSocket`).
 *
 * @example
 * import WebSocket from 'ws';
 * const transport = createWebSocketTransport({ WebSocket });
 */
export function createWebSocketTransport(
  options: { WebSocket?: WebSocketConstructor } = {},
): ClientTransport {
  return {
    open(url, handlers) {
      const Constructor =
        options.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket ?? null;
      if (!Constructor) {
        throw new Error(
          'No WebSocket in this runtime: pass createWebSocketTransport({ WebSocket }) from the "ws" package.',
        );
      }
      const socket = new Constructor(url);
      let closed = false;
      const finish = (code: number, reason: string) => {
        if (closed) return;
        closed = true;
        handlers.onClose(code, reason);
      };
      socket.onopen = () => handlers.onOpen();
      socket.onmessage = (event) => {
        // Frames are JSON text; binary frames are not part of the protocol.
        if (typeof event.data === 'string' && !closed) handlers.onMessage(event.data);
      };
      socket.onclose = (event) => finish(event.code, event.reason);
      socket.onerror = () => {
        // A close event follows an error; closing here covers sockets that never opened.
        try {
          socket.close();
        } catch {
          // already closing
        }
      };
      return {
        send(text) {
          if (socket.readyState === 1) socket.send(text);
        },
        close(code = 1000, reason = '') {
          try {
            socket.close(code, reason);
          } catch {
            // already closed
          }
          finish(code, reason);
        },
      };
    },
  };
}

/** What `createInProcessTransport` needs: `Gateway.connect` from `@kefu/server` fits. */
export interface InProcessGateway {
  connect(handlers: {
    onMessage(text: string): void;
    onClose(code: number, reason: string): void;
  }): { send(text: string): void; close(): void };
}

/**
 * Connects to a gateway in the same process: no socket, same frames. For tests, examples and
 * server rendering.
 *
 * @example
 * const client = createKefuClient({
 *   url: 'in-process',
 *   identity,
 *   transport: createInProcessTransport(gateway),
 * });
 */
export function createInProcessTransport(gateway: InProcessGateway): ClientTransport {
  return {
    open(_url, handlers) {
      let closed = false;
      const finish = (code: number, reason: string) => {
        if (closed) return;
        closed = true;
        handlers.onClose(code, reason);
      };
      const connection = gateway.connect({
        onMessage: (text) => {
          if (!closed) handlers.onMessage(text);
        },
        onClose: finish,
      });
      queueMicrotask(() => {
        if (!closed) handlers.onOpen();
      });
      return {
        send: (text) => {
          if (!closed) connection.send(text);
        },
        close: (code = 1000, reason = '') => {
          connection.close();
          finish(code, reason);
        },
      };
    },
  };
}
