import type { Desk, StartConversationInput } from '@kefu/core';
import { KefuError } from '@kefu/core';
import type { Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';
import type { SMTPServerOptions } from 'smtp-server';
import type { AttachFilesOptions } from './outbound/attach-files';
import type { EmailOutboxStore } from './outbound/outbox-store';
import type { EmailThreadStore } from './threading/thread-store';

/**
 * Who sent an inbound mail, from its `From` header.
 *
 * @example
 * const resolveCustomer = async ({ address }: EmailSender) => (await shop.findByEmail(address))?.id ?? null;
 */
export interface EmailSender {
  /** Lower-cased and trimmed. */
  address: string;
  /** The display name, or `''`. */
  name: string;
}

/**
 * One file of an inbound mail, bytes included, for `saveAttachment`.
 *
 * @example
 * const saveAttachment = async (file: InboundFile) => ({ url: await blobs.put(file.name, file.content, file.contentType) });
 */
export interface InboundFile {
  name: string;
  contentType: string;
  size: number;
  content: Buffer;
  /** `true` for an image embedded in the HTML body (`cid:`), e.g. a pasted screenshot. */
  inline: boolean;
}

/**
 * Settings a conversation started by an inbound mail gets.
 *
 * @example
 * createEmailChannel({ ...options, conversation: { status: 'queued', team: 'after-sales', tags: ['email'] } });
 */
export type EmailConversationDefaults = Pick<
  StartConversationInput,
  'status' | 'skills' | 'team' | 'tags' | 'priority'
>;

/**
 * How replies are mailed: where the channel keeps its progress through the desk's event log, how
 * it retries, how often it looks for replies posted on other nodes.
 *
 * @example
 * createEmailChannel({
 *   ...options,
 *   outbound: {
 *     store: createFileOutboxStore('/var/lib/kefu/email-outbox.json'),
 *     retry: { minDelayMs: 5_000, maxDelayMs: 15 * 60_000 },
 *   },
 * });
 */
export interface EmailOutboundOptions {
  /**
   * Keeps the progress across restarts. Default: `createMemoryOutboxStore()`, which does not
   * survive the process: give a file or database store in production.
   */
  store?: EmailOutboxStore;
  /** Where a store without saved progress starts: `'latest'` (default) or an event position. */
  startAfter?: number | 'latest';
  /** Retry delays after a failed send: doubling from `minDelayMs` (1 s) up to `maxDelayMs` (5 min). */
  retry?: { minDelayMs?: number; maxDelayMs?: number };
  /** How often the event log is read for replies other nodes posted. Default 5 s. */
  pollIntervalMs?: number;
  /** `false` on nodes that only receive mail: one node per store sends. Default `true`. */
  enabled?: boolean;
  /**
   * Attach the files of agent replies that live on these origins to the mail, instead of linking
   * them (default: every attachment is a link).
   */
  attachFiles?: AttachFilesOptions;
}

/**
 * Options of `createEmailChannel`; `desk`, `smtp`, `from`, `replyAddress` and `secret` are required.
 *
 * @example
 * const options: CreateEmailChannelOptions = {
 *   desk, smtp: 'smtps://support:pass@smtp.candy.example', from: 'support@candy.example',
 *   replyAddress: 'reply@candy.example', secret: process.env.KEFU_EMAIL_SECRET ?? '',
 * };
 */
export interface CreateEmailChannelOptions {
  desk: Desk;
  /** How replies leave: nodemailer SMTP transport options, a connection URL, or a transporter. */
  smtp: SMTPTransport.Options | string | Pick<Transporter, 'sendMail'>;
  /** The `From` of replies, e.g. `'"糖果铺客服" <support@candy.example>'`. */
  from: string;
  /**
   * The address customers reply to. Each reply's `Reply-To` is this address with the
   * conversation's signed token: `reply@candy.example` → `reply+TOKEN@candy.example`.
   */
  replyAddress: string;
  /** Signs reply tokens and Message-IDs; at least 16 characters, kept secret, stable across restarts. */
  secret: string;
  /** The right-hand side of minted Message-IDs. Defaults to the domain of `replyAddress`. */
  messageIdDomain?: string;
  /**
   * Maps a sender to a customer id, or `null` to refuse the mail. The customer must exist.
   * Default: a deterministic id from the address (`email_…`), the customer upserted with it.
   */
  resolveCustomer?: (sender: EmailSender) => Promise<string | null> | string | null;
  /**
   * Stores an inbound file and says where it now lives. Without it the bytes are dropped and the
   * message text lists the file's name, type and size.
   */
  saveAttachment?: (file: InboundFile) => Promise<{ url: string }>;
  /** Remembers customers' own Message-IDs. Default: `createMemoryThreadStore()`. */
  threads?: EmailThreadStore;
  /** Largest mail accepted, in bytes, announced as SMTP `SIZE`. Default 10 MiB. */
  maxMessageBytes?: number;
  /**
   * Which recipients the inbound endpoint accepts (`RCPT TO`). Default: addresses at the domain
   * of `replyAddress` or of `from`.
   */
  acceptRecipient?: (address: string) => boolean;
  /** More `smtp-server` options for the inbound endpoint (TLS `key`/`cert`, `banner`, `logger`…). */
  inbound?: Omit<SMTPServerOptions, 'onData' | 'onRcptTo' | 'size'>;
  /** How conversations started by mail are set up (status, skills, team, tags, priority). */
  conversation?: EmailConversationDefaults;
  /** Durable outbound delivery: progress store, retries, polling. */
  outbound?: EmailOutboundOptions;
  /** Errors of outbound sending and of the endpoint. Defaults to `console.error`. */
  onError?: (error: unknown) => void;
}

/** The `address` part of `'"Name" <address>'` or of a bare address. */
export function bareAddress(value: string): string {
  const match = /<([^<>]+)>\s*$/.exec(value);
  return (match?.[1] ?? value).trim();
}

const EMAIL = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Checks the options before anything starts; bad ones throw `VALIDATION`. */
export function checkOptions(options: CreateEmailChannelOptions): void {
  const problems: { path: string; message: string }[] = [];
  if (!EMAIL.test(bareAddress(options.from ?? ''))) {
    problems.push({
      path: 'from',
      message: 'must be an e-mail address, e.g. support@candy.example',
    });
  }
  if (!EMAIL.test(options.replyAddress ?? '') || (options.replyAddress ?? '').includes('+')) {
    problems.push({ path: 'replyAddress', message: 'must be a plain address without "+"' });
  }
  if (typeof options.secret !== 'string' || options.secret.length < 16) {
    problems.push({ path: 'secret', message: 'must be at least 16 characters' });
  }
  const max = options.maxMessageBytes;
  if (max !== undefined && (!Number.isInteger(max) || max < 1024)) {
    problems.push({ path: 'maxMessageBytes', message: 'must be an integer of at least 1024' });
  }
  const outbound = options.outbound ?? {};
  const delays = [outbound.retry?.minDelayMs, outbound.retry?.maxDelayMs, outbound.pollIntervalMs];
  if (delays.some((ms) => ms !== undefined && (!Number.isInteger(ms) || ms < 1))) {
    problems.push({ path: 'outbound', message: 'delays must be positive integers (ms)' });
  }
  const start = outbound.startAfter;
  if (start !== undefined && start !== 'latest' && !(Number.isInteger(start) && start >= 0)) {
    problems.push({ path: 'outbound.startAfter', message: "must be 'latest' or a position ≥ 0" });
  }
  for (const origin of outbound.attachFiles?.origins ?? []) {
    if (!URL.canParse(origin) || !/^https?:$/.test(new URL(origin).protocol)) {
      problems.push({
        path: 'outbound.attachFiles.origins',
        message: `"${origin}" is not an http(s) origin`,
      });
    }
  }
  if (!options.desk || !options.smtp) {
    problems.push({ path: options.desk ? 'smtp' : 'desk', message: 'is required' });
  }
  if (problems.length > 0) {
    const summary = problems.map((p) => `${p.path}: ${p.message}`).join('; ');
    throw new KefuError('VALIDATION', `Invalid e-mail channel options: ${summary}`, {
      issues: problems,
    });
  }
}
