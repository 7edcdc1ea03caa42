import { describe, expect, it } from 'vitest';
import type { Submission } from '../../lib/validate.ts';
import {
  checkBody,
  checkDepth,
  checkFlood,
  checkHoneypot,
  checkInFlight,
  checkMediaType,
  checkOrigin,
  checkParentId,
  checkPost,
  checkToken,
  keepable,
  printable,
} from './checks.ts';

const bytes = (text: string) => new TextEncoder().encode(text);
const code = (checked: { ok: boolean; rejection?: { code: string } }) =>
  checked.ok ? 'ok' : checked.rejection?.code;
const allowed = new Set(['https://news.example']);
const DAY = 86_400_000;
const post = { id: 'p', url: '/p/', title: '', published: '2016-12-01T07:00:00.000Z', closed: false };

describe('2. checkOrigin', () => {
  it('passes an allowed Origin, or the Referer’s origin when there is no Origin', () => {
    expect(checkOrigin('https://news.example', null, allowed)).toEqual({
      ok: true,
      value: 'https://news.example',
    });
    expect(checkOrigin(null, 'https://news.example/a/b?c', allowed)).toEqual({
      ok: true,
      value: 'https://news.example',
    });
  });
  it.each([
    ['https://evil.example', null],
    ['null', null],
    ['', 'https://evil.example/https://news.example/'],
    [null, 'javascript:alert(1)'],
    [null, null],
    ['http://news.example', null],
  ])('refuses %j (Referer %j) with 403', (origin, referer) => {
    const checked = checkOrigin(origin, referer, allowed);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.rejection.status).toBe(403);
  });
});

describe('3. checkMediaType', () => {
  it('tells forms from JSON, in UTF-8 only', () => {
    expect(checkMediaType('application/x-www-form-urlencoded')).toEqual({ ok: true, value: 'form' });
    expect(checkMediaType('Application/JSON; charset="UTF-8"')).toEqual({ ok: true, value: 'json' });
    for (const type of [
      'text/plain',
      'multipart/form-data; boundary=x',
      'application/json; charset=latin1',
      '',
      null,
    ])
      expect(code(checkMediaType(type))).toBe('content-type');
  });
});

describe('4. checkBody', () => {
  it('passes known fields and names the first problem', () => {
    expect(checkBody(bytes('author=%D8%B3&comment=x'), 'form')).toEqual({
      ok: true,
      value: { author: 'س', comment: 'x' },
    });
    expect(code(checkBody(bytes('comment=a&comment=b'), 'form'))).toBe('duplicate-field');
    expect(code(checkBody(bytes('{"isAdmin":true}'), 'json'))).toBe('unknown-field');
    expect(code(checkBody(bytes('{"comment":'), 'json'))).toBe('syntax');
    expect(code(checkBody(bytes('{"comment":{}}'), 'json'))).toBe('type');
    expect(code(checkBody(new Uint8Array([...bytes('comment='), 0xff]), 'form'))).toBe('encoding');
    const unknown = checkBody(bytes(`${'x'.repeat(60)}\u202E=1`), 'form');
    expect(unknown.ok ? undefined : unknown.rejection.params).toEqual({ name: `${'x'.repeat(39)}…` });
  });
  it('shows a client’s field name as printable ASCII', () => {
    expect(printable('is\u202EAdmin')).toBe('is?Admin');
  });
});

describe('7. checkPost', () => {
  it('refuses a missing post (422, or 404 for pages) and a closed one (403)', () => {
    expect(code(checkPost(undefined, false, 0))).toBe('post');
    expect(checkPost(undefined, false, 0, 404).ok ? 0 : checkPost(undefined, false, 0, 404)).toMatchObject({
      rejection: { status: 404 },
    });
    expect(code(checkPost({ ...post, closed: true }, false, 0))).toBe('closed');
    const published = Date.parse(post.published);
    expect(code(checkPost(post, 14, published + 13 * DAY))).toBe('ok');
    expect(code(checkPost(post, 14, published + 15 * DAY))).toBe('closed');
  });
});

describe('8. checkParentId and checkDepth', () => {
  it('accepts comment ids only, and depths up to the limit', () => {
    expect(checkParentId('mbx4q2k1-3fa19c0e')).toBeUndefined();
    for (const id of ['../private/x', 'zzzz', 'MBX4Q2K1-3FA19C0E'])
      expect(checkParentId(id)?.code).toBe('parent');
    expect(checkDepth('missing', 5)?.code).toBe('parent');
    expect(checkDepth(5, 5)).toBeUndefined();
    expect(checkDepth(6, 5)?.code).toBe('depth');
  });
});

describe('9. checkHoneypot and checkToken', () => {
  const submission: Submission = keepable({ comment: 'x' });
  it('refuses a filled honeypot', () => {
    expect(checkHoneypot(submission)).toBeUndefined();
    expect(checkHoneypot({ ...submission, honeypot: 'Buy now' })?.code).toBe('honeypot');
  });
  it('maps each token problem to its status and message', () => {
    expect(checkToken({ ok: true, kind: 'l', issuedAt: 0 }, 3)).toBeUndefined();
    expect(checkToken({ ok: false, reason: 'too-fast' }, 3)).toMatchObject({ status: 429, retryAfter: 3 });
    expect(checkToken({ ok: false, reason: 'too-old' }, 3)).toMatchObject({
      status: 400,
      message: 'error.tooOld',
    });
    expect(checkToken({ ok: false, reason: 'missing' }, 3)).toMatchObject({ code: 'token-missing' });
    expect(checkToken({ ok: false, reason: 'invalid' }, 3)).toMatchObject({ message: 'error.token' });
  });
});

describe('10–11. checkFlood and checkInFlight', () => {
  it('refuses while the flood guard says wait, and a duplicate still being written', () => {
    expect(checkFlood(0)).toBeUndefined();
    expect(checkFlood(10)).toMatchObject({ status: 429, retryAfter: 10 });
    expect(checkInFlight(['a', 'b'], new Set(['c']))).toBeUndefined();
    expect(checkInFlight(['a', 'b'], new Set(['b']))?.status).toBe(409);
  });
});

describe('keepable', () => {
  it('offers back well-formed text without control characters, and a parent id only if it looks like one', () => {
    const kept = keepable({
      author: 'سارة\u0000',
      comment: 'نص\u0007\nثانٍ',
      comment_parent: '../x',
      email: '\ud800',
    });
    expect(kept).toMatchObject({ author: 'سارة', body: 'نص\nثانٍ', parentId: null, email: '', token: '' });
    expect(keepable({ comment_parent: 'mbx4q2k1-3fa19c0e' }).parentId).toBe('mbx4q2k1-3fa19c0e');
  });
});
