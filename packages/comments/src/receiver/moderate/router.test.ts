/**
 * `/moderate` in-process, over the receiver's harness (a MemoryStore, or SQLite/PostgreSQL with
 * KHABAR_TEST_STORE): the setup page, the login and its limits, the actions and their audit, the
 * refusals. The same flows run in Chromium in tests/browser/moderate.test.ts.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { h, make, POST, resetHarness } from '../../../test/helpers/handler.ts';
import { hashPassword } from '../../lib/password.ts';
import { sampleComment } from '../../store/contract.ts';
import { SqliteStore } from '../../store/sqlite.ts';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AuditEntry } from './audit.ts';
import { publicUrlOf, type ModeratorOptions } from './options.ts';

const PASSWORD = 'كلمة-مرور-المشرف-2016';
const HASH = await hashPassword(PASSWORD, { ln: 10, r: 8, p: 1 });
const RECEIVER = 'https://comments.news.example';
const SAME = { 'sec-fetch-site': 'same-origin', origin: RECEIVER };

let audit: AuditEntry[] = [];

beforeEach(async () => {
  await resetHarness();
  audit = [];
});

function moderated(options: ModeratorOptions = {}) {
  return make({
    deployHook: 'https://deploy.example/hook',
    moderator: {
      passwordHash: HASH,
      timeZone: 'Asia/Damascus',
      audit: (e) => void audit.push(e),
      ...options,
    },
  });
}
type Handler = ReturnType<typeof moderated>;

/** A browser of one: its cookies, kept across requests. */
function browser(handler: Handler, address = '203.0.113.5') {
  const jar = new Map<string, string>();
  const send = async (
    path: string,
    init: { method?: string; form?: Record<string, string>; headers?: Record<string, string> } = {},
  ) => {
    const headers: Record<string, string> = { ...init.headers };
    if (jar.size) headers['cookie'] = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    let body: string | null = null;
    if (init.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      body = new URLSearchParams(init.form).toString();
    }
    const response = await handler(
      new Request(`${RECEIVER}${path}`, { method: init.method ?? 'GET', headers, body }),
      {
        clientAddress: address,
      },
    );
    for (const line of response.headers.getSetCookie()) {
      const [pair = ''] = line.split(';');
      const [name = '', value = ''] = pair.split('=');
      if (/Max-Age=0/.test(line)) jar.delete(name);
      else jar.set(name, value);
    }
    return { response, text: await response.text() };
  };
  const csrf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return {
    jar,
    send,
    csrf,
    async login(password = PASSWORD, name = 'ليلى') {
      const page = await send('/moderate');
      return send('/moderate/login', {
        method: 'POST',
        headers: SAME,
        form: { csrf: csrf(page.text), name, password },
      });
    },
  };
}

async function pendingComment(extra: Parameters<typeof sampleComment>[0] = {}) {
  const comment = sampleComment({
    ...extra,
    public: { postId: POST, author: 'سارة', body: 'تعليق ينتظر المراجعة', ...extra.public },
    private: { email: 'sara@example.com', ip: '203.0.113.0/24', ...extra.private },
  });
  await h.store.add(comment);
  return comment;
}

describe('/moderate', () => {
  it('without a password explains how to set one, in Arabic, and lets nobody in', async () => {
    const b = browser(make());
    const page = await b.send('/moderate');
    expect(page.response.status).toBe(503);
    expect(page.text).toContain('<html lang="ar" dir="rtl">');
    expect(page.text).toContain('لم تُضبط كلمة مرور للإشراف');
    expect(page.text).toContain('khabar-comments passwd');
    expect(page.text).toContain('KHABAR_COMMENTS_MODERATOR_PASSWORD_HASH');
    const login = await b.send('/moderate/login', { method: 'POST', headers: SAME, form: { password: '' } });
    expect(login.response.status).toBe(503);
  });

  it('refuses a hash that is not one, naming the option', () => {
    expect(() => make({ moderator: { passwordHash: 'plain text' } })).toThrow(/moderator\.passwordHash/);
  });

  it('logs in with a session cookie that is HttpOnly, Secure, SameSite=Strict and on the moderate path only', async () => {
    const b = browser(moderated());
    const form = await b.send('/moderate');
    expect(form.text).toContain('name="password" type="password"');
    const login = await b.login();
    expect(login.response.status).toBe(303);
    const cookie = login.response.headers
      .getSetCookie()
      .find((c) => c.startsWith('__Secure-khabar-moderator='));
    expect(cookie).toMatch(/; Path=\/moderate; HttpOnly; Secure; SameSite=Strict/);
    expect(cookie).toMatch(/^__Secure-khabar-moderator=[A-Za-z0-9_-]{43};/);
    expect(audit.map((e) => e.action)).toEqual(['login']);
    expect(audit[0]).toMatchObject({ who: 'ليلى', address: '203.0.113.5' });
    expect(audit[0]?.session).toMatch(/^[0-9a-f]{12}$/);
  });

  it('lists pending comments with their story, time in the site’s zone and private fields, and approves one', async () => {
    const comment = await pendingComment({
      public: { createdAt: '2016-12-01T10:15:00.000Z', url: 'https://sara.example/' },
    });
    const b = browser(moderated());
    await b.login();
    const list = await b.send('/moderate');
    expect(list.response.status).toBe(200);
    expect(list.text).toContain('<bdi>سارة</bdi>');
    expect(list.text).toContain('<div class="text" dir="auto">تعليق ينتظر المراجعة</div>');
    expect(list.text).toContain('<bdi>روسيا</bdi>');
    expect(list.text).toContain('href="https://news.example/politics/%D8%B1%D9%88%D8%B3%D9%8A%D8%A7/"');
    expect(list.text).toContain('sara@example.com');
    expect(list.text).toContain('203.0.113.0/24');
    expect(list.text).toContain('https://sara.example/');
    // 10:15 UTC is 12:15 in Damascus (UTC+2 in 2016).
    expect(list.text).toMatch(/<time datetime="2016-12-01T10:15:00.000Z">[^<]*12:15/);
    const done = await b.send('/moderate/action', {
      method: 'POST',
      headers: SAME,
      form: { csrf: b.csrf(list.text), id: comment.public.id, action: 'approve', back: 'status=pending' },
    });
    expect(done.response.status).toBe(303);
    expect(done.response.headers.get('location')).toBe('/moderate?status=pending');
    expect((await h.store.get(comment.public.id))?.status).toBe('approved');
    expect(h.hooks).toEqual(['https://deploy.example/hook']);
    const after = await b.send('/moderate?status=pending');
    expect(after.text).toContain('اعتُمد التعليق.');
    expect(after.text).toContain('لا توجد تعليقات هنا.');
    expect(audit.at(-1)).toMatchObject({
      action: 'approve',
      comment: comment.public.id,
      post: POST,
      who: 'ليلى',
    });
  });

  it('refuses a wrong password, and a post without the session’s form token or from another site', async () => {
    const comment = await pendingComment();
    const b = browser(moderated());
    const wrong = await b.login('not the password');
    expect(wrong.response.status).toBe(401);
    expect(wrong.text).toContain('كلمة المرور غير صحيحة.');
    expect(audit.map((e) => e.action)).toEqual(['login-failed']);
    await b.login();
    const list = await b.send('/moderate');
    const form = { csrf: b.csrf(list.text), id: comment.public.id, action: 'spam' };
    const noToken = await b.send('/moderate/action', {
      method: 'POST',
      headers: SAME,
      form: { ...form, csrf: 'x'.repeat(43) },
    });
    expect(noToken.response.status).toBe(403);
    const crossSite = await b.send('/moderate/action', {
      method: 'POST',
      headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
      form,
    });
    expect(crossSite.response.status).toBe(403);
    expect(crossSite.text).toContain('رُفض الطلب');
    const oldBrowser = await b.send('/moderate/action', {
      method: 'POST',
      headers: { origin: 'https://evil.example' },
      form,
    });
    expect(oldBrowser.response.status).toBe(403);
    expect((await h.store.get(comment.public.id))?.status).toBe('pending');
    expect(audit.filter((e) => e.action === 'refused')).toHaveLength(3);
  });

  it('limits logins to five a minute per address, in Arabic, with Retry-After', async () => {
    const handler = moderated();
    const b = browser(handler);
    for (let i = 0; i < 5; i++) expect((await b.login('wrong password')).response.status).toBe(401);
    const limited = await b.login();
    expect(limited.response.status).toBe(429);
    expect(limited.response.headers.get('retry-after')).toBe('60');
    expect(limited.text).toContain('محاولات دخول كثيرة');
    // Another address may still log in; a minute later, this one too.
    expect((await browser(handler, '198.51.100.7').login()).response.status).toBe(303);
    h.clock += 60_000;
    expect((await b.login()).response.status).toBe(303);
    expect(audit.filter((e) => e.action === 'login-limited')).toHaveLength(1);
  });

  it('limits logins from every address together', async () => {
    const handler = moderated({ loginLimits: { perAddress: 5, global: 3 } });
    for (let i = 0; i < 3; i++) await browser(handler, `192.0.2.${i}`).login('wrong password');
    const limited = await browser(handler, '192.0.2.99').login();
    expect(limited.response.status).toBe(429);
  });

  it('posts an editor’s reply, approved, under a pending comment it approves too', async () => {
    const comment = await pendingComment();
    const b = browser(moderated());
    await b.login();
    const list = await b.send('/moderate');
    const reply = await b.send('/moderate/reply', {
      method: 'POST',
      headers: SAME,
      form: {
        csrf: b.csrf(list.text),
        id: comment.public.id,
        author: 'فريق التحرير',
        comment: 'شكراً على ملاحظتك.',
      },
    });
    expect(reply.response.status).toBe(303);
    const all = await h.store.list({ status: 'approved' });
    expect(all.map((c) => c.public.id)).toContain(comment.public.id);
    const editor = all.find((c) => c.public.parentId === comment.public.id);
    expect(editor?.public).toMatchObject({ author: 'فريق التحرير', body: 'شكراً على ملاحظتك.', postId: POST });
    expect(audit.map((e) => e.action)).toEqual(['login', 'approve', 'reply']);
  });

  it('searches text, names and stories, shows other statuses, and deletes only once confirmed', async () => {
    const a = await pendingComment({ public: { author: 'عمر', body: 'عن الاقتصاد' } });
    await pendingComment({ public: { author: 'هدى', body: 'عن الرياضة' } });
    const spam = await pendingComment({ public: { author: 'Bot', body: 'buy now' } });
    await h.store.setStatus(spam.public.id, 'spam');
    const b = browser(moderated());
    await b.login();
    const found = await b.send(`/moderate?q=${encodeURIComponent('الإقتصاد')}`);
    expect(found.text).toContain('عمر');
    expect(found.text).not.toContain('هدى');
    const spamList = await b.send('/moderate?status=spam');
    expect(spamList.text).toContain('buy now');
    expect(spamList.text).not.toContain('عمر');
    const form = { csrf: b.csrf(found.text), id: a.public.id, action: 'delete' };
    const confirm = await b.send('/moderate/action', { method: 'POST', headers: SAME, form });
    expect(confirm.response.status).toBe(200);
    expect(confirm.text).toContain('حذف التعليق نهائياً؟');
    expect(await h.store.get(a.public.id)).toBeDefined();
    await b.send('/moderate/action', { method: 'POST', headers: SAME, form: { ...form, confirm: '1' } });
    expect(await h.store.get(a.public.id)).toBeUndefined();
  });

  it('on a database, searches story titles and pages through the database, with the same counts', async () => {
    const store = await SqliteStore.open(join(await mkdtemp(join(tmpdir(), 'khabar-moderate-')), 'c.db'));
    try {
      h.store = store;
      const onRussia = [];
      for (let i = 0; i < 7; i++) onRussia.push(await pendingComment({ public: { body: `رأي رقم ${i}` } }));
      await pendingComment({ public: { postId: 'other', author: 'هدى', body: 'عن الرياضة' } });
      const approved = await pendingComment({ public: { postId: 'other', body: 'منشور' } });
      await store.setStatus(approved.public.id, 'approved');
      const b = browser(moderated({ pageSize: 3 }));
      await b.login();
      // «روسيا» is the title of the story POST: its seven comments match, the other story's do not.
      const first = await b.send(`/moderate?q=${encodeURIComponent('روسيا')}`);
      expect(first.text).toContain('رأي رقم 6');
      expect(first.text).not.toContain('هدى');
      expect(first.text).toMatch(/نتائج البحث عن «روسيا»: (7|٧) ·/);
      expect(first.text).toMatch(/الصفحة (1|١) من (3|٣)/);
      const last = await b.send(`/moderate?q=${encodeURIComponent('روسيا')}&page=9`);
      // A page past the end shows the last one: the oldest comment.
      expect(last.text).toContain('رأي رقم 0');
      expect(last.text).not.toContain('رأي رقم 3');
      const page2 = await b.send('/moderate?page=2');
      expect(page2.text).toContain('رأي رقم 3');
      expect(page2.text).not.toContain('رأي رقم 6');
      const list = await b.send('/moderate?status=approved');
      expect(list.text).toContain('منشور');
      expect(list.text).not.toContain('رأي رقم');
    } finally {
      await store.close();
    }
  });

  it('ends the session on logout, and when the password changes', async () => {
    let hash = HASH;
    const b = browser(moderated({ passwordHash: () => hash }));
    await b.login();
    expect((await b.send('/moderate')).text).toContain('moderate/logout');
    hash = await hashPassword('another password entirely', { ln: 10, r: 8, p: 1 });
    const after = await b.send('/moderate');
    expect(after.text).toContain('انتهت جلستك');
    await b.login('another password entirely');
    const list = await b.send('/moderate');
    await b.send('/moderate/logout', { method: 'POST', headers: SAME, form: { csrf: b.csrf(list.text) } });
    expect((await b.send('/moderate')).text).toContain('name="password"');
  });
});

describe('the receiver’s public URL, for the moderation page', () => {
  it('is the site’s endpoint, absolute or a path on its first origin', () => {
    const manifest = (endpoint: string) => ({ endpoint }) as unknown as Parameters<typeof publicUrlOf>[0];
    expect(publicUrlOf(manifest('https://comments.news.example/'), [])).toBe(
      'https://comments.news.example/',
    );
    expect(publicUrlOf(manifest('/comments/'), ['https://news.example'])).toBe(
      'https://news.example/comments/',
    );
    expect(publicUrlOf(manifest('/comments/'), [])).toBeUndefined();
    expect(publicUrlOf(undefined, ['https://news.example'])).toBeUndefined();
  });
});
