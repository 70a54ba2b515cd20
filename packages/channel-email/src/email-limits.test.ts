import { connect } from 'node:net';
import { createMemoryAdapter } from '@kefu/adapter-memory';
import { createDesk, isKefuError } from '@kefu/core';
import nodemailer from 'nodemailer';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmailChannel } from './email-channel';
import { type EmailSetup, LIN, rawMail, SECRET, SUPPORT, setupEmail } from './email-test-setup';

let setup: EmailSetup;
afterEach(async () => {
  await setup?.close();
});

async function stored() {
  const { items } = await setup.desk.conversations.list({});
  const customer = await setup.desk.customers.get('email_probe');
  return { conversations: items.length, events: await setup.desk.events.lastPosition(), customer };
}

async function smtpFailure(
  promise: Promise<unknown>,
): Promise<{ responseCode?: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { responseCode?: number; message: string };
  }
  throw new Error('the SMTP exchange was expected to fail');
}

/** A bare SMTP client that does not declare SIZE, as some do: the answer to its DATA. */
function sendWithoutSize(port: number, raw: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const steps = [
      'EHLO probe',
      `MAIL FROM:<${LIN}>`,
      `RCPT TO:<${SUPPORT}>`,
      'DATA',
      `${raw}\r\n.`,
    ];
    let buffer = '';
    socket.setEncoding('utf8');
    socket.on('error', reject);
    socket.on('data', (chunk: string) => {
      buffer += chunk;
      // Each complete reply (last line "NNN text") lets the next command go.
      while (/^\d{3} .*\r\n/m.test(buffer)) {
        const match = /^(\d{3}) .*\r\n/m.exec(buffer);
        if (!match) break;
        buffer = buffer.slice((match.index ?? 0) + match[0].length);
        const step = steps.shift();
        if (step === undefined) {
          socket.end('QUIT\r\n');
          resolve(match[0].trim());
          return;
        }
        socket.write(`${step}\r\n`);
      }
    });
  });
}

describe('limits and bad input on the SMTP endpoint', () => {
  it('refuses an oversized mail in DATA too, when the client did not declare its size', async () => {
    setup = await setupEmail({ maxMessageBytes: 4096 });
    const answer = await sendWithoutSize(setup.port, rawMail({ text: 'x'.repeat(8000) }));
    expect(answer).toMatch(/^552 /);
    expect((await setup.desk.conversations.list({})).items).toHaveLength(0);
    const fits = await sendWithoutSize(setup.port, rawMail({ text: '我的糖果什么时候到？' }));
    expect(fits).toMatch(/^250 /);
    expect((await setup.desk.conversations.list({})).items).toHaveLength(1);
  });

  it('refuses a mail over maxMessageBytes with 552 and stores nothing', async () => {
    setup = await setupEmail({ maxMessageBytes: 64 * 1024 });
    const before = await stored();
    const error = await smtpFailure(setup.send({ subject: '照片', text: '糖'.repeat(40_000) }));
    expect(error.responseCode).toBe(552);
    expect(await stored()).toEqual(before);
    // Just under the limit still goes through.
    await setup.send({ subject: '照片', text: '糖'.repeat(10_000) });
    expect((await setup.desk.conversations.list({})).items).toHaveLength(1);
  });

  it('rejects a malformed mail with 550 and stores nothing', async () => {
    setup = await setupEmail();
    const before = await stored();
    const client = nodemailer.createTransport({
      host: '127.0.0.1',
      port: setup.port,
      ignoreTLS: true,
    });
    try {
      const noSender = await smtpFailure(
        client.sendMail({
          envelope: { from: LIN, to: [SUPPORT] },
          raw: 'Subject: no sender here\r\n\r\nhello',
        }),
      );
      expect(noSender.responseCode).toBe(550);
      const empty = await smtpFailure(
        client.sendMail({ envelope: { from: LIN, to: [SUPPORT] }, raw: rawMail({ text: '   ' }) }),
      );
      expect(empty.responseCode).toBe(550);
    } finally {
      client.close();
    }
    expect(await stored()).toEqual(before);
    expect(setup.errors).toEqual([]);
  });

  it('handleRawMail throws VALIDATION for the same mail', async () => {
    setup = await setupEmail();
    const error = await setup.channel
      .handleRawMail('garbage without headers')
      .catch((e: unknown) => e);
    expect(isKefuError(error, 'VALIDATION')).toBe(true);
    expect((await setup.desk.conversations.list({})).items).toHaveLength(0);
  });

  it('refuses recipients outside the shop’s domains at RCPT TO', async () => {
    setup = await setupEmail();
    const error = await smtpFailure(
      setup.send({ to: 'someone@elsewhere.example', text: 'relay me' }),
    );
    expect(error.responseCode).toBe(550);
    expect((await setup.desk.conversations.list({})).items).toHaveLength(0);
  });

  it('refuses senders resolveCustomer does not know, with 550', async () => {
    setup = await setupEmail({
      resolveCustomer: (sender) => (sender.address === LIN ? 'cus_lin' : null),
    });
    await setup.desk.customers.upsert({ id: 'cus_lin', name: '林小糖', contact: { email: LIN } });
    const error = await smtpFailure(setup.send({ from: 'spam@junk.example', text: 'buy now' }));
    expect(error.responseCode).toBe(550);
    await setup.send({ text: '我的糖果什么时候到？' });
    const { items } = await setup.desk.conversations.list({});
    expect(items.map((c) => c.customerId)).toEqual(['cus_lin']);
  });

  it('answers 451 (try again) when the desk fails, and the retry stores the mail once', async () => {
    let failures = 1;
    setup = await setupEmail({
      resolveCustomer: async () => {
        if (failures-- > 0) throw new Error('database unavailable');
        return 'cus_lin';
      },
    });
    await setup.desk.customers.upsert({ id: 'cus_lin', contact: { email: LIN } });
    const mail = { messageId: '<retry-1@customer.example>', text: '在吗？' };
    const error = await smtpFailure(setup.send(mail));
    expect(error.responseCode).toBe(451);
    expect(setup.errors).toHaveLength(1);
    await setup.send(mail);
    await setup.send(mail); // the MTA delivered twice
    const { items } = await setup.desk.conversations.list({});
    expect(items).toHaveLength(1);
    expect(await setup.desk.messages.list({ conversationId: items[0]?.id ?? '' })).toHaveLength(1);
  });

  it('accepts and drops auto-replies, bounces and its own mail, so no loop starts', async () => {
    setup = await setupEmail();
    const results = await Promise.all([
      setup.channel.handleRawMail(
        rawMail({ headers: { 'Auto-Submitted': 'auto-replied' }, text: '我正在休假' }),
      ),
      setup.channel.handleRawMail(rawMail({ headers: { Precedence: 'bulk' }, text: 'newsletter' })),
      setup.channel.handleRawMail(rawMail({ from: `客服 <${SUPPORT}>`, text: 'echo' })),
    ]);
    expect(results.map((r) => r.outcome)).toEqual(['ignored', 'ignored', 'ignored']);
    expect((await setup.desk.conversations.list({})).items).toHaveLength(0);
  });

  it('stores concurrent replies to one thread once each, in a gap-free order', async () => {
    setup = await setupEmail();
    const first = await setup.channel.handleRawMail(
      rawMail({ messageId: '<root@customer.example>', text: '第一封' }),
    );
    if (first.outcome !== 'started') throw new Error('expected a new conversation');
    const texts = Array.from({ length: 8 }, (_, i) => `补充 ${i + 1}`);
    await Promise.all(
      texts.map((text, i) =>
        setup.send({
          messageId: `<more-${i}@customer.example>`,
          inReplyTo: '<root@customer.example>',
          text,
        }),
      ),
    );
    const messages = await setup.desk.messages.list({ conversationId: first.conversation.id });
    expect(messages.map((m) => m.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(
      messages
        .slice(1)
        .map((m) => m.text)
        .sort(),
    ).toEqual([...texts].sort());
    expect((await setup.desk.conversations.list({})).items).toHaveLength(1);
  });

  it('validates its options', () => {
    const desk = createDesk({ storage: createMemoryAdapter() });
    const base = {
      desk,
      smtp: 'smtp://127.0.0.1:25',
      from: SUPPORT,
      replyAddress: 'reply@candy.example',
    };
    const attempt = (options: Record<string, unknown>) => {
      try {
        void createEmailChannel({ ...base, secret: SECRET, ...options } as never).close();
        return null;
      } catch (error) {
        return error;
      }
    };
    const good = attempt({});
    expect(good).toBeNull();
    expect(isKefuError(attempt({ secret: 'short' }), 'VALIDATION')).toBe(true);
    expect(isKefuError(attempt({ replyAddress: 'reply+x@candy.example' }), 'VALIDATION')).toBe(
      true,
    );
    expect(isKefuError(attempt({ from: 'not an address' }), 'VALIDATION')).toBe(true);
    expect(isKefuError(attempt({ maxMessageBytes: 10 }), 'VALIDATION')).toBe(true);
    for (const outbound of [
      { retry: { minDelayMs: 0 } },
      { pollIntervalMs: 1.5 },
      { startAfter: -1 },
      { attachFiles: { origins: ['ftp://files.candy.example'] } },
    ]) {
      expect(isKefuError(attempt({ outbound }), 'VALIDATION'), JSON.stringify(outbound)).toBe(true);
    }
    expect(
      attempt({ outbound: { startAfter: 0, attachFiles: { origins: ['https://f.example'] } } }),
    ).toBeNull();
  });
});
