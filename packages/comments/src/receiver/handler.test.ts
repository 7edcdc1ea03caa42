import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHandler, type HandlerOptions } from './index.ts';
import { decodeEntities } from '../lib/scan.ts';
import { issueToken } from '../lib/token.ts';
import type { Post } from '../config/options.ts';
import { MemoryStore } from '../store/memory.ts';

const SECRET = 'handler-test-secret-0123456789';
const ORIGIN = 'https://news.example';
const T0 = Date.UTC(2016, 11, 1, 12);
const POSTS: Post[] = [
  {
    id: 'روسيا-سوريا',
    url: '/politics/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/',
    title: 'روسيا',
    published: '2016-12-01T07:00:00.000Z',
    closed: false,
  },
  { id: 'other', url: '/other/', title: 'أخرى', closed: false },
  { id: 'closed', url: '/closed/', title: 'مغلق', closed: true },
];
const POST = POSTS[0]?.id ?? '';

let store: MemoryStore;
let clock: number;
let hooks: string[];

function make(overrides: Partial<HandlerOptions> = {}) {
  return createHandler({
    store,
    posts: POSTS,
    origins: [ORIGIN],
    secret: SECRET,
    now: () => clock,
    logger: { warn: () => undefined, error: () => undefined },
    fetch: (input) => {
      hooks.push(input instanceof Request ? input.url : input.toString());
      return Promise.resolve(new Response('ok'));
    },
    ...overrides,
  });
}

async function liveToken(postId = POST, age = 10_000): Promise<string> {
  return issueToken(SECRET, postId, clock - age);
}

async function validFields(extra: Record<string, string> = {}): Promise<Record<string, string>> {
  return {
    author: 'سارة',
    email: 'sara@example.com',
    url: '',
    comment: 'تعليق **مفيد** على الخبر',
    comment_post_ID: POST,
    comment_parent: '0',
    khabar_token: await liveToken(),
    subject: '',
    ...extra,
  };
}

function formBody(fields: Record<string, string>): string {
  return Object.entries(fields)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`)
    .join('&');
}

interface PostOptions {
  headers?: Record<string, string>;
  body?: BodyInit;
  address?: string;
  json?: boolean;
}

async function post(
  handler: ReturnType<typeof make>,
  fields: Record<string, string> | null,
  options: PostOptions = {},
) {
  const json = options.json ?? false;
  const headers: Record<string, string> = {
    origin: ORIGIN,
    'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded',
    ...options.headers,
  };
  const body = options.body ?? (json ? JSON.stringify(fields) : formBody(fields ?? {}));
  const request = new Request('https://comments.news.example/', { method: 'POST', headers, body });
  return handler(request, { clientAddress: options.address ?? '203.0.113.5' });
}

async function expectRefused(response: Response, status: number, code?: string) {
  const text = await response.text();
  expect(response.status, text).toBe(status);
  if (code) {
    if (response.headers.get('content-type')?.startsWith('application/json'))
      expect((JSON.parse(text) as { code?: unknown }).code).toBe(code);
  }
  expect(await store.list()).toEqual([]);
  return text;
}

beforeEach(() => {
  store = new MemoryStore();
  clock = T0;
  hooks = [];
});

describe('accepting', () => {
  it('stores a form post as pending and redirects back to the article', async () => {
    const response = await post(make(), await validFields());
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe(`${ORIGIN}${POSTS[0]?.url}#khabar-pending`);
    const [stored] = await store.list();
    expect(stored?.status).toBe('pending');
    expect(stored?.public).toMatchObject({
      author: 'سارة',
      postId: POST,
      parentId: null,
      body: 'تعليق **مفيد** على الخبر',
    });
    expect(stored?.private).toMatchObject({ email: 'sara@example.com', ip: '203.0.113.0/24' });
    expect(JSON.stringify(stored?.public)).not.toContain('sara@');
  });

  it('answers JSON with the pending message and CORS for the allowed origin', async () => {
    const response = await post(make(), await validFields(), { json: true });
    expect(response.status).toBe(201);
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    const body = (await response.json()) as { ok: boolean; status: string; message: string };
    expect(body).toMatchObject({ ok: true, status: 'pending', message: 'تعليقك في انتظار المراجعة.' });
  });

  it('keeps ZWJ and ZWNJ in Arabic text, normalizes to NFC, accepts a Referer when Origin is absent', async () => {
    const response = await post(make(), await validFields({ comment: 'می\u200Cخواهم \u0627\u0654' }), {
      headers: { origin: '', referer: `${ORIGIN}/politics/x/` },
    });
    expect(response.status).toBe(303);
    expect((await store.list())[0]?.public.body).toBe('می\u200Cخواهم \u0623');
  });

  it('approves at once with moderation "none" and calls the deploy hook', async () => {
    const handler = make({ moderation: 'none', deployHook: 'https://hooks.example/build' });
    const response = await post(handler, await validFields());
    expect(response.headers.get('location')).toContain('#comments');
    expect((await store.list())[0]?.status).toBe('approved');
    await new Promise((r) => setTimeout(r, 10));
    expect(hooks).toEqual(['https://hooks.example/build']);
  });

  it('approves a reader with an approved comment under "previously-approved"', async () => {
    const handler = make({ moderation: 'previously-approved' });
    await post(handler, await validFields());
    const [first] = await store.list();
    expect(first?.status).toBe('pending');
    await store.setStatus(first?.public.id ?? '', 'approved');
    clock += 60_000;
    await post(handler, await validFields({ comment: 'تعليق ثانٍ' }));
    expect((await store.list({ status: 'approved' })).length).toBe(2);
  });

  it('threads a reply to an approved comment on the same post', async () => {
    const handler = make();
    await post(handler, await validFields());
    const parent = (await store.list())[0]?.public.id ?? '';
    await store.setStatus(parent, 'approved');
    clock += 60_000;
    const response = await post(handler, await validFields({ comment: 'رد', comment_parent: parent }));
    expect(response.status).toBe(303);
    expect((await store.list({ status: 'pending' }))[0]?.public.parentId).toBe(parent);
  });
});

describe('refusing hostile requests (nothing stored)', () => {
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

  it('403 for a preflight from a foreign origin, 204 for the site', async () => {
    const handler = make();
    const preflight = (origin: string) =>
      handler(
        new Request('https://c.example/', {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'POST' },
        }),
      );
    expect((await preflight('https://evil.example')).status).toBe(403);
    const ok = await preflight(ORIGIN);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(ORIGIN);
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

  const TEXT_FIELDS = [
    'author',
    'email',
    'url',
    'comment',
    'comment_post_ID',
    'comment_parent',
    'khabar_token',
    'subject',
  ];

  it.each(TEXT_FIELDS)('400: invalid UTF-8 in %s', async (field) => {
    const body = formBody(await validFields()).replace(
      new RegExp(`(^|&)${field}=[^&]*`),
      `$1${field}=%C3%28`,
    );
    await expectRefused(await post(make(), null, { body }), 400, 'encoding');
  });

  it.each(TEXT_FIELDS)('400: a lone surrogate in %s (JSON)', async (field) => {
    const fields = await validFields();
    const body = JSON.stringify(fields).replace(`"${field}":"`, `"${field}":"\\ud800`);
    await expectRefused(await post(make(), null, { body, json: true }), 400, 'encoding');
  });

  it.each(TEXT_FIELDS)('400: NUL in %s', async (field) => {
    await expectRefused(
      await post(make(), await validFields({ [field]: 'a\u0000b' }), { json: true }),
      400,
      'control',
    );
  });

  it.each(['author', 'email', 'url'])('400: CRLF injection in %s', async (field) => {
    await expectRefused(
      await post(make(), await validFields({ [field]: 'x\r\nSet-Cookie: a=b' }), { json: true }),
      400,
      'control',
    );
  });

  it.each([
    ['author', 'سارة\u202Eمحمد'],
    ['url', 'https://example.com/\u202Egnp.exe'],
    ['comment', 'نص \u202E مقلوب'],
    ['comment', 'نص \u2066 معزول'],
    ['comment', 'a\u202Ab'],
    ['author', 'سارة\u200F'],
    ['author', 'a\u2067b'],
  ])('400: bidi control in %s', async (field, value) => {
    await expectRefused(
      await post(make(), await validFields({ [field]: value }), { json: true }),
      400,
      'bidi',
    );
  });

  it.each([
    ['author', 'ad\u200Bmin'],
    ['author', '\u200D'],
    ['url', 'https://exa\u200Bmple.com/'],
    ['email', 'sa\u200Cra@example.com'],
  ])('400: zero-width in %s', async (field, value) => {
    await expectRefused(
      await post(make(), await validFields({ [field]: value }), { json: true }),
      400,
      'invisible',
    );
  });

  it.each(['\u200B\u200C\u200D', '   \n\n ', '\uFEFF', ''])(
    '422: a body with nothing visible (%j)',
    async (comment) => {
      await expectRefused(await post(make(), await validFields({ comment }), { json: true }), 422, 'empty');
    },
  );

  it('422: lengths in characters and in bytes', async () => {
    await expectRefused(
      await post(make(), await validFields({ author: 'ا'.repeat(246) }), { json: true }),
      422,
      'too-long',
    );
    await expectRefused(
      await post(make(), await validFields({ comment: 'x'.repeat(65_526) }), { json: true }),
      422,
      'too-long',
    );
    // 40 Arabic letters are 80 bytes: within 50 characters, over 60 bytes.
    const tight = make({ limits: { author: { chars: 50, bytes: 60 } } });
    await expectRefused(
      await post(tight, await validFields({ author: 'ع'.repeat(40) }), { json: true }),
      422,
      'too-long',
    );
    await expectRefused(
      await post(make(), await validFields({ email: `${'a'.repeat(95)}@example.com` }), { json: true }),
      422,
      'too-long',
    );
  });

  it.each([
    'javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'JaVaScRiPt:alert(document.domain)',
    ' javascript:alert(1)',
    'javascript&#58;alert(1)',
    'java%0ascript:alert(1)',
    'javascript://%0Aalert(1)',
    'vbscript:msgbox',
    'data:text/html,<script>alert(1)</script>',
    'data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==',
    'DaTa:image/svg+xml,<svg onload=alert(1)>',
    'file:///etc/passwd',
    '//evil.example',
    'https://user:pass@example.com/',
  ])('422: website %j', async (url) => {
    const response = await post(make(), await validFields({ url }), { json: true });
    expect([400, 422]).toContain(response.status);
    await expectRefused(response, response.status);
  });

  it('422: e-mail and required fields', async () => {
    await expectRefused(
      await post(make(), await validFields({ email: 'not-an-email' }), { json: true }),
      422,
      'email',
    );
    await expectRefused(
      await post(make(), await validFields({ email: 'a@b.c>"<script>' }), { json: true }),
      422,
      'email',
    );
    await expectRefused(
      await post(make(), await validFields({ author: '' }), { json: true }),
      422,
      'required',
    );
    await expectRefused(
      await post(make(), await validFields({ email: '' }), { json: true }),
      422,
      'required',
    );
  });

  it.each(['../../etc/passwd', '..%2F..%2Fetc%2Fpasswd', '/etc/passwd', 'روسيا-سوريا/../other', 'nope', ''])(
    '422: post id %j (path traversal, unknown)',
    async (postId) => {
      const fields = await validFields({ comment_post_ID: postId });
      await expectRefused(await post(make(), fields, { json: true }), 422, 'post');
    },
  );

  it('403: a closed post, by flag or by age', async () => {
    await expectRefused(
      await post(
        make(),
        await validFields({ comment_post_ID: 'closed', khabar_token: await liveToken('closed') }),
        { json: true },
      ),
      403,
      'closed',
    );
    clock = Date.parse('2017-01-01T00:00:00Z');
    await expectRefused(
      await post(make({ closeAfterDays: 14 }), await validFields(), { json: true }),
      403,
      'closed',
    );
  });

  it('422: forged parents: unknown, malformed, on another post, pending; and depth beyond the limit', async () => {
    const handler = make({ maxDepth: 2, limits: { floodSeconds: 0 } });
    const json = { json: true };
    await expectRefused(
      await post(handler, await validFields({ comment_parent: 'zzzzzzzz-00000000' }), json),
      422,
      'parent',
    );
    await expectRefused(
      await post(handler, await validFields({ comment_parent: '../private/x' }), json),
      422,
      'parent',
    );
    // A comment on another post, and a pending one on this post.
    await post(
      handler,
      await validFields({
        comment_post_ID: 'other',
        khabar_token: await liveToken('other'),
        comment: 'على مقال آخر',
      }),
    );
    await post(handler, await validFields({ comment: 'معلّق' }));
    const [elsewhere] = await store.list({ postId: 'other' });
    const [pending] = await store.list({ postId: POST });
    await store.setStatus(elsewhere?.public.id ?? '', 'approved');
    const before = await store.list();
    for (const parent of [elsewhere?.public.id ?? '', pending?.public.id ?? '']) {
      const response = await post(
        handler,
        await validFields({ comment_parent: parent, comment: `رد ${parent}` }),
        json,
      );
      expect(response.status).toBe(422);
    }
    // Depth: top (1) → reply (2) → reply to the reply would be 3 > maxDepth 2.
    await store.setStatus(pending?.public.id ?? '', 'approved');
    await post(handler, await validFields({ comment_parent: pending?.public.id ?? '', comment: 'رد أول' }));
    const reply = (await store.list({ status: 'pending' }))[0];
    await store.setStatus(reply?.public.id ?? '', 'approved');
    const deep = await post(
      handler,
      await validFields({ comment_parent: reply?.public.id ?? '', comment: 'أعمق' }),
      json,
    );
    expect(deep.status).toBe(422);
    expect(((await deep.json()) as { code: string }).code).toBe('depth');
    expect((await store.list()).length).toBe(before.length + 1);
  });

  it('400: the honeypot filled in', async () => {
    await expectRefused(
      await post(make(), await validFields({ subject: 'Buy now' }), { json: true }),
      400,
      'honeypot',
    );
  });

  it('time token: missing, forged, for another post, too old (400), too fast (429)', async () => {
    const json = { json: true };
    await expectRefused(
      await post(make(), await validFields({ khabar_token: '' }), json),
      400,
      'token-missing',
    );
    await expectRefused(
      await post(make(), await validFields({ khabar_token: 'l.1480593600.AAAAAAAAAAAAAAAAAAAAAA' }), json),
      400,
      'token-invalid',
    );
    await expectRefused(
      await post(make(), await validFields({ khabar_token: await liveToken('other') }), json),
      400,
      'token-invalid',
    );
    await expectRefused(
      await post(make(), await validFields({ khabar_token: await liveToken(POST, 2 * 86_400_000) }), json),
      400,
      'token-too-old',
    );
    const fast = await post(make(), await validFields({ khabar_token: await liveToken(POST, 500) }), json);
    expect(fast.headers.get('retry-after')).toBe('3');
    const body = JSON.parse(await expectRefused(fast, 429, 'too-fast')) as { token?: string };
    expect(body.token).toMatch(/^l\./);
  });

  it('429: a flood from one address, even behind a spoofed X-Forwarded-For', async () => {
    const handler = make();
    expect((await post(handler, await validFields())).status).toBe(303);
    clock += 5_000;
    const second = await post(handler, await validFields({ comment: 'ثانٍ' }), {
      headers: { 'x-forwarded-for': '198.51.100.9' },
      json: true,
    });
    expect(second.status).toBe(429);
    expect(second.headers.get('retry-after')).toBe('10');
    expect(((await second.json()) as { message: string }).message).toBe(
      'أنت تقوم بنشر التعليقات بسرعة كبيرة. تمهّل قليلاً.',
    );
    expect(
      (await post(handler, await validFields({ comment: 'ثالث' }), { address: '203.0.113.6' })).status,
    ).toBe(303);
    clock += 11_000;
    expect((await post(handler, await validFields({ comment: 'رابع' }))).status).toBe(303);
    expect((await store.list()).length).toBe(3);
  });

  it('trusts X-Forwarded-For from a configured proxy only', async () => {
    const handler = make({ trustedProxies: ['127.0.0.1'] });
    expect(
      (
        await post(handler, await validFields(), {
          address: '127.0.0.1',
          headers: { 'x-forwarded-for': '198.51.100.1' },
        })
      ).status,
    ).toBe(303);
    expect(
      (
        await post(handler, await validFields({ comment: 'ب' }), {
          address: '127.0.0.1',
          headers: { 'x-forwarded-for': '198.51.100.2' },
        })
      ).status,
    ).toBe(303);
    expect(
      (
        await post(handler, await validFields({ comment: 'ج' }), {
          address: '127.0.0.1',
          headers: { 'x-forwarded-for': '198.51.100.1' },
        })
      ).status,
    ).toBe(429);
    expect((await store.list()).map((c) => c.private.ip)).toEqual(['198.51.100.0/24', '198.51.100.0/24']);
  });

  it('409: the same comment twice, including two at once', async () => {
    const handler = make({ limits: { floodSeconds: 0 } });
    const fields = await validFields();
    const [a, b] = await Promise.all([
      post(handler, fields),
      post(handler, fields, { address: '203.0.113.77' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([303, 409]);
    clock += 60_000;
    const again = await post(handler, await validFields({ comment: '  تعليق **مفيد**   على الخبر ' }), {
      json: true,
    });
    expect(again.status).toBe(409);
    expect(((await again.json()) as { message: string }).message).toBe(
      'تم اكتشاف وجود تعليق مكرر، يبدو أنك قد سبق وأرسلت هذا التعليق.',
    );
    expect((await store.list()).length).toBe(1);
  });

  it('405 for GET on the submit route, 404 elsewhere', async () => {
    const handler = make();
    expect((await handler(new Request('https://c.example/'))).status).toBe(405);
    expect((await handler(new Request('https://c.example/../../etc/passwd'))).status).toBe(404);
    expect((await handler(new Request('https://c.example/admin'))).status).toBe(404);
  });
});

describe('pages for readers without JavaScript', () => {
  it('an error page in Arabic keeps the text, escaped, with a fresh token and no script', async () => {
    const comment = '<script>alert(1)</script><img src=x onerror=alert(1)> رأيي';
    const response = await post(
      make(),
      await validFields({ comment, khabar_token: await liveToken(POST, 3 * 86_400_000) }),
      {
        headers: { accept: 'text/html' },
      },
    );
    expect(response.status).toBe(400);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const { document } = parseHTML(await response.text());
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    expect(document.querySelector('[role=alert]')?.textContent).toBe(
      'انتهت صلاحية النموذج. أعد الإرسال الآن.',
    );
    expect(decodeEntities(document.querySelector('textarea')?.textContent ?? '')).toBe(comment);
    expect(document.querySelectorAll('script, img').length).toBe(0);
    expect(
      (document.querySelector('input[name=khabar_token]') as unknown as { value: string } | null)?.value,
    ).toMatch(/^l\./);
    expect(document.querySelector('a')?.getAttribute('href')).toBe(`${ORIGIN}${POSTS[0]?.url}#respond`);
    expect(await store.list()).toEqual([]);
  });

  it('the reply page names the parent and carries it', async () => {
    const handler = make();
    await post(handler, await validFields({ author: '<b>Ali</b>' }));
    const parent = (await store.list())[0]?.public.id ?? '';
    await store.setStatus(parent, 'approved');
    const response = await handler(
      new Request(`https://c.example/reply?post=${encodeURIComponent(POST)}&parent=${parent}`),
    );
    expect(response.status).toBe(200);
    const { document } = parseHTML(await response.text());
    expect(document.querySelector('h1')?.textContent).toBe('اترك رداً على <b>Ali</b>');
    expect(document.querySelectorAll('b').length).toBe(0);
    expect(document.querySelector('input[name=comment_parent]')?.getAttribute('value')).toBe(parent);
    expect((await handler(new Request(`https://c.example/reply?post=other&parent=${parent}`))).status).toBe(
      404,
    );
  });

  it('a token for the enhancement script, CORS only for the site', async () => {
    const handler = make();
    const response = await handler(
      new Request(`https://c.example/token?post=${encodeURIComponent(POST)}`, {
        headers: { origin: ORIGIN },
      }),
    );
    expect(response.headers.get('access-control-allow-origin')).toBe(ORIGIN);
    expect(((await response.json()) as { token: string }).token).toMatch(/^l\./);
    const foreign = await handler(
      new Request(`https://c.example/token?post=${encodeURIComponent(POST)}`, {
        headers: { origin: 'https://evil.example' },
      }),
    );
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
    expect((await handler(new Request('https://c.example/token?post=nope'))).status).toBe(404);
  });
});

describe("the site's language", () => {
  it('answers a Persian site in Persian, with lang and dir from its locale', async () => {
    const handler = make({ locale: 'fa-IR' });
    const page = await post(handler, await validFields({ khabar_token: '' }), {
      headers: { accept: 'text/html' },
    });
    const { document } = parseHTML(await page.text());
    expect(document.documentElement.getAttribute('lang')).toBe('fa-IR');
    expect(document.documentElement.getAttribute('dir')).toBe('rtl');
    expect(document.querySelector('h1')?.textContent).toBe('دیدگاه شما فرستاده نشد');
    const json = await post(handler, await validFields({ author: 'ا'.repeat(246) }), { json: true });
    expect(((await json.json()) as { message: string }).message).toBe(
      '«نام» از اندازهٔ مجاز بلندتر است (حداکثر ۲۴۵ نویسه).',
    );
  });

  it('fills the field and the limit into Arabic messages by name', async () => {
    const response = await post(make(), await validFields({ author: 'ا'.repeat(246) }), { json: true });
    expect(((await response.json()) as { message: string }).message).toBe(
      '«الاسم» أطول من المسموح به (245 حرفاً على الأكثر).',
    );
    const unknown = await post(make(), null, {
      body: `${formBody(await validFields())}&isAdmin=1`,
      json: false,
      headers: { accept: 'application/json' },
    });
    expect(((await unknown.json()) as { message: string }).message).toBe(
      'الطلب يحتوي على حقل غير معروف: isAdmin.',
    );
  });
});

describe('options', () => {
  it('names the option at fault', () => {
    expect(() => createHandler({ store, posts: [], origins: ['not a url'], secret: 'short' })).toThrow(
      /origins\[0\][\s\S]*secret: must be at least 16/,
    );
    expect(() =>
      createHandler({ store, posts: [], origins: [ORIGIN], secret: SECRET, maxDepth: 11 }),
    ).toThrow(/maxDepth/);
  });
});
