import type { Attachment } from '@kefu/core';
import { describe, expect, it } from 'vitest';
import { checkAttachments, cleanFileName } from './attachment-policy';
import { isPublicHostname } from './public-host';
import { cleanStrings, cleanText } from './safe-text';

const file = (overrides: Partial<Attachment> = {}): Attachment => ({
  name: '发票.pdf',
  url: 'https://cdn.candy.example/files/invoice.pdf',
  contentType: 'application/pdf',
  size: 2048,
  ...overrides,
});
const policy = { allowedHosts: ['cdn.candy.example', '*.img.candy.example'] };
const refusal = (attachment: Attachment, options = policy) => {
  try {
    checkAttachments([attachment], options);
    return null;
  } catch (error) {
    return (error as { code?: string }).code;
  }
};

describe('attachments', () => {
  it('accepts files on allowed hosts and normalises type and name', () => {
    expect(
      checkAttachments(
        [file({ contentType: 'Image/PNG; charset=x', url: 'https://a.img.candy.example/p.png' })],
        policy,
      ),
    ).toEqual([file({ contentType: 'image/png', url: 'https://a.img.candy.example/p.png' })]);
  });

  it.each([
    ['any host when none is configured', file(), {}],
    ['another host', file({ url: 'https://evil.example/x.pdf' }), policy],
    ['user info', file({ url: 'https://cdn.candy.example@evil.example/x.png' }), policy],
    ['user info on the allowed host', file({ url: 'https://u:p@cdn.candy.example/x' }), policy],
    ['plain http', file({ url: 'http://cdn.candy.example/x.pdf' }), policy],
    ['loopback', file({ url: 'https://127.0.0.1:6379/' }), { allowedHosts: ['127.0.0.1'] }],
    ['decimal loopback', file({ url: 'https://2130706433/' }), { allowedHosts: ['127.0.0.1'] }],
    ['private v4', file({ url: 'https://10.0.0.8/x' }), { allowedHosts: ['10.0.0.8'] }],
    ['IPv6 loopback', file({ url: 'https://[::1]/x' }), { allowedHosts: ['[::1]'] }],
    ['localhost', file({ url: 'https://localhost/x' }), { allowedHosts: ['localhost'] }],
    ['HTML', file({ contentType: 'text/html' }), policy],
    ['SVG', file({ contentType: 'image/svg+xml' }), policy],
    ['a lookalike suffix', file({ url: 'https://evilimg.candy.example/x' }), policy],
  ])('refuses %s', (_what, attachment, options) => {
    expect(refusal(attachment, options as typeof policy)).toBe('VALIDATION');
  });

  it('keeps names to a plain file name', () => {
    expect(cleanFileName('../../etc/passwd\u0000.png')).toBe('passwd.png');
    expect(cleanFileName('C:\\Users\\lin\\发票.pdf')).toBe('发票.pdf');
    expect(cleanFileName('invoice\u202Efdp.exe')).toBe('invoicefdp.exe');
    expect(cleanFileName('..')).toBe('attachment');
    expect(cleanFileName('dir/')).toBe('attachment');
  });

  it('knows private and public addresses apart', () => {
    for (const host of [
      '127.0.0.1',
      '10.1.2.3',
      '172.20.0.1',
      '192.168.1.1',
      '169.254.169.254',
      '0.0.0.0',
      '100.64.0.1',
      '[::1]',
      '[fd00::1]',
      '[fe80::1]',
      '[::ffff:127.0.0.1]',
      'localhost',
      'a.localhost',
    ]) {
      expect(isPublicHostname(host), host).toBe(false);
    }
    for (const host of ['8.8.8.8', '172.32.0.1', '[2001:db8::1]', 'cdn.candy.example']) {
      expect(isPublicHostname(host), host).toBe(true);
    }
  });
});

describe('text', () => {
  it('loses control characters, escape sequences and bidi overrides, keeping tab and newline', () => {
    expect(cleanText('a\u0000b\u0007c\u001b[31mred\u001b[0m\u202Eevil\u2066x\u2069')).toBe(
      'abcredevilx',
    );
    expect(cleanText('第一行\r\n第二行\tend\u009b')).toBe('第一行\n第二行\tend');
    expect(cleanText('مرحبا\u200F ok 👩‍👩‍👧')).toBe('مرحبا\u200F ok 👩‍👩‍👧');
  });

  it('cleans every string of a frame, keeping its shape', () => {
    expect(
      cleanStrings({ type: 'send', text: 'x\u0000', n: 3, list: ['\u202Ey', null], ok: true }),
    ).toEqual({ type: 'send', text: 'x', n: 3, list: ['y', null], ok: true });
  });
});
