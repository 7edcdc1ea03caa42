import { beforeEach, describe, expect, it } from 'vitest';
import {
  ORIGIN,
  resetHarness,
  make,
  validFields,
  formBody,
  post,
  expectRefused,
} from '../../../test/helpers/handler.ts';

beforeEach(resetHarness);

describe('refusing hostile requests: size, origin, media type, fields (nothing stored)', () => {
  it('413: a body over the cap, declared or streamed', async () => {
    const handler = make({ limits: { bodyBytes: 2048 } });
    await expectRefused(await post(handler, null, { body: 'comment=' + 'x'.repeat(5000) }), 413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 10; i++) controller.enqueue(new Uint8Array(1000).fill(0x61));
        controller.close();
      },
    });
    const request = new Request('https://c.example/', {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    await expectRefused(await handler(request, { clientAddress: '203.0.113.5' }), 413);
  });

  it.each([
    ['a foreign Origin', { origin: 'https://evil.example' }],
    ['a look-alike Origin', { origin: 'https://news.example.evil.example' }],
    ['Origin null', { origin: 'null' }],
    ['no Origin and no Referer', { origin: '' }],
    ['a foreign Referer', { origin: '', referer: 'https://evil.example/news.example/' }],
    ['http instead of https', { origin: 'http://news.example' }],
  ])('403: %s, without CORS headers', async (_, headers) => {
    const response = await post(make(), await validFields(), { headers });
    expect(response.headers.get('access-control-allow-origin')).toBeNull();
    await expectRefused(response, 403);
  });

  it.each([
    'text/plain',
    'multipart/form-data; boundary=x',
    'application/x-www-form-urlencoded; charset=iso-8859-1',
    '',
  ])('415: Content-Type %j', async (type) => {
    await expectRefused(await post(make(), await validFields(), { headers: { 'content-type': type } }), 415);
  });

  it.each([
    ['an unknown field', 'isAdmin=1'],
    ['__proto__', '__proto__%5Bstatus%5D=approved'],
    ['constructor', 'constructor=x'],
    ['prototype', 'prototype=x'],
    ['a duplicated field', 'comment=again'],
  ])('400: %s', async (_, extra) => {
    const body = `${formBody(await validFields())}&${extra}`;
    await expectRefused(await post(make(), null, { body }), 400);
    expect(({} as Record<string, unknown>)['status']).toBeUndefined();
  });

  it('400: prototype-polluting JSON', async () => {
    const fields = await validFields();
    const body = `{"__proto__":{"status":"approved"},${JSON.stringify(fields).slice(1)}`;
    await expectRefused(await post(make(), null, { body, json: true }), 400, 'unknown-field');
    expect(({} as Record<string, unknown>)['status']).toBeUndefined();
  });
});
