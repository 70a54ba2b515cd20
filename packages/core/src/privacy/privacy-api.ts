import type { Customer } from '../customers/customer';
import type { CommandContext, RunCommand } from '../desk/command-runner';
import type { DeskSettings } from '../desk/desk-settings';
import { KefuError } from '../errors/kefu-error';
import type { DomainEvent } from '../events/domain-events';
import type { AuditEntry, AuditEntryDraft } from '../storage/privacy-storage';
import type { StorageAdapter, StorageTransaction } from '../storage/storage-adapter';
import type { Survey } from '../surveys/survey';
import type { OrderSnapshot, Ticket } from '../tickets/ticket';
import { parseInput } from '../validation/parse-input';
import { type CustomerExportPart, exportStream } from './customer-export';
import { erasureJob, privacyJobKeys } from './erasure-job';
import { BUILT_IN_DETECTORS, type MaskedText, maskText, type PiiDetector } from './masking';
import { createMaskingScrubber, maskEvent } from './masking-views';
import {
  type EraseCustomerInput,
  EraseCustomerSchema,
  type ExportCustomerInput,
  ExportCustomerSchema,
  type ListAuditInput,
  ListAuditSchema,
  type ReadCustomerInput,
  ReadCustomerSchema,
  type RecordAuditInput,
  RecordAuditSchema,
  type RevealInput,
  RevealSchema,
} from './privacy-schemas';
import {
  type MaskedView,
  maskConversationFields,
  maskCustomerFields,
  maskOrderFields,
  maskSurveyFields,
  maskTicketFields,
  type WithTopic,
} from './record-masking';
import { retentionEnabled, retentionJob } from './retention-job';
import { findRevealed } from './reveal';

/**
 * What `eraseCustomer` did: scheduled the job now, found one running, or nothing to do.
 *
 * @example
 * const { status } = await desk.privacy.eraseCustomer(request); // 'scheduled'
 */
export interface EraseCustomerResult {
  status: 'scheduled' | 'in-progress' | 'already-erased';
  customerId: string;
}

/**
 * The audit log, read-only apart from `record` (append-only, for the shop's own admin actions).
 *
 * @example
 * ```ts
 * const audit: AuditApi = desk.privacy.audit;
 * const page = await audit.list({ actions: ['customer.exported'], actor: { kind: 'admin', id: 'adm_zhao' } });
 * ```
 */
export interface AuditApi {
  /**
   * Entries matching the filter, oldest first, a page at a time. Reading is itself audited.
   *
   * @example
   * const page = await desk.privacy.audit.list({ customerId: 'cus_lin', actor: { kind: 'admin', id: 'adm_zhao' } });
   * const more = await desk.privacy.audit.list({ cursor: page.nextCursor!, actor: { kind: 'admin', id: 'adm_zhao' } });
   */
  list(input: ListAuditInput): Promise<{ entries: AuditEntry[]; nextCursor: string | null }>;
  /**
   * Appends an entry for a change made outside the desk, e.g. retention changed in the shop's admin.
   *
   * @example
   * await desk.privacy.audit.record({ action: 'settings.changed', actor: { kind: 'admin', id: 'adm_zhao' }, details: { retention: { messagesDays: 365 } } });
   */
  record(input: RecordAuditInput): Promise<AuditEntry>;
}

/**
 * Personal data protection (个人信息保护): export, erasure, retention, masking, audit.
 *
 * @example
 * ```ts
 * const privacy: PrivacyApi = desk.privacy;
 * const masked = privacy.mask('我的手机是 13800138000');
 * console.log(masked.text); // 我的手机是 ***********
 * ```
 */
export interface PrivacyApi {
  /**
   * Everything stored about a customer, as a stream of parts (write them with
   * `writeCustomerExport`). Audited; message text is masked unless the customer asks for their own.
   *
   * @example
   * const parts = await desk.privacy.exportCustomer({ customerId: 'cus_lin', actor: { kind: 'customer', id: 'cus_lin' } });
   * for await (const part of parts) console.log(part.part);
   */
  exportCustomer(input: ExportCustomerInput): Promise<AsyncIterable<CustomerExportPart>>;
  /**
   * Erases a customer's personal data as a durable job (it survives restarts and runs once).
   * Idempotent: asking again while it runs, or after, changes nothing.
   *
   * @example
   * await desk.privacy.eraseCustomer({ customerId: 'cus_lin', reason: 'PIPL request #118', actor: { kind: 'admin', id: 'adm_zhao' } });
   * await desk.jobs.runDue();
   */
  eraseCustomer(input: EraseCustomerInput): Promise<EraseCustomerResult>;
  /**
   * A customer's profile, with an audit entry saying who looked.
   *
   * @example
   * const profile = await desk.privacy.readCustomer({ customerId: 'cus_lin', actor: { kind: 'agent', id: 'agt_wang' } });
   */
  readCustomer(input: ReadCustomerInput): Promise<Customer | null>;
  /**
   * The original of one masked value, with an audit entry: a span of a message
   * (`conversationId`, `seq`, `span`), or a masked field of a profile (`customerId`) or ticket
   * (`ticketId`) or conversation (`conversationId`: `topic`, `survey.comment`) by its `path` and
   * `span` (see `maskCustomer`, `maskTicket`, `maskConversation`).
   *
   * @example
   * const { value } = await desk.privacy.reveal({ conversationId, seq: 3, span: 0, actor: { kind: 'agent', id: 'agt_wang' } });
   * const phone = await desk.privacy.reveal({ customerId: 'cus_lin', path: 'contact.phone', actor: { kind: 'agent', id: 'agt_wang' } });
   * const topic = await desk.privacy.reveal({ conversationId, path: 'topic', span: 0, actor: { kind: 'agent', id: 'agt_wang' } });
   */
  reveal(input: RevealInput): Promise<{ kind: string; value: string }>;
  /**
   * The text as agents see it, with the masked spans (nothing masked when masking is off).
   *
   * @example
   * desk.privacy.mask('电话 13812345678').text; // '电话 138****5678'
   */
  mask(text: string): MaskedText;
  /**
   * A customer's profile as agents see it: name, phone, e-mail and the shop's metadata texts
   * masked (林**, 139****5678), with the masked fields listed for `reveal`.
   *
   * @example
   * const view = desk.privacy.maskCustomer(customer);
   * view.contact.phone; // '139****5678'
   * await desk.privacy.reveal({ customerId: view.id, path: 'contact.phone', actor });
   */
  maskCustomer(customer: Customer): MaskedView<Customer>;
  /**
   * A ticket as agents see it: personal data in its texts masked like messages, and in its order
   * snapshot everything but the order's own facts (the receiver's name, phone, address…).
   *
   * @example
   * const view = desk.privacy.maskTicket(ticket);
   * const { value } = await desk.privacy.reveal({ ticketId: view.id, path: view.masked[0]!.path, span: view.masked[0]!.index, actor });
   */
  maskTicket(ticket: Ticket): MaskedView<Ticket>;
  /**
   * A conversation, or a view of one (a wire conversation, a live-view row), as agents see it:
   * personal data detected in its topic and its survey's comment masked like message text, with
   * the masked fields listed (paths `topic`, `survey.comment`) for `reveal` with `conversationId`.
   *
   * @example
   * const view = desk.privacy.maskConversation(conversation); // topic: '改手机 139****5678'
   * const { value } = await desk.privacy.reveal({ conversationId: view.id, path: 'topic', span: 0, actor });
   */
  maskConversation<C extends WithTopic>(conversation: C): MaskedView<C>;
  /**
   * A survey as agents see it: personal data detected in its comment masked (path `comment`).
   * Reveal through its subject: `{ conversationId | ticketId, path: 'survey.comment', span }`.
   *
   * @example
   * const view = desk.privacy.maskSurvey(survey); // comment: '很满意，有事打 139****5678'
   * if (view.masked[0]) await desk.privacy.reveal({ conversationId: survey.conversationId!, path: 'survey.comment', span: view.masked[0].index, actor });
   */
  maskSurvey(survey: Survey): MaskedView<Survey>;
  /**
   * An order from the shop's order system as agents see it (masked like a ticket's snapshot).
   *
   * @example
   * const order = await desk.orders.lookup({ orderRef: 'SO-1', customerId: 'cus_lin' });
   * if (order) send(desk.privacy.maskOrder(order));
   */
  maskOrder(order: OrderSnapshot): MaskedView<OrderSnapshot>;
  /**
   * The event with personal data in its text fields masked, for webhooks and other consumers
   * outside the process.
   *
   * @example
   * const safe = desk.privacy.maskEvent(event);
   */
  maskEvent<E extends DomainEvent>(event: E): E;
  /**
   * Starts the retention job if retention is configured and it is not scheduled yet; call at
   * start-up. Returns whether a job is now live.
   *
   * @example
   * await desk.privacy.scheduleRetention();
   */
  scheduleRetention(): Promise<boolean>;
  readonly audit: AuditApi;
}

/** A record as agents see it when masking is off: nothing masked. */
const unmasked = <T>(record: T): MaskedView<T> => ({ ...record, masked: [] });

type Who = Pick<AuditEntryDraft, 'actor' | 'origin'>;
type What = Pick<AuditEntryDraft, 'action' | 'customerId' | 'target' | 'details'>;

/** Appends one audit entry in the command's transaction, stamped with its instant. */
const recordAudit = (tx: StorageTransaction, context: CommandContext, who: Who, what: What) =>
  tx.privacy.appendAudit({ at: context.now, actor: who.actor, origin: who.origin, ...what });

export function createPrivacyApi(
  storage: StorageAdapter,
  run: RunCommand,
  settings: DeskSettings,
): PrivacyApi {
  const detectors: readonly PiiDetector[] = [
    ...(settings.masking.builtIns ? BUILT_IN_DETECTORS : []),
    ...settings.masking.detectors,
  ];
  const mask = (text: string): MaskedText =>
    settings.masking.enabled ? maskText(text, detectors) : { text, spans: [] };
  const masking = createMaskingScrubber(mask);

  return {
    async exportCustomer(input) {
      const valid = parseInput(ExportCustomerSchema, input, 'export request');
      const ownCopy = valid.actor.kind === 'customer';
      if (ownCopy && valid.actor.id !== valid.customerId) {
        throw new KefuError('FORBIDDEN', 'A customer can export only their own data.');
      }
      if (ownCopy && valid.includeInternal) {
        throw new KefuError('FORBIDDEN', 'Internal notes are not part of a customer’s own copy.');
      }
      const { customer, exportedAt } = await run(async (tx, context) => {
        const customer = await tx.customers.get(valid.customerId);
        if (!customer) throw new KefuError('NOT_FOUND', `No customer "${valid.customerId}".`);
        await recordAudit(tx, context, valid, {
          action: 'customer.exported',
          customerId: customer.id,
          target: null,
          details: { includeInternal: valid.includeInternal },
        });
        return { customer, exportedAt: context.now };
      });
      return exportStream({
        read: storage.read,
        customer,
        exportedAt,
        includeInternal: valid.includeInternal,
        pageSize: valid.pageSize,
        mask: ownCopy || !settings.masking.enabled ? null : masking,
      });
    },

    async eraseCustomer(input) {
      const valid = parseInput(EraseCustomerSchema, input, 'erasure request');
      const live = await storage.jobs.findLive(privacyJobKeys.erase(valid.customerId));
      return run(async (tx, context) => {
        const customer = await tx.customers.get(valid.customerId, { forUpdate: true });
        if (!customer) throw new KefuError('NOT_FOUND', `No customer "${valid.customerId}".`);
        const customerId = customer.id;
        if (customer.erasedAt !== undefined) return { status: 'already-erased', customerId };
        if (live) return { status: 'in-progress', customerId };
        const job = erasureJob(valid, context.now);
        // From this commit on, writes about the customer are refused (customers/customer-guard.ts);
        // the job, which starts after it, covers everything committed before.
        if (customer.erasureRequestedAt === undefined) {
          await tx.customers.update(
            {
              ...customer,
              erasureRequestedAt: context.now,
              updatedAt: context.now,
              version: customer.version + 1,
            },
            customer.version,
          );
        }
        await tx.jobs.schedule(job, context.now);
        context.scheduled(job);
        await recordAudit(tx, context, valid, {
          action: 'customer.erasure_requested',
          customerId,
          target: { kind: 'job', id: job.key },
          details: { reason: valid.reason },
        });
        return { status: 'scheduled', customerId };
      });
    },

    async readCustomer(input) {
      const valid = parseInput(ReadCustomerSchema, input, 'customer read');
      return run(async (tx, context) => {
        const customer = await tx.customers.get(valid.customerId);
        if (!customer) return null;
        await recordAudit(tx, context, valid, {
          action: 'customer.read',
          customerId: customer.id,
          target: { kind: 'customer', id: customer.id },
          details: {},
        });
        return customer;
      });
    },

    async reveal(input) {
      const valid = parseInput(RevealSchema, input, 'reveal request');
      const { kind, value, audit } = await findRevealed(
        storage.read,
        valid,
        mask,
        settings.masking.enabled,
      );
      await run((tx, context) =>
        recordAudit(tx, context, valid, { action: 'value.revealed', ...audit }),
      );
      return { kind, value };
    },

    mask,
    maskEvent: (event) => (settings.masking.enabled ? maskEvent(event, masking) : event),
    maskCustomer: (customer) =>
      settings.masking.enabled ? maskCustomerFields(customer, mask).view : unmasked(customer),
    maskTicket: (ticket) =>
      settings.masking.enabled ? maskTicketFields(ticket, mask).view : unmasked(ticket),
    maskConversation: (conversation) =>
      settings.masking.enabled
        ? maskConversationFields(conversation, mask).view
        : unmasked(conversation),
    maskSurvey: (survey) =>
      settings.masking.enabled ? maskSurveyFields(survey, mask).view : unmasked(survey),
    maskOrder: (order) =>
      settings.masking.enabled ? maskOrderFields(order, mask).view : unmasked(order),

    async scheduleRetention() {
      if (!retentionEnabled(settings.retention)) return false;
      if (await storage.jobs.findLive(privacyJobKeys.retention())) return true;
      await run(async (tx, context) => {
        const job = retentionJob(context.now);
        await tx.jobs.schedule(job, context.now);
        context.scheduled(job);
      });
      return true;
    },

    audit: {
      async list(input) {
        const { cursor, limit, actor, origin, ...filter } = parseInput(
          ListAuditSchema,
          input,
          'audit query',
        );
        const entries = await storage.read.privacy.listAudit(filter, {
          after: cursor === undefined ? 0 : Number(cursor),
          limit,
        });
        await run((tx, context) =>
          recordAudit(
            tx,
            context,
            { actor, origin },
            {
              action: 'audit.read',
              customerId: filter.customerId ?? null,
              target: null,
              details: { filter, count: entries.length },
            },
          ),
        );
        const last = entries.at(-1);
        return { entries, nextCursor: entries.length === limit && last ? String(last.seq) : null };
      },
      async record(input) {
        const valid = parseInput(RecordAuditSchema, input, 'audit entry');
        return run((tx, context) =>
          recordAudit(tx, context, valid, {
            action: valid.action,
            customerId: null,
            target: valid.target,
            details: valid.details,
          }),
        );
      },
    },
  };
}
