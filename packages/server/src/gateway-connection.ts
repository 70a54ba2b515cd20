import type { IncomingHttpHeaders } from 'node:http';
import { isKefuError, KefuError } from '@kefu/core';
import {
  decodeClientFrame,
  encodeFrame,
  type ParsedClientFrame,
  PROTOCOL_VERSION,
  type ServerFrame,
  toWireConversation,
  toWireSurvey,
} from '@kefu/core/protocol';
import { authorizedConversation } from './authorization';
import {
  CLOSE_CODES,
  type ConnectionSink,
  type GatewayContext,
  type GatewayHooks,
  type Principal,
  type SubscriberHandle,
} from './gateway-context';
import * as requests from './gateway-requests';
import { queueFrame } from './queue-updates';
import { SlidingWindowLimiter } from './rate-limiter';

type Frame<T extends ParsedClientFrame['type']> = Extract<ParsedClientFrame, { type: T }>;
type RequestFrame = Exclude<
  ParsedClientFrame,
  { type: 'hello' | 'ping' | 'subscribe' | 'unsubscribe' | 'start' | 'send' | 'typing' | 'read' }
>;

const PAGE = 500;
const MINUTE = 60_000;

/**
 * One client connection, whatever carries it: authenticates with `hello`, then serves frames.
 * Frames are handled one at a time, in arrival order, so a client's sends are stored in the order
 * it sent them.
 */
export class GatewayConnection implements SubscriberHandle {
  principal: Principal | null = null;
  readonly #subscriptions = new Set<string>();
  readonly #messages: SlidingWindowLimiter;
  readonly #frames: SlidingWindowLimiter;
  #queue: Promise<void> = Promise.resolve();
  #closed = false;
  #lastSeenAt: number;
  readonly #heartbeat: ReturnType<typeof setInterval>;

  constructor(
    private readonly context: GatewayContext,
    private readonly sink: ConnectionSink,
    readonly request: { headers: IncomingHttpHeaders; ip: string },
    private readonly onClosed: (connection: GatewayConnection) => void,
  ) {
    const now = () => Date.now();
    this.#messages = new SlidingWindowLimiter(context.limits.messagesPerMinute, MINUTE, now);
    this.#frames = new SlidingWindowLimiter(context.limits.framesPerMinute, MINUTE, now);
    this.#lastSeenAt = Date.now();
    // A connection that says nothing (not even hello or ping) for too long is gone.
    this.#heartbeat = setInterval(() => {
      if (Date.now() - this.#lastSeenAt > context.heartbeatMs * 2.5) {
        this.close(CLOSE_CODES.heartbeat, 'heartbeat timeout');
      }
    }, context.heartbeatMs);
    this.#heartbeat.unref?.();
  }

  get closed(): boolean {
    return this.#closed;
  }

  /** A frame arrived; `byteLength` is its size on the wire. */
  receive(text: string, byteLength: number): void {
    if (this.#closed) return;
    this.#lastSeenAt = Date.now();
    if (byteLength > this.context.limits.maxFrameBytes) {
      this.#error(
        undefined,
        'RATE_LIMITED',
        `Frames are limited to ${this.context.limits.maxFrameBytes} bytes.`,
      );
      return;
    }
    const rate = this.#frames.take('frames');
    if (!rate.allowed) {
      this.#error(undefined, 'RATE_LIMITED', 'Too many frames; slow down.', rate.retryAfterMs);
      return;
    }
    const decoded = decodeClientFrame(text);
    if (!decoded.ok) {
      this.#error(decoded.problem.id, decoded.problem.code, decoded.problem.message);
      return;
    }
    const frame = decoded.frame;
    const hooks = this.context.hooks;
    hooks?.frameIn(frame.type);
    this.#queue = this.#queue
      .then(() => (hooks ? this.#timed(frame, hooks) : this.#handle(frame)))
      .catch((error) => this.#fail(frame, error));
  }

  async #timed(frame: ParsedClientFrame, hooks: GatewayHooks): Promise<void> {
    const started = performance.now();
    try {
      await this.#handle(frame);
    } finally {
      hooks.handled(frame.type, performance.now() - started);
    }
  }

  deliver(frame: object): void {
    if (this.#closed) return;
    this.context.hooks?.frameOut(frame);
    this.sink.send(encodeFrame(frame));
  }

  close(code: number, reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeat);
    this.#leave();
    this.onClosed(this);
    this.sink.close(code, reason);
  }

  /** Stops hearing anything: conversations, inbox, tickets. */
  #leave(): void {
    if (this.principal?.role === 'agent') this.context.agentDisconnected(this.principal.id);
    for (const conversationId of this.#subscriptions)
      this.context.unsubscribe(conversationId, this);
    this.#subscriptions.clear();
    this.context.forget(this);
  }

  /** The transport closed by itself. */
  closedByPeer(): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeat);
    this.#leave();
    this.onClosed(this);
  }

  #send(frame: ServerFrame): void {
    this.deliver(frame);
  }

  #error(id: string | undefined, code: KefuError['code'], message: string, retryAfterMs?: number) {
    this.#send({
      type: 'error',
      ...(id ? { id } : {}),
      code,
      message,
      ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
    });
  }

  #fail(frame: ParsedClientFrame, error: unknown): void {
    const id = 'id' in frame ? frame.id : undefined;
    if (isKefuError(error)) {
      const retry = error.details.retryAfterMs;
      this.#error(id, error.code, error.message, typeof retry === 'number' ? retry : undefined);
      return;
    }
    this.context.onError(error);
    this.#error(id, 'UNAVAILABLE', 'The desk could not handle this request; retry later.');
  }

  async #handle(frame: ParsedClientFrame): Promise<void> {
    if (this.#closed) return;
    if (frame.type === 'ping') {
      this.#send({ type: 'pong', ...(frame.at === undefined ? {} : { at: frame.at }) });
      return;
    }
    if (frame.type === 'hello') return this.#hello(frame);
    const principal = this.principal;
    if (!principal) {
      throw new KefuError('UNAUTHORIZED', 'Send a hello frame with credentials first.');
    }
    switch (frame.type) {
      case 'subscribe':
        return this.#subscribe(principal, frame);
      case 'unsubscribe':
        this.#subscriptions.delete(frame.conversationId);
        this.context.unsubscribe(frame.conversationId, this);
        if (frame.id) this.#send({ type: 'ack', id: frame.id });
        return;
      case 'start':
        return this.#start(principal, frame);
      case 'send':
        return this.#sendMessage(principal, frame);
      case 'typing':
      case 'read':
        return this.#relay(principal, frame);
      default:
        return this.#request(principal, frame);
    }
  }

  /** Request frames answered with an `ack` carrying the result. */
  async #request(principal: Principal, frame: RequestFrame): Promise<void> {
    const scope = { context: this.context, principal, handle: this };
    const body = await (() => {
      switch (frame.type) {
        case 'inbox':
          return requests.inbox(scope);
        case 'status':
          return requests.status(scope);
        case 'act':
          return requests.act(scope, frame);
        case 'claim_next':
          return requests.claimNext(scope);
        case 'presence':
          return requests.presence(scope, frame);
        case 'call':
          return requests.call(scope, frame);
        case 'rate':
          return requests.rate(scope, frame);
        case 'tickets':
          return requests.tickets(scope);
        case 'ticket_reply':
          return requests.ticketReply(scope, frame);
        case 'watch_metrics':
          return requests.watchMetrics(scope);
      }
    })();
    if (frame.id) this.#send({ type: 'ack', id: frame.id, ...body });
  }

  async #hello(frame: Frame<'hello'>): Promise<void> {
    if (this.principal) throw new KefuError('VALIDATION', 'This connection already said hello.');
    if (frame.v !== PROTOCOL_VERSION) {
      this.#error(frame.id, 'VALIDATION', `This gateway speaks protocol v${PROTOCOL_VERSION}.`);
      this.close(CLOSE_CODES.protocol, 'unsupported protocol version');
      return;
    }
    const result = await this.context.identify(frame.auth, this.request);
    if (!('role' in result)) {
      this.#error(frame.id, result.code, result.message);
      this.close(CLOSE_CODES.unauthorized, 'unauthorized');
      return;
    }
    // Closed while identifying: nothing to start (and nothing to count for presence).
    if (this.#closed) return;
    this.principal = result;
    if (result.role === 'agent') this.context.agentConnected(result.id);
    this.#send({
      type: 'welcome',
      v: PROTOCOL_VERSION,
      ...(frame.id ? { id: frame.id } : {}),
      session: { role: result.role, id: result.id },
      heartbeatMs: this.context.heartbeatMs,
      ...(result.visitorToken ? { visitorToken: result.visitorToken } : {}),
    });
    this.context.hooks?.identified(this);
  }

  async #subscribe(principal: Principal, frame: Frame<'subscribe'>): Promise<void> {
    const conversation = await authorizedConversation(
      this.context,
      principal,
      frame.conversationId,
    );
    // Subscribe before reading the backlog: a message committed meanwhile arrives live, in the
    // backlog, or both (the client drops duplicates by seq), never neither.
    if (this.#closed) return;
    this.#subscriptions.add(conversation.id);
    this.context.subscribe(conversation.id, this);
    const internalVisible = principal.role === 'agent';
    let after = frame.afterSeq;
    let lastSeq = Math.max(after, conversation.lastSeq);
    for (;;) {
      const page = await this.context.desk.messages.list({
        conversationId: conversation.id,
        afterSeq: after,
        limit: PAGE,
        includeInternal: true,
      });
      for (const message of page) {
        if (internalVisible || !message.internal) {
          this.#send({ type: 'message', message: this.context.wireMessage(message) });
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
    const current = (await this.context.desk.conversations.get(conversation.id)) ?? conversation;
    this.#send({
      type: 'conversation',
      conversation: toWireConversation(current, { forAgent: internalVisible }),
    });
    if (current.status === 'queued') {
      this.deliver(queueFrame(current.id, this.context.desk.routing.position(current.id)));
    }
    if (current.survey && !internalVisible) {
      this.#send({ type: 'survey', survey: toWireSurvey(current.survey) });
    }
    this.#send({
      type: 'synced',
      ...(frame.id ? { id: frame.id } : {}),
      conversationId: conversation.id,
      lastSeq,
    });
  }

  async #start(principal: Principal, frame: Frame<'start'>): Promise<void> {
    if (principal.role === 'agent') {
      throw new KefuError('FORBIDDEN', 'Agents do not start conversations over the gateway.');
    }
    const key = `${principal.id}:${frame.clientId}`;
    if (!this.context.countedStarts.has(key)) {
      const decision = this.context.conversationLimiter.take(principal.id);
      if (!decision.allowed) {
        throw new KefuError('RATE_LIMITED', 'Too many new conversations; continue an open one.', {
          details: { retryAfterMs: decision.retryAfterMs },
        });
      }
      this.context.countedStarts.add(key);
    }
    const message = frame.message;
    const hasMessage =
      message && (message.text.trim().length > 0 || message.attachments.length > 0);
    const conversation = await this.context.desk.conversations.start({
      customerId: principal.id,
      clientId: frame.clientId,
      ...(frame.topic ? { topic: frame.topic } : {}),
      ...(hasMessage ? { message: { ...message, clientId: frame.clientId } } : {}),
    });
    if (frame.id) {
      this.#send({ type: 'ack', id: frame.id, conversation: toWireConversation(conversation) });
    }
  }

  async #sendMessage(principal: Principal, frame: Frame<'send'>): Promise<void> {
    const decision = this.#messages.take('send');
    if (!decision.allowed) {
      throw new KefuError('RATE_LIMITED', 'Too many messages; wait a moment.', {
        details: { retryAfterMs: decision.retryAfterMs },
      });
    }
    if (frame.internal && principal.role !== 'agent') {
      throw new KefuError('FORBIDDEN', 'Only agents write internal notes.');
    }
    // Checked here too, not only by the desk: the desk answers a repeated client id with the
    // stored message before it checks the author.
    await authorizedConversation(this.context, principal, frame.conversationId);
    const message = await this.context.desk.messages.post({
      conversationId: frame.conversationId,
      author: principal.author,
      text: frame.text,
      attachments: frame.attachments,
      clientId: frame.clientId,
      internal: frame.internal,
    });
    if (frame.id) {
      this.#send({ type: 'ack', id: frame.id, message: this.context.wireMessage(message) });
    }
  }

  async #relay(principal: Principal, frame: Frame<'typing'> | Frame<'read'>): Promise<void> {
    if (!this.#subscriptions.has(frame.conversationId)) {
      throw new KefuError('FORBIDDEN', 'Subscribe to the conversation first.');
    }
    const out: ServerFrame =
      frame.type === 'typing'
        ? {
            type: 'typing',
            conversationId: frame.conversationId,
            author: principal.author,
            typing: frame.typing,
          }
        : {
            type: 'read',
            conversationId: frame.conversationId,
            author: principal.author,
            seq: frame.seq,
          };
    for (const subscriber of this.context.subscribersOf(frame.conversationId)) {
      if (subscriber !== this) subscriber.deliver(out);
    }
  }
}
