import { describe, expect, it } from 'vitest';
import { linkify } from './linkify';
import { safeHref } from './safe-url';

describe('safeHref', () => {
  it.each([
    ['https://candy.example/orders/42', 'https://candy.example/orders/42'],
    ['http://candy.example', 'http://candy.example/'],
    ['mailto:help@candy.example', 'mailto:help@candy.example'],
  ])('keeps %s', (input, expected) => {
    expect(safeHref(input)).toBe(expected);
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    'java\tscript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    '//evil.example/x',
    '/relative/path',
    'https://',
    'file:///etc/passwd',
  ])('refuses %s', (input) => {
    expect(safeHref(input)).toBeNull();
  });
});

describe('linkify', () => {
  it('splits text and links, leaving trailing punctuation outside', () => {
    expect(linkify('看这里 https://candy.example/faq。谢谢')).toEqual([
      { kind: 'text', text: '看这里 ' },
      { kind: 'link', text: 'https://candy.example/faq', href: 'https://candy.example/faq' },
      { kind: 'text', text: '。谢谢' },
    ]);
    expect(linkify('See https://candy.example/a.')).toEqual([
      { kind: 'text', text: 'See ' },
      { kind: 'link', text: 'https://candy.example/a', href: 'https://candy.example/a' },
      { kind: 'text', text: '.' },
    ]);
  });

  it('keeps balanced brackets and drops an unopened closing one', () => {
    expect(linkify('(https://en.example/wiki/Candy_(sweet))')).toEqual([
      { kind: 'text', text: '(' },
      {
        kind: 'link',
        text: 'https://en.example/wiki/Candy_(sweet)',
        href: 'https://en.example/wiki/Candy_(sweet)',
      },
      { kind: 'text', text: ')' },
    ]);
  });

  it('links mailto and leaves dangerous schemes as text', () => {
    const tokens = linkify(
      'mail mailto:help@candy.example or javascript:alert(1) or data:text/html,x',
    );
    expect(tokens.filter((token) => token.kind === 'link')).toEqual([
      { kind: 'link', text: 'mailto:help@candy.example', href: 'mailto:help@candy.example' },
    ]);
    expect(tokens.map((token) => token.text).join('')).toBe(
      'mail mailto:help@candy.example or javascript:alert(1) or data:text/html,x',
    );
  });

  it('does not let a quote or angle bracket into the href', () => {
    const tokens = linkify('<a href="https://candy.example/x" onclick="alert(1)">');
    const link = tokens.find((token) => token.kind === 'link');
    expect(link?.kind === 'link' && link.href).toBe('https://candy.example/x');
    expect(tokens.map((token) => token.text).join('')).toBe(
      '<a href="https://candy.example/x" onclick="alert(1)">',
    );
  });

  it('returns plain text untouched', () => {
    expect(linkify('我的糖果什么时候到？')).toEqual([
      { kind: 'text', text: '我的糖果什么时候到？' },
    ]);
    expect(linkify('')).toEqual([]);
  });
});
