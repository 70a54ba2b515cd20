import type {
  ClientFrame,
  DeskStatus,
  ServerFrame,
  WireConversation,
  WireMessage,
  WireSurvey,
  WireTicket,
} from '@kefu/core/wire';
import { ws } from 'msw';
import type { SetupServer } from 'msw/node';

/** The URL the fake answers on. */
export const FAKE_URL = 'ws://kefu.test/kefu';

/** A scripted gateway in msw: answers the client's requests from in-memory state. */
export interface FakeGateway {
  conversations: Map<string, WireConversation>;
  messages: Map<string, WireMessage[]>;
  deskStatus: DeskStatus;
  tickets: Map<string, WireTicket>;
  surveys: Map<string, WireSurvey>;
  /** Refuse this many upcoming `send` frames with a VALIDATION error. */
  refuseSends: number;
  /** Every frame every connection sent, in order. */
  received: ClientFrame[];
  /** Sends a frame to every open connection. */
  push(frame: ServerFrame): void;
  /** Stores a message from someone else and delivers it. */
  say(
    conversationId: string,
    author: WireMessage['author'],
    text: string,
    extra?: Partial<WireMessage>,
  ): WireMessage;
  /** Changes a conversation and tells the clients. */
  update(conversationId: string, changes: Partial<WireConversation>): void;
  /** Drops every connection, as a network failure would. */
  dropAll(): void;
  connections(): number;
}

let counter = 0;

/** A conversation in the shape the gateway sends. */
export function wireConversation(changes: Partial<WireConversation> = {}): WireConversation {
  counter++;
  return {
    id: `con_${counter}`,
    customerId: 'cus_lin',
    clientId: null,
    status: 'queued',
    topic: null,
    assigneeId: null,
    lastSeq: 0,
    createdAt: 1_700_000_000_000 + counter,
    updatedAt: 1_700_000_000_000 + counter,
    ...changes,
  };
}

/**
 * Installs the fake on `server` (msw's `setupServer()`); identities: customers are who they say,
 * any agent token is `agt_wang`.
 */
export function useFakeGateway(server: SetupServer, url = FAKE_URL): FakeGateway {
  const link = ws.link(url);
  const clients = new Set<{
    send(data: string): void;
    close(code?: number, reason?: string): void;
  }>();
  const fake: FakeGateway = {
    conversations: new Map(),
    messages: new Map(),
    deskStatus: { open: true, nextOpeningAt: null, agentsOnline: 1, acceptingNow: true },
    tickets: new Map(),
    surveys: new Map(),
    refuseSends: 0,
    received: [],
    push(frame) {
      for (const client of clients) client.send(JSON.stringify(frame));
    },
    say(conversationId, author, text, extra = {}) {
      const list = fake.messages.get(conversationId) ?? [];
      const message: WireMessage = {
        id: `msg_${conversationId}_${list.length + 1}`,
        conversationId,
        seq: list.length + 1,
        author,
        text,
        attachments: [],
        internal: false,
        clientId: null,
        createdAt: Date.now(),
        ...extra,
      };
      list.push(message);
      fake.messages.set(conversationId, list);
      fake.update(conversationId, { lastSeq: message.seq });
      fake.push({ type: 'message', message });
      return message;
    },
    update(conversationId, changes) {
      const current = fake.conversations.get(conversationId);
      if (!current) throw new Error(`no conversation ${conversationId}`);
      const next = { ...current, ...changes, updatedAt: current.updatedAt + 1 };
      fake.conversations.set(conversationId, next);
      fake.push({ type: 'conversation', conversation: next });
    },
    dropAll() {
      for (const client of clients) client.close(1006, 'network');
      clients.clear();
    },
    connections: () => clients.size,
  };

  const answer = (frame: ClientFrame, reply: (frame: ServerFrame) => void) => {
    const id = 'id' in frame && typeof frame.id === 'string' ? frame.id : 'none';
    switch (frame.type) {
      case 'hello':
        reply({
          type: 'welcome',
          v: 1,
          session:
            frame.auth.kind === 'agent'
              ? { role: 'agent', id: 'agt_wang' }
              : {
                  role: 'customer',
                  id: frame.auth.kind === 'customer' ? frame.auth.customerId : 'vis_1',
                },
          heartbeatMs: 60_000,
        });
        return;
      case 'start': {
        const conversation = wireConversation({
          clientId: frame.clientId,
          topic: frame.topic ?? null,
        });
        fake.conversations.set(conversation.id, conversation);
        fake.messages.set(conversation.id, []);
        if (frame.message?.text) {
          fake.say(conversation.id, { kind: 'customer', id: 'cus_lin' }, frame.message.text);
        }
        reply({ type: 'ack', id, conversation: fake.conversations.get(conversation.id) });
        return;
      }
      case 'subscribe': {
        const after = frame.afterSeq ?? 0;
        for (const message of fake.messages.get(frame.conversationId) ?? []) {
          if (message.seq > after) reply({ type: 'message', message });
        }
        const conversation = fake.conversations.get(frame.conversationId);
        if (conversation) reply({ type: 'conversation', conversation });
        const survey = fake.surveys.get(frame.conversationId);
        if (survey) reply({ type: 'survey', survey });
        reply({
          type: 'synced',
          conversationId: frame.conversationId,
          lastSeq: conversation?.lastSeq ?? 0,
        });
        return;
      }
      case 'send': {
        if (fake.refuseSends > 0) {
          fake.refuseSends--;
          reply({ type: 'error', id, code: 'VALIDATION', message: 'Refused by the test.' });
          return;
        }
        const list = fake.messages.get(frame.conversationId) ?? [];
        const existing = list.find((message) => message.clientId === frame.clientId);
        const message =
          existing ??
          fake.say(frame.conversationId, { kind: 'customer', id: 'cus_lin' }, frame.text ?? '', {
            clientId: frame.clientId,
            attachments: frame.attachments ?? [],
          });
        reply({ type: 'ack', id, message });
        return;
      }
      case 'inbox':
        reply({
          type: 'ack',
          id,
          conversations: [...fake.conversations.values()].sort((a, b) => b.createdAt - a.createdAt),
        });
        return;
      case 'status':
        reply({ type: 'ack', id, status: fake.deskStatus });
        return;
      case 'tickets':
        reply({ type: 'ack', id, tickets: [...fake.tickets.values()] });
        return;
      case 'ticket_reply': {
        const ticket = fake.tickets.get(frame.ticketId);
        if (!ticket) return;
        const next: WireTicket = {
          ...ticket,
          status: frame.accept ? 'resolved' : 'in_progress',
          resolution: frame.accept ? ticket.proposal : null,
          proposal: frame.accept ? ticket.proposal : null,
          updatedAt: ticket.updatedAt + 1,
        };
        fake.tickets.set(ticket.id, next);
        reply({ type: 'ack', id, ticket: next });
        return;
      }
      case 'rate': {
        const survey = frame.conversationId ? fake.surveys.get(frame.conversationId) : undefined;
        if (!survey) return;
        const answered: WireSurvey = {
          ...survey,
          status: 'answered',
          answers: frame.answers,
          comment: frame.comment ?? null,
          score: Object.values(frame.answers)[0] ?? null,
        };
        fake.surveys.set(frame.conversationId ?? '', answered);
        reply({ type: 'ack', id, survey: answered });
        return;
      }
      case 'act': {
        const status = {
          claim: 'active',
          resolve: 'resolved',
          reopen: 'active',
          close: 'closed',
          pending: 'pending',
          transfer: 'queued',
        }[frame.action];
        fake.update(frame.conversationId, {
          status,
          ...(frame.action === 'claim' ? { assigneeId: 'agt_wang' } : {}),
        });
        reply({ type: 'ack', id, conversation: fake.conversations.get(frame.conversationId) });
        return;
      }
      case 'claim_next': {
        const next = [...fake.conversations.values()].find((c) => c.status === 'queued');
        if (next) fake.update(next.id, { status: 'active', assigneeId: 'agt_wang' });
        reply({
          type: 'ack',
          id,
          ...(next ? { conversation: fake.conversations.get(next.id) } : {}),
        });
        return;
      }
      case 'ping':
        reply({ type: 'pong' });
        return;
      default:
        if (id !== 'none') reply({ type: 'ack', id });
    }
  };

  server.use(
    link.addEventListener('connection', ({ client }) => {
      clients.add(client);
      client.addEventListener('close', () => clients.delete(client));
      client.addEventListener('message', (event) => {
        const frame = JSON.parse(String(event.data)) as ClientFrame;
        fake.received.push(frame);
        answer(frame, (reply) => client.send(JSON.stringify(reply)));
      });
    }),
  );
  return fake;
}
