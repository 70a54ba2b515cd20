import type { Conversation } from '../conversations/conversation';
import type { Customer } from '../customers/customer';
import { KefuError } from '../errors/kefu-error';
import type { DomainEvent } from '../events/domain-events';
import type { Message } from '../messages/message';
import type { AuditEntry } from '../storage/privacy-storage';
import type { ConversationListKey, StorageReader } from '../storage/storage-adapter';
import type { Survey } from '../surveys/survey';
import { type CustomerTicketView, toCustomerView } from '../tickets/customer-view';
import type { Ticket } from '../tickets/ticket';
import type { Scrubber } from './redaction';

/**
 * Name and version of the export document; see docs/concepts/privacy.md for its schema.
 *
 * @example
 * if (doc.schema === CUSTOMER_EXPORT_SCHEMA.schema && doc.version === 1) importV1(doc);
 */
export const CUSTOMER_EXPORT_SCHEMA = { schema: 'kefu.customer-export', version: 1 } as const;

/**
 * A ticket as exported without `includeInternal`: the customer's view plus what they gave us.
 *
 * @example
 * const tickets: ExportedTicket[] = doc.tickets;
 */
export type ExportedTicket =
  | Ticket
  | (CustomerTicketView &
      Pick<Ticket, 'description' | 'attachments' | 'orderSnapshot' | 'conversationIds'>);

/**
 * One event about the customer: what happened and when (the records carry the data).
 *
 * @example
 * const types = doc.events.map((event: ExportedEvent) => event.type);
 */
export type ExportedEvent = Pick<DomainEvent, 'position' | 'id' | 'type' | 'at' | 'subject'>;

/**
 * One piece of the streamed export, in document order.
 *
 * @example
 * for await (const part of parts) if (part.part === 'messages') count += part.messages.length;
 */
export type CustomerExportPart =
  | {
      part: 'header';
      schema: typeof CUSTOMER_EXPORT_SCHEMA.schema;
      version: typeof CUSTOMER_EXPORT_SCHEMA.version;
      exportedAt: number;
      customerId: string;
      includeInternal: boolean;
      /**
       * Personal data is masked as agents see it: message text, the profile, tickets (exports for
       * someone other than the customer).
       */
      masked: boolean;
    }
  | { part: 'customer'; customer: Customer }
  | { part: 'conversation'; conversation: Conversation }
  | { part: 'messages'; conversationId: string; messages: Message[] }
  | { part: 'ticket'; ticket: ExportedTicket }
  | { part: 'survey'; survey: Survey }
  | { part: 'events'; events: ExportedEvent[] }
  | { part: 'access-log'; entries: AuditEntry[] }
  | {
      part: 'end';
      counts: Record<
        'conversations' | 'messages' | 'tickets' | 'surveys' | 'events' | 'accessLog',
        number
      >;
    };

export interface ExportStreamOptions {
  read: StorageReader;
  customer: Customer;
  exportedAt: number;
  includeInternal: boolean;
  pageSize: number;
  /** How to mask messages, the profile and tickets, or null for the customer's own copy. */
  mask: Pick<Scrubber, 'message' | 'customer' | 'ticket' | 'survey'> | null;
}

/** Pages through everything stored about one customer; never holds more than a page. */
export async function* exportStream(
  options: ExportStreamOptions,
): AsyncGenerator<CustomerExportPart> {
  const { read, customer, includeInternal, pageSize, mask } = options;
  const customerId = customer.id;
  const counts = { conversations: 0, messages: 0, tickets: 0, surveys: 0, events: 0, accessLog: 0 };
  yield {
    part: 'header',
    ...CUSTOMER_EXPORT_SCHEMA,
    exportedAt: options.exportedAt,
    customerId,
    includeInternal,
    masked: mask !== null,
  };
  yield { part: 'customer', customer: mask ? mask.customer(customer) : customer };

  const surveys: Survey[] = [];
  let after: ConversationListKey | undefined;
  for (;;) {
    const page = await read.conversations.list({ customerId }, { limit: pageSize, after });
    for (const conversation of page) {
      counts.conversations++;
      if (conversation.survey) surveys.push(conversation.survey);
      yield { part: 'conversation', conversation };
      for (let seq = 0; ; ) {
        const messages = await read.messages.listAfter(conversation.id, seq, pageSize);
        const visible = messages
          .filter((m) => includeInternal || !m.internal)
          .map((m) => (mask ? mask.message(m) : m));
        counts.messages += visible.length;
        if (visible.length > 0)
          yield { part: 'messages', conversationId: conversation.id, messages: visible };
        const last = messages.at(-1);
        if (!last || messages.length < pageSize) break;
        seq = last.seq;
      }
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) break;
    after = { createdAt: last.createdAt, id: last.id };
  }

  after = undefined;
  for (;;) {
    const page = await read.tickets.list({ customerId }, { limit: pageSize, after });
    for (const stored of page) {
      const ticket = mask ? mask.ticket(stored) : stored;
      counts.tickets++;
      if (ticket.survey) surveys.push(ticket.survey);
      const exported: ExportedTicket = includeInternal
        ? ticket
        : {
            ...toCustomerView(ticket),
            description: ticket.description,
            attachments: ticket.attachments,
            orderSnapshot: ticket.orderSnapshot,
            conversationIds: ticket.conversationIds,
          };
      yield { part: 'ticket', ticket: exported };
    }
    const last = page.at(-1);
    if (!last || page.length < pageSize) break;
    after = { createdAt: last.createdAt, id: last.id };
  }

  for (const survey of surveys) {
    counts.surveys++;
    yield { part: 'survey', survey: mask ? mask.survey(survey) : survey };
  }

  // Internal notes (whispers included) and a supervisor watching or taking over are the desk's
  // own business: in the export only with `includeInternal`.
  const agentsOnly = (e: DomainEvent) =>
    (e.type === 'message.posted' && e.data.message.internal) ||
    e.type === 'conversation.watched' ||
    e.type === 'conversation.barged_in';
  for (let position = 0; ; ) {
    const page = await read.privacy.eventsAbout({ customerId }, position, pageSize);
    const events = page
      .filter((e) => includeInternal || !agentsOnly(e))
      .map(({ position, id, type, at, subject }) => ({ position, id, type, at, subject }));
    counts.events += events.length;
    if (events.length > 0) yield { part: 'events', events };
    const last = page.at(-1);
    if (!last || page.length < pageSize) break;
    position = last.position;
  }

  for (let seq = 0; ; ) {
    const page = await read.privacy.listAudit({ customerId }, { after: seq, limit: pageSize });
    counts.accessLog += page.length;
    if (page.length > 0) yield { part: 'access-log', entries: page };
    const last = page.at(-1);
    if (!last || page.length < pageSize) break;
    seq = last.seq;
  }
  yield { part: 'end', counts };
}

const SECTIONS = {
  conversation: 'conversations',
  messages: 'conversations',
  ticket: 'tickets',
  survey: 'surveys',
  events: 'events',
  'access-log': 'accessLog',
} as const;
const SECTION_ORDER = ['conversations', 'tickets', 'surveys', 'events', 'accessLog'] as const;

/**
 * Writes the streamed parts as one JSON document (`kefu.customer-export` v1), chunk by chunk, so
 * the whole export is never in memory. Returns the counts from the `end` part.
 *
 * @example
 * const parts = await desk.privacy.exportCustomer({ customerId: 'cus_lin', actor: { kind: 'customer', id: 'cus_lin' } });
 * const file = fs.createWriteStream('cus_lin.json');
 * await writeCustomerExport(parts, (chunk) => void file.write(chunk));
 */
export async function writeCustomerExport(
  parts: AsyncIterable<CustomerExportPart>,
  write: (chunk: string) => void | Promise<void>,
): Promise<Extract<CustomerExportPart, { part: 'end' }>['counts']> {
  let section = -1;
  let firstItem = true;
  let inConversation = false;
  let firstMessage = true;
  const closeConversation = async () => {
    if (inConversation) await write(']}');
    inConversation = false;
  };
  const enter = async (name: (typeof SECTION_ORDER)[number]) => {
    const target = SECTION_ORDER.indexOf(name);
    while (section < target) {
      if (section >= 0) {
        await closeConversation();
        await write(']');
      }
      section++;
      await write(`,${JSON.stringify(SECTION_ORDER[section])}:[`);
      firstItem = true;
    }
  };
  const item = async (value: string) => {
    await write(firstItem ? value : `,${value}`);
    firstItem = false;
  };
  for await (const part of parts) {
    switch (part.part) {
      case 'header': {
        const { part: _part, ...header } = part;
        await write(JSON.stringify(header).slice(0, -1));
        break;
      }
      case 'customer':
        await write(`,"customer":${JSON.stringify(part.customer)}`);
        break;
      case 'conversation':
        await enter(SECTIONS.conversation);
        await closeConversation();
        await item(`{"conversation":${JSON.stringify(part.conversation)},"messages":[`);
        inConversation = true;
        firstMessage = true;
        break;
      case 'messages':
        for (const message of part.messages) {
          await write(firstMessage ? JSON.stringify(message) : `,${JSON.stringify(message)}`);
          firstMessage = false;
        }
        break;
      case 'ticket':
        await enter(SECTIONS.ticket);
        await item(JSON.stringify(part.ticket));
        break;
      case 'survey':
        await enter(SECTIONS.survey);
        await item(JSON.stringify(part.survey));
        break;
      case 'events':
      case 'access-log':
        await enter(SECTIONS[part.part]);
        for (const entry of part.part === 'events' ? part.events : part.entries) {
          await item(JSON.stringify(entry));
        }
        break;
      case 'end':
        await enter('accessLog');
        await write(`],"counts":${JSON.stringify(part.counts)}}`);
        return part.counts;
    }
  }
  throw new KefuError('UNAVAILABLE', 'The export stream ended early; start the export again.');
}
