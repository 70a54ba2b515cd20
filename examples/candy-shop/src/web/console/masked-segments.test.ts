import { describe, expect, it } from 'vitest';
import { fieldSpans, maskedSegments } from './masked-segments';

const phone = { index: 0, start: 5, end: 16, kind: 'mobile' };

describe('maskedSegments', () => {
  it('splits a message into plain text and the masked values, with their span index', () => {
    expect(maskedSegments('我的电话是139****5678', [phone])).toEqual([
      { kind: 'plain', text: '我的电话是' },
      { kind: 'masked', text: '139****5678', span: 0, piiKind: 'mobile' },
    ]);
  });

  it('keeps the text between and after several spans, in order even when listed out of order', () => {
    const text = '电话 139****5678，邮箱 l**@example.com 谢谢';
    const email = { index: 1, start: 18, end: 33, kind: 'email' };
    const mobile = { index: 0, start: 3, end: 14, kind: 'mobile' };
    expect(maskedSegments(text, [email, mobile])).toEqual([
      { kind: 'plain', text: '电话 ' },
      { kind: 'masked', text: '139****5678', span: 0, piiKind: 'mobile' },
      { kind: 'plain', text: '，邮箱 ' },
      { kind: 'masked', text: 'l**@example.com', span: 1, piiKind: 'email' },
      { kind: 'plain', text: ' 谢谢' },
    ]);
  });

  it('is one plain piece without spans, and one masked piece for a value masked as a whole', () => {
    expect(maskedSegments('你好', undefined)).toEqual([{ kind: 'plain', text: '你好' }]);
    expect(maskedSegments('', [])).toEqual([{ kind: 'plain', text: '' }]);
    expect(maskedSegments('林**', [{ index: 0, start: 0, end: 3, kind: 'name' }])).toEqual([
      { kind: 'masked', text: '林**', span: 0, piiKind: 'name' },
    ]);
  });

  it('leaves spans that do not fit the text as plain text (out of range, empty, overlapping)', () => {
    const text = '139****5678';
    expect(maskedSegments(text, [{ index: 0, start: 4, end: 30, kind: 'mobile' }])).toEqual([
      { kind: 'plain', text },
    ]);
    expect(maskedSegments(text, [{ index: 0, start: 3, end: 3, kind: 'mobile' }])).toEqual([
      { kind: 'plain', text },
    ]);
    expect(
      maskedSegments(text, [
        { index: 0, start: 0, end: 7, kind: 'x' },
        { index: 1, start: 5, end: 11, kind: 'y' },
      ]),
    ).toEqual([
      { kind: 'masked', text: '139****', span: 0, piiKind: 'x' },
      { kind: 'plain', text: '5678' },
    ]);
  });
});

describe('fieldSpans', () => {
  it("picks one field's spans from a record's masked list", () => {
    const masked = [
      { path: 'name', index: 0, start: 0, end: 3, kind: 'name' },
      { path: 'contact.phone', index: 0, start: 0, end: 11, kind: 'phone' },
    ];
    expect(fieldSpans(masked, 'contact.phone')).toEqual([
      { path: 'contact.phone', index: 0, start: 0, end: 11, kind: 'phone' },
    ]);
    expect(fieldSpans(masked, 'topic')).toEqual([]);
    expect(fieldSpans(undefined, 'name')).toEqual([]);
  });
});
