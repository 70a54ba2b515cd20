import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { InboundFile } from './channel-options';
import { type EmailSetup, setupEmail } from './email-test-setup';

let setup: EmailSetup;
afterEach(async () => {
  await setup?.close();
});

// A 1×1 PNG, as a customer's photo of a melted chocolate box would arrive (smaller).
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);

describe('attachments', () => {
  it('hands inbound files to saveAttachment and keeps them as message attachments', async () => {
    const saved: InboundFile[] = [];
    setup = await setupEmail({
      saveAttachment: async (file) => {
        saved.push(file);
        return {
          url: `https://files.candy.example/${saved.length}/${encodeURIComponent(file.name)}`,
        };
      },
    });
    await setup.send({
      subject: '巧克力化了',
      text: '见附件照片。',
      html: '<p>见附件照片。</p><img src="cid:box@customer.example">',
      attachments: [
        { filename: 'melted-box.png', content: PNG, contentType: 'image/png' },
        { filename: 'order.txt', content: '订单号 20261201', contentType: 'text/plain' },
        {
          filename: 'inline.png',
          content: PNG,
          contentType: 'image/png',
          cid: 'box@customer.example',
        },
      ],
    });
    // mailparser lists the inline image (multipart/related) first.
    expect(saved.map((f) => [f.name, f.contentType, f.size, f.inline])).toEqual([
      ['inline.png', 'image/png', PNG.length, true],
      ['melted-box.png', 'image/png', PNG.length, false],
      ['order.txt', 'text/plain', Buffer.byteLength('订单号 20261201'), false],
    ]);
    expect(saved[1]?.content.equals(PNG)).toBe(true);
    const [conversation] = (await setup.desk.conversations.list({})).items;
    const [message] = await setup.desk.messages.list({ conversationId: conversation?.id ?? '' });
    expect(message?.text).toBe('见附件照片。');
    expect(message?.attachments).toEqual([
      {
        name: 'inline.png',
        url: 'https://files.candy.example/1/inline.png',
        contentType: 'image/png',
        size: PNG.length,
      },
      {
        name: 'melted-box.png',
        url: 'https://files.candy.example/2/melted-box.png',
        contentType: 'image/png',
        size: PNG.length,
      },
      {
        name: 'order.txt',
        url: 'https://files.candy.example/3/order.txt',
        contentType: 'text/plain',
        size: Buffer.byteLength('订单号 20261201'),
      },
    ]);
  });

  it('without saveAttachment drops the bytes and lists the files in the text', async () => {
    setup = await setupEmail();
    await setup.send({
      text: '照片在这里',
      attachments: [{ filename: 'melted-box.png', content: PNG, contentType: 'image/png' }],
    });
    const [conversation] = (await setup.desk.conversations.list({})).items;
    const [message] = await setup.desk.messages.list({ conversationId: conversation?.id ?? '' });
    expect(message?.attachments).toEqual([]);
    expect(message?.text).toBe(
      `照片在这里\n\nAttachment not stored: melted-box.png (image/png, ${PNG.length} B)`,
    );
  });

  it('refuses a saveAttachment URL core cannot keep, storing nothing', async () => {
    setup = await setupEmail({ saveAttachment: async () => ({ url: 'file:///tmp/x.png' }) });
    const error = await setup
      .send({ text: 'x', attachments: [{ filename: 'x.png', content: PNG }] })
      .catch((e: { responseCode?: number }) => e);
    expect((error as { responseCode?: number }).responseCode).toBe(550);
    expect((await setup.desk.conversations.list({})).items).toHaveLength(0);
  });

  it('links an agent message’s attachments in the reply mail', async () => {
    setup = await setupEmail();
    await setup.send({ subject: '退款', text: '请退款' });
    const [conversation] = (await setup.desk.conversations.list({})).items;
    const conversationId = conversation?.id ?? '';
    await setup.desk.conversations.assign({ conversationId, agentId: 'agt_wang' });
    await setup.desk.messages.post({
      conversationId,
      author: { kind: 'agent', id: 'agt_wang' },
      text: '退款凭证见附件。',
      attachments: [
        {
          name: 'refund.pdf',
          url: 'https://files.candy.example/refund.pdf',
          contentType: 'application/pdf',
          size: 2048,
        },
      ],
    });
    await setup.channel.idle();
    const reply = await setup.mta.next();
    expect(reply.text).toContain('退款凭证见附件。');
    expect(reply.text).toContain('refund.pdf: https://files.candy.example/refund.pdf');
  });

  it('attaches files from the shop’s own file host; other hosts, oversized files and failures stay links', async () => {
    const big = Buffer.alloc(4096, 7);
    const files = createServer((request, response) => {
      if (request.url === '/box.png') return response.end(PNG);
      if (request.url === '/big.bin') return response.end(big);
      response.statusCode = 404;
      response.end();
    });
    await new Promise<void>((resolve) => files.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(files.address() as AddressInfo).port}`;
    try {
      setup = await setupEmail({
        outbound: { attachFiles: { origins: [origin], maxBytes: 1024 } },
      });
      await setup.send({ subject: '换货', text: '请换货' });
      const [conversation] = (await setup.desk.conversations.list({})).items;
      const conversationId = conversation?.id ?? '';
      await setup.desk.conversations.assign({ conversationId, agentId: 'agt_wang' });
      const file = (name: string, url: string, size: number) => ({
        name,
        url,
        contentType: name.endsWith('.png') ? 'image/png' : 'application/octet-stream',
        size,
      });
      await setup.desk.messages.post({
        conversationId,
        author: { kind: 'agent', id: 'agt_wang' },
        text: '换货单和照片见附件。',
        attachments: [
          file('box.png', `${origin}/box.png`, PNG.length),
          // Declared small, but the bytes run past maxBytes: reading stops, it stays a link.
          file('big.bin', `${origin}/big.bin`, 10),
          file('missing.png', `${origin}/missing.png`, 10),
          file('elsewhere.png', 'https://cdn.other.example/x.png', 10),
        ],
      });
      await setup.channel.idle();
      const reply = await setup.mta.next();
      expect(reply.attachments.map((a) => [a.filename, a.contentType])).toEqual([
        ['box.png', 'image/png'],
      ]);
      expect(reply.attachments[0]?.content.equals(PNG)).toBe(true);
      expect(reply.text).not.toContain('box.png:');
      expect(reply.text).toContain(`big.bin: ${origin}/big.bin`);
      expect(reply.text).toContain(`missing.png: ${origin}/missing.png`);
      expect(reply.text).toContain('elsewhere.png: https://cdn.other.example/x.png');
      expect(setup.errors).toEqual([]);
    } finally {
      await new Promise((resolve) => files.close(resolve));
    }
  });

  it('reads HTML-only mail as text', async () => {
    setup = await setupEmail();
    await setup.send({ html: '<div><p>我的<b>糖果</b>什么时候到？</p></div>' });
    const [conversation] = (await setup.desk.conversations.list({})).items;
    const [message] = await setup.desk.messages.list({ conversationId: conversation?.id ?? '' });
    expect(message?.text).toContain('我的糖果什么时候到？');
    expect(message?.text).not.toContain('<');
  });
});
