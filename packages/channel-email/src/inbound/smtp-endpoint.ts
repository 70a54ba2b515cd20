import { isKefuError } from '@kefu/core';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';
import type { MailEnvelope } from './receive-mail';

export interface SmtpEndpointOptions {
  maxMessageBytes: number;
  acceptRecipient: (address: string) => boolean;
  receive: (raw: Buffer, envelope: MailEnvelope) => Promise<unknown>;
  onError: (error: unknown) => void;
  server: Omit<SMTPServerOptions, 'onData' | 'onRcptTo' | 'size'>;
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * The SMTP answer to a failed delivery: bad mail and refused senders are permanent (550), so the
 * sending MTA bounces it; anything else (storage down…) is temporary (451) and the MTA retries,
 * which client ids make safe.
 */
function answerFor(error: unknown): Error {
  if (isKefuError(error, 'VALIDATION')) return smtpError(`Message rejected: ${error.message}`, 550);
  if (isKefuError(error, 'FORBIDDEN')) return smtpError(`Sender refused: ${error.message}`, 550);
  return smtpError('Temporary failure, try again later', 451);
}

/** The inbound SMTP endpoint: no AUTH, recipients filtered, size capped, one mail per DATA. */
export function createSmtpEndpoint(options: SmtpEndpointOptions): SMTPServer {
  const { server } = options;
  const hasCertificate = Boolean(server.key && server.cert) || Boolean(server.SNICallback);
  const disabled = new Set(['AUTH', ...(server.disabledCommands ?? [])]);
  // smtp-server's built-in certificate has a public key: better no STARTTLS than a false one.
  if (!hasCertificate && !server.secure) disabled.add('STARTTLS');
  return new SMTPServer({
    logger: false,
    banner: 'Kefu e-mail channel',
    ...server,
    authOptional: true,
    disabledCommands: [...disabled],
    size: options.maxMessageBytes,
    onRcptTo(address, _session, callback) {
      if (options.acceptRecipient(address.address)) callback();
      else callback(smtpError(`No mailbox here for <${address.address}>`, 550));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      let bytes = 0;
      stream.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        // Past the limit the rest is read and dropped, never buffered.
        if (bytes <= options.maxMessageBytes) chunks.push(chunk);
      });
      stream.on('error', (error) => options.onError(error));
      stream.on('end', () => {
        if (stream.sizeExceeded || bytes > options.maxMessageBytes) {
          callback(
            smtpError(`Message exceeds the maximum size of ${options.maxMessageBytes} bytes`, 552),
          );
          return;
        }
        const envelope = { rcptTo: session.envelope.rcptTo.map((rcpt) => rcpt.address) };
        options.receive(Buffer.concat(chunks), envelope).then(
          () => callback(),
          (error: unknown) => {
            if (!isKefuError(error, 'VALIDATION') && !isKefuError(error, 'FORBIDDEN')) {
              options.onError(error);
            }
            callback(answerFor(error));
          },
        );
      });
    },
  });
}
