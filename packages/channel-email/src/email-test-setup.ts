import type { AddressInfo } from 'node:net';
import { createMemoryAdapter } from '@kefu/adapter-memory';
import { createDesk, type Desk } from '@kefu/core';
import { type ParsedMail, simpleParser } from 'mailparser';
import nodemailer from 'nodemailer';
import type Mail from 'nodemailer/lib/mailer';
import { SMTPServer } from 'smtp-server';
import type { CreateEmailChannelOptions } from './channel-options';
import { createEmailChannel, type EmailChannel } from './email-channel';

export const SECRET = 'test-secret-for-the-candy-shop-mail';
export const SUPPORT = 'support@candy.example';
export const LIN = 'lin@customer.example';

/** The customer's mail server: a real SMTP server on 127.0.0.1 that keeps every mail it gets. */
export interface CapturingMta {
  port: number;
  received: ParsedMail[];
  /** The next mail not yet taken, waiting for it if need be. */
  next(timeoutMs?: number): Promise<ParsedMail>;
  close(): Promise<void>;
}

export interface CapturingMtaOptions {
  /** Listen on this port (e.g. one a stopped MTA used); a free one by default. */
  port?: number;
  /** Recipients this MTA refuses with 550, as a server does for an unknown mailbox. */
  rejectRecipient?: (address: string) => boolean;
}

export async function startCapturingMta(options: CapturingMtaOptions = {}): Promise<CapturingMta> {
  const received: ParsedMail[] = [];
  let taken = 0;
  const waiters: (() => void)[] = [];
  const server = new SMTPServer({
    logger: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    onRcptTo(address, _session, callback) {
      if (!options.rejectRecipient?.(address.address)) return callback();
      callback(Object.assign(new Error('5.1.1 No such mailbox'), { responseCode: 550 }));
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          received.push(mail);
          for (const wake of waiters.splice(0)) wake();
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    port,
    received,
    async next(timeoutMs = 5000) {
      const deadline = Date.now() + timeoutMs;
      while (received.length <= taken) {
        if (Date.now() > deadline) throw new Error('no mail arrived at the customer MTA');
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 50);
        });
      }
      const mail = received[taken];
      taken += 1;
      if (!mail) throw new Error('unreachable');
      return mail;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface EmailSetup {
  desk: Desk;
  channel: EmailChannel;
  mta: CapturingMta;
  port: number;
  errors: unknown[];
  /** Sends a mail to the channel's inbound endpoint over SMTP, as the customer's MTA would. */
  send(mail: Mail.Options): Promise<{ messageId: string }>;
  close(): Promise<void>;
}

/** A desk, a channel listening on 127.0.0.1, and the customer's MTA capturing replies. */
export async function setupEmail(
  options: Partial<CreateEmailChannelOptions> = {},
): Promise<EmailSetup> {
  const desk = createDesk({ storage: createMemoryAdapter(), routing: { auto: false } });
  await desk.agents.upsert({ id: 'agt_wang', name: '王客服', presence: 'online' });
  const mta = await startCapturingMta();
  const errors: unknown[] = [];
  const channel = createEmailChannel({
    desk,
    smtp: { host: '127.0.0.1', port: mta.port, secure: false, ignoreTLS: true },
    from: `"糖果铺客服" <${SUPPORT}>`,
    replyAddress: 'reply@candy.example',
    secret: SECRET,
    onError: (error) => errors.push(error),
    ...options,
  });
  const { port } = await channel.listen(0, '127.0.0.1');
  const customer = nodemailer.createTransport({
    host: '127.0.0.1',
    port,
    secure: false,
    ignoreTLS: true,
  });
  let closed: Promise<void> | null = null;
  return {
    desk,
    channel,
    mta,
    port,
    errors,
    async send(mail) {
      const info = await customer.sendMail({ from: `林小糖 <${LIN}>`, to: SUPPORT, ...mail });
      return { messageId: info.messageId };
    },
    close() {
      closed ??= (async () => {
        customer.close();
        await channel.close();
        await mta.close();
        await desk.stop();
      })();
      return closed;
    },
  };
}

export interface RawMailFields {
  from?: string;
  to?: string;
  subject?: string;
  messageId?: string;
  inReplyTo?: string;
  references?: string;
  headers?: Record<string, string>;
  text: string;
}

/** A plain-text RFC 5322 mail, for `handleRawMail`. */
export function rawMail(fields: RawMailFields): string {
  const lines = [
    `From: ${fields.from ?? `林小糖 <${LIN}>`}`,
    `To: ${fields.to ?? SUPPORT}`,
    `Subject: ${fields.subject ?? 'Question'}`,
    `Date: Tue, 01 Dec 2026 10:00:00 +0800`,
    `Message-ID: ${fields.messageId ?? `<${Math.random().toString(36).slice(2)}@customer.example>`}`,
    ...(fields.inReplyTo ? [`In-Reply-To: ${fields.inReplyTo}`] : []),
    ...(fields.references ? [`References: ${fields.references}`] : []),
    ...Object.entries(fields.headers ?? {}).map(([name, value]) => `${name}: ${value}`),
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    'Content-Transfer-Encoding: 8bit',
    '',
    fields.text,
  ];
  return lines.join('\r\n');
}
