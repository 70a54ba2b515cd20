import { requireCustomerWritable } from '../customers/customer-guard';
import type { CommandContext, RunCommand } from '../desk/command-runner';
import { KefuError } from '../errors/kefu-error';
import type { OrderLookup } from '../orders/order-lookup';
import { decodeCursor, encodeCursor } from '../storage/list-cursor';
import type { StorageAdapter, StorageTransaction } from '../storage/storage-adapter';
import { IdSchema } from '../validation/common-schemas';
import { parseInput } from '../validation/parse-input';
import { type CustomerTicketView, toCustomerView } from './customer-view';
import { openTicket } from './open-ticket';
import type { Actor, Ticket } from './ticket';
import { applyTicketEvent, loadTicket, updateTicket } from './ticket-commands';
import type { TicketMachineEvent } from './ticket-machine-events';
import {
  type AssignTicketInput,
  AssignTicketSchema,
  type CreateTicketInput,
  CreateTicketSchema,
  type CustomerViewInput,
  CustomerViewSchema,
  type EscalateTicketInput,
  EscalateTicketSchema,
  type ListTicketsInput,
  ListTicketsSchema,
  type ProposeInput,
  ProposeSchema,
  type ResolveTicketInput,
  ResolveTicketSchema,
  type StartTicketInput,
  StartTicketSchema,
  type TicketNoteInput,
  TicketNoteSchema,
  type TicketStepInput,
  TicketStepSchema,
  type TriageTicketInput,
  TriageTicketSchema,
} from './ticket-schemas';
import type { TicketSettings } from './ticket-settings';

/**
 * Complaint and after-sales tickets (工单). Each command returns the stored ticket.
 *
 * @example
 * const ticket = await desk.tickets.create({
 *   kind: 'refund', subject: '少发了一盒', customerId: 'cus_lin', by: { kind: 'agent', id: 'agt_wang' },
 * });
 * await desk.tickets.start({ ticketId: ticket.id, by: { kind: 'agent', id: 'agt_wang' } });
 */
export interface TicketsApi {
  /**
   * Opens a ticket from a conversation (by an agent) or by the customer. Attaches the order
   * snapshot, flags repeat complaints, triages by the desk's rules or classifier, and raises
   * `tickets.spike` when one category piles up.
   *
   * @example
   * const ticket = await desk.tickets.create({
   *   kind: 'complaint', categoryId: 'melted', subject: '巧克力到货融化',
   *   customerId: 'cus_lin', conversationId, orderRef: 'SO-20261112-0107',
   *   by: { kind: 'agent', id: 'agt_wang' },
   * });
   */
  create(input: CreateTicketInput): Promise<Ticket>;
  get(id: string): Promise<Ticket | null>;
  list(input?: ListTicketsInput): Promise<{ items: Ticket[]; nextCursor: string | null }>;
  triage(input: TriageTicketInput): Promise<Ticket>;
  start(input: StartTicketInput): Promise<Ticket>;
  awaitCustomer(input: TicketStepInput): Promise<Ticket>;
  awaitThirdParty(input: TicketStepInput): Promise<Ticket>;
  resume(input: TicketStepInput): Promise<Ticket>;
  /**
   * Offers a typed resolution for the customer to accept or reject.
   *
   * @example
   * await desk.tickets.propose({ ticketId, by, resolution: { type: 'refund', amount: 12_800, currency: 'CNY' } });
   */
  propose(input: ProposeInput): Promise<Ticket>;
  /** The customer accepts the proposal: resolved. */
  accept(input: TicketStepInput): Promise<Ticket>;
  /** The customer rejects it: back to work, one more round counted. */
  reject(input: TicketStepInput): Promise<Ticket>;
  resolve(input: ResolveTicketInput): Promise<Ticket>;
  reopen(input: TicketStepInput): Promise<Ticket>;
  close(input: TicketStepInput): Promise<Ticket>;
  cancel(input: TicketStepInput): Promise<Ticket>;
  assign(input: AssignTicketInput): Promise<Ticket>;
  /** To a supervisor or department head; the escalation level goes up. */
  escalate(input: EscalateTicketInput): Promise<Ticket>;
  addNote(input: TicketNoteInput): Promise<Ticket>;
  /** The customer's view: timeline and expected completion, no internal data. */
  customerView(input: CustomerViewInput): Promise<CustomerTicketView>;
}

export function createTicketsApi(
  storage: StorageAdapter,
  run: RunCommand,
  settings: TicketSettings,
  orders: OrderLookup | null,
): TicketsApi {
  /** `text`: the command adds text to the ticket, refused once its customer's erasure began. */
  const onTicket = (
    ticketId: string,
    body: (tx: StorageTransaction, context: CommandContext, ticket: Ticket) => Promise<Ticket>,
    text = false,
  ) =>
    run(async (tx, context) => {
      const ticket = await loadTicket(tx, ticketId);
      // The ticket row is locked: that orders this against the erasure job's ticket batch.
      if (text)
        await requireCustomerWritable(tx, ticket.customerId, 'new ticket text', { lock: false });
      return body(tx, context, ticket);
    });

  /** A workflow command: validate, then one machine event. */
  const step =
    <I extends { ticketId: string; by: Actor }>(
      schema: { safeParse: (v: unknown) => unknown } & Parameters<typeof parseInput>[0],
      what: string,
      event: (input: I, at: number) => TicketMachineEvent,
    ) =>
    async (raw: unknown): Promise<Ticket> => {
      const input = parseInput(schema, raw, what) as I;
      return onTicket(
        input.ticketId,
        (tx, context, ticket) => applyTicketEvent(tx, context, ticket, event(input, context.now)),
        (input as { message?: string }).message !== undefined,
      );
    };
  const base = (input: { by: Actor; message?: string | undefined }, at: number) => ({
    at,
    actor: input.by,
    text: input.message ?? null,
  });
  const validCategory = (categoryId: string | undefined) => {
    if (categoryId === undefined || settings.categories.length === 0) return;
    if (!settings.categories.some((category) => category.id === categoryId)) {
      throw new KefuError(
        'VALIDATION',
        `Unknown category "${categoryId}": add it to tickets.categories.`,
        {
          issues: [{ path: 'categoryId', message: 'not in the desk taxonomy' }],
        },
      );
    }
  };

  return {
    async create(raw) {
      const input = parseInput(CreateTicketSchema, raw, 'ticket');
      if (!settings.kinds.includes(input.kind)) {
        throw new KefuError(
          'VALIDATION',
          `Unknown ticket kind "${input.kind}": add it to tickets.kinds.`,
          {
            issues: [{ path: 'kind', message: `one of ${settings.kinds.join(', ')}` }],
          },
        );
      }
      validCategory(input.categoryId);
      if (input.by.kind === 'customer' && input.by.id !== input.customerId) {
        throw new KefuError('FORBIDDEN', 'A customer can only open tickets for themselves.');
      }
      const orderSnapshot =
        input.orderRef && orders
          ? await orders.getOrder(input.orderRef, { customerId: input.customerId })
          : null;
      if (input.orderRef && orders && !orderSnapshot) {
        throw new KefuError('VALIDATION', `No order "${input.orderRef}" for this customer.`, {
          issues: [{ path: 'orderRef', message: 'unknown order' }],
        });
      }
      return run((tx, context) => openTicket(tx, context, settings, input, orderSnapshot));
    },

    async get(id) {
      return storage.read.tickets.get(parseInput(IdSchema, id, 'ticket id'));
    },

    async list(raw = {}) {
      const input = parseInput(ListTicketsSchema, raw, 'ticket list request');
      const { limit, cursor, ...filter } = input;
      const rows = await storage.read.tickets.list(filter, {
        limit: limit + 1,
        after: cursor ? decodeCursor(cursor) : undefined,
      });
      const items = rows.slice(0, limit);
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last ? encodeCursor(last) : null };
    },

    async triage(raw) {
      const input = parseInput(TriageTicketSchema, raw, 'triage');
      validCategory(input.categoryId);
      return onTicket(
        input.ticketId,
        (tx, context, ticket) =>
          applyTicketEvent(tx, context, ticket, {
            type: 'TRIAGE',
            ...base(input, context.now),
            department: input.department,
            severity: input.severity ?? ticket.severity,
            categoryId: input.categoryId ?? null,
            ownerId: input.ownerId ?? null,
          }),
        (input as { message?: string }).message !== undefined,
      );
    },
    start: step(
      StartTicketSchema,
      'start',
      (input: StartTicketInput & { by: Actor; ticketId: string }, at) => ({
        type: 'START',
        ...base(input, at),
        ownerId: input.ownerId ?? input.by.id,
      }),
    ),
    awaitCustomer: step(TicketStepSchema, 'await customer', (input: StepInput, at) => ({
      type: 'AWAIT_CUSTOMER',
      ...base(input, at),
    })),
    awaitThirdParty: step(TicketStepSchema, 'await third party', (input: StepInput, at) => ({
      type: 'AWAIT_THIRD_PARTY',
      ...base(input, at),
    })),
    resume: step(TicketStepSchema, 'resume', (input: StepInput, at) => ({
      type: 'RESUME',
      ...base(input, at),
    })),
    propose: step(ProposeSchema, 'proposal', (input: ProposeInput & StepInput, at) => ({
      type: 'PROPOSE',
      ...base(input, at),
      resolution: input.resolution as never,
    })),
    accept: step(TicketStepSchema, 'acceptance', (input: StepInput, at) => ({
      type: 'ACCEPT',
      ...base(input, at),
      reopenWindowMs: settings.reopenWindowMs,
    })),
    reject: step(TicketStepSchema, 'rejection', (input: StepInput, at) => ({
      type: 'REJECT',
      ...base(input, at),
    })),
    resolve: step(
      ResolveTicketSchema,
      'resolution',
      (input: ResolveTicketInput & StepInput, at) => ({
        type: 'RESOLVE',
        ...base(input, at),
        resolution: (input.resolution ?? null) as never,
        reopenWindowMs: settings.reopenWindowMs,
      }),
    ),
    reopen: step(TicketStepSchema, 'reopen', (input: StepInput, at) => ({
      type: 'REOPEN',
      ...base(input, at),
    })),
    close: step(TicketStepSchema, 'close', (input: StepInput, at) => ({
      type: 'CLOSE',
      ...base(input, at),
    })),
    cancel: step(TicketStepSchema, 'cancel', (input: StepInput, at) => ({
      type: 'CANCEL',
      ...base(input, at),
    })),

    async assign(raw) {
      const input = parseInput(AssignTicketSchema, raw, 'ticket assignment');
      return onTicket(input.ticketId, (tx, context, ticket) =>
        updateTicket(
          tx,
          context,
          ticket,
          'assigned',
          input.by,
          {
            ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
            ...(input.department !== undefined ? { department: input.department } : {}),
          },
          { text: null, visibility: 'internal' },
        ),
      );
    },

    async escalate(raw) {
      const input = parseInput(EscalateTicketSchema, raw, 'escalation');
      return onTicket(
        input.ticketId,
        (tx, context, ticket) => {
          if (ticket.status === 'closed' || ticket.status === 'cancelled') {
            throw new KefuError(
              'INVALID_TRANSITION',
              `The ticket is ${ticket.status}; it can no longer be escalated.`,
            );
          }
          return updateTicket(
            tx,
            context,
            ticket,
            'escalated',
            input.by,
            {
              escalationLevel: ticket.escalationLevel + 1,
              ...(input.toOwnerId !== undefined ? { ownerId: input.toOwnerId } : {}),
              ...(input.toDepartment !== undefined ? { department: input.toDepartment } : {}),
            },
            { text: input.reason, visibility: 'internal' },
          );
        },
        true,
      );
    },

    async addNote(raw) {
      const input = parseInput(TicketNoteSchema, raw, 'ticket note');
      if (input.by.kind === 'customer' && input.visibility === 'internal') {
        throw new KefuError('VALIDATION', 'Customers write customer-visible updates only.', {
          issues: [{ path: 'visibility', message: 'customers cannot write internal notes' }],
        });
      }
      return onTicket(
        input.ticketId,
        (tx, context, ticket) => {
          if (input.by.kind === 'customer' && input.by.id !== ticket.customerId) {
            throw new KefuError('FORBIDDEN', 'A customer can only write on their own tickets.');
          }
          const attachments = [...ticket.attachments, ...input.attachments];
          if (attachments.length > 20) {
            throw new KefuError('VALIDATION', 'A ticket holds at most 20 attachments.', {
              issues: [{ path: 'attachments', message: 'at most 20 per ticket' }],
            });
          }
          return updateTicket(
            tx,
            context,
            ticket,
            'noted',
            input.by,
            input.attachments.length > 0 ? { attachments } : {},
            {
              text: input.text,
              visibility: input.visibility,
            },
          );
        },
        true,
      );
    },

    async customerView(raw) {
      const input = parseInput(CustomerViewSchema, raw, 'ticket view request');
      const ticket = await storage.read.tickets.get(input.ticketId);
      if (!ticket || ticket.customerId !== input.customerId) {
        throw new KefuError('NOT_FOUND', `No ticket "${input.ticketId}" for this customer.`);
      }
      return toCustomerView(ticket);
    },
  };
}

type StepInput = { ticketId: string; by: Actor; message?: string | undefined };
