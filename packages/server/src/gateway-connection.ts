import type { IncomingHttpHeaders } from 'node:http';
import { isKefuError, KefuError } from '@kefu/core';
import {
  decodeClientFrame,
  encodeFrame,
  type ParsedClientFrame,
  PROTOCOL_VERSION,
  type ServerFrame,
  toWireConversation,
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
import { InboundBudget, OnePerTurn } from './inbound-budget';
import { acceptAttachments } from './own-attachments';
import { cleanStrings } from './safe-text';
import { sendBacklog } from './subscription-backlog';

type Frame<T extends ParsedClientFrame['type']> = Extract<ParsedClientFrame, { type: T }>;
type RequestFrame = Exclude<
  ParsedClientFrame,
  { type: 'hello' | 'ping' | 'subscribe' | 'unsubscribe' | 'start' | 'send' | 'typing' | 'read' }
>;

/**
 * One client connection, whatever carries it: authenticates with `hello`, then serves frames.
 * Frames are handled one at a time, in arrival order, so a client's sends are stored in the order
 * it sent them.
 */
export class GatewayConnection implements SubscriberHandle {
  principal: Principal | null = null;
  readonly #subscriptions = new Set<string>();
  readonly #budget: InboundBudget;
  readonly #parsing = new OnePerTurn<() => void>((work) => work());
  /** Until when reading is paused (over budget): frames still arriving are dropped quietly. */
  #pausedUntil = 0;
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
    this.#budget = new InboundBudget(context.limits);
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
    // Size, depth and budget are checked before parsing: refusing costs no more than the bytes.
    const refusal = this.#budget.admit(text, byteLength);
    if (refusal) {
      const now = Date.now();
      if (refusal.pauseMs !== undefined) {
        // One error per pause: a flood gets a single answer, not one per frame.
        if (now < this.#pausedUntil) return;
        this.#pausedUntil = now + refusal.pauseMs;
        this.sink.pause?.(refusal.pauseMs);
      }
      // In turn with the frames admitted before it, so answers keep the order frames came in.
      this.#parsing.push(() =>
        this.#error(undefined, refusal.code, refusal.message, refusal.retryAfterMs),
      );
      return;
    }
    this.#parsing.push(() => this.#parse(text));
  }

  /** Parses and validates one admitted frame (one per turn), then queues it for handling. */
  #parse(text: string): void {
    if (this.#closed) return;
    const decoded = decodeClientFrame(text);
    if (!decoded.ok) {
      this.#error(decoded.problem.id, decoded.problem.code, decoded.problem.message);
      return;
    }
    // Control characters and bidi overrides never reach the desk, whatever field they are in.
    const frame = cleanStrings(decoded.frame);
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
    this.sink.send(this.context.uploads.sign(encodeFrame(frame)));
  }

  close(code: number, reason: string): void {
    if (this.#closed) return;
    this.#closed = true;
    clearInterval(this.#heartbeat);
    this.#parsing.clear();
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
    this.#parsing.clear();
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
        case 'ticket_note':
          return requests.ticketNote(scope, frame);
        case 'watch_metrics':
          return requests.watchMetrics(scope);
        case 'watch_supervision':
          return requests.watchSupervision(scope, frame);
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
    const result = await this.context.identify(frame.auth, this.request, { mint: true });
    if (!('role' in result)) {
      this.#error(frame.id, result.code, result.message);
      const limited = result.code === 'RATE_LIMITED';
      this.close(
        limited ? CLOSE_CODES.rateLimited : CLOSE_CODES.unauthorized,
        limited ? 'rate limited' : 'unauthorized',
      );
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
    await sendBacklog(this.context, principal, conversation, frame, (out) => this.deliver(out));
  }

  async #start(principal: Principal, frame: Frame<'start'>): Promise<void> {
    if (principal.role === 'agent') {
      throw new KefuError('FORBIDDEN', 'Agents do not start conversations over the gateway.');
    }
    const key = `${principal.id}:${frame.clientId}`;
    if (!this.context.countedStarts.has(key)) {
      const decision = await this.context.takeLimit('conversations', principal.id);
      if (!decision.allowed) {
        throw new KefuError('RATE_LIMITED', 'Too many new conversations; continue an open one.', {
          details: { retryAfterMs: decision.retryAfterMs },
        });
      }
      this.context.countedStarts.add(key);
    }
    const message = frame.message && {
      ...frame.message,
      attachments: await acceptAttachments(
        this.context,
        frame.message.attachments,
        { kind: 'conversation', customerId: principal.id, conversationId: null },
        this.request.headers,
      ),
    };
    const hasMessage =
      message && (message.text.trim().length > 0 || message.attachments.length > 0);
    await this.context.ensureCustomer(principal);
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
    const decision = await this.context.takeLimit('messages', principal.id);
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
    const conversation = await authorizedConversation(
      this.context,
      principal,
      frame.conversationId,
    );
    const attachments = await acceptAttachments(
      this.context,
      frame.attachments,
      {
        kind: 'conversation',
        customerId: conversation.customerId,
        conversationId: conversation.id,
      },
      this.request.headers,
    );
    const message = await this.context.desk.messages.post({
      conversationId: frame.conversationId,
      author: principal.author,
      text: frame.text,
      attachments,
      clientId: frame.clientId,
      internal: frame.internal,
    });
    if (frame.id) {
      this.#send({
        type: 'ack',
        id: frame.id,
        message: this.context.wireMessage(message, principal.role === 'agent'),
      });
    }
  }

  async #relay(principal: Principal, frame: Frame<'typing'> | Frame<'read'>): Promise<void> {
    if (!this.#subscriptions.has(frame.conversationId)) {
      throw new KefuError('FORBIDDEN', 'Subscribe to the conversation first.');
    }
    // A receipt cannot claim more than was written: clamped to the conversation's last seq.
    const lastSeq =
      frame.type === 'read'
        ? ((await this.context.desk.conversations.get({ conversationId: frame.conversationId }))
            ?.lastSeq ?? 0)
        : 0;
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
            seq: Math.min(frame.seq, lastSeq),
          };
    for (const subscriber of this.context.subscribersOf(frame.conversationId)) {
      if (subscriber !== this) subscriber.deliver(out);
    }
  }
}
