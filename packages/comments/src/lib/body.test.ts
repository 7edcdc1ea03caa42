import { describe, expect, it } from 'vitest';
import { parseFormBody, parseJsonBody } from './body.ts';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('parseFormBody', () => {
  it('decodes Arabic, + as space, and percent escapes', () => {
    const result = parseFormBody(bytes('author=%D8%B3%D8%A7%D8%B1%D8%A9&comment=hello+world%21'));
    expect(result).toMatchObject({ ok: true, fields: { author: 'سارة', comment: 'hello world!' } });
  });
  it.each([
    ['overlong encoding', 'comment=%C0%AF', 'encoding'],
    ['lone surrogate bytes', 'comment=%ED%A0%80', 'encoding'],
    ['truncated sequence', 'comment=%D8', 'encoding'],
    ['raw invalid byte', new Uint8Array([...bytes('comment='), 0xff]), 'encoding'],
    ['bad escape', 'comment=%ZZ', 'encoding'],
    ['unknown field', 'comment=a&isAdmin=1', 'unknown-field'],
    ['__proto__', '__proto__[status]=approved&comment=a', 'unknown-field'],
    ['__proto__ plain', '__proto__=x', 'unknown-field'],
    ['constructor', 'constructor=x', 'unknown-field'],
    ['duplicate field', 'comment=a&comment=b', 'duplicate-field'],
  ])('refuses %s', (_, body, kind) => {
    const result = parseFormBody(typeof body === 'string' ? bytes(body) : body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.kind).toBe(kind);
  });
  it('does not touch Object.prototype', () => {
    parseFormBody(bytes('__proto__=x'));
    expect(({} as Record<string, unknown>)['status']).toBeUndefined();
  });
});

describe('parseJsonBody', () => {
  it('accepts flat string fields', () => {
    expect(parseJsonBody(bytes('{"comment":"نص","wp-comment-cookies-consent":true}'))).toMatchObject({
      ok: true,
      fields: { comment: 'نص', 'wp-comment-cookies-consent': 'yes' },
    });
  });
  it.each([
    ['__proto__', '{"__proto__":{"polluted":1},"comment":"a"}', 'unknown-field'],
    ['constructor', '{"constructor":{"prototype":{"x":1}}}', 'unknown-field'],
    ['nested object', '{"comment":{"a":1}}', 'type'],
    ['array', '[1,2]', 'syntax'],
    ['not JSON', '{comment:', 'syntax'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x7d]), 'encoding'],
  ])('refuses %s', (_, body, kind) => {
    const result = parseJsonBody(typeof body === 'string' ? bytes(body) : body);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problem.kind).toBe(kind);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});
