import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import type { SMTPServer } from 'smtp-server';
import { bareAddress, type CreateEmailChannelOptions, checkOptions } from './channel-options';
import { upsertingResolver } from './inbound/email-customer';
import { type InboundResult, type MailEnvelope, receiveMail } from './inbound/receive-mail';
import { createSmtpEndpoint } from './inbound/smtp-endpoint';
import { createOutbox } from './outbound/outbox';
import { createMemoryOutboxStore } from './outbound/outbox-store';
import { splitAddress } from './threading/signed-ids';
import { createMemoryThreadStore } from './threading/thread-store';

/** Default `maxMessageBytes`: 10 MiB, a common MTA limit for support mail with photos. */
const DEFAULT_MAX_MESSAGE_BYTES = 10 * 1024 * 1024;

/**
 * A running e-mail channel over one desk.
 *
 * @example
 * const channel: EmailChannel = createEmailChannel(options);
 * await channel.listen(2525);
 * process.on('SIGTERM', () => channel.close());
 */
export interface EmailChannel {
  /** The inbound SMTP endpoint (`smtp-server`); `listen` starts it, or use `channel.listen`. */
  readonly inbound: SMTPServer;
  /**
   * Starts the inbound endpoint and resolves with where it listens (port 0 picks a free port).
   *
   * @example
   * const { port } = await channel.listen(2525, '127.0.0.1');
   */
  listen(port?: number, host?: string): Promise<AddressInfo>;
  /**
   * Takes one raw mail (RFC 5322) into the desk, as the SMTP endpoint does: for mail that comes
   * from elsewhere (an MTA pipe, a webhook of a mail provider, an IMAP poller).
   *
   * @example
   * const result = await channel.handleRawMail(rawBytes, { rcptTo: ['reply+…@candy.example'] });
   * if (result.outcome !== 'ignored') console.log(result.conversation.id);
   */
  handleRawMail(raw: Buffer | string, envelope?: MailEnvelope): Promise<InboundResult>;
  /**
   * Resolves when every reply posted so far has been tried once: mailed, given up on (reported to
   * `onError`), or waiting for a retry.
   */
  idle(): Promise<void>;
  /** Replies waiting for another attempt after a failed send (0 when all went out). */
  readonly pendingRetries: number;
  /** Closes the endpoint, stops sending after the attempt in progress; progress stays saved. */
  close(): Promise<void>;
}

function domainsOf(...addresses: string[]): Set<string> {
  const domains = new Set<string>();
  for (const address of addresses) {
    const parts = splitAddress(bareAddress(address));
    if (parts) domains.add(parts.domain);
  }
  return domains;
}

/**
 * Connects a desk to e-mail. Inbound mail (over the SMTP endpoint or `handleRawMail`) becomes a
 * conversation with channel `'email'`, or a message in the conversation it replies to; agent and
 * bot replies in those conversations go out through nodemailer with `Message-ID`, `In-Reply-To`,
 * `References` and a signed `Reply-To`. Sending follows the desk's event log from a saved
 * position (`outbound.store`), so replies posted while the channel was down go out when it starts,
 * none goes out twice after a restart, and failed sends are retried with backoff.
 *
 * @example
 * import { createEmailChannel } from '@kefu/channel-email';
 *
 * const channel = createEmailChannel({
 *   desk,
 *   smtp: { host: 'smtp.candy.example', port: 587, auth: { user: 'support', pass: process.env.SMTP_PASS } },
 *   from: '"糖果铺客服" <support@candy.example>',
 *   replyAddress: 'reply@candy.example',
 *   secret: process.env.KEFU_EMAIL_SECRET ?? '',
 * });
 * await channel.listen(2525, '127.0.0.1'); // the shop's MTA relays reply@candy.example here
 */
export function createEmailChannel(options: CreateEmailChannelOptions): EmailChannel {
  checkOptions(options);
  const { desk, secret, replyAddress } = options;
  const onError = options.onError ?? ((error: unknown) => console.error('[kefu:email]', error));
  const threads = options.threads ?? createMemoryThreadStore();
  const fromAddress = bareAddress(options.from);
  const ownsTransport = typeof options.smtp === 'string' || !('sendMail' in options.smtp);
  const transport =
    typeof options.smtp === 'string' || !('sendMail' in options.smtp)
      ? nodemailer.createTransport(options.smtp)
      : options.smtp;
  const replyDomain = splitAddress(replyAddress)?.domain ?? 'localhost';
  const outbound = options.outbound ?? {};
  const outbox = createOutbox(
    {
      desk,
      transport,
      threads,
      onError,
      from: options.from,
      replyAddress,
      secret,
      messageIdDomain: options.messageIdDomain ?? replyDomain,
      ...(outbound.attachFiles ? { attach: outbound.attachFiles } : {}),
    },
    {
      store: outbound.store ?? createMemoryOutboxStore(),
      startAfter: outbound.startAfter ?? 'latest',
      minDelayMs: outbound.retry?.minDelayMs ?? 1_000,
      maxDelayMs: outbound.retry?.maxDelayMs ?? 5 * 60_000,
      pollIntervalMs: outbound.pollIntervalMs ?? 5_000,
    },
  );
  const sending = outbound.enabled === false ? Promise.resolve() : outbox.start();
  const context = {
    desk,
    threads,
    replyAddress,
    fromAddress,
    secret,
    resolveCustomer: options.resolveCustomer ?? upsertingResolver(desk),
    saveAttachment: options.saveAttachment,
    conversation: options.conversation ?? {},
  };
  const handleRawMail = (raw: Buffer | string, envelope?: MailEnvelope) =>
    receiveMail(context, raw, envelope);
  const ourDomains = domainsOf(replyAddress, options.from);
  const acceptRecipient =
    options.acceptRecipient ??
    ((address: string) => ourDomains.has(splitAddress(address)?.domain ?? ''));
  const inbound = createSmtpEndpoint({
    maxMessageBytes: options.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES,
    acceptRecipient,
    receive: handleRawMail,
    onError,
    server: options.inbound ?? {},
  });
  let closed: Promise<void> | null = null;

  return {
    inbound,
    async listen(port = 0, host = '127.0.0.1') {
      await sending;
      return new Promise((resolve, reject) => {
        inbound.server.once('error', reject);
        inbound.listen(port, host, () => {
          inbound.server.off('error', reject);
          resolve(inbound.server.address() as AddressInfo);
        });
      });
    },
    handleRawMail,
    async idle() {
      await sending;
      if (outbound.enabled !== false) await outbox.idle();
    },
    get pendingRetries() {
      return outbox.retries.length;
    },
    close() {
      closed ??= (async () => {
        if (inbound.server.listening) await new Promise<void>((resolve) => inbound.close(resolve));
        await outbox.stop();
        if (ownsTransport && 'close' in transport && typeof transport.close === 'function') {
          transport.close();
        }
      })();
      return closed;
    },
  };
}
