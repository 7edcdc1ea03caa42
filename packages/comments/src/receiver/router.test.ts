import { parseHTML } from 'linkedom';
import { beforeEach, describe, expect, it } from 'vitest';
import { createHandler } from './index.ts';
import {
  SECRET,
  ORIGIN,
  POST,
  h,
  resetHarness,
  make,
  validFields,
  formBody,
  post,
} from '../../test/helpers/handler.ts';

beforeEach(resetHarness);

describe('routes', () => {
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

  it('405 for GET on the submit route, 404 elsewhere', async () => {
    const handler = make();
    expect((await handler(new Request('https://c.example/'))).status).toBe(405);
    expect((await handler(new Request('https://c.example/../../etc/passwd'))).status).toBe(404);
    expect((await handler(new Request('https://c.example/admin'))).status).toBe(404);
  });
});

describe('pages for readers without JavaScript', () => {
  it('the reply page names the parent and carries it', async () => {
    const handler = make();
    // A name is never markup (refused), but `<`, `&` and quotes still reach the page escaped.
    await post(handler, await validFields({ author: 'Ali "<3" &amp; <' }));
    const parent = (await h.store.list())[0]?.public.id ?? '';
    await h.store.setStatus(parent, 'approved');
    const response = await handler(
      new Request(`https://c.example/reply?post=${encodeURIComponent(POST)}&parent=${parent}`),
    );
    expect(response.status).toBe(200);
    const { document } = parseHTML(await response.text());
    expect(document.querySelector('h1')?.textContent).toBe('اترك رداً على Ali "<3" &amp; <');
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

  it.each([
    [1, '«الاسم» أطول من المسموح به (حرف واحد على الأكثر).'],
    [2, '«الاسم» أطول من المسموح به (حرفان على الأكثر).'],
    [3, '«الاسم» أطول من المسموح به (3 أحرف على الأكثر).'],
    [10, '«الاسم» أطول من المسموح به (10 أحرف على الأكثر).'],
    [11, '«الاسم» أطول من المسموح به (11 حرفاً على الأكثر).'],
    [99, '«الاسم» أطول من المسموح به (99 حرفاً على الأكثر).'],
    [100, '«الاسم» أطول من المسموح به (100 حرف على الأكثر).'],
    [102, '«الاسم» أطول من المسموح به (102 حرف على الأكثر).'],
    [103, '«الاسم» أطول من المسموح به (103 أحرف على الأكثر).'],
    [1000, '«الاسم» أطول من المسموح به (1,000 حرف على الأكثر).'],
  ])('counts the limit of %i letters in Arabic as Arabic counts nouns', async (chars, message) => {
    const handler = make({ limits: { author: { chars, bytes: 20_000 } } });
    const response = await post(handler, await validFields({ author: 'ا'.repeat(chars + 1) }), {
      json: true,
    });
    expect(((await response.json()) as { message: string }).message).toBe(message);
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
    expect(() =>
      createHandler({ store: h.store, posts: [], origins: ['not a url'], secret: 'short' }),
    ).toThrow(/origins\[0\][\s\S]*secret: must be at least 16/);
    expect(() =>
      createHandler({ store: h.store, posts: [], origins: [ORIGIN], secret: SECRET, maxDepth: 11 }),
    ).toThrow(/maxDepth/);
  });
});

describe('mounted under a base path', () => {
  it('answers its routes there, with or without the trailing slash, and nothing outside', async () => {
    const handler = make({ basePath: '/api/comments/' });
    const get = async (path: string) => (await handler(new Request(`https://news.example${path}`))).status;
    expect(await get('/api/comments/health')).toBe(200);
    expect(await get('/api/comments/health/')).toBe(200);
    expect(await get(`/api/comments/token?post=${encodeURIComponent(POST)}`)).toBe(200);
    expect(await get('/api/comments/')).toBe(405);
    expect(await get('/api/comments')).toBe(405);
    expect(await get('/health')).toBe(404);
    expect(await get('/api/commentsx/health')).toBe(404);
    expect(await get('/api/comments/health/x')).toBe(404);
    const response = await handler(
      new Request('https://news.example/api/comments', {
        method: 'POST',
        headers: { origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
        body: formBody(await validFields()),
      }),
      { clientAddress: '203.0.113.5' },
    );
    expect(response.status).toBe(303);
  });
});

describe('headers', () => {
  it('sets the security and caching headers on every answer, and the page policy on pages', async () => {
    const handler = make();
    const responses = [
      await handler(new Request('https://c.example/health')),
      await handler(new Request('https://c.example/nope', { headers: { accept: 'text/html' } })),
      await handler(new Request('https://c.example/', { method: 'OPTIONS', headers: { origin: ORIGIN } })),
      await post(handler, await validFields()),
    ];
    for (const response of responses) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('vary')).toContain('Origin');
    }
    const page = responses[1];
    expect(page?.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page?.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page?.headers.get('referrer-policy')).toBe('same-origin');
  });
});

describe('where the pages post behind a TLS proxy', () => {
  const replyUrl = (parent: string) =>
    `http://127.0.0.1:8787/reply?post=${encodeURIComponent(POST)}&parent=${parent}`;
  async function approvedParent(handler: ReturnType<typeof make>): Promise<string> {
    await post(handler, await validFields());
    const parent = (await h.store.list())[0]?.public.id ?? '';
    await h.store.setStatus(parent, 'approved');
    return parent;
  }
  const actionOf = async (response: Response) =>
    parseHTML(await response.text())
      .document.querySelector('form')
      ?.getAttribute('action');
  const forwarded = { 'x-forwarded-proto': 'https', 'x-forwarded-host': 'news.example' };

  it('posts to the configured public URL', async () => {
    const handler = make({ publicUrl: 'https://comments.news.example/' });
    const parent = await approvedParent(handler);
    expect(await actionOf(await handler(new Request(replyUrl(parent))))).toBe(
      'https://comments.news.example/',
    );
  });

  it('believes X-Forwarded-Proto and -Host only from a trusted proxy', async () => {
    const handler = make({ trustedProxies: ['127.0.0.1'] });
    const parent = await approvedParent(handler);
    const request = () => new Request(replyUrl(parent), { headers: forwarded });
    expect(await actionOf(await handler(request(), { clientAddress: '127.0.0.1' }))).toBe(
      'https://news.example/',
    );
    expect(await actionOf(await handler(request(), { clientAddress: '203.0.113.9' }))).toBe(
      'http://127.0.0.1:8787/',
    );
  });
});

describe('when the site’s posts cannot be read', () => {
  const broken = () => {
    throw new Error('site.json at /srv/comments/site.json is not valid JSON: line 3, column 3: …');
  };
  it('answers 503 in Arabic, to the script and to a reader without JavaScript', async () => {
    const errors: string[] = [];
    const handler = make({
      posts: broken,
      logger: { warn: () => undefined, error: (l: string) => errors.push(l) },
    });
    const fields = await validFields();
    const asJson = await post(handler, fields, { json: true });
    expect(asJson.status).toBe(503);
    expect(((await asJson.json()) as { message: string }).message).toBe(
      'تعذّر على خادم التعليقات قراءة إعدادات الموقع، فلم يُحفظ تعليقك. حاول مجدداً بعد قليل.',
    );
    const asPage = await post(handler, fields);
    expect(asPage.status).toBe(503);
    expect(asPage.headers.get('content-type')).toContain('text/html');
    expect(await asPage.text()).toContain('تعذّر على خادم التعليقات قراءة إعدادات الموقع');
    expect(errors.join('\n')).toContain('/srv/comments/site.json');
    expect(await h.store.list()).toEqual([]);
  });
});
